/**
 * The bot's own overhead: updates per second through the whole middleware stack in process
 * (store, sessions, i18n, conversations, the /need handler and the rule engine), against a bare
 * grammY bot with one echo handler measured the same way in the same run, both answering through
 * the project's fake Telegram. Also the resident memory after 10,000 updates.
 */
import { Bot } from 'grammy'
import type { Update } from 'grammy/types'
import { openApp } from '../src/app.ts'
import { createBot } from '../src/bot/index.ts'
import { FakeTelegram } from '../src/emulator/fake-telegram.ts'
import { silentLogger } from '../src/logger.ts'
import type { BenchSuite } from './suites.ts'

const USERS = 1_000
const UPDATES = 10_000
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

async function rate(
  handle: (update: Update) => Promise<void>,
  fake: FakeTelegram,
  count: number,
  offset: number,
) {
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    await handle(commandUpdate(offset + i, TEXTS[i % TEXTS.length]!))
    if (i % 1000 === 999) fake.clear()
  }
  return (count / (performance.now() - started)) * 1000
}

export const botSuite: BenchSuite = {
  name: 'bot',
  async run() {
    const fake = new FakeTelegram()
    for (let i = 0; i < USERS; i++) fake.user({ id: 10_000 + i, first_name: `GV ${10_000 + i}` })
    const app = await openApp({ databasePath: ':memory:', logger: silentLogger })
    const bot = createBot({
      token: TOKEN,
      deps: app.deps,
      client: { fetch: fake.fetch },
      botInfo: fake.botInfo,
    })

    const bare = new Bot(TOKEN, { client: { fetch: fake.fetch }, botInfo: fake.botInfo })
    bare.on('message:text', (ctx) => ctx.reply(ctx.message.text))

    // warm up both (and let the full bot meet every user once)
    await rate((u) => bot.handleUpdate(u), fake, USERS, 1)
    await rate((u) => bare.handleUpdate(u), fake, 1_000, 1)

    const full = await rate((u) => bot.handleUpdate(u), fake, UPDATES, 100_000)
    const rssMb = process.memoryUsage().rss / 1024 / 1024
    const bareRate = await rate((u) => bare.handleUpdate(u), fake, UPDATES, 200_000)
    await app.close()
    return {
      updates_per_s: Math.round(full),
      bare_updates_per_s: Math.round(bareRate),
      ratio_vs_bare: Math.round((full / bareRate) * 1000) / 1000,
      rss_mb: Math.round(rssMb * 10) / 10,
    }
  },
}
