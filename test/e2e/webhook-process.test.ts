/**
 * `npm start` with WEBHOOK_URL, as in production behind a local Bot API server: main.ts in its
 * own process serves the webhook, registers it with the secret token, answers what the fake
 * delivers there, and refuses a request without the secret.
 */
import { createServer } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import type { FakeServer } from '../../src/emulator/http.ts'
import { tempDatabase, texts } from '../helpers/bot-harness.ts'
import { type MainProcess, startMain } from '../helpers/main-process.ts'

const SECRET = 'webhook_secret-0123456789'
const fake = new FakeTelegram({ timeoutMs: 15_000 })
const db = tempDatabase()
let server: FakeServer
let bot: MainProcess
let hook: string

/** A port nobody listens on, for the bot's webhook server. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

beforeAll(async () => {
  server = await fake.listen()
  const port = await freePort()
  hook = `http://127.0.0.1:${port}/telegram`
  bot = await startMain(
    {
      BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345',
      BOT_API_ROOT: server.url,
      WEBHOOK_URL: hook,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      DATABASE_PATH: db.path,
      // the grade sheet's public address, proxied to this server like the webhook
      WEB_APP_URL: 'https://bdtx.example.org/app/grades',
    },
    () => fake.webhook !== undefined,
  )
}, 60_000)

afterAll(async () => {
  expect(await bot.stop()).toBe(0)
  await server.close()
  db.remove()
})

it('registers its webhook with the secret and answers what arrives there', async () => {
  expect(fake.webhook).toMatchObject({ url: hook, secret_token: SECRET })
  const teacher = fake.user({ id: 77, first_name: 'Hoa' })
  await teacher.sendText('/need 9 9 ?')
  expect(texts(await teacher.waitForMessages(1, 15_000))).toContain('Giỏi')
  expect(fake.violations).toEqual([])
  expect(bot.stderr()).not.toContain('"level":"error"')
}, 60_000)

it('refuses an update without the right secret, and anything but a POST', async () => {
  const teacher = fake.user({ id: 78, first_name: 'Mai' })
  const update = {
    update_id: 900_001,
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id: 78, type: 'private', first_name: 'Mai' },
      from: { id: 78, is_bot: false, first_name: 'Mai' },
      text: '/help',
      entities: [{ type: 'bot_command', offset: 0, length: 5 }],
    },
  }
  const post = (secret: string) =>
    fetch(hook, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify(update),
    })
  expect((await post('not-the-secret-at-all')).status).toBe(401)
  expect((await fetch(hook)).status).toBe(404)
  // the forged /help was never handled: the next thing Mai hears answers her own message
  await teacher.sendText('/cefr ielts 6.5')
  const [reply] = await teacher.waitForMessages(1, 15_000)
  expect(reply?.text).toContain('IELTS 6,5')
  expect(teacher.messages().filter((m) => m.from?.is_bot)).toHaveLength(1)
}, 60_000)

it('serves the Mini App grade sheet on the same port, and refuses an unsigned call', async () => {
  const page = await fetch(hook.replace('/telegram', '/app/grades'))
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('<script src="grades.js">')
  const call = await fetch(hook.replace('/telegram', '/app/api/sheet'), {
    method: 'POST',
    body: JSON.stringify({ initData: 'user=%7B%22id%22%3A1%7D&auth_date=1&hash=00' }),
  })
  expect(call.status).toBe(401)
  // the child's log line may reach us just after its answer
  await expect.poll(() => bot.stderr()).toContain('initData refused')
}, 60_000)
