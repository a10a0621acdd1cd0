// A Telegram user talking to the bot in a private chat of the FakeTelegram: types text and
// commands, sends documents, presses inline buttons, and reads or waits for what the bot answers.
// Tests and the sandbox terminal drive the bot through this class.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { BotCommand, Chat, InlineKeyboardButton, Message, Update, User } from 'grammy/types'
import type { BotEvent, CallbackAnswer, FakeTelegram } from './fake-telegram.ts'
import { commandEntities } from './format.ts'

export interface UserInit {
  id: number
  first_name: string
  last_name?: string
  username?: string
  language_code?: string
}
/** An inline button, flattened: `data` for callback buttons, `url` for links, `webApp` for Mini Apps. */
export interface ButtonInfo {
  text: string
  data?: string
  url?: string
  webApp?: string
  row: number
  column: number
}
/** A button by its exact text, its index in buttons() (from 0), or a test. */
export type ButtonTarget = string | number | ((button: ButtonInfo) => boolean)
export type DocumentInput =
  | { path: string; fileName?: string; mimeType?: string }
  | { bytes: Uint8Array; fileName: string; mimeType?: string }
export interface WaitOptions {
  timeoutMs?: number
  quietMs?: number
}

export class FakeUser {
  readonly info: User
  readonly chat: Chat.PrivateChat
  /** events[] index from which waitForMessages() looks; moved by every action and every wait */
  private cursor = 0

  constructor(
    private readonly fake: FakeTelegram,
    init: UserInit,
  ) {
    this.info = { is_bot: false, ...init }
    const { id, first_name, last_name, username } = init
    this.chat = {
      id,
      type: 'private',
      first_name,
      ...(last_name ? { last_name } : {}),
      ...(username ? { username } : {}),
    }
  }

  get id(): number {
    return this.info.id
  }

  /** Types a message; commands get their bot_command entity. In process, resolves once the bot handled it. */
  sendText(text: string): Promise<Update> {
    const entities = commandEntities(text)
    return this.send({ text, ...(entities.length ? { entities } : {}) })
  }

  /** Blocks the bot in the app (Telegram tells the bot with a my_chat_member update). */
  blockBot(): Promise<Update> {
    this.cursor = this.fake.events.length
    return this.fake.setBlockedBy(this.info, true)
  }

  /** Unblocks the bot (Telegram tells the bot the same way). */
  unblockBot(): Promise<Update> {
    this.cursor = this.fake.events.length
    return this.fake.setBlockedBy(this.info, false)
  }

  /** Sends a file, from disk or from bytes. */
  async sendDocument(input: DocumentInput, caption?: string): Promise<Update> {
    const upload =
      'path' in input
        ? {
            bytes: await readFile(input.path),
            fileName: input.fileName ?? basename(input.path),
            mimeType: input.mimeType,
          }
        : input
    const document = this.fake.documentOf(this.fake.storeFile(upload))
    return this.send({ document, ...(caption ? { caption } : {}) })
  }

  /** Presses an inline callback button (by default on the latest bot message that has buttons). */
  press(target: ButtonTarget, message = this.lastMessageWithButtons()): Promise<Update> {
    if (!message) throw new Error('FakeUser.press: no bot message with inline buttons in this chat')
    const list = this.buttons(message)
    const button =
      typeof target === 'number'
        ? list[target]
        : list.find(typeof target === 'string' ? (b) => b.text === target : target)
    if (!button) {
      throw new Error(
        `FakeUser.press: no button ${JSON.stringify(String(target))}; there are: ${list.map((b) => b.text).join(' | ')}`,
      )
    }
    if (button.data === undefined)
      throw new Error(`FakeUser.press: "${button.text}" is not a callback button`)
    this.cursor = this.fake.events.length
    return this.fake.deliver({
      callback_query: {
        id: this.fake.openCallbackQuery(this.id),
        from: this.info,
        message,
        chat_instance: String(this.id * 7 + 1),
        data: button.data,
      },
    })
  }

  /** Sends text and waits until the bot has finished with it; returns what the bot sent or edited meanwhile. */
  async say(text: string, options?: WaitOptions): Promise<Message[]> {
    return this.settle(await this.sendText(text), options)
  }

  /** press() and wait like say(). */
  async tap(target: ButtonTarget, message?: Message, options?: WaitOptions): Promise<Message[]> {
    return this.settle(await this.press(target, message), options)
  }

  /** Waits until the bot has finished this update and is quiet; returns the bot's messages since the action. */
  async settle(update: Update, { timeoutMs, quietMs }: WaitOptions = {}): Promise<Message[]> {
    const from = this.cursor
    await this.fake.settled(update.update_id, timeoutMs)
    await this.fake.idle(quietMs)
    this.cursor = this.fake.events.length
    return this.mine(from).map((e) => e.message)
  }

  /** This chat's bot messages, oldest first, with edits applied and deleted ones gone. */
  messages(): Message[] {
    return this.fake.chatMessages(this.id).filter((m) => m.from?.id === this.fake.botInfo.id)
  }

  lastMessage(): Message | undefined {
    return this.messages().at(-1)
  }

  lastMessageWithButtons(): Message | undefined {
    return this.messages().findLast((m) => m.reply_markup?.inline_keyboard.length)
  }

  /** The inline buttons of a message (default: the latest one with buttons), row by row. */
  buttons(message = this.lastMessageWithButtons()): ButtonInfo[] {
    const rows: InlineKeyboardButton[][] = message?.reply_markup?.inline_keyboard ?? []
    return rows.flatMap((row, r) =>
      row.map((b, column) => ({
        text: b.text,
        row: r,
        column,
        ...('callback_data' in b ? { data: b.callback_data } : {}),
        ...('url' in b ? { url: b.url } : {}),
        ...('web_app' in b && b.web_app ? { webApp: b.web_app.url } : {}),
      })),
    )
  }

  /** The command menu this user sees (their chat scope and language first). */
  commands(): BotCommand[] {
    return this.fake.commandsFor(this.id, this.info.language_code)
  }

  /** The bot's answers to this user's button presses, oldest first. */
  answers(): CallbackAnswer[] {
    return [...this.fake.callbackAnswers.values()].filter((a) => a.userId === this.id)
  }

  /** Resolves with the next `n` messages the bot sends or edits in this chat after the last action or wait. */
  async waitForMessages(n: number, timeoutMs = this.fake.timeoutMs): Promise<Message[]> {
    const from = this.cursor
    const enough = () => {
      const events = this.mine(from)
      if (events.length < n) return undefined
      this.cursor = this.fake.events.indexOf(events[n - 1]!) + 1
      return events.slice(0, n).map((e) => e.message)
    }
    const ready = enough()
    if (ready) return ready
    return new Promise((resolve, reject) => {
      const stop = this.fake.onEvent(() => {
        const got = enough()
        if (got) {
          stop()
          clearTimeout(timer)
          resolve(got)
        }
      })
      const timer = setTimeout(() => {
        stop()
        const got = this.mine(from).map((e) => JSON.stringify(e.message.text ?? e.message.caption ?? ''))
        reject(
          new Error(
            `FakeUser ${this.id}: waited ${timeoutMs} ms for ${n} bot message(s), got ${got.length}: ${got.join(', ')}`,
          ),
        )
      }, timeoutMs)
    })
  }

  async nextMessage(timeoutMs?: number): Promise<Message> {
    const [message] = await this.waitForMessages(1, timeoutMs)
    return message!
  }

  private mine(from: number): BotEvent[] {
    return this.fake.events.slice(from).filter((e) => e.chatId === this.id && e.kind !== 'delete')
  }

  private send(content: Partial<Message>): Promise<Update> {
    this.cursor = this.fake.events.length
    return this.fake.deliver({ message: this.fake.userMessage(this.info, content) } as Omit<
      Update,
      'update_id'
    >)
  }
}
