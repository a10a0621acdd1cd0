/**
 * The sending budget shared through the database: two budgets on two connections to one store
 * (two processes, as far as the store can tell) never send more than the token's limit together
 * in any sliding second, keep one chat a second apart whichever sends to it, and leave replies
 * room however much the outbox has waiting. Real time, small limits.
 */
import { afterEach, expect, it } from 'vitest'
import { openApp } from '../../src/app.ts'
import { type Db, openDatabase } from '../../src/db/connection.ts'
import type { Priority } from '../../src/jobs/send-budget.ts'
import { SharedSendBudget } from '../../src/jobs/shared-send-budget.ts'
import { createLogger } from '../../src/logger.ts'
import { freshDatabase, onPostgres } from '../helpers/database.ts'
import { maxInWindow, minGapPerChat } from './support.ts'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/**
 * One migrated store as two processes see it: two pools on one PostgreSQL schema; on SQLite one
 * connection for both (better-sqlite3 waits for a file's lock synchronously: two connections in one
 * process would wait for each other — separate processes on one file are test/jobs/instances.test.ts).
 */
async function twoProcesses(): Promise<[Db, Db]> {
  const database = await freshDatabase()
  cleanups.push(() => database.drop())
  const app = await openApp({ databasePath: database.location, logger: createLogger('error') })
  if (!onPostgres) {
    cleanups.push(() => app.close())
    return [app.db, app.db]
  }
  await app.close()
  const dbs = [openDatabase(database.location), openDatabase(database.location)] as const
  for (const db of dbs) cleanups.push(() => db.destroy())
  return [...dbs]
}

interface Grant {
  chatId: number
  priority: Priority
  at: number
  order: number
}

/** Takes a turn for each request (answered after `answerMs`) and records when it was granted. */
function record(
  budget: SharedSendBudget,
  requests: Array<{ chatId: number; priority: Priority }>,
  granted: Grant[],
  answerMs = 5,
): Promise<void> {
  return Promise.all(
    requests.map(async (r) => {
      const release = await budget.take(r.chatId, r.priority)
      granted.push({ ...r, at: Date.now(), order: granted.length })
      await new Promise((resolve) => setTimeout(resolve, answerMs))
      release()
    }),
  ).then(() => {})
}

it('two processes together stay within the limit in every sliding second, and a chat a second apart', {
  timeout: 30_000,
}, async () => {
  const [one, two] = await twoProcesses()
  const a = new SharedSendBudget(one, { perSecond: 12 })
  const b = new SharedSendBudget(two, { perSecond: 12 })
  const granted: Grant[] = []
  const outbox = (from: number) =>
    Array.from({ length: 20 }, (_, i) => ({ chatId: from + i, priority: 'outbox' as const }))
  // one person's three replies, two from each process, and both processes' outbox at once
  const replies = (n: number) => Array.from({ length: n }, () => ({ chatId: 42, priority: 'reply' as const }))
  await Promise.all([
    record(a, [...outbox(1000), ...replies(2)], granted),
    record(b, [...outbox(2000), ...replies(2)], granted),
  ])
  expect(granted).toHaveLength(44)
  // each of them alone would have sent 12 in the first second
  expect(maxInWindow(granted.map((g) => g.at))).toBeLessThanOrEqual(12)
  expect(minGapPerChat(granted)).toBeGreaterThanOrEqual(1000)
})

it('leaves replies room: the outbox fills at most five sixths of a second, a reply elsewhere goes in it', {
  timeout: 30_000,
}, async () => {
  const [one, two] = await twoProcesses()
  const worker = new SharedSendBudget(one, { perSecond: 12 })
  const bot = new SharedSendBudget(two, { perSecond: 12 })
  const granted: Grant[] = []
  const outbox = record(
    worker,
    Array.from({ length: 30 }, (_, i) => ({ chatId: 1000 + i, priority: 'outbox' as const })),
    granted,
  )
  // the outbox has taken what it may of this second
  while (granted.length < 10) await new Promise((resolve) => setTimeout(resolve, 5))
  await record(bot, [{ chatId: 42, priority: 'reply' }], granted)
  await outbox
  // the reply went before the outbox's eleventh message, which waited for the second to pass
  const reply = granted.find((g) => g.priority === 'reply')!
  expect(reply.order).toBe(10)
  expect(maxInWindow(granted.filter((g) => g.priority === 'outbox').map((g) => g.at))).toBe(10)
})

it('puts this process’s replies before its outbox', { timeout: 30_000 }, async () => {
  const [one] = await twoProcesses()
  const budget = new SharedSendBudget(one, { perSecond: 6 })
  const granted: Grant[] = []
  // the outbox asks first and fills its part; the replies asked meanwhile go first in the next second
  const outbox = record(
    budget,
    Array.from({ length: 10 }, (_, i) => ({ chatId: 1000 + i, priority: 'outbox' as const })),
    granted,
  )
  const replies = record(
    budget,
    Array.from({ length: 4 }, (_, i) => ({ chatId: 50 + i, priority: 'reply' as const })),
    granted,
  )
  await Promise.all([outbox, replies])
  // all four in the first second's six places, though five outbox messages asked before them
  expect(granted.filter((g) => g.priority === 'reply').map((g) => g.order < 6)).toEqual([
    true,
    true,
    true,
    true,
  ])
})

/** Resolves once `promise` has, or says it is still waiting after `ms` of real time. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'waiting'> {
  return Promise.race([
    promise,
    new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), ms)),
  ])
}

it('keeps a dead process’s message in flight in the budget for 30 seconds, then frees its place', async () => {
  const [one, two] = await twoProcesses()
  const clock = { t: Date.parse('2026-09-01T01:00:00Z') }
  const now = () => clock.t
  const dead = new SharedSendBudget(one, { perSecond: 2, now })
  const alive = new SharedSendBudget(two, { perSecond: 2, now })
  await dead.take(1, 'reply')
  await dead.take(2, 'reply') // neither answered: the process died while they were in flight
  const next = alive.take(3, 'reply')
  clock.t += 29_000
  expect(await within(next, 200)).toBe('waiting')
  clock.t += 1_001
  expect(await within(next, 5_000)).toBeTypeOf('function')
})

it('sends at most 20 messages a minute to one group, whichever process sends them', async () => {
  const [one, two] = await twoProcesses()
  const clock = { t: Date.parse('2026-09-01T01:00:00Z') }
  const now = () => clock.t
  const budgets = [
    new SharedSendBudget(one, { perSecond: 30, now }),
    new SharedSendBudget(two, { perSecond: 30, now }),
  ]
  for (let i = 0; i < 20; i++) {
    const release = await budgets[i % 2]!.take(-100, 'outbox')
    release()
    clock.t += 1_000
  }
  const twentyFirst = budgets[0]!.take(-100, 'outbox')
  expect(await within(twentyFirst, 200)).toBe('waiting')
  clock.t += 40_000 // a minute after the first
  expect(await within(twentyFirst, 5_000)).toBeTypeOf('function')
})
