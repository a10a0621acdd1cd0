import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { remindButton } from '../../src/bot/features/report-more.ts'
import { deliverOutbox, type Harness, inProcessWorld, texts } from '../helpers/bot-harness.ts'
import { fullPlan, must, school, type World } from '../services/support.ts'

let h: Harness
let w: World
let A: Awaited<ReturnType<typeof school>>

beforeAll(async () => {
  ;({ h, w } = await inProcessWorld())
  A = await school(w, 'THPT Lê Lợi', 100)
  await h.app.deps.telegramUsers.setLanguage(A.teacherVan.telegramId, 'en')
  for (const p of [A.admin, A.headToan, A.teacherToan, A.headVan, A.teacherVan])
    h.fake.user({ id: p.telegramId, first_name: String(p.telegramId) })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

const user = (p: { telegramId: number }) =>
  h.fake.user({ id: p.telegramId, first_name: String(p.telegramId) })
const reminders = (p: { telegramId: number }) =>
  user(p)
    .messages()
    .filter((m) => m.text?.includes('⏰'))

/** The outbox worker, until nothing is left to send. */
const deliver = () => deliverOutbox(h)

describe('/report: who is late for the next deadline', () => {
  it('shows the admin who has not submitted a plan, with a button each and one for all', async () => {
    const admin = user(A.admin)
    const text = texts(await admin.say('/report'))
    expect(text).toContain(
      '⏳ Chưa xong: Giáo viên viết và nộp kế hoạch BDTX cá nhân — hạn 07/09/2025 (còn 10 ngày): 4 người',
    )
    expect(text).toContain('1. Head Toán — Tổ Toán')
    expect(text).toContain('Teacher Văn — Tổ Văn')
    const labels = admin.buttons().map((b) => b.text)
    expect(labels).toEqual(
      expect.arrayContaining([
        '🔔 Head Toán',
        '🔔 Teacher Toán',
        '🔔 Head Văn',
        '🔔 Teacher Văn',
        '🔔 Nhắc tất cả (4)',
      ]),
    )
    for (const b of admin.buttons()) expect(Buffer.byteLength(b.data ?? '')).toBeLessThanOrEqual(64)
  })

  it('reminds one person through the outbox, in their language; the others get nothing', async () => {
    const admin = user(A.admin)
    await admin.say('/report')
    expect(texts(await admin.tap('🔔 Teacher Văn'))).toContain('Đã gửi lời nhắc cho 1 người.')
    await deliver()
    const got = reminders(A.teacherVan)
    expect(got).toHaveLength(1)
    expect(got[0]!.text).toContain('due 07/09/2025')
    expect(got[0]!.text).toContain('You have not submitted your BDTX plan yet.')
    expect(reminders(A.teacherToan)).toHaveLength(0)
    expect(reminders(A.headVan)).toHaveLength(0)
  })

  it('leaves out who has submitted since, and reminds all the others at once', async () => {
    must(await h.app.deps.plans.submit(A.teacherToan, { planId: await fullPlan(w, A.teacherToan) }))
    const admin = user(A.admin)
    const text = texts(await admin.say('/report'))
    expect(text).toContain('3 người')
    expect(text).not.toContain('Teacher Toán')
    // Teacher Văn was reminded a moment ago: not again
    expect(texts(await admin.tap('🔔 Nhắc tất cả (3)'))).toContain(
      'Đã gửi lời nhắc cho 2 người. 1 người đã được nhắc hạn này trong 12 giờ qua nên không nhắc lại.',
    )
    await deliver()
    expect(reminders(A.headToan)).toHaveLength(1)
    expect(reminders(A.headVan)).toHaveLength(1)
    expect(reminders(A.teacherVan)).toHaveLength(1)
    expect(reminders(A.teacherToan)).toHaveLength(0)
    // pressed again: everyone was just reminded
    await admin.tap('🔔 Nhắc tất cả (3)')
    expect(admin.answers().at(-1)?.text).toContain('đã được nhắc hạn này trong 12 giờ qua')
    // thirteen hours later they may be reminded again
    w.at('2025-08-28T16:00:00Z')
    await admin.say('/report')
    expect(texts(await admin.tap('🔔 Nhắc tất cả (3)'))).toContain('Đã gửi lời nhắc cho 3 người.')
    await deliver()
    expect(reminders(A.headToan)).toHaveLength(2)
  })

  it('gives a head their department only, and refuses a forged press for another department', async () => {
    const headVan = user(A.headVan)
    const text = texts(await headVan.say('/report'))
    expect(text).toContain('1 người')
    expect(text).toContain('Teacher Văn')
    expect(text).not.toContain('Head Toán')
    // a button of Tổ Toán, as the head of Tổ Văn could forge it
    const forged = remindButton.pack({
      school: A.school.id,
      department: A.toan.id,
      deadline: Number(
        remindButton.unpack(headVan.buttons().find((b) => b.text.startsWith('🔔'))!.data)!.deadline,
      ),
      person: 0,
    })
    const update = await h.fake.deliver({
      callback_query: {
        id: h.fake.openCallbackQuery(headVan.id),
        from: headVan.info,
        message: headVan.lastMessage()!,
        chat_instance: '1',
        data: forged,
      },
    })
    const sent = await headVan.settle(update)
    expect(texts(sent)).not.toContain('Đã gửi')
    expect(headVan.answers().at(-1)).toMatchObject({ show_alert: true })
    expect(headVan.answers().at(-1)?.text).toContain('Bạn không có quyền')
    await deliver()
    expect(reminders(A.headToan)).toHaveLength(2)
  })

  it('says so when the person pressed for has submitted in the meantime', async () => {
    const admin = user(A.admin)
    await admin.say('/report')
    must(await h.app.deps.plans.submit(A.headToan, { planId: await fullPlan(w, A.headToan) }))
    await admin.tap('🔔 Head Toán')
    expect(admin.answers().at(-1)).toMatchObject({ show_alert: true })
    expect(admin.answers().at(-1)?.text).toContain('đã xong việc')
    await deliver()
    expect(reminders(A.headToan)).toHaveLength(2)
  })

  it('keeps a department of 70 late people under 4,096 characters and counts the rest', async () => {
    const names = Array.from({ length: 70 }, (_, i) => `Nguyễn Thị Phương Thảo Người Thứ ${i + 1}`)
    const csv = ['Họ và tên,Vai trò,Tổ,Cấp học,Môn', ...names.map((n) => `${n},giáo viên,Tổ Toán,THPT,Toán`)]
    const preview = must(
      await h.app.deps.imports.previewStaff(A.admin, {
        schoolId: A.school.id,
        fileName: 'staff.csv',
        data: new TextEncoder().encode(csv.join('\n')),
      }),
    )
    must(await h.app.deps.imports.commitStaff(A.admin, { schoolId: A.school.id, preview }))
    const admin = user(A.admin)
    const [message] = await admin.say('/report')
    const text = message!.text!
    expect(text.length).toBeLessThan(4096)
    expect(text).toContain('72 người')
    expect(text).toContain('… và 62 người khác.')
    // those without Telegram are named but have no button; "remind all" counts those it can reach
    expect(text).toContain('1. Nguyễn Thị Phương Thảo Người Thứ 1 — Tổ Toán (chưa dùng bot)')
    expect(text).toContain('10. Nguyễn Thị Phương Thảo Người Thứ 10 — Tổ Toán (chưa dùng bot)')
    expect(admin.buttons().map((b) => b.text)).toContain('🔔 Nhắc tất cả (2)')
    for (const b of admin.buttons()) expect(Buffer.byteLength(b.data ?? '')).toBeLessThanOrEqual(64)
  })
})
