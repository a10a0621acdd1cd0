/**
 * `npm start` told to stop while it has an update in hand, as in production: main.ts in its own
 * process against the fake Bot API over HTTP, the fake's network slowed so that the update is
 * still being handled when the stop comes. What the person saw must be what the bot remembers.
 */
import { createServer } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import type { FakeServer } from '../../src/emulator/http.ts'
import { tempDatabase, texts } from '../helpers/bot-harness.ts'
import { type MainProcess, startMain } from '../helpers/main-process.ts'

const TOKEN = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345'
const cleanups: Array<() => Promise<unknown> | unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function polling(fake: FakeTelegram, db: { path: string }): Promise<MainProcess> {
  const server = await fake.listen()
  cleanups.push(() => server.close())
  const bot = await startMain(
    { BOT_TOKEN: TOKEN, BOT_API_ROOT: server.url, DATABASE_PATH: db.path, LOG_LEVEL: 'info' },
    () => fake.storedCommands(undefined, 'en') !== undefined,
  )
  cleanups.push(() => bot.running() && bot.stop())
  return bot
}

/** Resolves once the bot has started calling `method` (the call itself may be slowed). */
async function calling(fake: FakeTelegram, method: string, after: number): Promise<void> {
  while (!fake.calls.slice(after).some((c) => c.method === method))
    await new Promise((r) => setTimeout(r, 20))
}

it('SIGTERM in the middle of a flow step finishes the step; after a restart the flow goes on', async () => {
  const db = tempDatabase()
  cleanups.push(() => db.remove())
  let fake = new FakeTelegram({ timeoutMs: 15_000 })
  let bot = await polling(fake, db)
  let user = fake.user({ id: 501, first_name: 'Hoa', language_code: 'vi' })
  await user.sendText('/cefr')
  expect(texts(await user.waitForMessages(1))).toContain('Bạn có chứng chỉ nào?')

  // the step's answer is slow to reach Telegram; the stop comes while it is on its way
  fake.slowNext('sendMessage', 1_500)
  const before = fake.calls.length
  await user.press('TOEIC')
  await calling(fake, 'sendMessage', before)
  const stopped = performance.now()
  expect(await bot.stop()).toBe(0)
  expect(performance.now() - stopped).toBeGreaterThan(1_000) // it waited for the step
  expect(user.lastMessage()?.text).toContain('Ba điểm TOEIC')
  expect(bot.stderr()).not.toContain('"level":"error"')

  // a new process on the same store and the same chat: the flow is where the person left it
  const survivors = fake
  fake = new FakeTelegram({ timeoutMs: 15_000 })
  bot = await polling(fake, db)
  user = fake.user({ id: 501, first_name: 'Hoa', language_code: 'vi' })
  await user.sendText('860 180 170')
  expect(texts(await user.waitForMessages(1))).toContain('TOEIC 860 + 180 + 170 đạt C1')
  // and the press was confirmed to Telegram on the way out: nobody got its answer twice
  expect(survivors.calls.filter((c) => c.method === 'getUpdates').at(-1)?.payload.timeout).toBe(0)
}, 90_000)

it('another poller (409) stops the process the same orderly way, the update in hand answered', async () => {
  const db = tempDatabase()
  cleanups.push(() => db.remove())
  const fake = new FakeTelegram({ timeoutMs: 15_000 })
  const bot = await polling(fake, db)
  const user = fake.user({ id: 502, first_name: 'Mai', language_code: 'vi' })
  // the poll that brings the update is already waiting; the one after it meets the other poller
  await calling(fake, 'getUpdates', 0)
  fake.slowNext('sendMessage', 1_500)
  fake.failNext('getUpdates', {
    error_code: 409,
    description: 'Conflict: terminated by other getUpdates request',
  })
  await user.sendText('/need 9 9 ?')
  expect(await bot.exited).toBe(1)
  expect(user.lastMessage()?.text).toContain('Giỏi')
  expect(bot.stderr()).toContain('polling stopped')
  expect(bot.stderr()).toContain('finished the updates in hand')
}, 90_000)

/** A port nobody listens on, for the bot's webhook server. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

it('a webhook update that takes over ten seconds is answered in time and finished, and the process lives', async () => {
  const db = tempDatabase()
  cleanups.push(() => db.remove())
  const fake = new FakeTelegram({ timeoutMs: 20_000 })
  const server: FakeServer = await fake.listen()
  cleanups.push(() => server.close())
  const port = await freePort()
  const bot = await startMain(
    {
      BOT_TOKEN: TOKEN,
      BOT_API_ROOT: server.url,
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      WEBHOOK_SECRET: 'webhook_secret-0123456789',
      PORT: String(port),
      DATABASE_PATH: db.path,
    },
    () => fake.webhook !== undefined,
  )
  cleanups.push(() => bot.running() && bot.stop())
  const user = fake.user({ id: 503, first_name: 'Lan', language_code: 'vi' })
  fake.slowNext('sendMessage', 11_000)
  const update = await user.sendText('/need 9 9 ?')
  await fake.settled(update.update_id, 20_000)
  const answer = fake.webhookAnswers.find((a) => a.updateId === update.update_id)
  expect(answer?.status).toBe(200)
  expect(answer!.ms).toBeLessThan(10_000) // Telegram would have sent it again
  await user.waitForMessages(1, 15_000)
  expect(user.lastMessage()?.text).toContain('Giỏi')
  expect(bot.running()).toBe(true)
  expect(await bot.stop()).toBe(0)
}, 90_000)
