/**
 * One sending budget for the token: a 2,000-recipient broadcast goes out while 20 simulated people
 * send 20 commands a second between them, the bot (with the budget transformer, as in main.ts) and
 * the outbox worker sharing one MemorySendBudget, all against the fake Telegram, in real time.
 *
 *   outgoing.max_second_ratio   the most messages the fake received in any sliding second,
 *                               replies and outbox together, over the budget's limit: ≤ 1.0
 *   outgoing.reply_p99_ms       99th percentile from a command's arrival to its answer: ≤ 1,100
 *   outgoing.outbox_per_s       what the outbox got meanwhile (messages a second)
 *   outgoing.shared_*           the same with the budget kept in the store (SharedSendBudget, as
 *                               with PostgreSQL or SEND_BUDGET=shared), the bot and the worker each
 *                               with a budget of its own on it, as two processes would be:
 *                               max_second_ratio ≤ 1.0 and reply_p99_ms ≤ 1,100 too
 */
import { Api } from 'grammy'
import { openApp } from '../src/app.ts'
import { createBot } from '../src/bot/index.ts'
import { FakeTelegram } from '../src/emulator/fake-telegram.ts'
import { OutboxWorker } from '../src/jobs/outbox-worker.ts'
import { budgetTransformer, MemorySendBudget, TELEGRAM_RATE } from '../src/jobs/send-budget.ts'
import { SharedSendBudget } from '../src/jobs/shared-send-budget.ts'
import { silentLogger } from '../src/logger.ts'
import { ADMIN, confirmTeachersNotice, seed } from './broadcast.ts'
import type { BenchSuite } from './suites.ts'

const TOKEN = '1:bench-outgoing'
const RECIPIENTS = 2_000
const PEOPLE = 20
const COMMANDS_PER_S = 20
const SECONDS = 8

export const outgoingSuite: BenchSuite = {
  name: 'outgoing',
  async run() {
    const memory = await scenario(false)
    const shared = await scenario(true)
    return {
      ...memory,
      ...Object.fromEntries(Object.entries(shared).map(([key, value]) => [`shared_${key}`, value])),
    }
  },
}

/** The broadcast and the commands at once; `shared`: each of the two with a store budget of its own. */
async function scenario(shared: boolean): Promise<Record<string, number>> {
  const app = await openApp({ databasePath: ':memory:', logger: silentLogger })
  const { schoolId } = await seed(app.db, RECIPIENTS)
  const fake = new FakeTelegram()
  fake.user({ id: ADMIN, first_name: 'Admin' })
  for (let i = 0; i < RECIPIENTS; i++) fake.user({ id: 1_000_000 + i, first_name: `GV ${i}` })
  const people = Array.from({ length: PEOPLE }, (_, i) =>
    fake.user({ id: 2_000_000 + i, first_name: `U${i}` }),
  )
  const budget = shared
    ? new SharedSendBudget(app.db, { perSecond: TELEGRAM_RATE })
    : new MemorySendBudget({ perSecond: TELEGRAM_RATE })
  const bot = createBot({
    token: TOKEN,
    deps: app.deps,
    client: { fetch: fake.fetch },
    transformers: [budgetTransformer(budget)],
  })
  fake.connect(bot)
  await bot.init()

  await confirmTeachersNotice(app.db, schoolId)
  const worker = new OutboxWorker({
    db: app.db,
    api: new Api(TOKEN, { fetch: fake.fetch }),
    rate: TELEGRAM_RATE,
    budget: shared ? new SharedSendBudget(app.db, { perSecond: TELEGRAM_RATE }) : budget,
    startupDelayMs: 0,
  })
  const started = Date.now()
  worker.start()

  // people type /help in turn, 20 a second in all; each command's time to its answer
  const latencies: number[] = []
  const pending: Promise<void>[] = []
  for (let k = 0; k < SECONDS * COMMANDS_PER_S; k++) {
    const due = started + 500 + (k * 1000) / COMMANDS_PER_S
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())))
    const at = performance.now()
    pending.push(
      people[k % PEOPLE]!.sendText('/help').then(() => {
        latencies.push(performance.now() - at)
      }),
    )
  }
  await Promise.all(pending)
  const ended = Date.now()
  await worker.stop()
  await app.close()

  const times = fake.sent
    .filter((s) => s.at >= started && s.at <= ended)
    .map((s) => s.at)
    .sort((a, b) => a - b)
  let maxSecond = 0
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && times[j]! < times[i]! + 1000) j++
    maxSecond = Math.max(maxSecond, j - i)
  }
  latencies.sort((a, b) => a - b)
  const p99 = latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)]!
  const outbox = fake.sent.filter((s) => s.chatId >= 1_000_000 && s.chatId < 2_000_000).length
  return {
    max_second_ratio: Math.round((maxSecond / TELEGRAM_RATE) * 1000) / 1000,
    reply_p99_ms: Math.round(p99),
    outbox_per_s: Math.round((outbox / ((ended - started) / 1000)) * 10) / 10,
  }
}
