/**
 * One chat's updates in order across instances (issue 14). Two bot processes in webhook mode on
 * one PostgreSQL database, behind a "balancer" that sends one person's consecutive updates to
 * both at the same moment: the answers of a step-by-step flow come in the order of the updates,
 * each update answered once, even when Telegram delivers one of them a second time to the other
 * process. And the store under it: an update that arrives late never runs beside a later one of
 * its chat; an update whose instance died blocks its chat only until its leases run out, and is
 * handled again when Telegram delivers it again.
 */
import type { Update } from 'grammy/types'
import { afterEach, expect, it } from 'vitest'
import { openApp } from '../../src/app.ts'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import { createLogger } from '../../src/logger.ts'
import { ChatTurnStore } from '../../src/store/chat-turns.ts'
import { freshDatabase, onPostgres, openTestApp } from '../helpers/database.ts'
import { freePort, type MainProcess, startMain } from '../helpers/main-process.ts'

const TOKEN = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345'
const SECRET = 'webhook_secret-0123456789'
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const ROUNDS = 3

it.skipIf(!onPostgres)(
  'two webhook processes on one PostgreSQL database: one chat’s updates, sent to both at once, are answered in order and once',
  { timeout: 180_000 },
  async () => {
    const database = await freshDatabase()
    cleanups.push(() => database.drop())
    const store = database.location
    const app = await openApp({ databasePath: store, logger: createLogger('error') })
    const i18n = app.deps.i18n
    await app.close()
    const fake = new FakeTelegram({ timeoutMs: 60_000 })
    const server = await fake.listen()
    cleanups.push(() => server.close())
    const person = fake.user({ id: 70_001, first_name: 'Lan', language_code: 'vi' })

    const hooks: string[] = []
    for (let i = 0; i < 2; i++) {
      const port = await freePort()
      const hook = `http://127.0.0.1:${port}/telegram`
      const bot: MainProcess = await startMain(
        {
          BOT_TOKEN: TOKEN,
          BOT_API_ROOT: server.url,
          WEBHOOK_URL: hook,
          WEBHOOK_SECRET: SECRET,
          PORT: String(port),
          DATABASE_URL: store,
        },
        () => fake.webhook?.url === hook,
        90_000,
      )
      cleanups.push(() => bot.running() && bot.stop())
      hooks.push(hook)
    }

    const replies: string[] = []
    fake.onEvent((event) => {
      if (event.kind === 'send' && event.chatId === person.id) replies.push(event.message.text ?? '')
    })
    let nextId = 5_000_000
    const update = (text: string) =>
      ({
        update_id: nextId++,
        message: fake.userMessage(person.info, {
          text,
          ...(text.startsWith('/')
            ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] }
            : {}),
        }),
      }) as Update
    const post = async (hook: string, body: Update) => {
      const res = await fetch(hook, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(body),
      })
      expect(res.status).toBe(200)
    }
    const sendsToPerson = () =>
      fake.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === person.id).length

    for (let round = 0; round < ROUNDS; round++) {
      const [first, other] = round % 2 === 0 ? [hooks[0]!, hooks[1]!] : [hooks[1]!, hooks[0]!]
      const steps = ['/need', '8', '9', '/cancel'].map(update)
      // the first step's answer is slow to reach Telegram: the next steps arrive while it is in hand
      fake.slowNext('sendMessage', 2_500)
      const before = sendsToPerson()
      const opening = post(first, steps[0]!)
      while (sendsToPerson() === before) await new Promise((r) => setTimeout(r, 10))
      // the rest at once, alternately to the two processes, and the second step twice (a resend)
      await Promise.all([
        opening,
        post(other, steps[1]!),
        post(first, steps[2]!),
        post(other, steps[3]!),
        post(first, steps[1]!),
      ])
    }

    const plain = (key: string) => i18n.t('vi', key).replace(/<[^>]+>/g, '')
    const step = (text: string) =>
      [
        ['nd1', plain('need-ask-nd1')],
        ['nd2', plain('need-ask-nd2')],
        ['count', plain('need-ask-count')],
        ['cancelled', plain('flow-cancelled')],
      ].find(([, start]) => text.startsWith(start!))?.[0] ?? text
    expect(replies.map(step)).toEqual(
      Array.from({ length: ROUNDS }, () => ['nd1', 'nd2', 'count', 'cancelled']).flat(),
    )
    expect(fake.violations).toEqual([])
  },
)

it('the store: an update that arrives late waits for a later one that started; a dead instance holds its chat up only until its leases run out, and its update delivered again is handled', async () => {
  const app = await openTestApp({ logger: createLogger('error') })
  cleanups.push(() => app.close())
  let t = Date.parse('2026-03-02T01:00:00Z')
  const now = () => t
  const dead = new ChatTurnStore(app.db, { holder: 'dead', leaseMs: 30_000, now })
  const live = new ChatTurnStore(app.db, { holder: 'live', leaseMs: 30_000, now })
  const chat = 70_002
  /** what the middleware does before handling: no earlier update open, then the chat's lease */
  const mayGo = async (turns: ChatTurnStore, updateId: number, chatId = chat) =>
    !(await turns.blocked(updateId, chatId)) && (await turns.start(updateId, chatId))

  expect(await dead.enter(101, chat)).toBe(true)
  expect(await live.enter(102, chat)).toBe(true)
  // a later update waits for an earlier one; the other chat's updates wait for nothing
  expect(await mayGo(live, 102)).toBe(false)
  expect(await live.enter(100, 70_003)).toBe(true)
  expect(await mayGo(live, 100, 70_003)).toBe(true)
  expect(await mayGo(dead, 101)).toBe(true)
  // an update of the chat that reaches the store only now, while 101 runs, does not run beside it
  expect(await live.enter(99, chat)).toBe(true)
  expect(await mayGo(live, 99)).toBe(false)
  // a second delivery of an update in hand is dropped, on either instance
  expect(await live.enter(101, chat)).toBe(false)
  expect(await dead.enter(101, chat)).toBe(false)

  // 'dead' never renews nor finishes 101: 99 and 102 wait until its leases have run out
  t += 29_000
  await live.renew(99, chat, false)
  await live.renew(102, chat, false)
  expect(await mayGo(live, 99)).toBe(false)
  t += 2_000
  expect(await mayGo(live, 102)).toBe(false) // 99 first
  expect(await mayGo(live, 99)).toBe(true)
  await live.finish(99, chat)
  expect(await mayGo(live, 102)).toBe(true)
  await live.finish(102, chat)
  // Telegram delivers 101 again: its dead holder's row is taken over and it is handled once more
  expect(await live.enter(101, chat)).toBe(true)
  expect(await dead.enter(101, chat)).toBe(false)
  expect(await mayGo(live, 101)).toBe(true)
  await live.finish(101, chat)
  // done: a later delivery is dropped, and the chat's next update goes at once
  expect(await dead.enter(101, chat)).toBe(false)
  expect(await dead.enter(103, chat)).toBe(true)
  expect(await mayGo(dead, 103)).toBe(true)
})
