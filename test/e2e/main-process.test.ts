/**
 * `npm start` with a token, as in production: main.ts in its own process, long polling the
 * project's fake Bot API (BOT_API_ROOT), with the outbox worker and the reminder scheduler beside
 * it, stopped by SIGTERM. This is the whole composition root, not a piece of it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import type { FakeServer } from '../../src/emulator/http.ts'
import { tempDatabase, texts } from '../helpers/bot-harness.ts'
import { type MainProcess, startMain } from '../helpers/main-process.ts'

const fake = new FakeTelegram({ timeoutMs: 15_000 })
const db = tempDatabase()
let server: FakeServer
let bot: MainProcess

beforeAll(async () => {
  server = await fake.listen()
  // the bot is up once it has registered its commands, English last
  bot = await startMain(
    {
      BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345',
      BOT_API_ROOT: server.url,
      DATABASE_PATH: db.path,
      OWNER_TELEGRAM_IDS: '42',
    },
    () => fake.storedCommands(undefined, 'en') !== undefined,
  )
}, 60_000)

afterAll(async () => {
  expect(await bot.stop()).toBe(0)
  await server.close()
  db.remove()
})

it('answers over long polling, registers its commands in both languages, and stops on SIGTERM', async () => {
  expect(fake.storedCommands()?.map((c) => c.command)).toContain('cefr')
  expect(fake.storedCommands(undefined, 'en')?.find((c) => c.command === 'need')?.description).toBe(
    'Work out the score you still need',
  )
  const owner = fake.user({ id: 42, first_name: 'Sở' })
  // another process runs the bot: its replies are awaited, not its handling of the update
  const ask = async (text: string) => {
    await owner.sendText(text)
    return texts(await owner.waitForMessages(1, 15_000))
  }
  expect(await ask('/cefr ielts 6.5 thpt')).toContain('đạt chuẩn')
  expect(await ask('/schools')).toContain('Các trường (0)')
  expect(fake.violations).toEqual([])
  expect(bot.stderr()).not.toContain('"level":"error"')
}, 60_000)
