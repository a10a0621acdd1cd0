/**
 * The environment, read once and validated with zod. A missing or malformed value stops start-up
 * with one line naming the variable and what is expected, e.g.
 *   `Configuration error: WEBHOOK_URL must be an https:// URL (got "ftp://x")`.
 */
import { z } from 'zod'

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional()

const idList = z
  .string()
  .trim()
  .regex(/^(\d+\s*(,\s*\d+\s*)*)?$/, 'a comma-separated list of numeric Telegram user ids')
  .transform((value) =>
    value === ''
      ? []
      : value
          .split(',')
          .map((id) => Number(id.trim()))
          .filter((id) => id > 0),
  )

const schema = z.object({
  BOT_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^\d+:[\w-]{20,}$/, 'a token from @BotFather, like 123456:ABC-DEF...')
      .optional(),
  ),
  BOT_API_ROOT: optionalText.pipe(z.url({ error: 'an http(s) URL of a Bot API server' }).optional()),
  WEBHOOK_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: 'an https:// URL Telegram can reach' }).optional(),
  ),
  WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, '16-256 characters of A-Z, a-z, 0-9, _ or -')
      .optional(),
  ),
  WEB_APP_URL: optionalText.pipe(
    z
      .url({
        protocol: /^https$/,
        error: 'an https:// URL of the grade sheet page (Telegram opens only https)',
      })
      .optional(),
  ),
  PORT: z.coerce
    .number({ error: 'a port number' })
    .int('a whole port number')
    .min(1, 'a port from 1 to 65535')
    .max(65535, 'a port from 1 to 65535')
    .default(8080),
  DATABASE_PATH: z.string().trim().min(1, 'a file path').default('./data/bdtx.sqlite'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/i, 'a PostgreSQL URL, like postgres://user@host:5432/bdtx')
      .optional(),
  ),
  OWNER_TELEGRAM_IDS: idList.default([]),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'], { error: 'one of debug, info, warn, error' })
    .default('info'),
  BROADCAST_RATE: z.coerce
    .number({ error: 'a number of messages per second' })
    .int('a whole number of messages per second')
    .min(1, 'from 1 to 1000 messages per second (Telegram allows about 30)')
    .max(1000, 'from 1 to 1000 messages per second (Telegram allows about 30)')
    .default(25),
  SEND_RATE: z.coerce
    .number({ error: 'a number of messages per second' })
    .int('a whole number of messages per second')
    .min(1, 'from 1 to 1000 messages per second (Telegram allows about 30)')
    .max(1000, 'from 1 to 1000 messages per second (Telegram allows about 30)')
    .default(30),
  SEND_BUDGET: optionalText.pipe(
    z
      .enum(['memory', 'shared'], { error: 'memory (one process) or shared (through the database)' })
      .optional(),
  ),
})

export type Mode =
  | { kind: 'sandbox' }
  | { kind: 'polling'; token: string; apiRoot?: string }
  | { kind: 'webhook'; token: string; apiRoot?: string; url: string; secret: string; port: number }

export interface Config {
  mode: Mode
  /** the SQLite file, or the PostgreSQL URL when DATABASE_URL is set (it wins over the path) */
  databasePath: string
  ownerTelegramIds: number[]
  logLevel: 'debug' | 'info' | 'warn' | 'error'
  /** broadcasts and reminders: at most this many messages a second overall (BROADCAST_RATE) */
  broadcastRate: number
  /** every message of the token together, replies and outbox: at most this many a second (SEND_RATE) */
  sendRate: number
  /**
   * the sending budget is kept in the database, shared by every process on it (SEND_BUDGET=shared;
   * the default with DATABASE_URL), or in this process's memory (SEND_BUDGET=memory; the default
   * on the SQLite file)
   */
  sharedBudget: boolean
  /**
   * The Mini App grade sheet's public https address (WEB_APP_URL); in webhook mode it defaults to
   * `/app/grades` beside the webhook, served by the same server. Unset in polling: no Mini App.
   */
  webAppUrl?: string
  /** the port the bot's HTTP server listens on: the webhook, or the Mini App alone in polling (PORT) */
  port: number
}

export class ConfigError extends Error {}

const SECRETS = new Set(['BOT_TOKEN', 'WEBHOOK_SECRET'])

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = String(issue.path[0] ?? 'environment')
    const got = env[name]
    // a token or secret that is only slightly wrong is still mostly the real one: never echo it
    const shown = SECRETS.has(name) ? `${[...(got ?? '')].length} characters, not shown` : JSON.stringify(got)
    throw new ConfigError(
      `Configuration error: ${name} must be ${issue.message}${got === undefined ? '' : ` (got ${shown})`}`,
    )
  }
  const e = parsed.data
  const base = {
    databasePath: e.DATABASE_URL ?? e.DATABASE_PATH,
    ownerTelegramIds: e.OWNER_TELEGRAM_IDS,
    logLevel: e.LOG_LEVEL,
    broadcastRate: e.BROADCAST_RATE,
    sendRate: e.SEND_RATE,
    sharedBudget: (e.SEND_BUDGET ?? (e.DATABASE_URL ? 'shared' : 'memory')) === 'shared',
    port: e.PORT,
    ...(e.WEB_APP_URL
      ? { webAppUrl: e.WEB_APP_URL }
      : e.WEBHOOK_URL?.startsWith('https:')
        ? { webAppUrl: new URL('/app/grades', e.WEBHOOK_URL).href }
        : {}),
  }
  if (!e.BOT_TOKEN) {
    if (e.WEBHOOK_URL) throw new ConfigError('Configuration error: WEBHOOK_URL is set but BOT_TOKEN is not')
    return { ...base, mode: { kind: 'sandbox' } }
  }
  const apiRoot = e.BOT_API_ROOT
  if (e.WEBHOOK_URL) {
    // a local Bot API server (telegram-bot-api) may call a plain http webhook; Telegram itself may not
    if (e.WEBHOOK_URL.startsWith('http:') && !apiRoot)
      throw new ConfigError(
        `Configuration error: WEBHOOK_URL must be an https:// URL Telegram can reach; http only with a local Bot API server (BOT_API_ROOT) (got ${JSON.stringify(e.WEBHOOK_URL)})`,
      )
    if (!e.WEBHOOK_SECRET)
      throw new ConfigError(
        'Configuration error: WEBHOOK_SECRET must be set with WEBHOOK_URL (16-256 characters of A-Z, a-z, 0-9, _ or -)',
      )
    return {
      ...base,
      mode: {
        kind: 'webhook',
        token: e.BOT_TOKEN,
        apiRoot,
        url: e.WEBHOOK_URL,
        secret: e.WEBHOOK_SECRET,
        port: e.PORT,
      },
    }
  }
  return { ...base, mode: { kind: 'polling', token: e.BOT_TOKEN, apiRoot } }
}
