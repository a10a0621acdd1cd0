/**
 * The one-time setup link as the operator's logs show it (issue 10, item 7): printed once when it
 * is issued, not again at the next start while it still works, and never once an owner exists.
 * Two real starts of main.ts on one store, polling the project's fake Bot API.
 */
import { afterAll, expect, it } from 'vitest'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import type { FakeServer } from '../../src/emulator/http.ts'
import { tempDatabase } from '../helpers/bot-harness.ts'
import { startMain } from '../helpers/main-process.ts'

const db = tempDatabase()
const servers: FakeServer[] = []

afterAll(async () => {
  for (const server of servers) await server.close()
  db.remove()
})

/** main.ts on the same store, against a fresh fake each time (so "ready" means this start) */
async function start() {
  const fake = new FakeTelegram({ timeoutMs: 15_000 })
  const server = await fake.listen()
  servers.push(server)
  return startMain(
    {
      BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345',
      BOT_API_ROOT: server.url,
      DATABASE_PATH: db.path,
      OWNER_TELEGRAM_IDS: '',
      LOG_LEVEL: 'info',
    },
    // up once it has registered its commands, English last
    () => fake.storedCommands(undefined, 'en') !== undefined,
  )
}

/** Start-up announces the setup state after registering the commands: wait for that line. */
async function announced(bot: Awaited<ReturnType<typeof startMain>>) {
  for (let i = 0; i < 300 && !bot.stderr().includes('no owner yet'); i++)
    await new Promise((r) => setTimeout(r, 100))
  return bot
}

it('prints the setup link when it is issued, and not again at the next start', async () => {
  const first = await announced(await start())
  expect(await first.stop()).toBe(0)
  const link = /start=(setup-[a-z2-7]+)/.exec(first.stdout() + first.stderr())?.[1]
  expect(link).toBeDefined()
  expect(first.stdout()).toContain('to become the owner')

  const second = await announced(await start())
  expect(await second.stop()).toBe(0)
  expect(second.stdout() + second.stderr()).not.toContain('setup-')
  expect(second.stderr()).toContain('the setup link printed earlier still works')
}, 120_000)
