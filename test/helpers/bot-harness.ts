/**
 * Runs the real bot against the project's fake Telegram. `inProcess` delivers updates with
 * bot.handleUpdate (fast, for most tests); `overHttp` runs the bot with grammY's runner against
 * the fake's HTTP server, exactly as production polls Telegram.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunnerHandle, run } from '@grammyjs/runner'
import { Api, type Transformer } from 'grammy'
import type { App } from '../../src/app.ts'
import { broadcastRenderer } from '../../src/bot/features/broadcast.ts'
import { createBot } from '../../src/bot/index.ts'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import { OutboxWorker, type Sleep } from '../../src/jobs/outbox-worker.ts'
import { createLogger, type Logger } from '../../src/logger.ts'
import type { RegulationProfile } from '../../src/rules/index.ts'
import type { Services } from '../../src/services/index.ts'
import { OWNER, START, seedRegulation, type World } from '../services/support.ts'
import { openTestApp } from './database.ts'

export const TEST_TOKEN = '123456:TEST-token'

export interface Harness {
  fake: FakeTelegram
  app: App
  logs: string[]
  bot: ReturnType<typeof createBot>
  close(): Promise<void>
}

function capturedLogger(): { logger: Logger; logs: string[] } {
  const logs: string[] = []
  return { logs, logger: createLogger('debug', (line) => logs.push(line)) }
}

/** A fresh temporary database file (so a test can reopen it like a restarted bot). */
export function tempDatabase(): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'bdtx-test-'))
  return { path: join(dir, 'bdtx.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface HarnessOptions {
  fake?: FakeTelegram
  databasePath?: string
  /** the services' clock (deadlines, invite expiry) */
  now?: () => Date
  /** an app whose store a test has already filled (its own logger is kept) */
  app?: App
  /** production's API transformers (throttler, auto-retry), for tests of what people feel */
  transformers?: Transformer[]
  /** another flood limit than production's, for a test that must send many updates at once */
  flood?: { limit: number; windowMs: number }
  /** the regulation of new school years; the seeds' TT 26/2012 unless a test says otherwise */
  profileFor?: (startYear: number) => RegulationProfile
}

export async function inProcess(options: HarnessOptions = {}): Promise<Harness> {
  const fake = options.fake ?? new FakeTelegram()
  const { logger, logs } = capturedLogger()
  const app =
    options.app ??
    (await openTestApp({
      databasePath: options.databasePath,
      logger,
      now: options.now,
      profileFor: options.profileFor ?? seedRegulation,
    }))
  const bot = createBot({
    token: TEST_TOKEN,
    deps: app.deps,
    client: { fetch: fake.fetch },
    flood: options.flood,
  })
  fake.connect(bot)
  return { fake, app, logs, bot, close: () => app.close() }
}

export async function overHttp(options: HarnessOptions = {}): Promise<Harness & { runner: RunnerHandle }> {
  const fake = options.fake ?? new FakeTelegram()
  const server = await fake.listen()
  const { logger, logs } = capturedLogger()
  const app = await openTestApp({
    databasePath: options.databasePath,
    logger,
    now: options.now,
    profileFor: options.profileFor ?? seedRegulation,
  })
  const bot = createBot({
    token: TEST_TOKEN,
    deps: app.deps,
    client: { apiRoot: server.url },
    transformers: options.transformers,
  })
  await bot.init()
  fake.track(bot)
  const runner = run(bot, { runner: { fetch: { timeout: 1 } } })
  return {
    fake,
    app,
    logs,
    bot,
    runner,
    close: async () => {
      if (runner.isRunning()) await runner.stop()
      await server.close()
      await app.close()
    },
  }
}

/**
 * The bot in process over a store that the service fixtures (test/services/support.ts) fill: the
 * same app and the same test clock (28 August 2025, plans open), an owner bootstrapped.
 */
export async function inProcessWorld(
  options: Omit<HarnessOptions, 'now'> = {},
): Promise<{ h: Harness; w: World }> {
  const clock = { now: new Date(START) }
  const h = await inProcess({ ...options, now: () => clock.now })
  const w: World = {
    app: h.app,
    services: h.app.deps as unknown as Services,
    clock,
    at: (iso) => {
      clock.now = new Date(iso)
    },
  }
  await h.app.deps.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  return { h, w }
}

/** A bot message's texts, joined, for `toContain` checks. */
export const texts = (messages: ReadonlyArray<{ text?: string; caption?: string }>) =>
  messages.map((m) => m.text ?? m.caption ?? '').join('\n---\n')

/**
 * The outbox worker over the fake Telegram, in process, on a clock that starts at `startIso` and
 * jumps forward whenever the worker sleeps (quiet hours pass at once).
 */
export function clockedWorker(h: Harness, startIso: string) {
  const clock = { t: Date.parse(startIso) }
  const sleep: Sleep = async (ms) => {
    clock.t += Math.max(0, ms)
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  const worker = new OutboxWorker({
    db: h.app.db,
    api: new Api(TEST_TOKEN, { fetch: h.fake.fetch }),
    rate: 200,
    startupDelayMs: 0,
    idleMs: 60_000,
    now: () => clock.t,
    sleep,
    render: broadcastRenderer(h.app.deps.i18n),
  })
  return { worker, clock }
}

/**
 * The outbox worker over the fake Telegram, in process, until nothing is left to send: on the real
 * clock, or from `startIso` on a clock of its own (clockedWorker).
 */
export async function deliverOutbox(h: Harness, startIso?: string): Promise<void> {
  if (startIso !== undefined) return clockedWorker(h, startIso).worker.run({ untilIdle: true })
  const worker = new OutboxWorker({
    db: h.app.db,
    api: new Api(TEST_TOKEN, { fetch: h.fake.fetch }),
    rate: 200,
    startupDelayMs: 0,
    render: broadcastRenderer(h.app.deps.i18n),
  })
  await worker.run({ untilIdle: true })
}
