/**
 * Presses inside a step-by-step flow with production's transformers (the token's sending budget and
 * auto-retry) over HTTP long polling: each press is answered within Telegram's own per-chat
 * spacing, however many messages the flow has sent before. A conversation replays its earlier
 * steps on every update; those replayed calls never reach Telegram and must not be paced either.
 */
import type { Transformer } from 'grammy'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { productionTransformers } from '../../src/bot/api.ts'
import { MemorySendBudget, TELEGRAM_RATE } from '../../src/jobs/send-budget.ts'
import { type Harness, overHttp } from '../helpers/bot-harness.ts'

/** Telegram lets a bot send about one message a second to one chat */
const PER_CHAT_SPACING_MS = 1_100

let h: Harness
/** calls that went through our transformers, i.e. that the bot meant to send to Telegram */
const passed: string[] = []
const counting: Transformer = (prev, method, payload, signal) => {
  passed.push(method)
  return prev(method, payload, signal)
}

beforeAll(async () => {
  const budget = new MemorySendBudget({ perSecond: TELEGRAM_RATE })
  h = await overHttp({ transformers: [counting, ...productionTransformers(budget)] })
})
afterAll(async () => {
  await h.close()
})

async function timed<T>(step: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await step()
  return { ms: performance.now() - started, value }
}

it('answers each press of a five-step flow within the per-chat spacing, and replays nothing', async () => {
  const user = h.fake.user({ id: 4_001, first_name: 'Lan', language_code: 'vi' })
  await user.say('/start')
  passed.length = 0
  const before = h.fake.calls.length
  const steps = [
    () => user.say('/cefr'),
    () => user.tap('TOEIC'),
    () => user.say('99999'),
    () => user.say('860 180 170'),
    () => user.tap('GV tiếng Anh THPT'),
  ]
  const times: number[] = []
  let last: Array<{ text?: string }> = []
  for (const step of steps) {
    // a person reads the answer before the next press: the chat's spacing has passed by then
    await new Promise((resolve) => setTimeout(resolve, PER_CHAT_SPACING_MS))
    const { ms, value } = await timed(step)
    times.push(ms)
    last = value
  }
  expect(last.map((m) => m.text).join('\n')).toContain('GV tiếng Anh THPT cần C1 (bậc 5/6): đạt chuẩn')
  // every call that passed the throttler reached Telegram: replayed steps were answered from the log
  const reached = h.fake.calls.slice(before).map((c) => c.method)
  expect(passed.filter((m) => m !== 'getUpdates')).toEqual(reached.filter((m) => m !== 'getUpdates'))
  // Replayed calls paced by the throttler cost one spacing per earlier message (the fifth press
  // waited four seconds); a press that sends two messages takes one spacing. The exact figure is
  // the bench's (flow.press_p99_ms); here a loaded machine must not make the test flaky.
  for (const ms of times) expect(ms).toBeLessThan(2 * PER_CHAT_SPACING_MS)
}, 30_000)
