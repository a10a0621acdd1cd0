// The fake Telegram over HTTP: a real grammY bot with bot.start() (and the runner) against
// fake.listen(), real long polling with offset and timeout, multipart uploads from the bot, a
// user's document fetched through getFile and /file/bot<token>/..., and injected errors
// reaching the bot exactly as Telegram's would.
import { run } from '@grammyjs/runner'
import { Bot, GrammyError, HttpError, InputFile } from 'grammy'
import { afterEach, describe, expect, it } from 'vitest'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import type { FakeServer } from '../../src/emulator/http.ts'

const TOKEN = '123456:TEST-TOKEN'
const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

async function serve(fake = new FakeTelegram()) {
  const server = await fake.listen()
  cleanup.push(() => server.close())
  const api = async (method: string, body: object = {}, token = TOKEN) => {
    const res = await fetch(`${server.url}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return {
      status: res.status,
      ...((await res.json()) as { ok: boolean; result?: unknown; description?: string }),
    }
  }
  return { fake, server, api }
}

function startBot(server: FakeServer, setup: (bot: Bot) => void) {
  const bot = new Bot(TOKEN, { client: { apiRoot: server.url } })
  setup(bot)
  bot.catch((e) => console.error(e))
  const running = bot.start({ timeout: 10 })
  cleanup.push(async () => {
    await bot.stop()
    await running
  })
  return bot
}

describe('long polling', () => {
  it('runs /start end to end with bot.start() and stops cleanly', async () => {
    const { fake, server } = await serve()
    startBot(server, (bot) =>
      bot.command('start', (ctx) => ctx.reply(`Chào <b>${ctx.from?.first_name}</b>`, { parse_mode: 'HTML' })),
    )
    const user = fake.user({ id: 5, first_name: 'Minh' })
    const replies = await user.say('/start')
    expect(replies.map((m) => m.text)).toEqual(['Chào Minh'])
    expect(fake.calls.map((c) => c.method).slice(0, 2)).toEqual(['getMe', 'deleteWebhook'])
    expect(fake.violations).toEqual([])
  })

  it('holds getUpdates for its timeout, answers at once when an update arrives, and drops confirmed updates', async () => {
    const { fake, api } = await serve()
    const user = fake.user({ id: 5, first_name: 'Minh' })
    let started = Date.now()
    expect((await api('getUpdates', { timeout: 1 })).result).toEqual([])
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)

    started = Date.now()
    const poll = api('getUpdates', { timeout: 5 })
    setTimeout(() => void user.sendText('xin chào'), 100)
    const [update] = (await poll).result as { update_id: number; message: { text: string } }[]
    expect(update?.message.text).toBe('xin chào')
    expect(Date.now() - started).toBeLessThan(2000)

    expect((await api('getUpdates', {})).result).toHaveLength(1) // not confirmed yet
    await user.sendText('hai')
    expect((await api('getUpdates', { offset: update!.update_id + 1 })).result).toEqual([
      expect.objectContaining({ message: expect.objectContaining({ text: 'hai' }) }),
    ])
    expect((await api('getUpdates', { offset: update!.update_id + 2, limit: 1 })).result).toEqual([])
  })

  it('ends the older of two concurrent polls with 409, as Telegram does', async () => {
    const { api } = await serve()
    const first = api('getUpdates', { timeout: 5 })
    await new Promise((r) => setTimeout(r, 50))
    const second = api('getUpdates', { timeout: 0 })
    expect(await first).toMatchObject({ status: 409, ok: false })
    expect(await second).toMatchObject({ ok: true, result: [] })
  })

  it('waits for a slow handler under the runner when the bot is tracked', async () => {
    const { fake, server } = await serve()
    const bot = new Bot(TOKEN, { client: { apiRoot: server.url } })
    bot.on('message:text', async (ctx) => {
      await ctx.reply('một')
      await new Promise((r) => setTimeout(r, 150))
      await ctx.reply('hai')
    })
    fake.track(bot)
    await bot.init()
    const runner = run(bot, { runner: { fetch: { timeout: 10 } } })
    cleanup.push(() => (runner.isRunning() ? runner.stop() : Promise.resolve()))
    const user = fake.user({ id: 9, first_name: 'Hà' })
    expect((await user.say('hi')).map((m) => m.text)).toEqual(['một', 'hai'])
  })

  it('accepts one token only and names unknown methods', async () => {
    const { api } = await serve()
    expect(await api('getMe')).toMatchObject({ status: 200, ok: true })
    expect(await api('getMe', {}, '999:OTHER')).toMatchObject({ status: 401, description: 'Unauthorized' })
    expect(await api('getme')).toMatchObject({ ok: true }) // method names are case-insensitive
    expect(await api('sendSticker', { chat_id: 1 })).toMatchObject({
      status: 404,
      description: 'Not Found: method not found',
    })
  })
})

describe('files', () => {
  it('takes a multipart upload from the bot and re-sends it by file_id', async () => {
    const { fake, server } = await serve()
    startBot(server, (bot) =>
      bot.command('file', async (ctx) => {
        const sent = await ctx.replyWithDocument(new InputFile(Buffer.from('điểm,9\n'), 'diem.csv'), {
          caption: '<b>Bảng điểm</b>',
          parse_mode: 'HTML',
        })
        await ctx.replyWithDocument(sent.document.file_id)
      }),
    )
    const user = fake.user({ id: 5, first_name: 'Minh' })
    const [first, second] = await user.say('/file')
    expect(first?.document).toMatchObject({ file_name: 'diem.csv', mime_type: 'text/csv', file_size: 10 })
    expect(first?.caption).toBe('Bảng điểm')
    expect(first?.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 9 }])
    expect(second?.document?.file_id).toBe(first?.document?.file_id)
    const stored = fake.files.get(first!.document!.file_id)
    expect(Buffer.from(stored!.bytes).toString()).toBe('điểm,9\n')
  })

  it("lets the bot download a user's document via getFile and /file/bot<token>/<path>", async () => {
    const { fake, server } = await serve()
    startBot(server, (bot) =>
      bot.on('message:document', async (ctx) => {
        const file = await ctx.getFile()
        const res = await fetch(`${server.url}/file/bot${TOKEN}/${file.file_path}`)
        await ctx.reply(`${ctx.message.document.file_name}: ${await res.text()}`)
      }),
    )
    const user = fake.user({ id: 5, first_name: 'Minh' })
    await user.sendDocument({ bytes: Buffer.from('ND1;ND2\n8;9'), fileName: 'grades.csv' })
    expect((await user.nextMessage()).text).toBe('grades.csv: ND1;ND2\n8;9')
  })
})

describe('errors over HTTP', () => {
  it('delivers 429 with retry_after as a GrammyError, 403 for a blocked user, and dropped connections', async () => {
    const { fake, server } = await serve()
    const bot = new Bot(TOKEN, { client: { apiRoot: server.url } })
    fake.user({ id: 5, first_name: 'Minh' })
    fake.failNext('sendMessage', { error_code: 429, parameters: { retry_after: 3 } })
    const throttled = await bot.api.sendMessage(5, 'x').catch((e: unknown) => e)
    expect(throttled).toBeInstanceOf(GrammyError)
    expect(throttled).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } })

    fake.blockUser(5)
    await expect(bot.api.sendMessage(5, 'x')).rejects.toMatchObject({
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    })

    fake.networkFailNext('getMe')
    await expect(bot.api.getMe()).rejects.toThrow(HttpError)
    expect((await bot.api.getMe()).id).toBe(fake.botInfo.id)
  })

  it('reports the limits over HTTP too', async () => {
    const { fake, server } = await serve()
    const bot = new Bot(TOKEN, { client: { apiRoot: server.url } })
    fake.user({ id: 5, first_name: 'Minh' })
    await expect(bot.api.sendMessage(5, '<b>x', { parse_mode: 'HTML' })).rejects.toMatchObject({
      error_code: 400,
    })
    expect(fake.violations).toEqual([
      `sendMessage: Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`,
    ])
  })
})

describe('webhook', () => {
  it('posts updates to the webhook with the secret token', async () => {
    const { createServer } = await import('node:http')
    const { fake, server } = await serve()
    const bot = new Bot(TOKEN, { client: { apiRoot: server.url } })
    bot.on('message:text', (ctx) => ctx.reply(`echo ${ctx.message.text}`))
    const { webhookCallback } = await import('grammy')
    const handle = webhookCallback(bot, 'http', { secretToken: 'abc_123' })
    const hook = createServer((req, res) => void handle(req, res))
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r))
    cleanup.push(() => new Promise((r) => hook.close(r)))
    const { port } = hook.address() as { port: number }
    await bot.api.setWebhook(`http://127.0.0.1:${port}/`, { secret_token: 'abc_123' })
    expect((await bot.api.getWebhookInfo()).url).toBe(`http://127.0.0.1:${port}/`)
    const user = fake.user({ id: 5, first_name: 'Minh' })
    expect((await user.say('hello')).map((m) => m.text)).toEqual(['echo hello'])
    await expect(bot.api.getUpdates()).rejects.toMatchObject({ error_code: 409 })
  })
})
