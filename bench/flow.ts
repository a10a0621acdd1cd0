/**
 * What a person feels inside a step-by-step flow, with production's wiring: grammY's runner long
 * polling the project's fake Bot API over HTTP, the token's sending budget and auto-retry on every call. Fifteen
 * people at once each go through the five presses and answers of /cefr, pausing as a reader would
 * (Telegram's per-chat second), and each press is timed until the bot has answered it.
 *
 * `press_p99_ms` must stay within Telegram's own per-chat spacing (≤ 1,100 ms): a flow's earlier
 * steps are replayed on every update, and none of that may be paced or sent again.
 * `SEND_BUDGET=shared` measures it with the budget kept in the store, as main.ts chooses it.
 */
import { run } from '@grammyjs/runner'
import { openApp } from '../src/app.ts'
import { productionTransformers } from '../src/bot/api.ts'
import { createBot } from '../src/bot/index.ts'
import { FakeTelegram } from '../src/emulator/fake-telegram.ts'
import { TELEGRAM_RATE } from '../src/jobs/send-budget.ts'
import { createSendBudget } from '../src/jobs/shared-send-budget.ts'
import { silentLogger } from '../src/logger.ts'
import type { BenchSuite } from './suites.ts'

const PEOPLE = 15
const READING_MS = 1_100

export const flowSuite: BenchSuite = {
  name: 'flow',
  async run() {
    const fake = new FakeTelegram({ timeoutMs: 20_000 })
    const server = await fake.listen()
    const app = await openApp({ databasePath: ':memory:', logger: silentLogger })
    const bot = createBot({
      token: '123456:bench-flow',
      deps: app.deps,
      client: { apiRoot: server.url },
      transformers: productionTransformers(
        createSendBudget(app.db, { shared: process.env.SEND_BUDGET === 'shared', perSecond: TELEGRAM_RATE }),
      ),
    })
    await bot.init()
    fake.track(bot)
    const runner = run(bot, { runner: { fetch: { timeout: 1 } } })
    const times: number[] = []
    await Promise.all(
      Array.from({ length: PEOPLE }, async (_, i) => {
        const user = fake.user({ id: 50_000 + i, first_name: `GV ${i}`, language_code: 'vi' })
        // until the bot has finished this person's update (not until the whole fake is quiet)
        const steps = [
          () => user.sendText('/cefr'),
          () => user.press('TOEIC'),
          () => user.sendText('99999'),
          () => user.sendText('860 180 170'),
          () => user.press('GV tiếng Anh THPT'),
        ]
        for (const step of steps) {
          await new Promise((resolve) => setTimeout(resolve, READING_MS + Math.random() * 200))
          const started = performance.now()
          await fake.settled((await step()).update_id)
          times.push(performance.now() - started)
        }
      }),
    )
    await runner.stop()
    await server.close()
    await app.close()
    times.sort((a, b) => a - b)
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!)
    return { press_p50_ms: at(0.5), press_p99_ms: at(0.99) }
  },
}
