/**
 * The reminder scheduler on a clock the test moves: at 08:00 Vietnam time (01:00 UTC) 7 days and
 * 1 day before each deadline, one outbox message per person whose task is still open — and only
 * them; a reminder missed while the bot was down goes once at the next tick, never twice; and the
 * outbox worker delivers them to the fake Telegram with their button.
 */
import { Api } from 'grammy'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import { OutboxWorker } from '../../src/jobs/outbox-worker.ts'
import {
  type ReminderText,
  type ReminderTick,
  reminderTextFromLocales,
  runDueReminders,
  startReminderScheduler,
} from '../../src/jobs/reminders.ts'
import { taskButtonData } from '../../src/services/deadline-views.ts'
import { fullPlan, must, OWNER, school, type World, world } from '../services/support.ts'

type School = Awaited<ReturnType<typeof school>>

const cleanups: Array<() => Promise<unknown> | unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function setup(start?: string) {
  const w = await world(start)
  cleanups.push(() => w.app.close())
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  const a = await school(w, 'THPT A', 100)
  await w.app.deps.telegramUsers.setLanguage(a.teacherVan.telegramId, 'en')
  return { w, a }
}

/** The bot's part: a text in the person's language and the button of the deadline's task. */
const text: ReminderText = (recipient, deadline) => ({
  html: `${recipient.language}: <b>${recipient.language === 'en' ? deadline.titleEn : deadline.titleVi}</b> (${deadline.daysLeft})`,
  buttonText: recipient.language === 'en' ? 'Open' : 'Mở',
  buttonData: taskButtonData(deadline.task),
})

const tickAt = (w: World, iso: string, job: ReminderText = text) => {
  w.at(iso)
  return runDueReminders({ db: w.app.db, text: job }, new Date(iso))
}

async function deadlineId(w: World, a: School, key: string): Promise<number> {
  const list = must(await w.services.calendar.list(a.admin, { schoolId: a.school.id }))
  return list.find((d) => d.key === key)!.id
}

/** The outbox rows of a deadline's reminders (by the batch's audience): chat, content, which reminder. */
async function outboxOf(w: World, id: number) {
  const rows = await w.app.db
    .selectFrom('outbox')
    .innerJoin('broadcasts', 'broadcasts.id', 'outbox.broadcast_id')
    .select([
      'outbox.chat_id',
      'outbox.content',
      'broadcasts.content as batch_content',
      'broadcasts.kind',
      'broadcasts.audience',
      'broadcasts.school_id',
    ])
    .orderBy('outbox.id')
    .execute()
  return rows
    .map((r) => ({ ...r, audience: JSON.parse(r.audience) as { deadlineId: number; offsetDays: number } }))
    .filter((r) => r.audience.deadlineId === id)
    .map((r) => ({
      chatId: Number(r.chat_id),
      offsetDays: r.audience.offsetDays,
      kind: r.kind,
      schoolId: r.school_id,
      // what the worker sends: the row's own message, else the batch's
      content: JSON.parse(r.content ?? r.batch_content) as {
        html: string
        reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
      },
    }))
}

const chats = (rows: ReadonlyArray<{ chatId: number }>) => rows.map((r) => r.chatId).sort((x, y) => x - y)
const count = async (w: World) =>
  Number(
    (
      await w.app.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
const summary = (tick: ReminderTick) => ({
  enqueued: tick.enqueued.map((e) => [e.deadlineId, e.recipients]),
  skipped: tick.skipped.map((s) => [s.deadlineId, s.reason]),
  failed: tick.failed.length,
})

describe('reminders', () => {
  it('go at 08:00 Vietnam time, 7 days and 1 day before, to exactly the people with open tasks', async () => {
    const { w, a } = await setup()
    const writing = await deadlineId(w, a, 'plan-writing')
    const headApproval = await deadlineId(w, a, 'plan-head-approval')
    const schoolApproval = await deadlineId(w, a, 'plan-school-approval')
    // the teacher of Tổ Toán has submitted already
    const toanPlan = await fullPlan(w, a.teacherToan)
    must(await w.services.plans.submit(a.teacherToan, { planId: toanPlan }))

    expect(summary(await tickAt(w, '2025-08-31T00:59:59Z'))).toEqual({ enqueued: [], skipped: [], failed: 0 })
    expect(await count(w)).toBe(0)

    // 31/8 08:00 in Vietnam: 7 days before 7/9
    expect(summary(await tickAt(w, '2025-08-31T01:00:00Z'))).toEqual({
      enqueued: [
        [writing, 3],
        [headApproval, 1],
      ],
      skipped: [],
      failed: 0,
    })
    const first = await outboxOf(w, writing)
    expect(chats(first)).toEqual([a.headToan.telegramId, a.headVan.telegramId, a.teacherVan.telegramId])
    expect(
      first.every((r) => r.kind === 'reminder' && r.offsetDays === 7 && r.schoolId === a.school.id),
    ).toBe(true)
    const english = first.find((r) => r.chatId === a.teacherVan.telegramId)!
    expect(english.content.html).toBe('en: <b>Write and submit your personal BDTX plan</b> (7)')
    expect(english.content.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Open', callback_data: 'go:plan' }]],
    })
    expect(first.find((r) => r.chatId === a.headToan.telegramId)!.content.html).toMatch(
      /^vi: <b>Giáo viên viết/,
    )
    const approvals = await outboxOf(w, headApproval)
    expect(
      approvals.map((r) => [r.chatId, r.content.reply_markup?.inline_keyboard[0]?.[0]?.callback_data]),
    ).toEqual([[a.headToan.telegramId, 'go:approve']])

    // never twice: a second tick, or a fresh scheduler after a restart, finds nothing to do
    expect(summary(await tickAt(w, '2025-08-31T01:00:30Z'))).toEqual({ enqueued: [], skipped: [], failed: 0 })
    const restarted = startReminderScheduler({
      db: w.app.db,
      text,
      now: () => new Date('2025-08-31T02:00:00Z'),
    })
    expect(summary(await restarted.started)).toEqual({ enqueued: [], skipped: [], failed: 0 })
    await restarted.stop()
    expect(await count(w)).toBe(4)

    // the teacher of Tổ Văn submits; 6/9 08:00: the 1-day reminders reach only those still open
    w.at('2025-09-02T03:00:00Z')
    const vanPlan = await fullPlan(w, a.teacherVan)
    must(await w.services.plans.submit(a.teacherVan, { planId: vanPlan }))
    expect(summary(await tickAt(w, '2025-09-06T00:59:00Z')).enqueued).toEqual([])
    expect(summary(await tickAt(w, '2025-09-06T01:00:00Z')).enqueued).toEqual([
      [writing, 2],
      [headApproval, 2],
    ])
    const second = (await outboxOf(w, writing)).filter((r) => r.offsetDays === 1)
    expect(chats(second)).toEqual([a.headToan.telegramId, a.headVan.telegramId])
    expect(second[0]!.content.html).toMatch(/\(1\)$/)
    expect(chats((await outboxOf(w, headApproval)).filter((r) => r.offsetDays === 1))).toEqual([
      a.headToan.telegramId,
      a.headVan.telegramId,
    ])

    // 7/9: the school's approval is 7 days away, but no plan waits for the admin: nobody is disturbed
    expect(summary(await tickAt(w, '2025-09-07T01:00:00Z'))).toEqual({
      enqueued: [[schoolApproval, 0]],
      skipped: [],
      failed: 0,
    })
    const rows = await w.app.db
      .selectFrom('reminders')
      .selectAll()
      .where('deadline_id', 'in', [writing, schoolApproval])
      .orderBy('id')
      .execute()
    expect(
      rows.map((r) => [r.deadline_id, r.offset_days, r.state, r.recipients, r.broadcast_id === null]),
    ).toEqual([
      [writing, 7, 'enqueued', 3, false],
      [writing, 1, 'enqueued', 2, false],
      [schoolApproval, 7, 'enqueued', 0, true],
      [schoolApproval, 1, 'pending', null, true],
    ])
  })

  it('sends a reminder missed while the bot was down once, at the next tick, and never again', async () => {
    const { w, a } = await setup()
    const writing = await deadlineId(w, a, 'plan-writing')
    expect(summary(await tickAt(w, '2025-08-30T10:00:00Z')).enqueued).toEqual([])
    // the bot is down from 30/8 to 2/9: the clock jumps past 31/8 08:00
    w.at('2025-09-02T05:00:00Z')
    const scheduler = startReminderScheduler({
      db: w.app.db,
      text,
      now: () => w.clock.now,
      intervalMs: 60_000,
    })
    cleanups.push(() => scheduler.stop())
    const started = await scheduler.started
    expect(started.enqueued.find((e) => e.deadlineId === writing)).toMatchObject({ recipients: 4 })
    expect(chats(await outboxOf(w, writing))).toEqual([
      a.headToan.telegramId,
      a.teacherToan.telegramId,
      a.headVan.telegramId,
      a.teacherVan.telegramId,
    ])
    // the text says how many days are really left
    expect((await outboxOf(w, writing))[0]!.content.html).toMatch(/\(5\)$/)
    expect(summary(await scheduler.tick())).toEqual({ enqueued: [], skipped: [], failed: 0 })
    await scheduler.stop()
    const again = startReminderScheduler({ db: w.app.db, text, now: () => w.clock.now })
    expect(summary(await again.started)).toEqual({ enqueued: [], skipped: [], failed: 0 })
    await again.stop()
    expect(summary(await tickAt(w, '2025-09-02T05:10:00Z')).enqueued).toEqual([])
    expect(await outboxOf(w, writing)).toHaveLength(4)
  })

  it('sends only the latest of the reminders missed, and none once the deadline is over', async () => {
    const { w, a } = await setup()
    const writing = await deadlineId(w, a, 'plan-writing')
    const headApproval = await deadlineId(w, a, 'plan-head-approval')
    // down from 28/8 to 6/9 afternoon: both reminders of 7/9 are due; the 1-day one goes
    const tick = await tickAt(w, '2025-09-06T09:00:00Z')
    expect(summary(tick)).toEqual({
      enqueued: [
        [writing, 4],
        [headApproval, 0],
      ],
      skipped: [
        [writing, 'superseded'],
        [headApproval, 'superseded'],
      ],
      failed: 0,
    })
    expect(new Set((await outboxOf(w, writing)).map((r) => r.offsetDays))).toEqual(new Set([1]))

    // another school, its bot down until 8/9: the plan deadline is over, the approval's is not
    const { w: w2, a: b } = await setup()
    const tick2 = await tickAt(w2, '2025-09-08T00:00:00Z')
    expect(tick2.skipped.map((s) => [s.deadlineId, s.reason])).toEqual(
      expect.arrayContaining([
        [await deadlineId(w2, b, 'plan-writing'), 'deadline-passed'],
        [await deadlineId(w2, b, 'plan-head-approval'), 'deadline-passed'],
      ]),
    )
    expect(tick2.skipped).toHaveLength(4)
    expect(tick2.enqueued.map((e) => e.deadlineId)).toEqual([await deadlineId(w2, b, 'plan-school-approval')])
    expect(await outboxOf(w2, await deadlineId(w2, b, 'plan-writing'))).toEqual([])
  })

  it('follows a deadline that moves; one already sent is armed again when its new time is ahead', async () => {
    const { w, a } = await setup()
    const writing = await deadlineId(w, a, 'plan-writing')
    expect(summary(await tickAt(w, '2025-08-31T01:00:00Z')).enqueued[0]).toEqual([writing, 4])

    w.at('2025-09-01T03:00:00Z')
    const moved = must(
      await w.services.calendar.move(a.admin, { deadlineId: writing, dueDate: '2025-09-12' }),
    )
    expect(moved.reminders.map((r) => [r.offsetDays, r.fireAt, r.state])).toEqual([
      [7, '2025-09-05T01:00:00.000Z', 'pending'],
      [1, '2025-09-11T01:00:00.000Z', 'pending'],
    ])
    expect(summary(await tickAt(w, '2025-09-05T00:59:00Z')).enqueued).toEqual([])
    expect(summary(await tickAt(w, '2025-09-05T01:00:00Z')).enqueued).toEqual([[writing, 4]])
    // the first 7-day message spoke of 7/9; this one of 12/9
    expect((await outboxOf(w, writing)).filter((r) => r.offsetDays === 7)).toHaveLength(8)

    // moved earlier: the 7-day reminder's new time is past; it was sent, it is not sent again
    w.at('2025-09-05T02:00:00Z')
    const earlier = must(
      await w.services.calendar.move(a.admin, { deadlineId: writing, dueDate: '2025-09-10' }),
    )
    expect(earlier.reminders.map((r) => [r.offsetDays, r.fireAt, r.state])).toEqual([
      [7, '2025-09-05T01:00:00.000Z', 'enqueued'],
      [1, '2025-09-09T01:00:00.000Z', 'pending'],
    ])
    expect(summary(await tickAt(w, '2025-09-05T02:01:00Z')).enqueued).toEqual([])
    const ninth = await tickAt(w, '2025-09-09T01:00:00Z')
    expect(summary(ninth).enqueued.filter(([id]) => id === writing)).toEqual([[writing, 4]])
    expect((await outboxOf(w, writing)).map((r) => r.offsetDays)).toEqual([
      7, 7, 7, 7, 7, 7, 7, 7, 1, 1, 1, 1,
    ])

    // moved away and back the same morning: the 1-day reminder of 10/9 is due again, and everyone
    // it reaches was given it at 08:00: nobody gets it twice
    w.at('2025-09-09T03:00:00Z')
    must(await w.services.calendar.move(a.admin, { deadlineId: writing, dueDate: '2025-09-12' }))
    w.at('2025-09-09T04:00:00Z')
    const back = must(await w.services.calendar.move(a.admin, { deadlineId: writing, dueDate: '2025-09-10' }))
    expect(back.reminders.map((r) => [r.offsetDays, r.state])).toEqual([
      [7, 'enqueued'],
      [1, 'pending'],
    ])
    const again = await tickAt(w, '2025-09-09T04:01:00Z')
    expect(summary(again).enqueued.filter(([id]) => id === writing)).toEqual([[writing, 0]])
    expect((await outboxOf(w, writing)).filter((r) => r.offsetDays === 1)).toHaveLength(4)

    // removed: its reminders never fire
    const dossiers = await deadlineId(w, a, 'dossiers')
    must(await w.services.calendar.remove(a.admin, { deadlineId: dossiers }))
    const late = await tickAt(w, '2026-04-14T05:00:00Z')
    expect(late.enqueued.map((e) => e.deadlineId)).not.toContain(dossiers)
    expect(await outboxOf(w, dossiers)).toEqual([])
  })

  it('writes the claim and the outbox rows together: a failing text leaves the reminder pending', async () => {
    const { w, a } = await setup()
    const writing = await deadlineId(w, a, 'plan-writing')
    let calls = 0
    const flaky: ReminderText = (r, d) => {
      calls++
      if (r.language === 'en') throw new Error('no English text yet')
      return text(r, d)
    }
    const failed = await tickAt(w, '2025-08-31T01:00:00Z', flaky)
    expect(failed.failed.map((f) => f.deadlineId)).toEqual([writing])
    expect(calls).toBeGreaterThan(0)
    expect(await count(w)).toBe(0)
    const row = await w.app.db
      .selectFrom('reminders')
      .selectAll()
      .where('deadline_id', '=', writing)
      .where('offset_days', '=', 7)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ state: 'pending', broadcast_id: null, enqueued_at: null })
    const broadcasts = await w.app.db.selectFrom('broadcasts').select('id').execute()
    expect(broadcasts).toEqual([])
    // fixed: the next tick sends it, once
    expect(summary(await tickAt(w, '2025-08-31T01:01:00Z')).enqueued).toEqual([[writing, 4]])
    expect(summary(await tickAt(w, '2025-08-31T01:02:00Z')).enqueued).toEqual([])
    // button data over 64 bytes is refused before anything is written
    const long: ReminderText = (r, d) => ({ ...text(r, d), buttonData: `go:${'x'.repeat(62)}` })
    const tooLong = await tickAt(w, '2025-09-06T01:00:00Z', long)
    expect(tooLong.failed[0]?.error).toMatch(/64 bytes/)
  })

  it('falls back to the title and the date while the locales lack the reminder keys', () => {
    const missing = reminderTextFromLocales((_language, key) => `{${key}}`)
    const message = missing(
      {
        personId: 1,
        telegramId: 1,
        fullName: 'A',
        role: 'head',
        language: 'vi',
        task: { task: 'grades-entered', open: true, pending: 3 },
      },
      {
        id: 1,
        schoolYearId: 1,
        schoolId: 1,
        key: 'grading',
        titleVi: 'Chấm điểm <BDTX> & xếp loại',
        titleEn: 'Grading',
        opensOn: null,
        dueDate: '2026-04-25',
        dueTime: '17:00',
        roles: ['head'],
        departmentIds: null,
        task: 'grades-entered',
        sortOrder: 10,
        createdAt: '',
        updatedAt: '',
        removedAt: null,
        endsAt: '2026-04-25T10:00:00.000Z',
        passed: false,
        daysLeft: 1,
        reminderId: 1,
        offsetDays: 1,
      },
    )
    expect(message).toEqual({
      html: '<b>Chấm điểm &lt;BDTX&gt; &amp; xếp loại</b>\n25/04/2026 17:00',
      buttonText: '→',
      buttonData: 'go:grades',
    })
  })

  it('ticks at start-up and then on its interval, until stopped', async () => {
    const { w, a } = await setup()
    const writing = await deadlineId(w, a, 'plan-writing')
    w.at('2025-08-30T00:00:00Z')
    const scheduler = startReminderScheduler({ db: w.app.db, text, now: () => w.clock.now, intervalMs: 5 })
    cleanups.push(() => scheduler.stop())
    expect(summary(await scheduler.started).enqueued).toEqual([])
    w.at('2025-08-31T01:00:00Z')
    await vi.waitFor(async () => expect(await outboxOf(w, writing)).toHaveLength(4), {
      timeout: 2000,
      interval: 10,
    })
    await scheduler.stop()
    w.at('2025-09-06T01:00:00Z')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await outboxOf(w, writing)).toHaveLength(4)
  })

  it('are delivered by the outbox worker to the fake Telegram, once each, with their button', async () => {
    const { w, a } = await setup()
    const fake = new FakeTelegram()
    const server = await fake.listen()
    cleanups.push(() => server.close())
    for (const p of [a.admin, a.headToan, a.teacherToan, a.headVan, a.teacherVan])
      fake.user({ id: p.telegramId, first_name: `u${p.telegramId}` })
    const toanPlan = await fullPlan(w, a.teacherToan)
    must(await w.services.plans.submit(a.teacherToan, { planId: toanPlan }))
    // the bot's text from its locales: here `reminder-text` exists and the button keys do not yet
    const fromLocales = reminderTextFromLocales((language, key, vars) =>
      key === 'reminder-text'
        ? `${language}|${vars.title}|${vars.date}|${vars.time}|${vars.days}|${vars.pending}|${vars.task}`
        : `{${key}}`,
    )
    const tick = await tickAt(w, '2025-08-31T01:00:00Z', fromLocales)
    expect(tick.enqueued.map((e) => e.recipients)).toEqual([3, 1])
    const clock = { t: Date.parse('2025-08-31T01:00:00Z') }
    const worker = new OutboxWorker({
      db: w.app.db,
      api: new Api('123456:REMINDERS', { apiRoot: server.url }),
      rate: 25,
      // a clock that moves only when the worker waits
      now: () => clock.t,
      sleep: async (ms) => {
        clock.t += Math.max(0, ms)
        await new Promise<void>((resolve) => setImmediate(resolve))
      },
    })
    await worker.run({ untilIdle: true })
    const sent = (id: number) => fake.chatMessages(id).filter((m) => m.from?.is_bot)
    expect(sent(a.teacherToan.telegramId)).toEqual([])
    expect(sent(a.admin.telegramId)).toEqual([])
    expect(sent(a.teacherVan.telegramId)).toHaveLength(1)
    expect(sent(a.headVan.telegramId)).toHaveLength(1)
    expect(sent(a.headToan.telegramId)).toHaveLength(2)
    const message = sent(a.teacherVan.telegramId)[0]!
    expect(message.text).toBe('en|Write and submit your personal BDTX plan|07/09/2025||7|1|plan-submitted')
    expect(message.reply_markup?.inline_keyboard[0]?.[0]).toEqual({ text: '→', callback_data: 'go:plan' })
    expect(sent(a.headToan.telegramId).map((m) => m.reply_markup?.inline_keyboard[0]?.[0])).toEqual([
      { text: '→', callback_data: 'go:plan' },
      { text: '→', callback_data: 'go:approve' },
    ])
    const states = await w.app.db.selectFrom('outbox').select('state').execute()
    expect(states.map((s) => s.state)).toEqual(['sent', 'sent', 'sent', 'sent'])
  })
})
