/**
 * Several instances the way a province runs them (issue 14), on one PostgreSQL database: two bot
 * processes in webhook mode (main.ts, each with its own outbox worker and reminder scheduler) and
 * two outbox workers in processes of their own. 2,000 updates from 200 people, each update posted
 * to one of the two webhook processes (a person's updates alternate between them, as behind a
 * load balancer), while a 2,000-recipient broadcast goes out and one of the two workers is killed
 * with SIGKILL midway: every update is answered once, every recipient gets the message once (the
 * killed worker's message in flight, at most, is `unknown`), and all the token's messages together
 * — replies and broadcast, from every process, through the budget they share in the database —
 * never exceed it in any sliding second, nor one a second to one chat.
 *
 * PostgreSQL only: skipped without TEST_DATABASE_URL.
 */
import type { Update } from 'grammy/types'
import { afterEach, expect, it } from 'vitest'
import { openApp } from '../../src/app.ts'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import { createLogger } from '../../src/logger.ts'
import { createBroadcastService } from '../../src/services/broadcasts.ts'
import { freshDatabase, onPostgres } from '../helpers/database.ts'
import { freePort, type MainProcess, startMain } from '../helpers/main-process.ts'
import { must } from '../services/support.ts'
import {
  expectEachOnce,
  forkWorker,
  maxInWindow,
  minGapPerChat,
  rowsByChat,
  seedSchool,
  sendsPerChat,
} from './support.ts'

const RATE = 100
const RECIPIENTS = 2_000
const PEOPLE = 200
const UPDATES = 2_000
// one token for every process: the bots' and the workers' messages count together
const TOKEN = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345'
const SECRET = 'webhook_secret-0123456789'
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

it.skipIf(!onPostgres)(
  'two webhook processes and two workers on one PostgreSQL database: 2,000 updates answered once, a 2,000-recipient broadcast delivered once with a worker killed midway',
  { timeout: 420_000 },
  async () => {
    const database = await freshDatabase()
    cleanups.push(() => database.drop())
    const store = database.location
    const app = await openApp({ databasePath: store, logger: createLogger('error') })
    const { schoolId, admin, people } = await seedSchool(app.db, RECIPIENTS, 'THPT Bốn Tiến Trình')
    const fake = new FakeTelegram({ timeoutMs: 60_000 })
    const server = await fake.listen()
    cleanups.push(() => server.close())
    fake.user({ id: admin.telegramId, first_name: 'Admin' })
    for (const p of people) fake.user({ id: p.telegramId, first_name: `GV ${p.personId}` })
    const teachers = new Set(people.map((p) => p.telegramId))
    const senders = Array.from({ length: PEOPLE }, (_, i) =>
      fake.user({ id: 60_001 + i, first_name: `Người ${i + 1}`, language_code: 'vi' }),
    )

    // two bot processes behind a "balancer": each sets its webhook; the test posts to both
    const bots: Array<{ bot: MainProcess; hook: string }> = []
    for (let i = 0; i < 2; i++) {
      const port = await freePort()
      const hook = `http://127.0.0.1:${port}/telegram`
      const bot = await startMain(
        {
          BOT_TOKEN: TOKEN,
          BOT_API_ROOT: server.url,
          WEBHOOK_URL: hook,
          WEBHOOK_SECRET: SECRET,
          PORT: String(port),
          DATABASE_URL: store,
          BROADCAST_RATE: String(RATE),
          // the token's budget, shared through the database (the default on PostgreSQL)
          SEND_RATE: String(RATE),
        },
        () => fake.webhook?.url === hook,
        90_000,
      )
      cleanups.push(() => bot.running() && bot.stop())
      bots.push({ bot, hook })
    }

    const broadcasts = createBroadcastService(app.db)
    const draft = must(
      await broadcasts.create(admin, {
        schoolId,
        content: { type: 'text', html: '<b>Thông báo</b>: họp hội đồng 14h thứ Sáu' },
        audience: { type: 'roles', roles: ['teacher'] },
      }),
    )
    const first = forkWorker({ store, url: server.url, token: TOKEN, rate: RATE, sendRate: RATE }, cleanups)
    const second = forkWorker({ store, url: server.url, token: TOKEN, rate: RATE, sendRate: RATE }, cleanups)
    expect(must(await broadcasts.confirm(admin, { broadcastId: draft.id })).enqueued).toBe(RECIPIENTS)
    await app.close()
    let delivered = 0
    fake.onEvent((event) => {
      if (event.kind !== 'send' || !teachers.has(event.chatId)) return
      if (++delivered === 700) first.process.kill('SIGKILL')
    })

    // each person's 10 updates in order, alternately to the two processes; people side by side
    let updateId = 1_000_000
    const answers: number[] = []
    await Promise.all(
      senders.map(async (sender, s) => {
        for (let k = 0; k < UPDATES / PEOPLE; k++) {
          const update = {
            update_id: updateId++,
            message: fake.userMessage(sender.info, {
              text: '/help',
              entities: [{ type: 'bot_command', offset: 0, length: 5 }],
            }),
          } as Update
          const target = bots[(s + k) % 2]!.hook
          const res = await fetch(target, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
            body: JSON.stringify(update),
          })
          answers.push(res.status)
        }
      }),
    )
    expect(answers.filter((status) => status === 200)).toHaveLength(UPDATES)
    expect(await first.exit).toBe('SIGKILL')
    expect(await second.exit).toBe(0)

    // the broadcast is done (the bots' own workers may have taken part): nothing pending or claimed
    const check = await openApp({ databasePath: store, logger: createLogger('error') })
    cleanups.push(() => check.close())
    const report = must(await createBroadcastService(check.db).report(admin, { broadcastId: draft.id }))
    expect(report.counts).toMatchObject({ pending: 0, claimed: 0 })
    const rows = await rowsByChat(check.db, draft.id)
    const per = sendsPerChat(fake.sent)
    // every update answered once: each person got one answer per update
    for (const sender of senders)
      expect({ chat: sender.id, got: per.get(sender.id) }).toEqual({
        chat: sender.id,
        got: UPDATES / PEOPLE,
      })
    // every recipient messaged once; only the killed worker's message in flight may be unknown
    const unknown = [...rows.values()].filter((r) => r.state === 'unknown')
    expect(unknown.length).toBeLessThanOrEqual(1)
    expectEachOnce(people, rows, per)
    // every message of the token — both bots' replies, all four workers' broadcast, the sender's
    // progress and report — together never above the budget in any sliding second, and a chat a
    // second apart whichever process sent to it
    expect(maxInWindow(fake.sent.map((s) => s.at))).toBeLessThanOrEqual(RATE)
    expect(minGapPerChat(fake.sent)).toBeGreaterThanOrEqual(1000)
    expect(fake.violations).toEqual([])
    for (const { bot } of bots) expect(await bot.stop()).toBe(0)
  },
)
