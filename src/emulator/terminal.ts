// The sandbox's terminal chat: a person talks to the real bot through the FakeTelegram from a
// terminal. Bot messages and edits are printed as they arrive (formatting as ANSI on a TTY, plain
// text otherwise) with their buttons numbered; a number alone presses that button, `:file <path>`
// sends a document, `:help` explains, `:quit` or Ctrl-D leaves. The terminal's own few words come
// from `strings`, so the caller can localise them. `:as <name>` switches to another person (another
// Telegram account), so one terminal can play a whole school: messages that reached a person
// while someone else was at the keyboard are shown when the terminal switches back to them.
import { createInterface } from 'node:readline'
import type { MessageEntity, Update } from 'grammy/types'
import type { BotEvent, FakeTelegram } from './fake-telegram.ts'
import type { FakeUser } from './fake-user.ts'

export interface TerminalStrings {
  welcome: string
  prompt: string
  help: string
  edited: string
  deleted: string
  noButton: string
  error: string
  switched: string
}

export const defaultTerminalStrings: TerminalStrings = {
  welcome: 'You are chatting with @{bot}. Type :help for help.',
  prompt: 'you › ',
  help: [
    'Type a message or a command such as /start and press Enter.',
    '  <number>       press the button with that number on the latest message that has buttons',
    '  :file <path>   send a file',
    '  :as <name>     continue as another person (another Telegram account)',
    '  :help          show this help',
    '  :quit          leave (Ctrl-D works too)',
  ].join('\n'),
  edited: '(edited)',
  deleted: '(a message was deleted)',
  noButton: 'There is no button {n}.',
  error: 'Error: {message}',
  switched: 'You are now {name}.',
}

export interface TerminalOptions {
  fake: FakeTelegram
  /** the person at the keyboard first */
  user: FakeUser
  input?: NodeJS.ReadableStream
  output?: NodeJS.WritableStream
  strings?: Partial<TerminalStrings>
  /** a Mini App button: the address to open in a browser as the person at the keyboard (signed) */
  webAppLink?: (url: string, user: FakeUser) => string
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (all, key: string) => String(values[key] ?? all))

const ANSI: Partial<Record<MessageEntity['type'], [string, string]>> = {
  bold: ['\x1b[1m', '\x1b[22m'],
  italic: ['\x1b[3m', '\x1b[23m'],
  underline: ['\x1b[4m', '\x1b[24m'],
  strikethrough: ['\x1b[9m', '\x1b[29m'],
  code: ['\x1b[36m', '\x1b[39m'],
  pre: ['\x1b[36m', '\x1b[39m'],
  spoiler: ['\x1b[2m', '\x1b[22m'],
  text_link: ['\x1b[4m', '\x1b[24m'],
}

/** Message text with its entities: ANSI styles when `color`, and a link's URL after its text. */
export function renderText(text: string, entities: MessageEntity[] = [], color = false): string {
  const at = new Map<number, string[]>()
  const add = (i: number, s: string) => at.set(i, [...(at.get(i) ?? []), s])
  for (const e of entities) {
    const style = ANSI[e.type]
    if (color && style) {
      add(e.offset, style[0])
      add(e.offset + e.length, style[1])
    }
    if (e.type === 'text_link') add(e.offset + e.length, ` (${e.url})`)
  }
  let out = ''
  for (let i = 0; i <= text.length; i++) out += (at.get(i) ?? []).join('') + (text[i] ?? '')
  return out
}

/** Runs the chat until `:quit` or the end of input. */
export async function runTerminal({
  fake,
  user: first,
  input = process.stdin,
  output = process.stdout,
  strings: custom = {},
  webAppLink,
}: TerminalOptions): Promise<void> {
  let user = first
  const strings = { ...defaultTerminalStrings, ...custom }
  const color = (output as { isTTY?: boolean }).isTTY === true
  const print = (line: string) => output.write(`${line}\n`)
  let keyboardFrom = 0 // message_id of the message that brought the current reply keyboard

  const people = new Map<string, FakeUser>([[first.info.first_name, first]])
  const unread = new Map<number, BotEvent[]>()
  const show = (event: BotEvent) => {
    if (event.chatId !== user.id) {
      if ([...people.values()].some((p) => p.id === event.chatId))
        unread.set(event.chatId, [...(unread.get(event.chatId) ?? []), event])
      return
    }
    if (event.kind === 'delete') return print(`🤖 ${strings.deleted}`)
    const m = event.message
    const lines: string[] = []
    if (m.document) lines.push(`📎 ${m.document.file_name ?? 'file'} (${m.document.file_size ?? 0} bytes)`)
    if (m.text !== undefined) lines.push(renderText(m.text, m.entities, color))
    if (m.caption !== undefined) lines.push(renderText(m.caption, m.caption_entities, color))
    const label = event.kind === 'edit' ? `🤖 ${strings.edited} ` : '🤖 '
    print(label + lines.join('\n').replaceAll('\n', '\n   '))
    let n = 0
    for (const row of m.reply_markup?.inline_keyboard ?? []) {
      print(`   ${row.map((b) => `[${++n}] ${b.text}${'url' in b ? ` → ${b.url}` : ''}`).join('  ')}`)
    }
    const keyboard = event.markup?.keyboard as (string | { text: string })[][] | undefined
    if (keyboard) {
      keyboardFrom = m.message_id
      for (const row of keyboard)
        print(`   ⌨ ${row.map((b) => `[${++n}] ${typeof b === 'string' ? b : b.text}`).join('  ')}`)
    }
  }

  /** A number alone: an inline button of the latest message with buttons, or a reply keyboard key. */
  const press = (n: number): Promise<Update> | undefined => {
    const inline = user.lastMessageWithButtons()
    const keyboard = fake.replyKeyboard(user.id)?.keyboard as (string | { text: string })[][] | undefined
    if (keyboard && (!inline || keyboardFrom > inline.message_id)) {
      const key = keyboard.flat()[n - 1]
      if (key !== undefined) return user.sendText(typeof key === 'string' ? key : key.text)
    } else if (inline) {
      const button = user.buttons(inline)[n - 1]
      if (button?.data !== undefined) return user.press(n - 1, inline)
      if (button?.url) return void print(`   → ${button.url}`)
      if (button?.webApp) return void print(`   → ${webAppLink?.(button.webApp, user) ?? button.webApp}`)
    }
    print(fill(strings.noButton, { n }))
  }

  const stop = fake.onEvent(show)
  const rl = createInterface({ input, output, terminal: color, prompt: strings.prompt })
  print(fill(strings.welcome, { bot: fake.botInfo.username }))
  rl.prompt()
  try {
    for await (const raw of rl) {
      if (!color) output.write(`${raw}\n`) // no terminal echoes the line: keep the transcript readable
      const line = raw.trim()
      try {
        let update: Promise<Update> | undefined
        if (line === ':quit') break
        if (line === ':help') print(strings.help)
        else if (line.startsWith(':as ')) {
          const name = line.slice(4).trim()
          user =
            people.get(name) ??
            fake.user({
              id: first.id + people.size,
              first_name: name,
              language_code: first.info.language_code,
            })
          people.set(name, user)
          rl.setPrompt(`${name} ${strings.prompt}`)
          print(fill(strings.switched, { name }))
          for (const event of unread.get(user.id) ?? []) show(event)
          unread.delete(user.id)
        } else if (line.startsWith(':file ')) update = user.sendDocument({ path: line.slice(6).trim() })
        else if (/^\d+$/.test(line)) update = press(Number(line))
        else if (line !== '') update = user.sendText(raw)
        if (update) await user.settle(await update)
      } catch (e) {
        print(fill(strings.error, { message: (e as Error).message }))
      }
      rl.prompt()
    }
  } finally {
    if (color) print('') // leave the line after the last prompt
    stop()
    rl.close()
  }
}
