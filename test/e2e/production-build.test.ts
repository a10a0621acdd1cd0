/**
 * The production build as an operator runs it: `npm run build` (scripts/build.mjs) compiles the
 * bot to JavaScript, and the compiled main.js — plain node, no tsx, no TypeScript — starts against
 * the fake Bot API in webhook mode, answers /start with the welcome from the copied locales and
 * answers its balancer's /healthz.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import type { FakeServer } from '../../src/emulator/http.ts'
import { tempDatabase, texts } from '../helpers/bot-harness.ts'
import { freshDatabase } from '../helpers/database.ts'
import { type MainProcess, startMain } from '../helpers/main-process.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
// inside the project (node finds node_modules above it), one folder per test process
const out = join(root, '.tmp', `build-${process.pid}`)
const cleanups: Array<() => unknown> = []

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
}

beforeAll(() => {
  // the same script `npm run build` runs, into this test's own folder
  expect(pkg.scripts.build).toBe('node scripts/build.mjs')
  const build = spawnSync(process.execPath, ['scripts/build.mjs', out], { cwd: root, encoding: 'utf8' })
  expect(build.stderr + build.stdout).toContain('built')
  expect(build.status).toBe(0)
  cleanups.push(() => rmSync(out, { recursive: true, force: true }))
}, 240_000)

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

it('npm run start:prod runs the compiled main.js with plain node', () => {
  // the production start is node on the build's main.js, with nothing that compiles TypeScript
  expect(pkg.scripts['start:prod']).toMatch(/^node (--[\w-]+ )*dist\/src\/main\.js$/)
  expect(pkg.scripts['start:prod']).not.toMatch(/tsx|ts-node|--import|--loader/)
  expect(existsSync(join(out, 'src/main.js'))).toBe(true)
  expect(existsSync(join(out, 'src/main.ts'))).toBe(false)
  // a newcomer's `npm start` is unchanged
  expect(pkg.scripts.start).toBe('tsx src/main.ts')
})

/** A port nobody listens on, for the bot's webhook server. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

it('the built bot serves a webhook, answers /start in Vietnamese and reports itself healthy', async () => {
  const fake = new FakeTelegram({ timeoutMs: 15_000 })
  const server: FakeServer = await fake.listen()
  cleanups.push(() => server.close())
  const database = await freshDatabase()
  cleanups.push(() => database.drop())
  const file = tempDatabase()
  cleanups.push(() => file.remove())
  const store: Record<string, string> =
    database.location === ':memory:' ? { DATABASE_PATH: file.path } : { DATABASE_URL: database.location }
  const port = await freePort()
  const bot: MainProcess = await startMain(
    {
      BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345',
      BOT_API_ROOT: server.url,
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      WEBHOOK_SECRET: 'webhook_secret-0123456789',
      PORT: String(port),
      ...store,
    },
    () => fake.webhook !== undefined,
    60_000,
    join(out, 'src/main.js'),
  )
  cleanups.push(() => bot.running() && bot.stop())
  const user = fake.user({ id: 601, first_name: 'Hạnh', language_code: 'vi' })
  await user.sendText('/start')
  const answer = texts(await user.waitForMessages(1, 15_000))
  expect(answer).toContain('Xin chào')
  expect(answer).toContain('bồi dưỡng thường xuyên (BDTX)')
  const health = await fetch(`http://127.0.0.1:${port}/healthz`)
  expect(health.status).toBe(200)
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok', migrations: { pending: [] } })
  expect(await bot.stop()).toBe(0)
  expect(bot.stderr()).not.toContain('"level":"error"')
}, 90_000)
