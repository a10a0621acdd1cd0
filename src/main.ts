/**
 * Composition root: config -> store -> migrations -> bot, in one of three modes:
 * - sandbox (no BOT_TOKEN): the same bot against the project's Bot API emulator on 127.0.0.1,
 *   with a chat in this terminal; no Telegram account and no network needed;
 * - polling (BOT_TOKEN): long polling with grammY's runner, one chat's updates in order;
 * - webhook (BOT_TOKEN + WEBHOOK_URL): an HTTP server that checks Telegram's secret token, with
 *   `GET /healthz` for a load balancer.
 * SIGINT/SIGTERM stop the bot and close the store.
 */
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { run } from '@grammyjs/runner'
import { webhookCallback } from 'grammy'
import { openApp } from './app.ts'
import { productionTransformers } from './bot/api.ts'
import { registerDefaultCommands } from './bot/commands.ts'
import { broadcastRenderer, broadcastStopKeyboard } from './bot/features/broadcast.ts'
import { createBot } from './bot/index.ts'
import { ConfigError, loadConfig } from './config.ts'
import { healthHandler } from './health.ts'
import { startOutboxWorker } from './jobs/outbox-worker.ts'
import { reminderTextFromLocales, startReminderScheduler } from './jobs/reminders.ts'
import { createSendBudget } from './jobs/shared-send-budget.ts'
import { DRAIN_MS, trackUpdates, type UpdatesInHand } from './lifecycle.ts'
import { createLogger } from './logger.ts'
import { startLink } from './services/codes.ts'
import { webAppHandler } from './webapp/server.ts'

/** A store's location as it may be shown: a database URL's password is not. */
function withoutPassword(location: string): string {
  if (!URL.canParse(location) || !location.includes('://')) return location
  const url = new URL(location)
  if (url.password) url.password = '***'
  return url.toString()
}

/** Telegram re-sends a webhook update it has no answer for after about ten seconds. */
const WEBHOOK_ANSWER_MS = 8_000

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

/**
 * Owners from the environment; with none at all, a one-time link (24 hours) makes its first user
 * the owner. The link is printed only when it is issued, never again at a later start while it
 * works, and never once an owner exists. Returns the live code (the sandbox's own terminal shows it).
 */
async function announceSetup(botUsername: string): Promise<string | null> {
  const { setupCode, issued, expiresAt } = await app.deps.setup.bootstrap({
    ownerTelegramIds: config.ownerTelegramIds,
  })
  if (!setupCode) return null
  if (issued) {
    const link = startLink(botUsername, setupCode)
    logger.info('no owner yet: open this link to become the owner', { link, expiresAt })
    if (mode.kind !== 'sandbox')
      process.stdout.write(`Open ${link} to become the owner (until ${expiresAt}).\n`)
  } else logger.info('no owner yet: the setup link printed earlier still works', { expiresAt })
  return setupCode
}

/**
 * One sending budget for the token (Telegram: ~30 messages a second): replies first, the outbox the
 * rest; in the database when several processes share it (PostgreSQL, or SEND_BUDGET=shared).
 */
const budget = createSendBudget(app.db, { shared: config.sharedBudget, perSecond: config.sendRate, logger })

/**
 * Broadcasts and reminders: the outbox worker on its own Api (paced by itself and by the shared budget,
 * after the replies to people), and the scheduler that turns due reminders into
 * outbox rows at start-up and every minute.
 */
function startDelivery(token: string, apiRoot: string | undefined): void {
  const outbox = startOutboxWorker({
    db: app.db,
    token,
    apiRoot,
    rate: config.broadcastRate,
    budget,
    render: broadcastRenderer(app.deps.i18n),
    progressKeyboard: broadcastStopKeyboard(app.deps.i18n),
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

/**
 * One way out for every reason (a signal, the end of the sandbox's input, another poller or a
 * revoked token): the steps in `stops` run last-registered first — stop taking updates, finish
 * those in hand, stop the scheduler, let the worker finish its message — then the store closes.
 */
let stopping = false
async function shutdown(reason: string, code = 0) {
  if (stopping) return
  stopping = true
  logger.info('shutting down', { reason })
  for (const stop of stops.reverse()) {
    try {
      await stop()
    } catch (error) {
      logger.error('a shutdown step failed', { error })
    }
  }
  await app.close()
  process.exit(code)
}
process.once('SIGINT', () => void shutdown('SIGINT'))
process.once('SIGTERM', () => void shutdown('SIGTERM'))
// a stray rejection is a defect to log, not a reason to drop the updates in hand
process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }))

/** Registered before the step that stops intake, so it runs right after it. */
function finishUpdatesInHand(inHand: UpdatesInHand, done?: () => Promise<unknown>): void {
  stops.push(async () => {
    const count = inHand.count()
    if (!(await inHand.drained(DRAIN_MS)))
      logger.warn('stopped with updates still in hand', { count: inHand.count(), waitedMs: DRAIN_MS })
    else if (count > 0) logger.info('finished the updates in hand', { count })
    await done?.()
  })
}

if (mode.kind === 'sandbox') {
  // the emulator is the sandbox's alone: a production process never loads it
  const [{ FakeTelegram }, { runTerminal }, { signInitData }] = await Promise.all([
    import('./emulator/fake-telegram.ts'),
    import('./emulator/terminal.ts'),
    import('./webapp/init-data.ts'),
  ])
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
  // the Mini App grade sheet on a local port; its button prints an address signed for whoever types
  const webApp = webAppHandler({ deps: app.deps, token: SANDBOX_TOKEN, api: bot.api })
  const pages = createServer((req, res) => webApp(req, res) || void res.writeHead(404).end())
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve))
  stops.push(() => new Promise((resolve) => pages.close(resolve)))
  app.deps.webAppUrl = `http://127.0.0.1:${(pages.address() as { port: number }).port}/app/grades`
  const i18n = app.deps.i18n
  await runTerminal({
    fake,
    user: fake.user({ id: 100_000_001, first_name: 'Bạn', language_code: 'vi' }),
    strings: {
      welcome: [
        i18n.t('vi', 'sandbox-welcome', { path: withoutPassword(config.databasePath) }),
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
    webAppLink: (url, user) =>
      `${url}#tgWebAppData=${encodeURIComponent(signInitData(SANDBOX_TOKEN, user.info, new Date()))}`,
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
    transformers: productionTransformers(budget),
  })
  await bot.init()
  await registerDefaultCommands(bot.api, app.deps.i18n)
  await announceSetup(bot.botInfo.username)
  startDelivery(mode.token, mode.apiRoot)
  const webApp = config.webAppUrl ? webAppHandler({ deps: app.deps, token: mode.token, api: bot.api }) : null
  app.deps.webAppUrl = config.webAppUrl
  bot.catch((error) =>
    logger.error('update failed', { updateId: error.ctx.update.update_id, error: error.error }),
  )
  const inHand = trackUpdates(bot)
  if (mode.kind === 'polling') {
    await bot.api.deleteWebhook()
    // what was handled is confirmed to Telegram on the way out, so a restart does not get it again
    finishUpdatesInHand(inHand, async () => {
      const last = inHand.lastUpdateId()
      if (last !== null) await bot.api.getUpdates({ offset: last + 1, limit: 1, timeout: 0 })
    })
    const runner = run(bot)
    stops.push(() => runner.isRunning() && runner.stop())
    // 409 (another process polls with this token) and 401 (the token was revoked) end polling
    runner.task()?.catch((error: unknown) => {
      logger.error('polling stopped', { error })
      void shutdown('polling failed', 1)
    })
    logger.info('polling', { bot: bot.botInfo.username })
    if (webApp) {
      const pages = createServer((req, res) => webApp(req, res) || void res.writeHead(404).end())
      await new Promise<void>((resolve) => pages.listen(config.port, resolve))
      stops.push(() => new Promise((resolve) => pages.close(resolve)))
      logger.info('web app', { url: config.webAppUrl, port: config.port })
    }
  } else {
    // Telegram waits about ten seconds for an answer, then sends the update again: past that, the
    // webhook answers 200 and the update goes on being handled here (grammY's 'return')
    const handle = webhookCallback(bot, 'http', {
      secretToken: mode.secret,
      onTimeout: 'return',
      timeoutMilliseconds: WEBHOOK_ANSWER_MS,
    })
    // the balancer's probe: the store answers and its migrations are this build's (src/health.ts)
    const health = healthHandler({ db: app.db, logger, stopping: () => stopping })
    const server = createServer((req, res) => {
      if (health(req, res)) return
      if (webApp?.(req, res)) return
      if (req.method === 'POST')
        return void handle(req, res).catch((error: unknown) => {
          logger.error('webhook request failed', { error })
          if (!res.headersSent) res.writeHead(500).end()
        })
      res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(mode.port, resolve))
    finishUpdatesInHand(inHand)
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeIdleConnections()
        }),
    )
    await bot.api.setWebhook(mode.url, { secret_token: mode.secret })
    logger.info('webhook', { bot: bot.botInfo.username, url: mode.url, port: mode.port })
  }
}
