/**
 * The outbox worker in a process of its own, for the crash and instances tests: it opens the store
 * the test prepared (a SQLite file or a PostgreSQL URL) and delivers against the fake Telegram's
 * URL until everything is sent and reported, then exits 0 — unless the test kills it first.
 *
 *   node --import tsx test/jobs/worker-process.ts
 *   env: OUTBOX_DB, OUTBOX_API_ROOT, OUTBOX_TOKEN, OUTBOX_RATE, OUTBOX_BACKOFF_MS, OUTBOX_LEASE_MS,
 *        OUTBOX_SEND_RATE (the token's budget shared through the store with every other process, as
 *        main.ts does with SEND_BUDGET=shared; unset: none)
 */
import { Api } from 'grammy'
import { openDatabase } from '../../src/db/connection.ts'
import { OutboxWorker } from '../../src/jobs/outbox-worker.ts'
import { SharedSendBudget } from '../../src/jobs/shared-send-budget.ts'
import { createLogger } from '../../src/logger.ts'

const env = process.env
const db = openDatabase(env.OUTBOX_DB!)
const worker = new OutboxWorker({
  db,
  api: new Api(env.OUTBOX_TOKEN!, { apiRoot: env.OUTBOX_API_ROOT! }),
  rate: Number(env.OUTBOX_RATE ?? 25),
  ...(env.OUTBOX_SEND_RATE
    ? { budget: new SharedSendBudget(db, { perSecond: Number(env.OUTBOX_SEND_RATE) }) }
    : {}),
  backoffMs: Number(env.OUTBOX_BACKOFF_MS ?? 2000),
  progressEveryMs: 1000,
  // a killed worker's claims are taken for a dead worker's this soon after its last renewal
  leaseMs: Number(env.OUTBOX_LEASE_MS ?? 1500),
  logger: createLogger('error'),
})
process.once('SIGTERM', () => void worker.stop())
await worker.run({ untilIdle: true })
await db.destroy()
process.exit(0)
