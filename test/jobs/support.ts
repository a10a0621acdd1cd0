/**
 * The outbox worker against the fake Telegram over HTTP: a school with many linked people, a
 * broadcast service and a worker on one clock, and the checks every delivery test makes
 * (rate in any one-second window, spacing per chat, messages per chat).
 */
import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Api } from 'grammy'
import { expect } from 'vitest'
import type { App } from '../../src/app.ts'
import type { Db } from '../../src/db/connection.ts'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import type { FakeServer } from '../../src/emulator/http.ts'
import { OutboxWorker, type OutboxWorkerOptions, type Sleep } from '../../src/jobs/outbox-worker.ts'
import { createLogger } from '../../src/logger.ts'
import { type BroadcastService, createBroadcastService } from '../../src/services/broadcasts.ts'
import { openTestApp } from '../helpers/database.ts'

export const TOKEN = '123456:OUTBOX-test'
export const START_MS = Date.parse('2025-09-01T01:00:00Z')

/** A clock that moves only when the worker sleeps: sleeps return at once, time jumps. */
export function virtualClock(start = START_MS) {
  const clock = {
    t: start,
    now: () => clock.t,
    sleep: (async (ms: number) => {
      clock.t += Math.max(0, ms)
      await new Promise<void>((resolve) => setImmediate(resolve))
    }) as Sleep,
  }
  return clock
}

export interface Rig {
  app: App
  db: Db
  fake: FakeTelegram
  server: FakeServer
  api: Api
  broadcasts: BroadcastService
  clock: ReturnType<typeof virtualClock>
  schoolId: number
  admin: { telegramId: number; personId: number }
  /** linked people: telegram ids from 10_001 */
  people: Array<{ telegramId: number; personId: number }>
  worker(options?: Partial<OutboxWorkerOptions>): OutboxWorker
  close(): Promise<void>
}

/**
 * A school with an admin and `count` linked teachers (each with a chat in the fake unless
 * `withoutChat` names them); the fake, the service and every worker on one virtual clock.
 */
export async function rig(options: { count?: number; withoutChat?: number[] } = {}): Promise<Rig> {
  const clock = virtualClock()
  const now = clock.now
  const app = await openTestApp({ logger: createLogger('error') })
  const fake = new FakeTelegram({ now })
  const server = await fake.listen()
  const api = new Api(TOKEN, { apiRoot: server.url })
  const broadcasts = createBroadcastService(app.db, { now: () => new Date(now()) })
  const { schoolId, admin, people } = await seedSchool(app.db, options.count ?? 20, 'THPT Outbox')
  fake.user({ id: admin.telegramId, first_name: 'Admin' })
  const missing = new Set(options.withoutChat ?? [])
  for (const p of people)
    if (!missing.has(p.telegramId)) fake.user({ id: p.telegramId, first_name: `GV ${p.personId}` })
  return {
    app,
    db: app.db,
    fake,
    server,
    api,
    broadcasts,
    clock,
    schoolId,
    admin,
    people,
    worker: (extra = {}) =>
      new OutboxWorker({
        db: app.db,
        api,
        rate: 10,
        now: clock.now,
        sleep: clock.sleep,
        ...extra,
      }),
    close: async () => {
      await server.close()
      await app.close()
    },
  }
}

/** A school, its admin (telegram id 9_001) and `count` linked teachers, straight into the store. */
export async function seedSchool(db: Db, count: number, name: string, firstTelegramId = 10_001) {
  const at = new Date(START_MS).toISOString()
  const school = await db
    .insertInto('schools')
    .values({ name, name_key: name.toLowerCase(), created_by: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  const person = (fullName: string, role: string, telegramId: number | null) => ({
    school_id: school.id,
    full_name: fullName,
    name_key: fullName.toLowerCase(),
    role,
    department_id: null,
    level: 'THPT',
    subject: null,
    telegram_id: telegramId,
    linked_at: telegramId === null ? null : at,
    created_at: at,
    updated_at: at,
  })
  const adminRow = await db
    .insertInto('people')
    .values(person('Admin', 'admin', 9_001))
    .returning('id')
    .executeTakeFirstOrThrow()
  const people: Array<{ telegramId: number; personId: number }> = []
  for (let i = 0; i < count; i += 500) {
    const rows = await db
      .insertInto('people')
      .values(
        Array.from({ length: Math.min(500, count - i) }, (_, k) =>
          person(`Giáo viên ${i + k + 1}`, 'teacher', firstTelegramId + i + k),
        ),
      )
      .returning(['id', 'telegram_id'])
      .execute()
    for (const r of rows) people.push({ telegramId: Number(r.telegram_id), personId: r.id })
  }
  return { schoolId: school.id, admin: { telegramId: 9_001, personId: adminRow.id }, people }
}

/** The most messages in any window [t, t + windowMs) starting at a message. */
export function maxInWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  let j = 0
  for (let i = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j]! < sorted[i]! + windowMs) j++
    best = Math.max(best, j - i)
  }
  return best
}

/** The shortest time between two messages to the same chat (Infinity when none got two). */
export function minGapPerChat(sent: ReadonlyArray<{ chatId: number; at: number }>): number {
  const last = new Map<number, number>()
  let gap = Number.POSITIVE_INFINITY
  for (const s of [...sent].sort((a, b) => a.at - b.at)) {
    const before = last.get(s.chatId)
    if (before !== undefined) gap = Math.min(gap, s.at - before)
    last.set(s.chatId, s.at)
  }
  return gap
}

/** Messages (sends only) per chat. */
export function sendsPerChat(sent: ReadonlyArray<{ chatId: number; method: string }>): Map<number, number> {
  const out = new Map<number, number>()
  for (const s of sent) if (s.method.startsWith('send')) out.set(s.chatId, (out.get(s.chatId) ?? 0) + 1)
  return out
}

/** The outbox rows of a broadcast by chat. */
/**
 * Everyone got the broadcast once and their row says sent, but a recipient whose row is `unknown`
 * (a killed worker's message in flight): never twice, maybe not at all.
 */
export function expectEachOnce(
  people: ReadonlyArray<{ telegramId: number }>,
  rows: Awaited<ReturnType<typeof rowsByChat>>,
  per: ReadonlyMap<number, number>,
): void {
  for (const p of people) {
    const got = per.get(p.telegramId) ?? 0
    const row = rows.get(p.telegramId)!
    if (row.state === 'unknown') expect(got).toBeLessThanOrEqual(1)
    else
      expect({ chat: p.telegramId, got, state: row.state }).toEqual({
        chat: p.telegramId,
        got: 1,
        state: 'sent',
      })
  }
}

export async function rowsByChat(db: Db, broadcastId: number) {
  const rows = await db.selectFrom('outbox').selectAll().where('broadcast_id', '=', broadcastId).execute()
  return new Map(rows.map((r) => [Number(r.chat_id), r]))
}

const WORKER_SCRIPT = fileURLToPath(new URL('./worker-process.ts', import.meta.url))

/**
 * An outbox worker in its own process on this store, killed (SIGKILL) by `cleanups` after the test;
 * with `sendRate`, it takes its turns from the token's budget shared through the store.
 */
export function forkWorker(
  options: { store: string; url: string; token: string; rate: number; sendRate?: number },
  cleanups: Array<() => unknown>,
) {
  const proc: ChildProcess = fork(WORKER_SCRIPT, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      OUTBOX_DB: options.store,
      OUTBOX_API_ROOT: options.url,
      OUTBOX_TOKEN: options.token,
      OUTBOX_RATE: String(options.rate),
      OUTBOX_BACKOFF_MS: '200',
      OUTBOX_LEASE_MS: '1500',
      ...(options.sendRate ? { OUTBOX_SEND_RATE: String(options.sendRate) } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  cleanups.push(() => proc.kill('SIGKILL'))
  const exit = new Promise<NodeJS.Signals | number | null>((resolve) =>
    proc.once('exit', (code, signal) => resolve(signal ?? code)),
  )
  return { process: proc, exit }
}
