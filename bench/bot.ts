/**
 * The bot's own overhead: updates per second through the whole middleware stack in process
 * (store, sessions, i18n, conversations, the /need handler and the rule engine), against a bare
 * grammY bot with one echo handler measured the same way in the same run. Both talk to a "null
 * Telegram" — a transformer that answers every call at once with a minimal result — so the
 * figures are the bots' own work, not the emulator's (which models and checks every message and
 * would dominate both). Also the resident memory after 10,000 updates, and the ratio a bot made of
 * the official plugins alone reaches: the ceiling of `ratio_vs_bare` on this stack.
 */
import { conversations } from '@grammyjs/conversations'
import { sequentialize } from '@grammyjs/runner'
import { Bot, MemorySessionStorage, session, type Transformer } from 'grammy'
import type { Update, UserFromGetMe } from 'grammy/types'
import { openApp } from '../src/app.ts'
import type { BotContext, SessionData } from '../src/bot/context.ts'
import { createI18n } from '../src/bot/i18n.ts'
import { createBot } from '../src/bot/index.ts'
import { silentLogger } from '../src/logger.ts'
import type { BenchSuite } from './suites.ts'

const USERS = 1_000
/** 10,000 updates for each bot, in rounds */
const ROUNDS = 5
const PER_ROUND = 2_000
const TOKEN = '1:bench'

function commandUpdate(id: number, text: string): Update {
  const userId = 10_000 + (id % USERS)
  const command = text.split(' ')[0]!
  return {
    update_id: id,
    message: {
      message_id: id,
      date: 1_700_000_000,
      chat: { id: userId, type: 'private', first_name: `GV ${userId}` },
      from: { id: userId, is_bot: false, first_name: `GV ${userId}` },
      text,
      entities: [{ type: 'bot_command', offset: 0, length: command.length }],
    },
  }
}

const TEXTS = ['/need 8 9 8 9 ? ?', '/need 9.5 9.5 9.5 6.5', '/cefr ielts 6.0 thpt', '/help']

let messageId = 0
const nullTelegram: Transformer = async (_prev, method, payload) => {
  const p = payload as { chat_id?: number; text?: string }
  const result = method.startsWith('send')
    ? { message_id: ++messageId, date: 1_700_000_000, chat: { id: p.chat_id, type: 'private' }, text: p.text }
    : true
  return { ok: true, result } as never
}

const botInfo = {
  id: 1,
  is_bot: true,
  first_name: 'BDTX',
  username: 'bdtx_bench_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe

/**
 * The floor the stack itself sets: the bare bot plus only the official plugins every update of
 * ours passes (the runner's per-chat ordering, Fluent i18n, sessions, conversations), their state
 * in memory, answering with one Fluent message. No bot built on them can be faster than this.
 */
function pluginsOnlyBot() {
  const bot = new Bot<BotContext>(TOKEN, { botInfo })
  bot.api.config.use(nullTelegram)
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()))
  bot.use(createI18n<BotContext>())
  bot.use(session({ initial: () => ({}), storage: new MemorySessionStorage<SessionData>() }))
  bot.use(conversations({ storage: { type: 'key', adapter: new MemorySessionStorage() } }))
  bot.on('message:text', (ctx) => ctx.reply(ctx.t('unhandled-message')))
  return bot
}

async function rate(handle: (update: Update) => Promise<void>, count: number, offset: number) {
  const started = performance.now()
  for (let i = 0; i < count; i++) await handle(commandUpdate(offset + i, TEXTS[i % TEXTS.length]!))
  return (count / (performance.now() - started)) * 1000
}

export const botSuite: BenchSuite = {
  name: 'bot',
  async run() {
    const app = await openApp({ databasePath: ':memory:', logger: silentLogger })
    const bot = createBot({ token: TOKEN, deps: app.deps, botInfo, transformers: [nullTelegram] })

    const bare = new Bot(TOKEN, { botInfo })
    bare.api.config.use(nullTelegram)
    bare.on('message:text', (ctx) => ctx.reply(ctx.message.text))
    const plugins = pluginsOnlyBot()

    // warm up (and let the full bot meet every user once)
    await rate((u) => bot.handleUpdate(u), 5_000, 1)
    await rate((u) => bare.handleUpdate(u), 5_000, 1)
    await rate((u) => plugins.handleUpdate(u), 5_000, 1)

    // rounds taken in turn, each bot's best round counted: on a shared machine a neighbour's burst
    // would otherwise land on one bot and not the other
    let full = 0
    let bareRate = 0
    let pluginsRate = 0
    for (let round = 0; round < ROUNDS; round++) {
      const offset = 100_000 + round * PER_ROUND
      full = Math.max(full, await rate((u) => bot.handleUpdate(u), PER_ROUND, offset))
      bareRate = Math.max(bareRate, await rate((u) => bare.handleUpdate(u), PER_ROUND, offset))
      pluginsRate = Math.max(pluginsRate, await rate((u) => plugins.handleUpdate(u), PER_ROUND, offset))
    }
    globalThis.gc?.()
    const rssMb = process.memoryUsage().rss / 1024 / 1024
    await app.close()
    return {
      updates_per_s: Math.round(full),
      bare_updates_per_s: Math.round(bareRate),
      ratio_vs_bare: Math.round((full / bareRate) * 1000) / 1000,
      plugins_only_ratio_vs_bare: Math.round((pluginsRate / bareRate) * 1000) / 1000,
      rss_mb: Math.round(rssMb * 10) / 10,
    }
  },
}
