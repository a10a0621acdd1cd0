import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { reminderTextFromLocales, runDueReminders } from '../../src/jobs/reminders.ts'
import { deliverOutbox, type Harness, inProcessWorld, texts } from '../helpers/bot-harness.ts'
import { must, school, type World } from '../services/support.ts'

let h: Harness
let w: World
let A: Awaited<ReturnType<typeof school>>
let toan: FakeUser
let van: FakeUser

/** The reminder scheduler's tick at `iso`, then the outbox worker until nothing waits. */
async function tick(iso: string) {
  await schedule(iso)
  await deliver(iso)
}

async function schedule(iso: string) {
  w.at(iso)
  await runDueReminders(
    { db: h.app.db, text: reminderTextFromLocales((l, k, v) => h.app.deps.i18n.t(l, k, v)) },
    new Date(iso),
  )
}

/** The outbox worker from `iso` until nothing waits (its clock jumps whenever it sleeps). */
const deliver = (iso: string) => deliverOutbox(h, iso)

/** The reminders a person got of a due date (dd/mm/yyyy), in order. */
const reminders = (user: FakeUser, date: string) =>
  user
    .messages()
    .filter((m) => m.text?.startsWith('⏰') && m.text.includes(`hạn ${date}`))
    .map((m) => m.text!)

beforeAll(async () => {
  ;({ h, w } = await inProcessWorld())
  A = await school(w, 'Trường A', 300)
  h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  toan = h.fake.user({ id: A.teacherToan.telegramId, first_name: 'Toán' })
  van = h.fake.user({ id: A.teacherVan.telegramId, first_name: 'Văn' })
  for (const p of [A.headToan, A.headVan]) h.fake.user({ id: p.telegramId, first_name: String(p.telegramId) })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('the hour and how early, per person', () => {
  it('Toán gets his at 17:00, 3 days and 1 day before; Văn keeps the school’s 08:00, 7 and 1', async () => {
    await toan.say('/settings')
    expect(texts(toan.messages().slice(-1))).toContain('Giờ nhận nhắc hạn: theo trường (08:00)')
    await toan.tap('trước 3 ngày và 1 ngày')
    await toan.tap('⏰ 17:00')
    const shown = texts(toan.messages().slice(-1))
    expect(shown).toContain('Nhắc hạn: bật (trước 3 ngày và 1 ngày)')
    expect(shown).toContain('Giờ nhận nhắc hạn: 17:00')

    // the plan is due on 7 September 2025; nobody has submitted
    await tick('2025-08-31T01:00:00Z') // 31/8 08:00 in Vietnam: the school's 7-day reminder
    expect(reminders(van, '07/09/2025')).toEqual([expect.stringContaining('(còn 7 ngày)')])
    expect(reminders(toan, '07/09/2025')).toEqual([])

    await tick('2025-09-04T09:59:00Z') // 4/9 16:59
    expect(reminders(toan, '07/09/2025')).toEqual([])
    await tick('2025-09-04T10:00:00Z') // 4/9 17:00: three days before, at his hour
    expect(reminders(toan, '07/09/2025')).toEqual([expect.stringContaining('(còn 3 ngày)')])
    expect(reminders(van, '07/09/2025')).toHaveLength(1)

    await tick('2025-09-06T01:00:00Z') // 6/9 08:00: the school's day-before reminder, Văn only
    expect(reminders(van, '07/09/2025')).toHaveLength(2)
    expect(reminders(van, '07/09/2025')[1]).toContain('(ngày mai)')
    expect(reminders(toan, '07/09/2025')).toHaveLength(1)

    // Văn now picks 12:00: the day-before reminder she already had is not sent again at noon
    await van.say('/settings')
    await van.tap('⏰ 12:00')
    await tick('2025-09-06T05:00:00Z')
    expect(reminders(van, '07/09/2025')).toHaveLength(2)

    await tick('2025-09-06T10:00:00Z') // 6/9 17:00: Toán's day-before reminder
    expect(reminders(toan, '07/09/2025')).toHaveLength(2)
    expect(reminders(toan, '07/09/2025')[1]).toContain('(ngày mai)')

    // later ticks send nothing more to either
    await tick('2025-09-06T12:00:00Z')
    await tick('2025-09-07T10:00:00Z')
    expect(reminders(toan, '07/09/2025')).toHaveLength(2)
    expect(reminders(van, '07/09/2025')).toHaveLength(2)
  })

  it('explains an hour outside 0–23 from a forged button and changes nothing', async () => {
    const before = await h.app.deps.notifications.settings(A.teacherToan)
    const last = toan.lastMessageWithButtons()!
    const update = await h.fake.deliver({
      callback_query: {
        id: h.fake.openCallbackQuery(toan.id),
        from: toan.info,
        chat_instance: '1',
        data: 'set:hour:25',
        message: last,
      },
    } as never)
    await toan.settle(update)
    expect(toan.answers().at(-1)?.text).toContain('từ 0 đến 23')
    expect(await h.app.deps.notifications.settings(A.teacherToan)).toEqual(before)
  })
})

describe('a reminder held by quiet hours', () => {
  it('arrives at 07:00 after its 06:30 deadline and says the deadline is today', async () => {
    // due 20/9 at 06:30; the school reminds the day before at 22:00 — inside Văn's quiet hours
    must(
      await h.app.deps.calendar.add(A.admin, {
        schoolYearId: A.year.id,
        titleVi: 'Nộp minh chứng',
        dueDate: '2025-09-20',
        dueTime: '06:30',
        roles: ['teacher'],
        reminderOffsets: [1],
        reminderTime: '22:00',
      }),
    )
    // Văn goes back to the school's time: its reminder of this deadline is at 22:00
    await van.say('/settings')
    await van.tap('⏰ theo trường')
    expect(texts(van.messages().slice(-1))).toContain('Giờ nhận nhắc hạn: theo trường (08:00)')

    await tick('2025-09-19T10:00:00Z') // 19/9 17:00: Toán's own hour, outside his quiet hours
    expect(reminders(toan, '20/09/2025')).toEqual([expect.stringContaining('(ngày mai)')])

    await schedule('2025-09-19T15:00:00Z') // 19/9 22:00: Văn's waits for 07:00 on 20/9, past 06:30
    expect(reminders(van, '20/09/2025')).toEqual([])
    await deliver('2025-09-19T23:50:00Z')
    const got = reminders(van, '20/09/2025')
    expect(got).toHaveLength(1)
    expect(got[0]).toContain('(hôm nay)')
    const row = await h.app.db
      .selectFrom('outbox')
      .select(['not_before', 'sent_at'])
      .where('chat_id', '=', A.teacherVan.telegramId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(row.not_before).toBe('2025-09-20T00:00:00.000Z')
    expect(row.sent_at! >= '2025-09-20T00:00:00.000Z').toBe(true)
  })
})

describe('a reminder of their own schedule missed while blocked', () => {
  it('is sent once when they unblock the bot, saying the days left then', async () => {
    must(
      await h.app.deps.calendar.add(A.admin, {
        schoolYearId: A.year.id,
        titleVi: 'Báo cáo tháng 10',
        dueDate: '2025-10-10',
        roles: ['teacher'],
      }),
    )
    await toan.blockBot()
    await tick('2025-10-07T10:00:00Z') // 7/10 17:00: Toán's three-day reminder, refused
    expect(reminders(toan, '10/10/2025')).toEqual([])

    w.at('2025-10-08T02:00:00Z')
    await toan.unblockBot()
    await deliver('2025-10-08T02:00:00Z')
    expect(reminders(toan, '10/10/2025')).toEqual([expect.stringContaining('(còn 2 ngày)')])

    // unblocking again, or /start, sends nothing more
    await toan.blockBot()
    await toan.unblockBot()
    await toan.say('/start')
    await deliver('2025-10-08T02:10:00Z')
    expect(reminders(toan, '10/10/2025')).toHaveLength(1)
  })
})
