/**
 * Composition root: config -> store -> migrations -> bot, in one of three modes:
 * - sandbox (no BOT_TOKEN): the same bot against the project's Bot API emulator on 127.0.0.1,
 *   with a chat in this terminal; no Telegram account and no network needed;
 * - polling (BOT_TOKEN): long polling with grammY's runner, one chat's updates in order;
 * - webhook (BOT_TOKEN + WEBHOOK_URL): an HTTP server that checks Telegram's secret token.
 * SIGINT/SIGTERM stop the bot and close the store.
 */
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { autoRetry } from '@grammyjs/auto-retry'
import { run } from '@grammyjs/runner'
import { apiThrottler } from '@grammyjs/transformer-throttler'
import { webhookCallback } from 'grammy'
import { openApp } from './app.ts'
import { registerDefaultCommands } from './bot/commands.ts'
import { broadcastRenderer } from './bot/features/broadcast.ts'
import { createBot } from './bot/index.ts'
import { ConfigError, loadConfig } from './config.ts'
import { FakeTelegram } from './emulator/fake-telegram.ts'
import { runTerminal } from './emulator/terminal.ts'
import { startOutboxWorker } from './jobs/outbox-worker.ts'
import { reminderTextFromLocales, startReminderScheduler } from './jobs/reminders.ts'
import { createLogger } from './logger.ts'
import { startLink } from './services/codes.ts'

/** Any token does for the emulator; this one only names the mode in its logs. */
const SANDBOX_TOKEN = '100000:sandbox'

let config: ReturnType<typeof loadConfig>
try {
  config = loadConfig()
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  }
  throw error
}

const mode = config.mode
const logger = createLogger(mode.kind === 'sandbox' ? 'warn' : config.logLevel)
const app = await openApp({ databasePath: config.databasePath, logger })
const stops: Array<() => unknown> = []

/** Owners from the environment; with none at all, a one-time link makes its first user the owner. */
async function announceSetup(botUsername: string): Promise<string | null> {
  const { setupCode } = await app.deps.setup.bootstrap({ ownerTelegramIds: config.ownerTelegramIds })
  if (!setupCode) return null
  const link = startLink(botUsername, setupCode)
  logger.info('no owner yet: open this link to become the owner', { link })
  return setupCode
}

/**
 * Broadcasts and reminders: the outbox worker on its own Api (no throttler: it paces itself, and
 * replies to people never queue behind it), and the scheduler that turns due reminders into
 * outbox rows at start-up and every minute.
 */
function startDelivery(token: string, apiRoot: string | undefined): void {
  const outbox = startOutboxWorker({
    db: app.db,
    token,
    apiRoot,
    rate: config.broadcastRate,
    render: broadcastRenderer(app.deps.i18n),
    logger,
  })
  stops.push(() => outbox.stop())
  const reminders = startReminderScheduler({
    db: app.db,
    text: reminderTextFromLocales((language, key, vars) => app.deps.i18n.t(language, key, vars)),
    logger,
    onEnqueued: () => outbox.wake(),
  })
  stops.push(() => reminders.stop())
}

async function shutdown(signal: string) {
  logger.info('shutting down', { signal })
  for (const stop of stops.reverse()) await stop()
  await app.close()
  process.exit(0)
}
process.once('SIGINT', () => void shutdown('SIGINT'))
process.once('SIGTERM', () => void shutdown('SIGTERM'))

if (mode.kind === 'sandbox') {
  const fake = new FakeTelegram()
  const server = await fake.listen()
  stops.push(() => server.close())
  const bot = createBot({ token: SANDBOX_TOKEN, deps: app.deps, client: { apiRoot: server.url } })
  await bot.init()
  await registerDefaultCommands(bot.api, app.deps.i18n)
  const setupCode = await announceSetup(bot.botInfo.username)
  fake.track(bot)
  const runner = run(bot)
  stops.push(() => runner.isRunning() && runner.stop())
  startDelivery(SANDBOX_TOKEN, server.url)
  const i18n = app.deps.i18n
  await runTerminal({
    fake,
    user: fake.user({ id: 100_000_001, first_name: 'Bạn', language_code: 'vi' }),
    strings: {
      welcome: [
        i18n.t('vi', 'sandbox-welcome', { path: config.databasePath }),
        setupCode ? i18n.t('vi', 'sandbox-setup', { command: `/start ${setupCode}` }) : '',
      ]
        .filter(Boolean)
        .join('\n'),
      help: i18n.t('vi', 'sandbox-help'),
      switched: i18n.t('vi', 'sandbox-switched', { name: '{name}' }),
      pasting: i18n.t('vi', 'sandbox-pasting'),
      saved: i18n.t('vi', 'sandbox-saved', { path: '{path}' }),
      prompt: '> ',
    },
    // beside the database, so a sandbox's files stay with its data; a memory store has no folder
    downloads: join(
      config.databasePath === ':memory:' ? tmpdir() : dirname(config.databasePath),
      'sandbox-files',
    ),
  })
  await shutdown('end of terminal input')
} else {
  const bot = createBot({
    token: mode.token,
    deps: app.deps,
    client: mode.apiRoot ? { apiRoot: mode.apiRoot } : undefined,
    transformers: [apiThrottler(), autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 300 })],
  })
  await bot.init()
  await registerDefaultCommands(bot.api, app.deps.i18n)
  const setupCode = await announceSetup(bot.botInfo.username)
  if (setupCode)
    process.stdout.write(`Open ${startLink(bot.botInfo.username, setupCode)} to become the owner.\n`)
  startDelivery(mode.token, mode.apiRoot)
  if (mode.kind === 'polling') {
    await bot.api.deleteWebhook()
    const runner = run(bot)
    stops.push(() => runner.isRunning() && runner.stop())
    logger.info('polling', { bot: bot.botInfo.username })
  } else {
    const handle = webhookCallback(bot, 'http', { secretToken: mode.secret })
    const server = createServer((req, res) => {
      if (req.method === 'POST') return void handle(req, res)
      res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(mode.port, resolve))
    stops.push(() => new Promise((resolve) => server.close(resolve)))
    await bot.api.setWebhook(mode.url, { secret_token: mode.secret })
    logger.info('webhook', { bot: bot.botInfo.username, url: mode.url, port: mode.port })
  }
}
