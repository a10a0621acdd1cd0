import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { deliverOutbox, type Harness, inProcessWorld, texts } from '../helpers/bot-harness.ts'
import { fullPlan, must, school, type World } from '../services/support.ts'

let h: Harness
let w: World
let A: Awaited<ReturnType<typeof school>>
let admin: FakeUser
let headToan: FakeUser
let headVan: FakeUser
let toan: FakeUser
let van: FakeUser

/** The outbox worker from `iso` until nothing waits (its clock jumps whenever it sleeps). */
const deliver = (iso: string) => deliverOutbox(h, iso)

const startsWith = (prefix: string) => (b: { text: string }) => b.text.startsWith(prefix)
const approvals = (user: FakeUser) => user.messages().filter((m) => m.text?.includes('đã được'))

beforeAll(async () => {
  ;({ h, w } = await inProcessWorld())
  A = await school(w, 'Trường A', 500)
  admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  headToan = h.fake.user({ id: A.headToan.telegramId, first_name: 'Head Toán' })
  headVan = h.fake.user({ id: A.headVan.telegramId, first_name: 'Head Văn' })
  toan = h.fake.user({ id: A.teacherToan.telegramId, first_name: 'Toán' })
  van = h.fake.user({ id: A.teacherVan.telegramId, first_name: 'Văn' })
  must(await h.app.deps.plans.submit(A.teacherToan, { planId: await fullPlan(w, A.teacherToan) }))
  must(await h.app.deps.plans.submit(A.teacherVan, { planId: await fullPlan(w, A.teacherVan) }))
})
afterAll(async () => {
  // the one linked person who never opened a chat with the bot
  expect(h.fake.violations).toEqual([expect.stringContaining('chat not found')])
  await h.close()
})

describe('direct notices and quiet hours', () => {
  it('a plan approved at 22:00 reaches the teacher and the school at 07:00, once', async () => {
    // Toán turned result notices off
    await toan.say('/settings')
    await toan.tap('📊 Tắt thông báo kết quả')
    const toanBefore = toan.messages().length

    w.at('2025-09-01T15:00:00Z') // 22:00 in Vietnam
    await headVan.say('/approve')
    await headVan.tap(startsWith('✅ 1. Teacher Văn'))
    // the head's own answer comes at once
    expect(headVan.answers().at(-1)?.text).toContain('Teacher Văn')
    await headToan.say('/approve')
    await headToan.tap(startsWith('✅ 1. Teacher Toán'))

    // nothing at night: the teacher's notice and the school's both wait for 07:00
    expect(approvals(van)).toEqual([])
    expect(admin.messages().some((m) => m.text?.includes('chờ nhà trường duyệt'))).toBe(false)
    const held = await h.app.db
      .selectFrom('outbox')
      .select(['chat_id', 'not_before', 'state'])
      .where('chat_id', 'in', [A.teacherVan.telegramId, A.admin.telegramId, A.teacherToan.telegramId])
      .execute()
    expect(held.map((r) => Number(r.chat_id)).sort()).toEqual(
      [A.admin.telegramId, A.admin.telegramId, A.teacherVan.telegramId].sort(),
    )
    expect(new Set(held.map((r) => r.not_before))).toEqual(new Set(['2025-09-02T00:00:00.000Z']))

    await deliver('2025-09-01T23:50:00Z')
    expect(approvals(van)).toHaveLength(1)
    expect(texts(approvals(van))).toContain('Kế hoạch BDTX của Thầy/Cô đã được')
    expect(admin.messages().filter((m) => m.text?.includes('chờ nhà trường duyệt'))).toHaveLength(2)
    // Toán: no result notice, not at night and not in the morning
    expect(toan.messages().slice(toanBefore + 1)).toEqual([])

    // a second worker run sends nothing again
    await deliver('2025-09-02T01:00:00Z')
    expect(approvals(van)).toHaveLength(1)
  })

  it('in the daytime the notice goes at once', async () => {
    w.at('2025-09-02T03:00:00Z') // 10:00
    await admin.say('/approve')
    await admin.tap((b) => b.text.startsWith('✅') && b.text.includes('Teacher Văn'))
    expect(texts(van.messages().slice(-1))).toContain('Đã được nhà trường duyệt')
  })
})

describe('an announcement tells apart who blocked the bot and who never opened it', () => {
  it('in the preview and in the report', async () => {
    w.at('2025-09-02T03:30:00Z') // 10:30
    const { invites, people } = h.app.deps
    // one never linked, one linked who never opened a chat with the bot, one who blocked it
    must(
      await people.add(A.admin, {
        schoolId: A.school.id,
        fullName: 'Chưa Liên Kết',
        role: 'teacher',
        departmentId: A.van.id,
      }),
    )
    const invite = must(
      await invites.create(A.admin, { schoolId: A.school.id, role: 'teacher', departmentId: A.van.id }),
    )
    await h.app.deps.telegramUsers.seen({ id: 599, first_name: 'user599' })
    must(await invites.redeem({ telegramId: 599 }, { code: invite.code, fullName: 'Chưa Mở Chat' }))
    await headToan.blockBot()

    await admin.say('/broadcast')
    await admin.say('Lịch họp tháng 9')
    await admin.tap('Mọi người trong trường')
    const preview = texts(admin.messages().slice(-1))
    expect(preview).toContain('tới 5 người')
    expect(preview).toContain('1 người chưa từng mở bot sẽ không nhận được')
    expect(preview).toContain('1 người đã chặn bot sẽ không nhận được')
    await admin.tap('✅ Gửi')
    await deliver('2025-09-02T03:30:00Z')
    const report = texts(admin.messages().slice(-2))
    expect(report).toContain('Chưa Mở Chat — chưa từng mở bot')
  })
})
