/**
 * A reminder in the chat: at 08:00 Vietnam time a week before the plan deadline, the teacher who has
 * not submitted gets a reminder in their language whose button opens their plan; the one who
 * submitted gets nothing. /deadlines shows what is still open.
 */
import { Api } from 'grammy'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { broadcastRenderer } from '../../src/bot/features/broadcast.ts'
import { OutboxWorker } from '../../src/jobs/outbox-worker.ts'
import { reminderTextFromLocales, runDueReminders } from '../../src/jobs/reminders.ts'
import { type Harness, inProcessWorld, TEST_TOKEN, texts } from '../helpers/bot-harness.ts'
import { fullPlan, must, school, type World } from '../services/support.ts'

let h: Harness
let w: World
let A: Awaited<ReturnType<typeof school>>
const all = (messages: Array<{ text?: string }>) => messages.map((m) => m.text ?? '').join('\n---\n')

beforeAll(async () => {
  ;({ h, w } = await inProcessWorld())
  A = await school(w, 'Trường A', 100)
  await h.app.deps.telegramUsers.setLanguage(A.teacherVan.telegramId, 'en')
  // everyone linked has a chat with the bot, as after joining
  for (const p of [A.admin, A.headToan, A.headVan])
    h.fake.user({ id: p.telegramId, first_name: String(p.telegramId) })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

it('reminds exactly those whose plan is not submitted, and its button opens the plan', async () => {
  const toan = h.fake.user({ id: A.teacherToan.telegramId, first_name: 'Toán' })
  const van = h.fake.user({ id: A.teacherVan.telegramId, first_name: 'Văn' })
  must(await h.app.deps.plans.submit(A.teacherToan, { planId: await fullPlan(w, A.teacherToan) }))

  expect(all(await van.say('/deadlines'))).toMatch(/⏳ .*07\/09\/2025.*something still to do/)
  expect(all(await toan.say('/deadlines'))).toContain('✅ đã xong')

  // 31 August 2025, 08:00 in Vietnam: seven days before the 7 September deadline
  const at = new Date('2025-08-31T01:00:00Z')
  w.at(at.toISOString())
  const text = reminderTextFromLocales((language, key, vars) => h.app.deps.i18n.t(language, key, vars))
  const tick = await runDueReminders({ db: h.app.db, text }, at)
  expect(tick.enqueued.length).toBeGreaterThan(0)
  const server = await h.fake.listen()
  const worker = new OutboxWorker({
    db: h.app.db,
    api: new Api(TEST_TOKEN, { apiRoot: server.url }),
    rate: 200,
    startupDelayMs: 0,
    render: broadcastRenderer(h.app.deps.i18n),
  })
  await worker.run({ untilIdle: true })
  await server.close()

  const reminder = van.messages().find((m) => m.text?.includes('⏰'))
  expect(reminder?.text).toContain('due 07/09/2025 (7 days left)')
  expect(reminder?.text).toContain('You have not submitted your BDTX plan yet.')
  expect(toan.messages().some((m) => m.text?.includes('⏰'))).toBe(false)
  expect(all(await van.tap('📝 Open my plan', reminder))).toContain('BDTX plan 2025-2026')

  // a second tick, as after a restart, sends nothing again
  expect((await runDueReminders({ db: h.app.db, text }, at)).enqueued).toEqual([])
})

it("lets the school's admin move a deadline, and refuses a teacher", async () => {
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  expect(texts(await admin.say('/deadlines'))).toContain('1. 27/08/2025 – 07/09/2025')
  expect(texts(await admin.say('/deadline move 1 10/09/2025'))).toContain('Đã cập nhật lịch')
  // only the deadline moves: the period still opens on 27/08
  expect(texts(admin.messages().slice(-1))).toMatch(
    /27\/08\/2025 – 10\/09\/2025 — Giáo viên viết và nộp kế hoạch/,
  )
  // the plan deadline of the year moved with it
  const year = must(await h.app.deps.schools.currentYear(A.admin, { schoolId: A.school.id }))
  expect(year.planDeadline).toBe('2025-09-10')
  const teacher = h.fake.user({ id: A.teacherToan.telegramId, first_name: 'Toán' })
  expect(texts(await teacher.say('/deadline move 1 30/09/2025'))).toContain(
    'Lệnh /deadline dành cho Ban chỉ đạo BDTX',
  )
  expect(must(await h.app.deps.schools.currentYear(A.admin, { schoolId: A.school.id })).planDeadline).toBe(
    '2025-09-10',
  )
})

it('refuses a school deadline pair where approval closes before (or with) submission, saying both dates', async () => {
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  const before = must(await h.app.deps.schools.currentYear(A.admin, { schoolId: A.school.id }))
  for (const command of ['/setdeadline 20/09/2025 14/09/2025', '/setdeadline 14/09/2025 14/09/2025']) {
    const reply = texts(await admin.say(command))
    expect(reply).toContain('Hạn nhà trường duyệt (14/09/2025) phải sau hạn giáo viên đăng ký kế hoạch')
    expect(reply).toContain('Chưa thay đổi gì')
  }
  expect(must(await h.app.deps.schools.currentYear(A.admin, { schoolId: A.school.id }))).toEqual(before)
})

it('asks before removing a deadline, and removes it only on the confirming button', async () => {
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  expect(texts(await admin.say('/deadline add 20/10/2025 Họp tổ giữa kỳ'))).toContain('Đã cập nhật lịch')
  const place = () => /(\d+)\. [^\n]*Họp tổ giữa kỳ/.exec(texts(admin.messages().slice(-2)))?.[1]
  await admin.say('/deadlines')
  const n = place()
  expect(n).toBeDefined()
  const asked = texts(await admin.say(`/deadline remove ${n}`))
  expect(asked).toContain('Xóa mốc Họp tổ giữa kỳ (20/10/2025) khỏi lịch?')
  expect(texts(await admin.tap('↩️ Giữ lại'))).toContain('không thay đổi gì')
  expect(texts(await admin.say('/deadlines'))).toContain('Họp tổ giữa kỳ')
  await admin.say(`/deadline remove ${n}`)
  expect(texts(await admin.tap('🗑 Xóa mốc'))).toContain('Đã xóa mốc khỏi lịch')
  expect(texts(await admin.say('/deadlines'))).not.toContain('Họp tổ giữa kỳ')
})
