// The sandbox terminal driven through streams: bot replies and edits are printed with numbered
// buttons, a number presses a button, a reply keyboard key is sent as text, :file sends a
// document, :help and :quit work, and the fixed texts come from the strings passed in.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { Bot, InlineKeyboard, InputFile, Keyboard } from 'grammy'
import { describe, expect, it } from 'vitest'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import { accountId, renderText, runTerminal } from '../../src/emulator/terminal.ts'

function chat(lines: string[], strings = {}, downloads?: string) {
  const fake = new FakeTelegram()
  const bot = new Bot('1:x')
  bot.command('start', (ctx) =>
    ctx.reply('<b>Chọn</b> xếp loại &amp; <a href="https://example.com">luật</a>', {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard()
        .text('Giỏi', 'g')
        .text('Khá', 'k')
        .row()
        .url('Nguồn', 'https://example.com/src'),
    }),
  )
  bot.callbackQuery(['g', 'k'], async (ctx) => {
    await ctx.answerCallbackQuery()
    await ctx.editMessageText(`Đã chọn ${ctx.callbackQuery.data === 'g' ? 'Giỏi' : 'Khá'}`)
  })
  bot.command('lang', (ctx) =>
    ctx.reply('Language?', { reply_markup: new Keyboard().text('Tiếng Việt').text('English') }),
  )
  bot.hears('English', (ctx) => ctx.reply('OK, English', { reply_markup: { remove_keyboard: true } }))
  bot.on('message:document', (ctx) => ctx.reply(`Nhận ${ctx.message.document.file_name}`))
  bot.command('id', (ctx) => ctx.reply(`id ${ctx.from?.id}`))
  bot.command('sheet', async (ctx) => {
    await ctx.replyWithDocument(new InputFile(new TextEncoder().encode('ND1;ND2'), 'ket-qua.csv'))
    await ctx.replyWithDocument(new InputFile(new TextEncoder().encode('v2'), 'ket-qua.csv'))
  })
  bot.command('ask', (ctx) =>
    ctx.reply('Xoá?', { reply_markup: new InlineKeyboard().text('Xoá', 'del').text('Huỷ', 'no') }),
  )
  bot.callbackQuery('del', (ctx) =>
    ctx.answerCallbackQuery({ text: 'Bạn không có quyền xoá', show_alert: true }),
  )
  bot.callbackQuery('no', (ctx) => ctx.answerCallbackQuery({ text: 'Đã huỷ' }))
  bot.on('message:text', (ctx) => ctx.reply(`Nhận: ${JSON.stringify(ctx.message.text)}`))
  fake.attach(bot)
  const user = fake.user({ id: 3, first_name: 'Test' })
  const input = new PassThrough()
  const output = new PassThrough()
  let text = ''
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString()
  })
  const done = runTerminal({ fake, user, input, output, strings, downloads })
  input.end(`${lines.join('\n')}\n`)
  return done.then(() => text)
}

describe('terminal', () => {
  it('prints replies with numbered buttons and presses them by number', async () => {
    const out = await chat(['/start', '2', '9', ':quit', '/start'])
    expect(out).toContain('You are chatting with @bdtx_test_bot')
    expect(out).toContain('you › /start\n🤖 Chọn xếp loại & luật (https://example.com/)')
    expect(out).toContain('   [1] Giỏi  [2] Khá\n   [3] Nguồn → https://example.com/src')
    expect(out).toContain('🤖 (edited) Đã chọn Khá')
    expect(out).toContain('🤖 Nhận: "9"') // not a current choice: sent as the answer it looks like
    expect(out).not.toContain('\x1b[') // no colours when the output is not a terminal
    expect(out.match(/Chọn xếp loại/g)).toHaveLength(1) // nothing after :quit
  })

  it('sends reply keyboard keys, files, help, and uses the strings given', async () => {
    const file = join(tmpdir(), `bdtx-terminal-${process.pid}.txt`)
    await writeFile(file, 'xin chào')
    const out = await chat(['/lang', '2', `:file ${file}`, ':help', ':file /no/such/file'], {
      prompt: 'bạn › ',
      help: 'Trợ giúp',
      error: 'Lỗi: {message}',
    })
    expect(out).toContain('   ⌨ [1] Tiếng Việt  [2] English')
    expect(out).toContain('🤖 OK, English')
    expect(out).toContain(`🤖 Nhận bdtx-terminal-${process.pid}.txt`)
    expect(out).toContain('Trợ giúp')
    expect(out).toContain('Lỗi: ENOENT')
    expect(out).toContain('bạn › ')
  })

  it('sends a :paste block as one message of several lines', async () => {
    const out = await chat([':paste', 'Nguyễn Văn An 8 9', '  Trần Thị Bình 7,5 8', ':end', 'sau'])
    expect(out).toContain('🤖 Nhận: "Nguyễn Văn An 8 9\\n  Trần Thị Bình 7,5 8"')
    expect(out).toContain('🤖 Nhận: "sau"')
    expect(out.match(/🤖 Nhận/g)).toHaveLength(2)
  })

  it('a number presses only a button of the latest message; otherwise it is sent as text', async () => {
    const out = await chat(['/start', 'hello', '1', '/ask', '2', '5'])
    expect(out).not.toContain('Đã chọn Giỏi') // the buttons of /start were no longer the latest
    expect(out).toContain('🤖 Nhận: "1"')
    expect(out).toContain('   Đã huỷ') // the press's toast
    expect(out).toContain('🤖 Nhận: "5"')
  })

  it('shows a button answer shown as an alert', async () => {
    const out = await chat(['/ask', '1'])
    expect(out).toContain('⚠️ Bạn không có quyền xoá')
  })

  it('saves files the bot sends to the folder, each under its own name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bdtx-downloads-'))
    const out = await chat(['/sheet'], {}, dir)
    const saved = [...out.matchAll(/saved to (\S+)/g)].map((m) => m[1]!)
    expect(saved).toHaveLength(2)
    expect(saved[0]).not.toBe(saved[1])
    expect(saved[0]).toMatch(/ket-qua\.csv$/)
    expect(await readFile(saved[0]!, 'utf8')).toBe('ND1;ND2')
    expect(await readFile(saved[1]!, 'utf8')).toBe('v2')
  })

  it(':as picks the account by name, the same one in the next session', async () => {
    const first = await chat([':as Lan', '/id', ':as Minh', '/id'])
    const second = await chat([':as Minh', '/id', ':as Lan', '/id'])
    const ids = (out: string) => [...out.matchAll(/🤖 id (\d+)/g)].map((m) => Number(m[1]))
    const [lan, minh] = ids(first)
    expect(lan).not.toBe(minh)
    expect(ids(second)).toEqual([minh, lan])
    expect(lan).toBe(accountId('Lan', 3))
  })

  it('renders entities as ANSI for a terminal', () => {
    const text = 'Điểm 9 link'
    const entities = [
      { type: 'bold' as const, offset: 0, length: 4 },
      { type: 'text_link' as const, offset: 7, length: 4, url: 'https://x.org' },
    ]
    expect(renderText(text, entities, true)).toBe('\x1b[1mĐiểm\x1b[22m 9 \x1b[4mlink\x1b[24m (https://x.org)')
    expect(renderText(text, entities, false)).toBe('Điểm 9 link (https://x.org)')
  })
})

describe('playing several people', () => {
  it(':as switches the person and shows what reached them meanwhile', async () => {
    const fake = new FakeTelegram()
    const bot = new Bot('1:x')
    bot.command('ping', async (ctx) => {
      await ctx.reply('pong')
      if (ctx.from?.id !== 100) await ctx.api.sendMessage(100, `hi from ${ctx.from?.first_name}`)
    })
    fake.attach(bot)
    const input = new PassThrough()
    const output = new PassThrough()
    let text = ''
    output.on('data', (chunk) => (text += String(chunk)))
    const done = runTerminal({ fake, user: fake.user({ id: 100, first_name: 'An' }), input, output })
    input.write(':as Bình\n')
    input.write('/ping\n')
    input.write(':as An\n')
    input.write(':as Bình\n')
    input.end()
    await done
    expect(text).toContain('You are now Bình.')
    expect(text).toContain('pong')
    // An was away when Bình's /ping wrote to them: it shows when the terminal is An again
    const [, asAn] = text.split('You are now An.')
    expect(asAn).toContain('hi from Bình')
    expect(text.split('You are now Bình.').length).toBe(3)
  })
})
