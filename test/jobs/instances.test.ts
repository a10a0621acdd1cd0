/**
 * Several instances on one database (on the PostgreSQL run, one PostgreSQL schema; otherwise one
 * SQLite file): two outbox workers in processes of their own deliver one 2,000-recipient broadcast
 * together, one of them killed with SIGKILL midway — every recipient gets the message once (the
 * killed worker's message in flight, at most, is `unknown`), both workers did part of it, the
 * sender gets one report — while this process, a bot instance of its own, answers 100 people's
 * commands: the workers and the bot take their turns from the token's budget shared through the
 * store, and all of them together never send more than it in any sliding second;
 * two reminder schedulers ticking together run the pass in one of them; and on PostgreSQL, one
 * instance reads what the other wrote (no stale in-process cache).
 */
import { afterEach, expect, it } from 'vitest'
import { openApp } from '../../src/app.ts'
import { productionTransformers } from '../../src/bot/api.ts'
import { createBot } from '../../src/bot/index.ts'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import { type ReminderText, startReminderScheduler } from '../../src/jobs/reminders.ts'
import { SharedSendBudget } from '../../src/jobs/shared-send-budget.ts'
import { createLogger } from '../../src/logger.ts'
import { createBroadcastService } from '../../src/services/broadcasts.ts'
import { tempDatabase } from '../helpers/bot-harness.ts'
import { freshDatabase, onPostgres } from '../helpers/database.ts'
import { must, OWNER, school, world } from '../services/support.ts'
import {
  expectEachOnce,
  forkWorker,
  maxInWindow,
  minGapPerChat,
  rowsByChat,
  seedSchool,
  sendsPerChat,
  TOKEN,
} from './support.ts'

// the token's budget, shared by every process: the workers' messages and the bot's replies together
const RATE = 100
const RECIPIENTS = 2_000
// people typing commands to the bot while the broadcast goes out, each this many one after another
const PEOPLE = 100
const COMMANDS = 5
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** One store for every process of a test: a fresh PostgreSQL schema, or a SQLite file. */
async function sharedStore(): Promise<string> {
  const database = await freshDatabase()
  cleanups.push(() => database.drop())
  if (database.location !== ':memory:') return database.location
  const file = tempDatabase()
  cleanups.push(() => file.remove())
  return file.path
}

it('two workers deliver one broadcast once to everyone, one of them killed midway, while a bot answers people: never above the budget together', {
  timeout: 240_000,
}, async () => {
  const store = await sharedStore()
  const app = await openApp({ databasePath: store, logger: createLogger('error') })
  const { schoolId, admin, people } = await seedSchool(app.db, RECIPIENTS, 'THPT Hai Tiến Trình')
  const fake = new FakeTelegram()
  const server = await fake.listen()
  cleanups.push(() => server.close())
  fake.user({ id: admin.telegramId, first_name: 'Admin' })
  for (const p of people) fake.user({ id: p.telegramId, first_name: `GV ${p.personId}` })
  const teachers = new Set(people.map((p) => p.telegramId))
  const broadcasts = createBroadcastService(app.db)
  const draft = must(
    await broadcasts.create(admin, {
      schoolId,
      content: { type: 'text', html: '<b>Thông báo</b>: họp hội đồng 14h thứ Sáu' },
      audience: { type: 'roles', roles: ['teacher'] },
    }),
  )
  expect(must(await broadcasts.confirm(admin, { broadcastId: draft.id })).enqueued).toBe(RECIPIENTS)
  await app.close()

  // this process is a bot instance on the same store: its replies count in the same budget
  const instance = await openApp({ databasePath: store, logger: createLogger('error') })
  cleanups.push(() => instance.close())
  const bot = createBot({
    token: TOKEN,
    deps: instance.deps,
    client: { fetch: fake.fetch },
    transformers: productionTransformers(new SharedSendBudget(instance.db, { perSecond: RATE })),
  })
  fake.connect(bot)
  await bot.init()
  const askers = Array.from({ length: PEOPLE }, (_, i) =>
    fake.user({ id: 70_001 + i, first_name: `Người ${i + 1}`, language_code: 'vi' }),
  )

  const sendRate = RATE
  const first = forkWorker({ store, url: server.url, token: TOKEN, rate: RATE, sendRate }, cleanups)
  const second = forkWorker({ store, url: server.url, token: TOKEN, rate: RATE, sendRate }, cleanups)
  let delivered = 0
  let midway = () => {}
  const asking = new Promise<void>((resolve) => {
    midway = resolve
  }).then(() =>
    Promise.all(
      askers.map(async (asker) => {
        for (let k = 0; k < COMMANDS; k++) await asker.sendText('/help')
      }),
    ),
  )
  fake.onEvent((event) => {
    if (event.kind !== 'send' || !teachers.has(event.chatId)) return
    if (++delivered === 200) midway()
    if (delivered === 700) first.process.kill('SIGKILL')
  })
  expect(await first.exit).toBe('SIGKILL')
  expect(await second.exit).toBe(0)
  await asking

  const check = await openApp({ databasePath: store, logger: createLogger('error') })
  cleanups.push(() => check.close())
  const rows = await rowsByChat(check.db, draft.id)
  const per = sendsPerChat(fake.sent)
  const unknown = [...rows.values()].filter((r) => r.state === 'unknown')
  // never twice; everyone but the killed worker's message in flight (at most one) got it
  expectEachOnce(people, rows, per)
  expect(unknown.length).toBeLessThanOrEqual(1)
  // both workers sent part of it: each row names the worker that claimed it
  const byWorker = new Set([...rows.values()].map((r) => r.claimed_by))
  expect(byWorker.size).toBe(2)
  // one report to the sender, with the right numbers
  const report = must(await createBroadcastService(check.db).report(admin, { broadcastId: draft.id }))
  expect(report.counts).toMatchObject({
    sent: RECIPIENTS - unknown.length,
    unknown: unknown.length,
    pending: 0,
    claimed: 0,
  })
  const toAdmin = fake.events.filter((e) => e.chatId === admin.telegramId && e.kind === 'send')
  expect(toAdmin).toHaveLength(2) // the progress message, the report
  // every command answered once
  for (const asker of askers)
    expect({ chat: asker.id, got: per.get(asker.id) }).toEqual({ chat: asker.id, got: COMMANDS })
  // the workers and the bot together, the killed worker's last second included, never above the budget
  expect(maxInWindow(fake.sent.map((s) => s.at))).toBeLessThanOrEqual(RATE)
  expect(minGapPerChat(fake.sent)).toBeGreaterThanOrEqual(1000)
  expect(fake.violations).toEqual([])
})

it('two reminder schedulers on one database: the pass runs in one; the other takes over when it stops or dies', async () => {
  const w = await world()
  cleanups.push(() => w.app.close())
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  await school(w, 'THPT A', 100)
  // 31/8 08:00 in Vietnam: the 7-day reminders of the school's deadlines are due
  w.at('2025-08-31T01:00:00Z')
  const texts: number[] = []
  const text: ReminderText = (recipient) => {
    texts.push(recipient.telegramId)
    return { html: `nhắc ${recipient.telegramId}` }
  }
  // a tick an hour is as good as none here: the test ticks them itself
  const start = (instance: string) => {
    const scheduler = startReminderScheduler({
      db: w.app.db,
      text,
      now: () => w.clock.now,
      instance,
      intervalMs: 3_600_000,
      leaseMs: 180_000,
    })
    cleanups.push(() => scheduler.stop())
    return scheduler
  }
  const a = start('instance-a')
  const b = start('instance-b')
  const [fromA, fromB] = await Promise.all([a.started, b.started])
  // one of them ran the pass, the other did nothing
  expect([fromA.held, fromB.held].sort()).toEqual([false, true])
  const [holder, other] = fromA.held ? [a, b] : [b, a]
  const enqueued = [...fromA.enqueued, ...fromB.enqueued]
  expect(enqueued.length).toBeGreaterThan(0)
  const rows = await w.app.db.selectFrom('outbox').select('chat_id').execute()
  expect(rows.length).toBe(enqueued.reduce((n, e) => n + e.recipients, 0))
  expect(texts.length).toBe(rows.length) // each person's text made once
  expect((await other.tick()).held).toBe(false)

  // the holder stops: the other one takes the pass at its next tick (nothing is due twice)
  await holder.stop()
  w.at('2025-08-31T01:01:00Z')
  expect(await other.tick()).toMatchObject({ held: true, enqueued: [] })

  // the new holder dies without stopping: a third instance waits for its lease to run out
  const third = start('instance-c')
  expect((await third.started).held).toBe(false)
  w.at('2025-08-31T01:03:59Z')
  expect((await third.tick()).held).toBe(false)
  w.at('2025-08-31T01:04:01Z')
  expect((await third.tick()).held).toBe(true)
  expect(await w.app.db.selectFrom('outbox').select('chat_id').execute()).toHaveLength(rows.length)
})

it.skipIf(!onPostgres)(
  'two instances on one PostgreSQL database see each other’s flow state and language at once',
  async () => {
    const store = await sharedStore()
    const one = await openApp({ databasePath: store, logger: createLogger('error') })
    cleanups.push(() => one.close())
    const two = await openApp({ databasePath: store, logger: createLogger('error') })
    cleanups.push(() => two.close())
    // a chat's updates may reach either instance: what one saved, the other reads next
    const sessionsOne = one.deps.sessions.adapter<{ step: number }>('session:')
    const sessionsTwo = two.deps.sessions.adapter<{ step: number }>('session:')
    await sessionsOne.write('chat:77', { step: 1 })
    expect(await sessionsTwo.read('chat:77')).toEqual({ step: 1 })
    await sessionsTwo.write('chat:77', { step: 2 })
    expect(await sessionsOne.read('chat:77')).toEqual({ step: 2 })
    await sessionsTwo.delete('chat:77')
    expect(await sessionsOne.read('chat:77')).toBeUndefined()

    await one.deps.telegramUsers.seen({ id: 77, first_name: 'Lan' })
    expect((await one.deps.telegramUsers.get(77))?.language).toBeNull()
    await two.deps.telegramUsers.setLanguage(77, 'en')
    expect((await one.deps.telegramUsers.get(77))?.language).toBe('en')
  },
)
