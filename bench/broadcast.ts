/**
 * Broadcasts, the whole way: the outbox worker against the fake Telegram over HTTP, in real time,
 * and the time to enqueue a school of 100,000.
 *
 *   broadcast.rate_ratio         messages a second the worker achieved over ~5 s of sending (every
 *                                message: recipients, progress edits), divided by BROADCAST_RATE
 *                                (default 25); measured over whole seconds from the first message,
 *                                goal ≥ 0.95
 *   broadcast.max_second_ratio   the most messages in any one-second window (sliding, as the fake
 *                                stamped them) divided by BROADCAST_RATE; must never exceed 1.0
 *   broadcast.enqueue_100k_ms    confirming a broadcast to 100,000 linked people: resolving the
 *                                audience and writing one outbox row each, in one transaction
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Api } from 'grammy'
import { openApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import type { Db } from '../src/db/connection.ts'
import { FakeTelegram } from '../src/emulator/fake-telegram.ts'
import { OutboxWorker } from '../src/jobs/outbox-worker.ts'
import { MemorySendBudget, TELEGRAM_RATE } from '../src/jobs/send-budget.ts'
import { silentLogger } from '../src/logger.ts'
import { createBroadcastService } from '../src/services/broadcasts.ts'
import type { BenchSuite } from './suites.ts'

const TOKEN = '1:bench-broadcast'
/** an instant outside every default quiet hour (12:00 in Vietnam), in the past so rows are due */
export const NOON = '2025-09-01T05:00:00Z'
const SECONDS = 5
export const ADMIN = 9_001

/** A school, its admin and `count` linked teachers (Telegram ids from 1,000,000). */
export async function seed(db: Db, count: number): Promise<{ schoolId: number }> {
  const at = new Date().toISOString()
  const school = await db
    .insertInto('schools')
    .values({ name: 'THPT Bench', name_key: 'thpt bench', created_by: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  const person = (i: number, role: string, telegramId: number) => ({
    school_id: school.id,
    full_name: `Giáo viên ${i}`,
    name_key: `giao vien ${i}`,
    role,
    department_id: null,
    level: 'THPT',
    subject: null,
    telegram_id: telegramId,
    linked_at: at,
    created_at: at,
    updated_at: at,
  })
  await db
    .insertInto('people')
    .values(person(0, 'admin', ADMIN))
    .execute()
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i += 1_000) {
      const rows = Array.from({ length: Math.min(1_000, count - i) }, (_, k) =>
        person(i + k + 1, 'teacher', 1_000_000 + i + k),
      )
      await trx.insertInto('people').values(rows).execute()
    }
  })
  return { schoolId: school.id }
}

async function rate(rate: number): Promise<{ ratio: number; maxSecond: number }> {
  const app = await openApp({ databasePath: ':memory:', logger: silentLogger })
  const count = rate * SECONDS
  const { schoolId } = await seed(app.db, count)
  const fake = new FakeTelegram()
  const server = await fake.listen()
  fake.user({ id: ADMIN, first_name: 'Admin' })
  for (let i = 0; i < count; i++) fake.user({ id: 1_000_000 + i, first_name: `GV ${i}` })
  // at noon in Vietnam: outside anyone's quiet hours, whenever the bench runs
  await confirmTeachersNotice(app.db, schoolId)

  // through the token's budget, as in production, with no one typing
  const worker = new OutboxWorker({
    db: app.db,
    api: new Api(TOKEN, { apiRoot: server.url }),
    rate,
    budget: new MemorySendBudget({ perSecond: TELEGRAM_RATE }),
  })
  await worker.run({ untilIdle: true })
  await server.close()
  await app.close()

  const times = fake.sent.map((s) => s.at).sort((a, b) => a - b)
  if (fake.sent.filter((s) => s.chatId !== ADMIN).length !== count)
    throw new Error('not every message was sent')
  // whole seconds from the first message, while recipients' messages were still going out
  const first = times[0]!
  const lastRecipient = Math.max(...fake.sent.filter((s) => s.chatId !== ADMIN).map((s) => s.at))
  const seconds = Math.max(1, Math.floor((lastRecipient - first) / 1000))
  const inSeconds = times.filter((t) => t < first + seconds * 1000).length
  let maxSecond = 0
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && times[j]! < times[i]! + 1000) j++
    maxSecond = Math.max(maxSecond, j - i)
  }
  return { ratio: inSeconds / (seconds * rate), maxSecond: maxSecond / rate }
}

async function enqueue100k(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bdtx-bench-'))
  try {
    const app = await openApp({ databasePath: join(dir, 'bench.sqlite'), logger: silentLogger })
    const { schoolId } = await seed(app.db, 100_000)
    const broadcasts = createBroadcastService(app.db)
    const admin = { telegramId: ADMIN }
    const draft = await broadcasts.create(admin, {
      schoolId,
      content: { type: 'text', html: 'Thông báo' },
      audience: { type: 'roles', roles: ['teacher'] },
    })
    if (!draft.ok) throw new Error(JSON.stringify(draft.error))
    const started = performance.now()
    const confirmed = await broadcasts.confirm(admin, { broadcastId: draft.value.id })
    const ms = performance.now() - started
    if (!confirmed.ok || confirmed.value.enqueued !== 100_000) throw new Error('enqueue failed')
    await app.close()
    return ms
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const broadcastSuite: BenchSuite = {
  name: 'broadcast',
  async run() {
    const { broadcastRate } = loadConfig()
    const { ratio, maxSecond } = await rate(broadcastRate)
    const enqueueMs = await enqueue100k()
    return {
      rate_ratio: Math.round(ratio * 1000) / 1000,
      max_second_ratio: Math.round(maxSecond * 1000) / 1000,
      enqueue_100k_ms: Math.round(enqueueMs),
    }
  },
}

/** The admin's notice to every teacher of the school, written and confirmed at noon in Vietnam. */
export async function confirmTeachersNotice(db: Db, schoolId: number): Promise<void> {
  const broadcasts = createBroadcastService(db, { now: () => new Date(NOON) })
  const admin = { telegramId: ADMIN }
  const draft = await broadcasts.create(admin, {
    schoolId,
    content: { type: 'text', html: '<b>Thông báo</b>: họp hội đồng 14h thứ Sáu' },
    audience: { type: 'roles', roles: ['teacher'] },
  })
  if (!draft.ok) throw new Error(JSON.stringify(draft.error))
  const confirmed = await broadcasts.confirm(admin, { broadcastId: draft.value.id })
  if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.error))
}
