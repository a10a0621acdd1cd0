// The sandbox's terminal chat: a person talks to the real bot through the FakeTelegram from a
// terminal. Bot messages and edits are printed as they arrive (formatting as ANSI on a TTY, plain
// text otherwise) with their buttons numbered; a number alone presses that button while those
// buttons are the bot's latest word (otherwise the number is sent as text, the way an answer to a
// question is), `:paste` … `:end` sends the lines between as one message (a grade batch),
// `:file <path>` sends a document, files the bot sends are saved to a folder, a button's answer
// (toast or alert) is printed, `:help` explains, `:quit` or Ctrl-D leaves. The terminal's own few words come
// from `strings`, so the caller can localise them. `:as <name>` switches to another person (another
// Telegram account whose id comes from the name, so the same name is the same account after a
// restart), so one terminal can play a whole school: messages that reached a person
// while someone else was at the keyboard are shown when the terminal switches back to them.
import { mkdir, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
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
  pasting: string
  saved: string
  alert: string
}

export const defaultTerminalStrings: TerminalStrings = {
  welcome: 'You are chatting with @{bot}. Type :help for help.',
  prompt: 'you › ',
  help: [
    'Type a message or a command such as /start and press Enter.',
    '  <number>       press the button with that number on the latest message that has buttons',
    '  :paste         start a message of several lines; a line :end sends it',
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
  pasting: 'Type or paste the lines; a line :end sends them as one message.',
  saved: 'saved to {path}',
  alert: '⚠️ {text}',
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
  /** where files the bot sends are saved; not saved when absent */
  downloads?: string
}

/**
 * The account id of a person played at the terminal: taken from the name (FNV-1a), so `:as Lan`
 * is the same Telegram account, linked to the same staff record, in every session.
 */
export function accountId(name: string, base: number): number {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(name.normalize('NFC'))) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
  }
  return base + 1 + (hash % 899_999_999)
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
  downloads,
}: TerminalOptions): Promise<void> {
  let user = first
  const strings = { ...defaultTerminalStrings, ...custom }
  const color = (output as { isTTY?: boolean }).isTTY === true
  const print = (line: string) => output.write(`${line}\n`)
  const saving: Promise<void>[] = []

  /** Saves a file the bot sent as `<message id>-<its name>`, so two files of one name both stay. */
  const save = (messageId: number, fileId: string, name: string) => {
    const stored = fake.files.get(fileId)
    if (!downloads || !stored) return ''
    const path = join(downloads, `${messageId}-${basename(name)}`)
    saving.push(
      mkdir(downloads, { recursive: true })
        .then(() => writeFile(path, stored.bytes))
        .catch((e: Error) => void print(fill(strings.error, { message: e.message }))),
    )
    return ` — ${fill(strings.saved, { path })}`
  }

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
    if (m.document) {
      const name = m.document.file_name ?? 'file'
      lines.push(
        `📎 ${name} (${m.document.file_size ?? 0} bytes)${save(m.message_id, m.document.file_id, name)}`,
      )
    }
    const photo = m.photo?.at(-1)
    if (photo) {
      const name = fake.files.get(photo.file_id)?.fileName ?? 'photo.png'
      lines.push(`🖼 ${name} ${photo.width}×${photo.height}${save(m.message_id, photo.file_id, name)}`)
    }
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
      for (const row of keyboard)
        print(`   ⌨ ${row.map((b) => `[${++n}] ${typeof b === 'string' ? b : b.text}`).join('  ')}`)
    }
  }

  /**
   * A number alone presses a button only while it is a current choice: on the bot's latest
   * message, or a key of the reply keyboard on screen. Anything else is an answer the bot asked
   * for (a score, a number of tiết), so it is sent as text rather than pressing an old button.
   */
  const press = (line: string): Promise<Update> | undefined => {
    const n = Number(line)
    const latest = user.lastMessage()
    const choices = latest?.reply_markup?.inline_keyboard.length ? user.buttons(latest) : undefined
    const keyboard = fake.replyKeyboard(user.id)?.keyboard as (string | { text: string })[][] | undefined
    if (choices) {
      const button = choices[n - 1]
      if (button?.data !== undefined) return user.press(n - 1, latest)
      if (button?.url) return void print(`   → ${button.url}`)
      if (button?.webApp) return void print(`   → ${webAppLink?.(button.webApp, user) ?? button.webApp}`)
      if (n >= 1 && n <= choices.length) return void print(fill(strings.noButton, { n }))
    } else if (keyboard) {
      const key = keyboard.flat()[n - 1]
      if (key !== undefined) return user.sendText(typeof key === 'string' ? key : key.text)
    }
    return user.sendText(line)
  }

  /** What the bot answered to a button press: Telegram shows it as a toast, or as an alert box. */
  const showAnswer = (update: Update) => {
    const answer = update.callback_query && fake.callbackAnswers.get(update.callback_query.id)
    if (answer?.text)
      print(answer.show_alert ? fill(strings.alert, { text: answer.text }) : `   ${answer.text}`)
  }

  const stop = fake.onEvent(show)
  const rl = createInterface({ input, output, terminal: color, prompt: strings.prompt })
  print(fill(strings.welcome, { bot: fake.botInfo.username }))
  rl.prompt()
  let pasted: string[] | undefined // the lines of a :paste block so far
  try {
    for await (const raw of rl) {
      if (!color) output.write(`${raw}\n`) // no terminal echoes the line: keep the transcript readable
      const line = raw.trim()
      try {
        let update: Promise<Update> | undefined
        if (pasted) {
          if (line === ':end') {
            const text = pasted.join('\n')
            pasted = undefined
            if (text.trim() !== '') update = user.sendText(text)
          } else pasted.push(raw)
        } else if (line === ':quit') break
        else if (line === ':help') print(strings.help)
        else if (line === ':paste') {
          pasted = []
          print(strings.pasting)
        } else if (line.startsWith(':as ')) {
          const name = line.slice(4).trim()
          user =
            people.get(name) ??
            fake.user({
              id: accountId(name, first.id),
              first_name: name,
              language_code: first.info.language_code,
            })
          people.set(name, user)
          rl.setPrompt(`${name} ${strings.prompt}`)
          print(fill(strings.switched, { name }))
          for (const event of unread.get(user.id) ?? []) show(event)
          unread.delete(user.id)
        } else if (line.startsWith(':file ')) update = user.sendDocument({ path: line.slice(6).trim() })
        else if (/^\d+$/.test(line)) update = press(line)
        else if (line !== '') update = user.sendText(raw)
        if (update) {
          const done = await update
          await user.settle(done)
          showAnswer(done)
        }
      } catch (e) {
        print(fill(strings.error, { message: (e as Error).message }))
      }
      if (!pasted) rl.prompt()
    }
  } finally {
    if (color) print('') // leave the line after the last prompt
    stop()
    rl.close()
    await Promise.all(saving)
  }
}
