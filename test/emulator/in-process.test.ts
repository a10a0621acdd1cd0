// The in-process fake Telegram: a grammY bot wired through fake.attach(), the limits Telegram
// enforces on what a bot sends (each one a 400 and a recorded violation), commands per scope, and
// error injection (429 with retry_after, 403 for a blocked user, dropped connections).
import { Bot, GrammyError, HttpError, InlineKeyboard } from 'grammy'
import { describe, expect, it } from 'vitest'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'

function setup() {
  const fake = new FakeTelegram()
  const bot = new Bot('123:TEST')
  bot.command('start', (ctx) =>
    ctx.reply(`Xin chào <b>${ctx.from?.first_name}</b>! Mã: ${ctx.match || 'không có'}`, {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard()
        .text('Giỏi', 'rank:gioi')
        .text('Khá', 'rank:kha')
        .row()
        .url('Luật', 'https://example.com'),
    }),
  )
  bot.callbackQuery(/^rank:(.+)$/, async (ctx) => {
    await ctx.answerCallbackQuery({ text: `OK ${ctx.match[1]}` })
    await ctx.editMessageText(`Bạn chọn: ${ctx.match[1]}`)
  })
  fake.attach(bot)
  const user = fake.user({ id: 42, first_name: 'Lan', language_code: 'vi' })
  return { fake, bot, user, api: bot.api }
}

describe('in process', () => {
  it('round-trips a command, a button press and an edit', async () => {
    const { fake, user } = setup()
    const [reply] = await user.say('/start ABC123')
    expect(reply?.text).toBe('Xin chào Lan! Mã: ABC123')
    expect(reply?.entities).toEqual([{ type: 'bold', offset: 9, length: 3 }])
    expect(reply?.from?.username).toBe('bdtx_test_bot')
    expect(reply?.chat).toMatchObject({ id: 42, type: 'private' })
    expect(user.buttons().map((b) => b.data ?? b.url)).toEqual([
      'rank:gioi',
      'rank:kha',
      'https://example.com',
    ])

    const [edited] = await user.tap('Khá')
    expect(edited?.text).toBe('Bạn chọn: kha')
    expect(edited?.edit_date).toBeTypeOf('number')
    expect(edited?.reply_markup).toBeUndefined() // editing text without reply_markup drops the keyboard
    expect(user.messages()).toHaveLength(1)
    expect(user.answers()).toEqual([expect.objectContaining({ text: 'OK kha' })])
    expect(() => user.press('Khá')).toThrow(/no bot message with inline buttons/)
    expect(fake.violations).toEqual([])
    expect(fake.calls.map((c) => c.method)).toEqual(['sendMessage', 'answerCallbackQuery', 'editMessageText'])
  })

  it('gives the command a bot_command entity', async () => {
    const { fake, user } = setup()
    await user.sendText('/cefr ielts 6.5')
    const [message] = fake.chatMessages(42)
    expect(message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 5 }])
  })
})

describe('limits', () => {
  it('accepts 4096 characters and refuses 4097, counting code points after parsing', async () => {
    const { fake, api } = setup()
    fake.user({ id: 1, first_name: 'A' })
    await api.sendMessage(1, 'ệ'.repeat(4096))
    await api.sendMessage(1, '😀'.repeat(4096)) // 8192 UTF-16 units, 4096 characters
    await api.sendMessage(1, '&lt;'.repeat(4096), { parse_mode: 'HTML' })
    expect(fake.violations).toEqual([])
    await expect(api.sendMessage(1, 'a'.repeat(4097))).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: message is too long',
    })
    await expect(api.sendMessage(1, ' \n ')).rejects.toMatchObject({
      description: 'Bad Request: message text is empty',
    })
    expect(fake.violations).toEqual([
      'sendMessage: Bad Request: message is too long',
      'sendMessage: Bad Request: message text is empty',
    ])
  })

  it('limits callback_data to 64 bytes of UTF-8', async () => {
    const { fake, api } = setup()
    fake.user({ id: 1, first_name: 'A' })
    const send = (data: string) =>
      api.sendMessage(1, 'x', { reply_markup: new InlineKeyboard().text('b', data) })
    await send('a'.repeat(64))
    await send(`${'ệ'.repeat(21)}a`) // 63 + 1 bytes
    expect(fake.violations).toEqual([])
    await expect(send('a'.repeat(65))).rejects.toMatchObject({
      description: 'Bad Request: BUTTON_DATA_INVALID',
    })
    await expect(send('ệ'.repeat(22))).rejects.toThrow(GrammyError) // 22 characters, 66 bytes
    expect(fake.violations).toHaveLength(2)
  })

  it('wants exactly one action per inline button', async () => {
    const { fake, api } = setup()
    fake.user({ id: 1, first_name: 'A' })
    await expect(
      api.sendMessage(1, 'x', { reply_markup: { inline_keyboard: [[{ text: 'bare' } as never]] } }),
    ).rejects.toMatchObject({
      description:
        "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    })
    const two = { text: 'two', callback_data: 'a', url: 'https://example.com' }
    await expect(api.sendMessage(1, 'x', { reply_markup: { inline_keyboard: [[two]] } })).rejects.toThrow(
      /exactly one/,
    )
  })

  it('parses good HTML into entities and refuses bad HTML like Telegram', async () => {
    const { fake, api } = setup()
    fake.user({ id: 1, first_name: 'A' })
    const good = await api.sendMessage(
      1,
      '<b>Điểm</b> &amp; <i>hạng</i> <a href="https://example.com/a?b=1&amp;c=2">luật</a> <code>x&lt;y</code> <span class="tg-spoiler">s</span> <blockquote expandable>q</blockquote> <pre><code class="language-ts">let a</code></pre>',
      { parse_mode: 'HTML' },
    )
    expect(good.text).toBe('Điểm & hạng luật x<y s q let a')
    expect(good.entities).toEqual([
      { type: 'bold', offset: 0, length: 4 },
      { type: 'italic', offset: 7, length: 4 },
      { type: 'text_link', offset: 12, length: 4, url: 'https://example.com/a?b=1&c=2' },
      { type: 'code', offset: 17, length: 3 },
      { type: 'spoiler', offset: 21, length: 1 },
      { type: 'expandable_blockquote', offset: 23, length: 1 },
      { type: 'pre', offset: 25, length: 5, language: 'ts' },
    ])
    expect(fake.violations).toEqual([])
    const bad: [string, string][] = [
      ['Hello<foo>x</foo>', 'Unsupported start tag "foo" at byte offset 5'],
      ['điểm <b>9', `Can't find end tag corresponding to start tag "b"`],
      ['a < b', 'Unsupported start tag "" at byte offset 2'],
      ['<b>x</i>', 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'],
      ['x</b>', 'Unexpected end tag at byte offset 1'],
      ['<span>x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
      ['x <b', 'Unclosed start tag at byte offset 2'],
    ]
    for (const [html, message] of bad) {
      await expect(api.sendMessage(1, html, { parse_mode: 'HTML' })).rejects.toMatchObject({
        error_code: 400,
        description: `Bad Request: can't parse entities: ${message}`,
      })
    }
    expect(fake.violations).toHaveLength(bad.length)
  })

  it('reports an unescaped & or > that Telegram lets through', async () => {
    const { fake, api } = setup()
    fake.user({ id: 1, first_name: 'A' })
    const sent = await api.sendMessage(1, 'Q&A: 6.5 > 6.0', { parse_mode: 'HTML' })
    expect(sent.text).toBe('Q&A: 6.5 > 6.0')
    expect(fake.violations).toEqual([
      'sendMessage: HTML unescaped "&" at byte offset 1 (write &amp;)',
      'sendMessage: HTML unescaped ">" at byte offset 9 (write &gt;)',
    ])
  })

  it('refuses an edit that changes nothing, and captions over 1024 characters', async () => {
    const { fake, api } = setup()
    fake.user({ id: 1, first_name: 'A' })
    const m = await api.sendMessage(1, '<b>x</b>', { parse_mode: 'HTML' })
    await expect(api.editMessageText(1, m.message_id, '<b>x</b>', { parse_mode: 'HTML' })).rejects.toThrow(
      /message is not modified/,
    )
    const plain = await api.editMessageText(1, m.message_id, 'x') // the bold is gone: that is a change
    expect(plain).toMatchObject({ text: 'x' })
    expect(plain).not.toHaveProperty('entities')
    await expect(api.sendMessage(99, 'x')).rejects.toMatchObject({
      description: 'Bad Request: chat not found',
    })
    const { InputFile } = await import('grammy')
    await expect(
      api.sendDocument(1, new InputFile(Buffer.from('a'), 'a.txt'), { caption: 'c'.repeat(1025) }),
    ).rejects.toMatchObject({ description: 'Bad Request: message caption is too long' })
    expect(fake.violations).toHaveLength(3)
  })

  it('answers unknown methods with 404', async () => {
    const { api } = setup()
    await expect(api.raw.sendDice({ chat_id: 1 })).rejects.toMatchObject({
      error_code: 404,
      description: 'Not Found: method not found',
    })
  })
})

describe('commands', () => {
  it('keeps commands per scope and language and resolves what a chat sees', async () => {
    const { fake, api, user } = setup()
    await api.setMyCommands([{ command: 'start', description: 'Bắt đầu' }])
    await api.setMyCommands([{ command: 'start', description: 'Start' }], { language_code: 'en' })
    fake.user({ id: 7, first_name: 'Admin', language_code: 'en' })
    await api.setMyCommands([{ command: 'admin', description: 'Quản trị' }], {
      scope: { type: 'chat', chat_id: 7 },
    })
    expect(user.commands()).toEqual([{ command: 'start', description: 'Bắt đầu' }])
    expect(fake.commandsFor(42, 'en')).toEqual([{ command: 'start', description: 'Start' }])
    expect(fake.user({ id: 7, first_name: 'Admin' }).commands()).toEqual([
      { command: 'admin', description: 'Quản trị' },
    ])
    expect(await api.getMyCommands({ language_code: 'en' })).toEqual([
      { command: 'start', description: 'Start' },
    ])
    await api.deleteMyCommands({ language_code: 'en' })
    expect(fake.storedCommands({ type: 'default' }, 'en')).toBeUndefined()
    await expect(api.setMyCommands([{ command: 'Bad-Name', description: 'x' }])).rejects.toThrow(
      /BOT_COMMAND_INVALID/,
    )
  })
})

describe('error injection', () => {
  it('fails the next call with 429 and retry_after', async () => {
    const { fake, api } = setup()
    fake.user({ id: 1, first_name: 'A' })
    fake.failNext('sendMessage', { error_code: 429, parameters: { retry_after: 3 } })
    const error = await api.sendMessage(1, 'x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GrammyError)
    expect(error).toMatchObject({
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      parameters: { retry_after: 3 },
    })
    await api.sendMessage(1, 'x') // only once
    expect(fake.violations).toEqual([]) // injected failures are not the bot's fault
  })

  it('refuses every message to a user who blocked the bot', async () => {
    const { fake, user } = setup()
    fake.blockUser(42)
    await expect(user.say('/start')).rejects.toMatchObject({
      error: { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    })
    fake.unblockUser(42)
    expect(await user.say('/start')).toHaveLength(1)
  })

  it('drops the connection on demand', async () => {
    const { fake, api } = setup()
    fake.networkFailNext('getMe')
    await expect(api.getMe()).rejects.toThrow(HttpError)
    expect((await api.getMe()).username).toBe('bdtx_test_bot')
    expect(fake.calls[0]).toMatchObject({ method: 'getMe', network: true })
  })

  it('throttles with 429 when flood limits are set, and records send times', async () => {
    let now = 1_000_000
    const fake = new FakeTelegram({ now: () => now, flood: { perChat: 2, retryAfter: 1 } })
    const bot = new Bot('1:x')
    fake.attach(bot)
    fake.user({ id: 1, first_name: 'A' })
    await bot.api.sendMessage(1, 'a')
    await bot.api.sendMessage(1, 'b')
    await expect(bot.api.sendMessage(1, 'c')).rejects.toMatchObject({
      error_code: 429,
      parameters: { retry_after: 1 },
    })
    now += 1001
    const sent = await bot.api.sendMessage(1, 'd')
    expect(sent.date).toBe(1001)
    expect(fake.sent.map((s) => s.at)).toEqual([1_000_000, 1_000_000, 1_001_001])
  })
})
