import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { reminderTextFromLocales, runDueReminders } from '../../src/jobs/reminders.ts'
import { clockedWorker, type Harness, inProcessWorld, texts } from '../helpers/bot-harness.ts'
import { fullPlan, must, school, type World } from '../services/support.ts'

let h: Harness
let w: World
let A: Awaited<ReturnType<typeof school>>
let admin: FakeUser
let toan: FakeUser
let van: FakeUser

/** A worker on a clock that starts at `startIso` and jumps forward whenever the worker sleeps. */
const workerAt = (startIso: string) => clockedWorker(h, startIso)

const reminderText = () => reminderTextFromLocales((l, k, v) => h.app.deps.i18n.t(l, k, v))

async function sentRows(chatId: number) {
  return h.app.db
    .selectFrom('outbox')
    .select(['state', 'sent_at', 'not_before', 'broadcast_id'])
    .where('chat_id', '=', chatId)
    .orderBy('id')
    .execute()
}

beforeAll(async () => {
  ;({ h, w } = await inProcessWorld())
  A = await school(w, 'Trường A', 100)
  admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  toan = h.fake.user({ id: A.teacherToan.telegramId, first_name: 'Toán' })
  van = h.fake.user({ id: A.teacherVan.telegramId, first_name: 'Văn' })
  for (const p of [A.headToan, A.headVan]) h.fake.user({ id: p.telegramId, first_name: String(p.telegramId) })
})
afterAll(async () => {
  // a restarted worker does not know the progress text its predecessor showed: one edit may repeat it
  expect(h.fake.violations.filter((v) => !v.includes('message is not modified'))).toEqual([])
  await h.close()
})

describe('/settings', () => {
  it('shows the defaults and changes them with buttons, also from an old message', async () => {
    const shown = texts(await toan.say('/settings'))
    expect(shown).toContain('Nhắc hạn: bật (trước 7 ngày và 1 ngày)')
    expect(shown).toContain('Giờ yên lặng: 21:00–07:00')
    const first = toan.lastMessageWithButtons()!
    await toan.tap('chỉ trước 1 ngày')
    expect(texts(toan.messages().slice(-1))).toContain('Nhắc hạn: bật (chỉ trước 1 ngày)')
    // the same message's other button still works and shows the settings as they now are
    await toan.tap('🔕 Tắt nhắc hạn', first)
    expect(texts([toan.messages().find((m) => m.message_id === first.message_id)!])).toContain(
      'Nhắc hạn: tắt (chỉ trước 1 ngày)',
    )
    expect(await h.app.deps.notifications.settings(A.teacherToan)).toMatchObject({
      reminders: false,
      reminderDays: '1',
    })
  })

  it('takes typed quiet hours across midnight and explains a bad hour', async () => {
    expect(texts(await van.say('/settings 25-6'))).toContain('từ 0 đến 23')
    // shown as typed, not as formatting
    expect(texts(await van.say('/settings <b>sáng</b>'))).toContain('“<b>sáng</b>” không phải là khoảng giờ')
    expect(texts(await van.say('/settings 22-6'))).toContain('Giờ yên lặng: 22:00–06:00')
    expect(await h.app.deps.notifications.settings(A.teacherVan)).toMatchObject({ quietFrom: 22, quietTo: 6 })
    // back to the defaults for the tests below
    await van.tap('🌙 21:00–07:00')
    expect(await h.app.deps.notifications.settings(A.teacherVan)).toMatchObject({ quietFrom: 21, quietTo: 7 })
  })

  it('is offered on /start', async () => {
    await van.say('/start')
    const buttons = van.buttons().map((b) => b.text)
    expect(buttons).toContain('🔔 Cài đặt thông báo')
    expect(texts(await van.tap('🔔 Cài đặt thông báo'))).toContain('Thông báo của bạn')
  })
})

describe('reminders follow the settings', () => {
  it('leaves out the teacher who turned reminders off', async () => {
    // 31 August 2025, 08:00 in Vietnam: seven days before the plan deadline; nobody submitted
    const at = new Date('2025-08-31T01:00:00Z')
    w.at(at.toISOString())
    await runDueReminders({ db: h.app.db, text: reminderText() }, at)
    const { worker } = workerAt(at.toISOString())
    await worker.run({ untilIdle: true })
    expect(van.messages().filter((m) => m.text?.includes('⏰'))).toHaveLength(1)
    expect(toan.messages().some((m) => m.text?.includes('⏰'))).toBe(false)
  })
})

describe('quiet hours', () => {
  it('holds a 22:00 announcement until 07:00 and sends it once, across a restart', async () => {
    // 1 September 2025, 22:00 in Vietnam
    w.at('2025-09-01T15:00:00Z')
    await admin.say('/broadcast')
    await admin.say('Mai họp hội đồng lúc 7h30')
    await admin.tap('Mọi người trong trường')
    expect(texts(admin.messages().slice(-1))).toContain('giờ yên lặng của họ kết thúc')
    await admin.tap('✅ Gửi')

    // the first worker runs until 23:00 and is stopped: nothing goes at night
    const night = workerAt('2025-09-01T15:00:00Z')
    night.worker.start()
    while (night.clock.t < Date.parse('2025-09-01T16:00:00Z')) await new Promise((r) => setTimeout(r, 5))
    await night.worker.stop()
    expect(van.messages().some((m) => m.text?.includes('họp hội đồng'))).toBe(false)
    const progress = texts(admin.messages().slice(-2))
    expect(progress).toContain('Chờ đến sáng (giờ yên lặng)')
    expect(progress).not.toMatch(/Lỗi [1-9]/)

    // a new worker (the bot restarted) at 06:30: the message goes at 07:00, once
    const morning = workerAt('2025-09-01T23:30:00Z')
    await morning.worker.run({ untilIdle: true })
    const got = van.messages().filter((m) => m.text?.includes('họp hội đồng'))
    expect(got).toHaveLength(1)
    const row = (await sentRows(A.teacherVan.telegramId)).at(-1)!
    expect(row.state).toBe('sent')
    expect(row.not_before).toBe('2025-09-02T00:00:00.000Z')
    expect(row.sent_at! >= '2025-09-02T00:00:00.000Z').toBe(true)
  })

  it('lets the admin mark an announcement urgent, which goes at once', async () => {
    w.at('2025-09-02T15:30:00Z') // 22:30
    await admin.say('/broadcast')
    await admin.say('Khẩn: mai nghỉ học do bão')
    await admin.tap('Mọi người trong trường')
    await admin.tap('🚨 Đánh dấu khẩn')
    expect(texts(admin.messages().slice(-1))).toContain('Khẩn')
    await admin.tap('✅ Gửi')
    const { worker } = workerAt('2025-09-02T15:30:00Z')
    await worker.run({ untilIdle: true })
    const row = (await sentRows(A.teacherVan.telegramId)).at(-1)!
    expect(row.not_before).toBeNull()
    expect(row.sent_at! < '2025-09-02T16:00:00.000Z').toBe(true)
    expect(van.messages().filter((m) => m.text?.includes('nghỉ học do bão'))).toHaveLength(1)
  })
})

describe('blocked and unblocked', () => {
  it('counts a blocked teacher apart, and does not send what waited for them', async () => {
    w.at('2025-09-03T15:00:00Z') // 22:00: the announcement waits for morning
    await admin.say('/broadcast')
    await admin.say('Lịch thi đua tháng 9')
    await admin.tap('Mọi người trong trường')
    await admin.tap('✅ Gửi')
    // Văn blocks the bot during the night
    await van.blockBot()
    w.at('2025-09-03T15:05:00Z')
    await admin.say('/broadcast')
    await admin.say('Thông báo thứ hai')
    await admin.tap('Mọi người trong trường')
    const preview = texts(admin.messages().slice(-1))
    expect(preview).toContain('tới 4 người')
    expect(preview).toContain('1 người đã chặn bot')
    await admin.tap('Hủy')

    const { worker } = workerAt('2025-09-03T23:30:00Z')
    await worker.run({ untilIdle: true })
    expect(van.messages().some((m) => m.text?.includes('thi đua'))).toBe(false)
    expect(texts(admin.messages().slice(-1))).toContain('đã chặn bot')
  })

  it('sends the still-relevant reminder missed while blocked once, and nothing stale', async () => {
    // the one-day reminder of the plan deadline (6 September, 08:00) goes while Văn and Toán block the bot
    await toan.say('/settings')
    await toan.tap('🔔 Bật nhắc hạn')
    await toan.blockBot()
    const at = new Date('2025-09-06T01:00:00Z')
    w.at(at.toISOString())
    await runDueReminders({ db: h.app.db, text: reminderText() }, at)
    await workerAt(at.toISOString()).worker.run({ untilIdle: true })
    const before = van.messages().length

    // Toán submits (on the web, say) before unblocking: his reminder is stale
    must(await h.app.deps.plans.submit(A.teacherToan, { planId: await fullPlan(w, A.teacherToan) }))
    w.at('2025-09-06T02:00:00Z')
    await toan.unblockBot()
    await van.unblockBot()
    await workerAt('2025-09-06T02:00:00Z').worker.run({ untilIdle: true })
    const missed = van
      .messages()
      .slice(before)
      .filter((m) => m.text?.includes('⏰'))
    expect(missed).toHaveLength(1)
    expect(missed[0]!.text).toContain('(ngày mai)')
    expect(toan.messages().filter((m) => m.text?.includes('⏰'))).toHaveLength(0)

    // /start again, or a second unblock: nothing more
    await van.blockBot()
    await van.unblockBot()
    await van.say('/start')
    await workerAt('2025-09-06T02:10:00Z').worker.run({ untilIdle: true })
    expect(
      van
        .messages()
        .slice(before)
        .filter((m) => m.text?.includes('⏰')),
    ).toHaveLength(1)
  })
})

describe('who cannot be reached', () => {
  it("lists the admin's school and the head's department, each with a link to pass on", async () => {
    const { people } = h.app.deps
    must(
      await people.add(A.admin, {
        schoolId: A.school.id,
        fullName: 'Chưa Dùng Toán',
        role: 'teacher',
        departmentId: A.toan.id,
      }),
    )
    must(
      await people.add(A.admin, {
        schoolId: A.school.id,
        fullName: 'Chưa Dùng Văn',
        role: 'teacher',
        departmentId: A.van.id,
      }),
    )
    const headVan = h.fake.user({ id: A.headVan.telegramId, first_name: 'Head Văn' })
    await headVan.blockBot()

    const all = texts(await admin.say('/unreachable'))
    expect(all).toContain('Chưa Dùng Toán — chưa từng mở bot')
    expect(all).toContain('Chưa Dùng Văn — chưa từng mở bot')
    expect(all).toContain('Head Văn — đã chặn bot')
    const link = texts(await admin.tap('🔗 Chưa Dùng Toán'))
    expect(link).toMatch(/Đường dẫn mời Chưa Dùng Toán .*https:\/\/t\.me\/\w+\?start=\w+/)
    expect(texts(await admin.tap('🔗 Head Văn'))).toContain('Head Văn đã chặn bot')

    // the head of Toán sees only their department
    const headToan = h.fake.user({ id: A.headToan.telegramId, first_name: 'Head Toán' })
    const mine = texts(await headToan.say('/unreachable'))
    expect(mine).toContain('Chưa Dùng Toán')
    expect(mine).not.toContain('Chưa Dùng Văn')
    expect(mine).not.toContain('Head Văn')
    // and a teacher sees nobody
    expect(texts(await van.say('/unreachable'))).toContain('Chỉ quản trị của trường')
  })

  it("refuses a link for someone outside the head's department, pressed from any message", async () => {
    const headToan = h.fake.user({ id: A.headToan.telegramId, first_name: 'Head Toán' })
    const other = must(await h.app.deps.people.list(A.admin, { schoolId: A.school.id })).find(
      (p) => p.fullName === 'Chưa Dùng Văn',
    )!
    const last = admin.lastMessageWithButtons()!
    // the admin's list message, pressed by the head of another department (a forged press)
    const update = await h.fake.deliver({
      callback_query: {
        id: h.fake.openCallbackQuery(headToan.id),
        from: headToan.info,
        chat_instance: '1',
        data: `unr:${other.id}`,
        message: { ...last, chat: headToan.chat },
      },
    } as never)
    await headToan.settle(update)
    expect(headToan.answers().at(-1)?.text).toMatch(/quyền/)
  })
})
