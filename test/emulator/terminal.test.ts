// The sandbox terminal driven through streams: bot replies and edits are printed with numbered
// buttons, a number presses a button, a reply keyboard key is sent as text, :file sends a
// document, :help and :quit work, and the fixed texts come from the strings passed in.
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { Bot, InlineKeyboard, Keyboard } from 'grammy'
import { describe, expect, it } from 'vitest'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import { renderText, runTerminal } from '../../src/emulator/terminal.ts'

function chat(lines: string[], strings = {}) {
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
  fake.attach(bot)
  const user = fake.user({ id: 3, first_name: 'Test' })
  const input = new PassThrough()
  const output = new PassThrough()
  let text = ''
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString()
  })
  const done = runTerminal({ fake, user, input, output, strings })
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
    expect(out).toContain('There is no button 9.')
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
      for (const other of [100, 101])
        if (other !== ctx.from?.id)
          await ctx.api.sendMessage(other, `hi from ${ctx.from?.first_name}`).catch(() => {})
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
