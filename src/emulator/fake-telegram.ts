// The project's fake Telegram: an in-memory model of the Bot API for one bot. It answers a grammY
// bot in process (an API transformer + bot.handleUpdate) or over HTTP (./http.ts, real long
// polling), records every call, refuses what Telegram would refuse (text length, callback_data
// bytes, HTML, keyboards; each refusal also lands in `violations`), injects errors on demand, and
// plays the user's side through FakeUser. The sandbox (`npm start` without BOT_TOKEN) and the tests
// both run the real bot against it.
import { randomBytes } from 'node:crypto'
import { extname } from 'node:path'
import type { Bot, Transformer } from 'grammy'
import { HttpError, InputFile } from 'grammy'
import type {
  ApiError,
  ApiResponse,
  BotCommand,
  Chat,
  Document,
  File,
  Message,
  MessageEntity,
  PhotoSize,
  Update,
  User,
  UserFromGetMe,
} from 'grammy/types'
import { FakeUser, type UserInit } from './fake-user.ts'
import {
  ApiFailure,
  badRequest,
  CAPTION_MAX,
  charCount,
  checkReplyMarkup,
  parseHtml,
  TEXT_MAX,
  trimFormatted,
} from './format.ts'
import { type FakeServer, fetchAdapter, type ListenOptions, serve } from './http.ts'

export { ApiFailure } from './format.ts'

export type Payload = Record<string, unknown>
/** One API call as the bot made it, with what the fake answered. */
export interface ApiCall {
  method: string
  payload: Payload
  at: number
  result?: unknown
  error?: ApiError
  /** The connection was dropped on purpose (networkFailNext). */
  network?: true
}
/** Something the bot did to a chat, in order; `message` is the message as it was at that moment. */
export interface BotEvent {
  kind: 'send' | 'edit' | 'delete'
  chatId: number
  message: Message
  /** The reply_markup that came with it (also reply keyboards, which a Message does not carry). */
  markup?: Record<string, unknown>
  at: number
}
/** A file inside a request: an InputFile in process, a multipart part over HTTP. */
export interface Upload {
  bytes: Uint8Array
  fileName?: string
  mimeType?: string
}
export interface StoredFile extends Upload {
  file_id: string
  file_unique_id: string
  file_path: string
}
export interface CallbackAnswer {
  callback_query_id: string
  userId: number
  text?: string
  show_alert?: boolean
  url?: string
}
export interface FakeOptions {
  botInfo?: Partial<UserFromGetMe>
  /** The only token accepted over HTTP; by default the first one seen. */
  token?: string
  /** Clock for `date` fields and `sent[].at` (ms). Default Date.now. */
  now?: () => number
  /** How long the bot must stay silent before say()/tap() return (ms). Default 0. */
  quietMs?: number
  /** How long say()/waitForMessages() wait before failing (ms). Default 5000. */
  timeoutMs?: number
  /** Also report an unescaped `&` or `>` in HTML (Telegram accepts them, its docs forbid them). Default true. */
  strictHtml?: boolean
  /** Answer 429 when more than this many messages go out within one second. Off by default. */
  flood?: { global?: number; perChat?: number; retryAfter?: number }
}
/** The parts of a grammY Bot the fake needs (any Bot<C> fits). */
export type AttachableBot = Pick<Bot, 'botInfo' | 'handleUpdate' | 'api'>
export type TrackableBot = Pick<Bot, 'handleUpdate'>

interface ChatState {
  chat: Chat
  messages: Map<number, Message>
  nextId: number
  replyKeyboard?: Record<string, unknown>
  menuButton?: unknown
}
interface Deferred {
  promise: Promise<void>
  resolve: () => void
}

const CHAT_ACTIONS = new Set(
  'typing upload_photo record_video upload_video record_voice upload_voice upload_document choose_sticker find_location record_video_note upload_video_note'.split(
    ' ',
  ),
)
const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.zip': 'application/zip',
}
const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message'
// update types delivered when allowed_updates is empty
const OPT_IN_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count'])

const int = (v: unknown): number | undefined =>
  v === undefined || v === null || v === '' ? undefined : Number(v)
const bool = (v: unknown) => v === true || v === 'true'
/** Over HTTP every field arrives as a string; objects were JSON-encoded. */
function json<T>(v: unknown): T | undefined {
  if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) return v as T | undefined
  try {
    return JSON.parse(v) as T
  } catch {
    throw badRequest("can't parse JSON object")
  }
}
const isUpload = (v: unknown): v is Upload =>
  typeof v === 'object' && v !== null && (v as Upload).bytes instanceof Uint8Array
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
const token = (prefix: string, bytes: number) => prefix + randomBytes(bytes).toString('base64url')
function deferred(): Deferred {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
async function readAll(
  source: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source
  const chunks: Uint8Array[] = []
  for await (const chunk of source) chunks.push(chunk)
  return Buffer.concat(chunks)
}
/** grammY hands InputFile objects to transformers; turn them into bytes like an upload would. */
async function readInputFiles(payload: Payload): Promise<Payload> {
  const read = async (v: unknown): Promise<unknown> => {
    if (v instanceof InputFile)
      return { bytes: await readAll(await v.toRaw()), fileName: v.filename } satisfies Upload
    if (Array.isArray(v)) return Promise.all(v.map(read))
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(
        await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await read(x)])),
      )
    }
    return v
  }
  const hasFile = (v: unknown): boolean =>
    v instanceof InputFile || (typeof v === 'object' && v !== null && Object.values(v).some(hasFile))
  return hasFile(payload) ? ((await read(payload)) as Payload) : payload
}

export class FakeTelegram {
  readonly botInfo: UserFromGetMe
  /** Every API call, in the order the bot made them. */
  readonly calls: ApiCall[] = []
  /** Every request Telegram itself would have refused (400) or throttled (429), as "method: description". */
  readonly violations: string[] = []
  /** How the bot's webhook answered each update: Telegram re-sends one not answered in about 10 s. */
  readonly webhookAnswers: { updateId: number; status: number; ms: number }[] = []
  /** Every message that went out (sends, copies, forwards, edits), for rate-limit checks. */
  readonly sent: { chatId: number; method: string; at: number }[] = []
  /** What the bot did to chats, in order. */
  readonly events: BotEvent[] = []
  readonly files = new Map<string, StoredFile>()
  /** the file_path of every file the bot downloaded, in order */
  readonly downloads: string[] = []
  readonly callbackAnswers = new Map<string, CallbackAnswer>()
  webhook?: { url: string; secret_token?: string; max_connections?: number; allowed_updates?: string[] }
  token?: string
  readonly now: () => number
  readonly quietMs: number
  readonly timeoutMs: number

  private readonly chats = new Map<number, ChatState>()
  private readonly users = new Map<number, FakeUser>()
  private readonly commandLists = new Map<string, BotCommand[]>()
  private readonly profile = new Map<string, string>()
  private readonly pendingQueries = new Map<string, number>()
  private readonly failures: { method: string; error: ApiError; times: number }[] = []
  private readonly slow: { method: string; ms: number; times: number }[] = []
  private readonly networkFailures = new Map<string, number>()
  private readonly blocked = new Set<number>()
  private readonly unsettled = new Map<number, Deferred>()
  private readonly listeners = new Set<(event: BotEvent) => void>()
  private readonly activity = new Set<() => void>()
  private queue: Update[] = []
  private allowedUpdates: string[] = []
  private poll?: { wake: () => void; conflict: () => void }
  private nextUpdateId = 1
  private fileCount = 0
  private inflight = 0
  private lastActivity = 0
  private tracked = false
  private bot?: TrackableBot
  private webhookChain = Promise.resolve()
  private menuButton: unknown = { type: 'commands' }

  constructor(private readonly options: FakeOptions = {}) {
    this.botInfo = {
      id: 7_000_000_001,
      is_bot: true,
      first_name: 'BDTX Test Bot',
      username: 'bdtx_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
      ...options.botInfo,
    }
    this.token = options.token
    this.now = options.now ?? Date.now
    this.quietMs = options.quietMs ?? 0
    this.timeoutMs = options.timeoutMs ?? 5000
  }

  // ── connecting a bot ────────────────────────────────────────────────────────────────────────

  /** A grammY transformer answering every call from this model: `bot.api.config.use(fake.transformer)`. */
  readonly transformer: Transformer = async (_prev, method, payload, signal) => {
    if (this.takeNetworkFailure(method, payload as Payload)) {
      throw new HttpError(
        `Network request for '${method}' failed!`,
        new Error('socket hang up (FakeTelegram)'),
      )
    }
    const files = await readInputFiles((payload ?? {}) as Payload)
    return (await this.call(method, files, signal as AbortSignal | undefined)) as never
  }

  /** In process: bot info, the transformer, and user actions delivered by `await bot.handleUpdate()`. */
  attach(bot: AttachableBot): this {
    bot.api.config.use(this.transformer)
    return this.connect(bot)
  }

  /**
   * A `fetch` for grammY's client options (`new Bot(token, { client: { fetch: fake.fetch } })`):
   * in process like the transformer, but it also serves the Api objects that plugins build from
   * the client options alone — the conversations plugin does, and skips installed transformers.
   */
  readonly fetch: typeof fetch = fetchAdapter(this)

  /** In process for a bot whose client already talks to this fake (its `fetch` or `listen()`). */
  connect(bot: AttachableBot): this {
    bot.botInfo = this.botInfo
    this.track(bot)
    this.bot = bot
    return this
  }

  /**
   * Learn exactly when the bot has finished each update by wrapping its handleUpdate (which
   * bot.start(), the runner and webhookCallback all call). Without it, over HTTP an update counts
   * as handled once the bot confirms it with a higher getUpdates offset.
   */
  track(bot: TrackableBot): this {
    const original = bot.handleUpdate.bind(bot)
    bot.handleUpdate = async (update, envelope) => {
      try {
        return await original(update, envelope)
      } finally {
        this.settle(update.update_id)
      }
    }
    this.tracked = true
    return this
  }

  /** Serve the Bot API over HTTP on 127.0.0.1; connect with `new Bot(token, { client: { apiRoot: url } })`. */
  listen(options?: ListenOptions): Promise<FakeServer> {
    return serve(this, options)
  }

  /** The token check of the HTTP server: the first token seen is the bot's; any other gets 401. */
  acceptsToken(candidate: string): boolean {
    this.token ??= candidate
    return this.token === candidate
  }

  // ── the user side ───────────────────────────────────────────────────────────────────────────

  /** A Telegram user with a private chat with the bot (the same object for the same id). */
  user(init: UserInit): FakeUser {
    let user = this.users.get(init.id)
    if (!user) {
      user = new FakeUser(this, init)
      this.users.set(init.id, user)
      this.chats.set(init.id, { chat: user.chat, messages: new Map(), nextId: 1 })
    }
    return user
  }

  /** All messages of a chat (both sides), oldest first, as they are now. */
  chatMessages(chatId: number): Message[] {
    return [...(this.chats.get(chatId)?.messages.values() ?? [])]
  }

  /** The reply keyboard the chat currently shows, if any. */
  replyKeyboard(chatId: number): Record<string, unknown> | undefined {
    return this.chats.get(chatId)?.replyKeyboard
  }

  /** Store a message a user wrote (not yet delivered). */
  userMessage(from: User, content: Partial<Message>): Message {
    const state = this.state(from.id)
    const message = {
      message_id: state.nextId++,
      from,
      chat: state.chat,
      date: this.date(),
      ...content,
    } as Message
    state.messages.set(message.message_id, message)
    return message
  }

  /** Register a callback query the user is about to send. */
  openCallbackQuery(userId: number): string {
    const id = BigInt(`0x${randomBytes(7).toString('hex')}`).toString()
    this.pendingQueries.set(id, userId)
    return id
  }

  /** Hand an update to the bot: handleUpdate if attached, the webhook if set, else the getUpdates queue. */
  async deliver(content: Omit<Update, 'update_id'>): Promise<Update> {
    const update = { update_id: this.nextUpdateId++, ...content } as Update
    this.unsettled.set(update.update_id, deferred())
    if (this.bot) await this.bot.handleUpdate(update)
    else if (this.webhook) this.webhookChain = this.webhookChain.then(() => this.postWebhook(update))
    else {
      this.queue.push(update)
      this.poll?.wake()
    }
    return update
  }

  /** Resolves once the bot has finished the update (see track()). */
  async settled(updateId: number, timeoutMs = this.timeoutMs): Promise<void> {
    const pending = this.unsettled.get(updateId)
    if (!pending) return
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const where = this.queue.some((u) => u.update_id === updateId)
          ? ' (still queued: is the bot polling?)'
          : ''
        reject(
          new Error(`FakeTelegram: the bot did not finish update ${updateId} within ${timeoutMs} ms${where}`),
        )
      }, timeoutMs)
    })
    try {
      await Promise.race([pending.promise, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  /** Resolves when no API call is in flight and none arrived for `quietMs`. */
  async idle(quietMs = this.quietMs): Promise<void> {
    for (;;) {
      const left = this.lastActivity + quietMs - performance.now()
      if (this.inflight === 0 && left <= 0) return
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer)
          this.activity.delete(done)
          resolve()
        }
        const timer = this.inflight === 0 ? setTimeout(done, left) : undefined
        this.activity.add(done)
      })
    }
  }

  /** Listen to what the bot does to chats; returns the unsubscribe function. */
  onEvent(listener: (event: BotEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The commands a private chat sees, resolved through the scopes the way Telegram does. */
  commandsFor(chatId: number, languageCode = ''): BotCommand[] {
    for (const scope of [`chat:${chatId}`, 'all_private_chats', 'default']) {
      for (const lang of new Set([languageCode, ''])) {
        const list = this.commandLists.get(`${scope}|${lang}`)
        if (list) return list
      }
    }
    return []
  }

  /** Exactly what setMyCommands stored for a scope and language (undefined if nothing). */
  storedCommands(
    scope: Record<string, unknown> = { type: 'default' },
    languageCode = '',
  ): BotCommand[] | undefined {
    return this.commandLists.get(`${this.scopeKey(scope)}|${languageCode}`)
  }

  fileByPath(path: string): StoredFile | undefined {
    for (const f of this.files.values()) if (f.file_path === path) return f
    return undefined
  }

  /** A file the bot downloads (GET /file/bot<token>/<path>), counted in `downloads`. */
  download(token: string, path: string): StoredFile | undefined {
    const file = this.acceptsToken(token) ? this.fileByPath(path) : undefined
    if (file) this.downloads.push(path)
    return file
  }

  // ── error injection ─────────────────────────────────────────────────────────────────────────

  /** The next `times` calls of `method` ('*' for any) fail with this error instead of running. */
  failNext(
    method: string,
    error: { error_code: number; description?: string; parameters?: ApiError['parameters'] },
    times = 1,
  ): this {
    const retry = error.parameters?.retry_after
    const description =
      error.description ??
      ({ 400: 'Bad Request', 403: 'Forbidden', 429: `Too Many Requests: retry after ${retry ?? 1}` }[
        error.error_code
      ] ||
        'Internal Server Error')
    this.failures.push({ method, error: { ok: false, ...error, description }, times })
    return this
  }

  /**
   * The next `times` calls of `method` ('*' for any) wait `ms` before Telegram acts on them, as a
   * slow network would. A bot that hangs up meanwhile (a killed process) has sent nothing.
   */
  slowNext(method: string, ms: number, times = 1): this {
    this.slow.push({ method, ms, times })
    return this
  }

  /** The next `times` calls of `method` ('*' for any) lose their connection (HttpError in grammY). */
  networkFailNext(method: string, times = 1): this {
    this.networkFailures.set(method, (this.networkFailures.get(method) ?? 0) + times)
    return this
  }

  /** Consumes one injected network failure for this method, recording the call. */
  takeNetworkFailure(method: string, payload: Payload = {}): boolean {
    for (const key of [method, '*']) {
      const left = this.networkFailures.get(key) ?? 0
      if (left > 0) {
        this.networkFailures.set(key, left - 1)
        this.calls.push({ method, payload, at: this.now(), network: true })
        return true
      }
    }
    return false
  }

  /** Every message to this chat is refused with 403 "bot was blocked by the user". */
  blockUser(chatId: number): this {
    this.blocked.add(chatId)
    return this
  }

  unblockUser(chatId: number): this {
    this.blocked.delete(chatId)
    return this
  }

  /**
   * The person blocks (or unblocks) the bot in their app: from now on messages to them are refused
   * (or accepted again), and the bot gets the `my_chat_member` update Telegram sends for it.
   */
  setBlockedBy(user: User, blocked: boolean): Promise<Update> {
    if (blocked) this.blocked.add(user.id)
    else this.blocked.delete(user.id)
    const bot = this.botUser()
    const member = { user: bot, status: 'member' as const }
    const kicked = { user: bot, status: 'kicked' as const, until_date: 0 }
    const { id, first_name, last_name, username } = user
    return this.deliver({
      my_chat_member: {
        chat: {
          id,
          type: 'private',
          first_name,
          ...(last_name ? { last_name } : {}),
          ...(username ? { username } : {}),
        },
        from: user,
        date: Math.floor(this.now() / 1000),
        old_chat_member: blocked ? member : kicked,
        new_chat_member: blocked ? kicked : member,
      },
    } as Omit<Update, 'update_id'>)
  }

  /** Forget recorded calls, events, sends and violations (chats and files stay). */
  clear(): void {
    for (const list of [this.calls, this.violations, this.sent, this.events]) list.length = 0
  }

  // ── the API ─────────────────────────────────────────────────────────────────────────────────

  /** Answers one Bot API call from the model. Used by the transformer and the HTTP server. */
  async call(method: string, payload: Payload = {}, signal?: AbortSignal): Promise<ApiResponse<unknown>> {
    const name = this.methodNames.get(method.toLowerCase()) ?? method
    const record: ApiCall = { method: name, payload, at: this.now() }
    this.calls.push(record)
    const polling = name === 'getUpdates'
    if (!polling) this.busy(+1)
    try {
      const index = this.failures.findIndex((f) => f.method === name || f.method === '*')
      if (index >= 0) {
        const failure = this.failures[index]!
        if (--failure.times <= 0) this.failures.splice(index, 1)
        record.error = failure.error
        return failure.error
      }
      const slow = this.slow.findIndex((f) => f.method === name || f.method === '*')
      if (slow >= 0) {
        const wait = this.slow[slow]!
        if (--wait.times <= 0) this.slow.splice(slow, 1)
        await new Promise((resolve) => setTimeout(resolve, wait.ms))
        if (signal?.aborted) {
          record.network = true
          return { ok: false, error_code: 499, description: 'the bot hung up' }
        }
      }
      if (!this.methodNames.has(name.toLowerCase())) throw new ApiFailure(404, 'Not Found: method not found')
      const handler = this.methods[name as keyof typeof this.methods] as (
        p: Payload,
        s?: AbortSignal,
      ) => unknown
      record.result = await handler(payload, signal)
      return { ok: true, result: record.result }
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e
      const error: ApiError = { ok: false, error_code: e.error_code, description: e.description }
      if (e.parameters) error.parameters = e.parameters
      record.error = error
      if (e.error_code === 400 || e.error_code === 429) this.violations.push(`${name}: ${e.description}`)
      return error
    } finally {
      if (!polling) this.busy(-1)
    }
  }

  private readonly methods = {
    getMe: () => this.botInfo,
    logOut: () => true,
    close: () => true,
    getUpdates: (p: Payload, signal?: AbortSignal) => this.getUpdates(p, signal),
    setWebhook: (p: Payload) => {
      const url = String(p.url ?? '')
      if (url === '') return this.methods.deleteWebhook(p)
      const parsed = URL.canParse(url) ? new URL(url) : undefined
      const loopback = parsed && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)
      if (!parsed || (parsed.protocol !== 'https:' && !(loopback && parsed.protocol === 'http:'))) {
        throw badRequest('bad webhook: An HTTPS URL must be provided for webhook')
      }
      const secret = p.secret_token === undefined ? undefined : String(p.secret_token)
      if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
        throw badRequest('secret token contains unallowed characters')
      }
      if (bool(p.drop_pending_updates)) this.dropPending()
      this.webhook = {
        url,
        secret_token: secret,
        max_connections: int(p.max_connections) ?? 40,
        allowed_updates: json<string[]>(p.allowed_updates),
      }
      this.poll?.conflict()
      return true
    },
    deleteWebhook: (p: Payload) => {
      if (bool(p.drop_pending_updates)) this.dropPending()
      this.webhook = undefined
      return true
    },
    getWebhookInfo: () => ({
      url: this.webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.queue.length,
      ...(this.webhook ? { max_connections: this.webhook.max_connections } : {}),
      ...(this.webhook?.allowed_updates ? { allowed_updates: this.webhook.allowed_updates } : {}),
    }),
    getChat: (p: Payload) => ({ ...this.chatOf(p.chat_id).chat, accent_color_id: 0, max_reaction_count: 11 }),
    sendMessage: (p: Payload) => {
      const state = this.outgoing(p)
      const body = this.formatted('sendMessage', p.text, p.parse_mode, p.entities, 'text')
      const markup = checkReplyMarkup(p.reply_markup)
      return this.post('sendMessage', state, { ...body, ...this.replyTo(state, p) }, markup)
    },
    sendDocument: (p: Payload) => {
      const state = this.outgoing(p)
      const document = this.inputDocument(p.document)
      const caption = this.formatted('sendDocument', p.caption, p.parse_mode, p.caption_entities, 'caption')
      const markup = checkReplyMarkup(p.reply_markup)
      return this.post('sendDocument', state, { document, ...caption, ...this.replyTo(state, p) }, markup)
    },
    sendPhoto: (p: Payload) => {
      const state = this.outgoing(p)
      const photo = this.inputPhoto(p.photo)
      const caption = this.formatted('sendPhoto', p.caption, p.parse_mode, p.caption_entities, 'caption')
      const markup = checkReplyMarkup(p.reply_markup)
      return this.post('sendPhoto', state, { photo, ...caption, ...this.replyTo(state, p) }, markup)
    },
    sendChatAction: (p: Payload) => {
      this.outgoing(p, false)
      if (!CHAT_ACTIONS.has(String(p.action))) throw badRequest('wrong parameter action in request')
      return true
    },
    editMessageText: (p: Payload) => {
      const [state, old] = this.editable(p)
      if (old.text === undefined) throw badRequest('there is no text in the message to edit')
      const body = this.formatted('editMessageText', p.text, p.parse_mode, p.entities, 'text')
      const markup = this.inlineOnly(p.reply_markup)
      if (body.text === old.text && same(body.entities, old.entities) && same(markup, old.reply_markup)) {
        throw badRequest(NOT_MODIFIED)
      }
      return this.edit('editMessageText', state, old, { entities: undefined, ...body, reply_markup: markup })
    },
    editMessageCaption: (p: Payload) => {
      const [state, old] = this.editable(p)
      if (!('document' in old)) throw badRequest('there is no caption in the message to edit')
      const body = this.formatted(
        'editMessageCaption',
        p.caption,
        p.parse_mode,
        p.caption_entities,
        'caption',
      )
      const markup = this.inlineOnly(p.reply_markup)
      if (
        body.caption === old.caption &&
        same(body.caption_entities, old.caption_entities) &&
        same(markup, old.reply_markup)
      ) {
        throw badRequest(NOT_MODIFIED)
      }
      return this.edit('editMessageCaption', state, old, {
        caption: undefined,
        caption_entities: undefined,
        ...body,
        reply_markup: markup,
      })
    },
    editMessageReplyMarkup: (p: Payload) => {
      const [state, old] = this.editable(p)
      const markup = this.inlineOnly(p.reply_markup)
      if (same(markup, old.reply_markup)) throw badRequest(NOT_MODIFIED)
      return this.edit('editMessageReplyMarkup', state, old, { reply_markup: markup })
    },
    deleteMessage: (p: Payload) => {
      const state = this.chatOf(p.chat_id)
      const message = state.messages.get(int(p.message_id) ?? 0)
      if (!message) throw badRequest('message to delete not found')
      state.messages.delete(message.message_id)
      this.emit('delete', state, message)
      return true
    },
    answerCallbackQuery: (p: Payload) => {
      const id = String(p.callback_query_id ?? '')
      const userId = this.pendingQueries.get(id)
      if (userId === undefined)
        throw badRequest('query is too old and response timeout expired or query ID is invalid')
      this.pendingQueries.delete(id)
      const answer: CallbackAnswer = { callback_query_id: id, userId }
      if (p.text !== undefined) answer.text = String(p.text)
      if (p.show_alert !== undefined) answer.show_alert = bool(p.show_alert)
      if (p.url !== undefined) answer.url = String(p.url)
      this.callbackAnswers.set(id, answer)
      return true
    },
    copyMessage: (p: Payload) => {
      const state = this.outgoing(p)
      const source = this.chatOf(p.from_chat_id).messages.get(int(p.message_id) ?? 0)
      if (!source) throw badRequest('message to copy not found')
      const { text, entities, document, caption, caption_entities } = source
      const content: Partial<Message> = { text, entities, document, caption, caption_entities }
      if (p.caption !== undefined) {
        Object.assign(
          content,
          this.formatted('copyMessage', p.caption, p.parse_mode, p.caption_entities, 'caption'),
        )
      }
      const markup = checkReplyMarkup(p.reply_markup)
      const copy = this.post('copyMessage', state, { ...content, ...this.replyTo(state, p) }, markup)
      return { message_id: copy.message_id }
    },
    forwardMessage: (p: Payload) => {
      const state = this.outgoing(p)
      const source = this.chatOf(p.from_chat_id).messages.get(int(p.message_id) ?? 0)
      if (!source) throw badRequest('message to forward not found')
      const { text, entities, document, caption, caption_entities } = source
      const origin = { type: 'user' as const, sender_user: source.from ?? this.botUser(), date: source.date }
      return this.post('forwardMessage', state, {
        text,
        entities,
        document,
        caption,
        caption_entities,
        forward_origin: origin,
      })
    },
    getFile: (p: Payload): File => {
      const file = this.files.get(String(p.file_id ?? ''))
      if (!file) throw badRequest('invalid file_id')
      if (file.bytes.length > 20 * 1024 * 1024) throw badRequest('file is too big')
      return {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_size: file.bytes.length,
        file_path: file.file_path,
      }
    },
    setMyCommands: (p: Payload) => {
      const commands = json<BotCommand[]>(p.commands)
      if (!Array.isArray(commands)) throw badRequest('parameter "commands" must be an Array')
      if (commands.length > 100) throw badRequest('too many commands specified')
      for (const c of commands) {
        if (typeof c?.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command))
          throw badRequest('BOT_COMMAND_INVALID')
        const d = typeof c.description === 'string' ? charCount(c.description.trim()) : 0
        if (d < 1 || d > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID')
      }
      const key = this.commandsKey(p)
      if (commands.length)
        this.commandLists.set(
          key,
          commands.map(({ command, description }) => ({ command, description })),
        )
      else this.commandLists.delete(key)
      return true
    },
    getMyCommands: (p: Payload) => this.commandLists.get(this.commandsKey(p)) ?? [],
    deleteMyCommands: (p: Payload) => this.commandLists.delete(this.commandsKey(p)) || true,
    setChatMenuButton: (p: Payload) => {
      const button = json<unknown>(p.menu_button) ?? { type: 'default' }
      if (p.chat_id === undefined) this.menuButton = button
      else this.chatOf(p.chat_id).menuButton = button
      return true
    },
    getChatMenuButton: (p: Payload) =>
      (p.chat_id === undefined ? undefined : this.chatOf(p.chat_id).menuButton) ?? this.menuButton,
    setMyDescription: (p: Payload) => this.setProfile('description', p),
    getMyDescription: (p: Payload) => ({ description: this.getProfile('description', p) }),
    setMyShortDescription: (p: Payload) => this.setProfile('short_description', p),
    getMyShortDescription: (p: Payload) => ({ short_description: this.getProfile('short_description', p) }),
    setMyName: (p: Payload) => this.setProfile('name', p),
    getMyName: (p: Payload) => ({ name: this.getProfile('name', p) || this.botInfo.first_name }),
  }

  /** Bot API method names are case-insensitive. */
  private readonly methodNames = new Map(Object.keys(this.methods).map((m) => [m.toLowerCase(), m]))

  // ── internals ───────────────────────────────────────────────────────────────────────────────

  private async getUpdates(p: Payload, signal?: AbortSignal): Promise<Update[]> {
    if (this.webhook) {
      throw new ApiFailure(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      )
    }
    const offset = int(p.offset) ?? 0
    const limit = Math.min(Math.max(int(p.limit) ?? 100, 1), 100)
    const timeout = int(p.timeout) ?? 0
    const allowed = json<string[]>(p.allowed_updates)
    if (Array.isArray(allowed)) this.allowedUpdates = allowed
    if (offset > 0) this.drop((u) => u.update_id < offset)
    else if (offset < 0) this.drop((_, i) => i < this.queue.length + offset)
    this.drop((u) => !this.allowed(u))
    this.poll?.conflict() // a second poller ends the first one, as on Telegram
    const ready = () => this.queue.filter((u) => this.allowed(u)).slice(0, limit)
    if (this.queue.length || timeout <= 0) return ready()
    return new Promise<Update[]>((resolve, reject) => {
      const finish = (error?: ApiFailure) => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        if (this.poll === entry) this.poll = undefined
        if (error) reject(error)
        else resolve(ready())
      }
      const onAbort = () => finish()
      const timer = setTimeout(() => finish(), timeout * 1000)
      timer.unref()
      signal?.addEventListener('abort', onAbort, { once: true })
      const entry = {
        wake: () => this.queue.some((u) => this.allowed(u)) && finish(),
        conflict: () =>
          finish(
            new ApiFailure(
              409,
              'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
            ),
          ),
      }
      this.poll = entry
    })
  }

  private allowed(update: Update): boolean {
    const type = Object.keys(update).find((k) => k !== 'update_id') ?? ''
    return this.allowedUpdates.length ? this.allowedUpdates.includes(type) : !OPT_IN_UPDATES.has(type)
  }

  /** Removes updates from the queue; without track(), confirming an update means the bot is done. */
  private drop(which: (u: Update, index: number) => boolean): void {
    const keep: Update[] = []
    this.queue.forEach((u, i) => {
      if (!which(u, i)) keep.push(u)
      else if (!this.tracked) this.settle(u.update_id)
    })
    this.queue = keep
  }

  private dropPending(): void {
    for (const u of this.queue) this.settle(u.update_id)
    this.queue = []
  }

  private async postWebhook(update: Update): Promise<void> {
    const hook = this.webhook
    if (!hook) return
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (hook.secret_token) headers['x-telegram-bot-api-secret-token'] = hook.secret_token
      const started = performance.now()
      const res = await fetch(hook.url, { method: 'POST', headers, body: JSON.stringify(update) })
      const body = await res.text()
      this.webhookAnswers.push({
        updateId: update.update_id,
        status: res.status,
        ms: performance.now() - started,
      })
      const reply = body.startsWith('{') ? (JSON.parse(body) as Payload) : undefined
      if (typeof reply?.method === 'string') await this.call(reply.method, reply) // a webhook reply
    } catch {
      // Telegram would retry later; the fake only forgets the update
    } finally {
      if (!this.tracked) this.settle(update.update_id)
    }
  }

  private settle(updateId: number): void {
    this.unsettled.get(updateId)?.resolve()
    this.unsettled.delete(updateId)
  }

  private busy(delta: number): void {
    this.inflight += delta
    this.lastActivity = performance.now()
    for (const wake of [...this.activity]) wake()
  }

  private date(): number {
    return Math.floor(this.now() / 1000)
  }

  private botUser(): User {
    const { id, is_bot, first_name, username } = this.botInfo
    return { id, is_bot, first_name, username }
  }

  private state(chatId: number): ChatState {
    const state = this.chats.get(chatId)
    if (!state) throw badRequest('chat not found')
    return state
  }

  private chatOf(chatId: unknown): ChatState {
    if (chatId === undefined || chatId === null || chatId === '') throw badRequest('chat_id is empty')
    if (typeof chatId === 'string' && chatId.startsWith('@')) {
      for (const s of this.chats.values())
        if ('username' in s.chat && `@${s.chat.username}` === chatId) return s
      throw badRequest('chat not found')
    }
    return this.state(Number(chatId))
  }

  /** The chat a message goes to, after the blocked and flood checks Telegram makes. */
  private outgoing(p: Payload, counts = true): ChatState {
    const state = this.chatOf(p.chat_id)
    if (this.blocked.has(state.chat.id)) throw new ApiFailure(403, 'Forbidden: bot was blocked by the user')
    const flood = this.options.flood
    if (counts && flood) {
      const since = this.now() - 1000
      let all = 0
      let here = 0
      for (let i = this.sent.length - 1; i >= 0 && this.sent[i]!.at > since; i--) {
        all++
        if (this.sent[i]!.chatId === state.chat.id) here++
      }
      if ((flood.global && all >= flood.global) || (flood.perChat && here >= flood.perChat)) {
        const retry_after = flood.retryAfter ?? 1
        throw new ApiFailure(429, `Too Many Requests: retry after ${retry_after}`, { retry_after })
      }
    }
    return state
  }

  private editable(p: Payload): [ChatState, Message] {
    if (p.inline_message_id !== undefined)
      throw badRequest('inline messages are not supported by FakeTelegram')
    const state = this.outgoing(p)
    const message = state.messages.get(int(p.message_id) ?? 0)
    if (!message) throw badRequest('message to edit not found')
    if (message.from?.id !== this.botInfo.id) throw badRequest("message can't be edited")
    return [state, message]
  }

  private inlineOnly(raw: unknown): Message['reply_markup'] {
    const markup = checkReplyMarkup(raw)
    if (markup && !('inline_keyboard' in markup)) throw badRequest('inline keyboard expected')
    return markup as unknown as Message['reply_markup']
  }

  /** Text or caption after parse_mode, trimmed like Telegram does, with its length limit. */
  private formatted(
    method: string,
    raw: unknown,
    parseMode: unknown,
    rawEntities: unknown,
    kind: 'text' | 'caption',
  ): { text?: string; entities?: MessageEntity[]; caption?: string; caption_entities?: MessageEntity[] } {
    let text = raw === undefined || raw === null ? '' : String(raw)
    let entities = json<MessageEntity[]>(rawEntities) ?? []
    const mode = typeof parseMode === 'string' ? parseMode.toLowerCase() : ''
    if (mode === 'html') {
      try {
        const parsed = parseHtml(text)
        ;({ text, entities } = parsed)
        if (this.options.strictHtml !== false)
          for (const w of parsed.warnings) this.violations.push(`${method}: HTML ${w}`)
      } catch (e) {
        throw badRequest(`can't parse entities: ${(e as Error).message}`)
      }
    } else if (mode !== '' && mode !== 'markdown' && mode !== 'markdownv2') {
      throw badRequest('unsupported parse_mode') // Markdown and MarkdownV2 are passed through unchecked
    }
    const t = trimFormatted(text, entities)
    if (kind === 'text') {
      if (t.text === '') throw badRequest('message text is empty')
      if (charCount(t.text) > TEXT_MAX) throw badRequest('message is too long')
      return t.entities.length ? t : { text: t.text }
    }
    if (charCount(t.text) > CAPTION_MAX) throw badRequest('message caption is too long')
    if (t.text === '') return {}
    return t.entities.length ? { caption: t.text, caption_entities: t.entities } : { caption: t.text }
  }

  private replyTo(state: ChatState, p: Payload): Partial<Message> {
    const params = json<{ message_id?: number; allow_sending_without_reply?: boolean }>(p.reply_parameters)
    const id = int(params?.message_id ?? p.reply_to_message_id)
    if (id === undefined) return {}
    const target = state.messages.get(id)
    if (target) {
      const { reply_to_message: _, ...rest } = target
      return { reply_to_message: rest as Message['reply_to_message'] }
    }
    if (params?.allow_sending_without_reply || bool(p.allow_sending_without_reply)) return {}
    throw badRequest('message to be replied not found')
  }

  private inputDocument(value: unknown): Document {
    let file: StoredFile | undefined
    if (isUpload(value)) {
      if (value.bytes.length > 50 * 1024 * 1024) throw new ApiFailure(413, 'Request Entity Too Large')
      file = this.storeFile(value)
    } else if (typeof value === 'string') {
      if (/^https?:\/\//.test(value)) throw badRequest('failed to get HTTP URL content')
      file = this.files.get(value)
    }
    if (!file) throw badRequest('wrong file identifier/HTTP URL specified')
    return this.documentOf(file)
  }

  /** A photo as Telegram takes it: an upload of at most 10 MB (PNG or JPEG), kept as one size. */
  private inputPhoto(value: unknown): PhotoSize[] {
    let file: StoredFile | undefined
    if (isUpload(value)) {
      if (value.bytes.length > 10 * 1024 * 1024) throw badRequest('PHOTO_INVALID_DIMENSIONS')
      file = this.storeFile({ ...value, mimeType: value.mimeType ?? 'image/png' })
    } else if (typeof value === 'string') file = this.files.get(value)
    if (!file) throw badRequest('wrong file identifier/HTTP URL specified')
    const b = file.bytes
    const png = b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47
    if (!png && !(b[0] === 0xff && b[1] === 0xd8)) throw badRequest('IMAGE_PROCESS_FAILED')
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
    const [width, height] = png ? [view.getUint32(16), view.getUint32(20)] : [0, 0]
    if (width + height > 10_000) throw badRequest('PHOTO_INVALID_DIMENSIONS')
    return [
      { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: b.length, width, height },
    ]
  }

  /** Keep a file like Telegram's storage does and describe it as a Document. */
  storeFile(upload: Upload): StoredFile {
    const ext = extname(upload.fileName ?? '')
    const file: StoredFile = {
      ...upload,
      mimeType: upload.mimeType ?? MIME[ext.toLowerCase()] ?? 'application/octet-stream',
      file_id: token('BQACAgUAAxkBAAI', 24),
      file_unique_id: token('AgAD', 9),
      file_path: `documents/file_${++this.fileCount}${ext}`,
    }
    this.files.set(file.file_id, file)
    return file
  }

  documentOf(file: StoredFile): Document {
    const doc: Document = {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_size: file.bytes.length,
    }
    if (file.fileName) doc.file_name = file.fileName
    if (file.mimeType) doc.mime_type = file.mimeType
    return doc
  }

  private post(
    method: string,
    state: ChatState,
    content: Partial<Message>,
    markup?: Record<string, unknown>,
  ): Message {
    const message = {
      message_id: state.nextId++,
      from: this.botUser(),
      chat: state.chat,
      date: this.date(),
    } as Message
    for (const [k, v] of Object.entries(content)) if (v !== undefined) Object.assign(message, { [k]: v })
    if (markup && 'inline_keyboard' in markup)
      message.reply_markup = markup as unknown as Message['reply_markup']
    if (markup && ('keyboard' in markup || 'remove_keyboard' in markup)) {
      state.replyKeyboard = 'keyboard' in markup ? markup : undefined
    }
    state.messages.set(message.message_id, message)
    this.sent.push({ chatId: state.chat.id, method, at: this.now() })
    this.emit('send', state, message, markup)
    return message
  }

  private edit(method: string, state: ChatState, old: Message, change: Partial<Message>): Message {
    const message = { ...old, ...change, edit_date: this.date() } as Message
    for (const [k, v] of Object.entries(message))
      if (v === undefined) delete (message as unknown as Record<string, unknown>)[k]
    state.messages.set(message.message_id, message) // messages are replaced, never mutated: events keep snapshots
    this.sent.push({ chatId: state.chat.id, method, at: this.now() })
    this.emit('edit', state, message, change.reply_markup as Record<string, unknown> | undefined)
    return message
  }

  private emit(
    kind: BotEvent['kind'],
    state: ChatState,
    message: Message,
    markup?: Record<string, unknown>,
  ): void {
    const event: BotEvent = { kind, chatId: state.chat.id, message, at: this.now() }
    if (markup) event.markup = markup
    this.events.push(event)
    for (const listener of [...this.listeners]) listener(event)
  }

  private scopeKey(scope: Record<string, unknown> | undefined): string {
    const type = String(scope?.type ?? 'default')
    if (type === 'chat' || type === 'chat_administrators' || type === 'chat_member') {
      const chat = this.chatOf(scope?.chat_id).chat.id
      return type === 'chat_member' ? `${type}:${chat}:${int(scope?.user_id)}` : `${type}:${chat}`
    }
    if (!['default', 'all_private_chats', 'all_group_chats', 'all_chat_administrators'].includes(type)) {
      throw badRequest('wrong parameter scope')
    }
    return type
  }

  private commandsKey(p: Payload): string {
    const lang = String(p.language_code ?? '')
    if (lang !== '' && !/^[a-z]{2}$/.test(lang)) throw badRequest('invalid language code specified')
    return `${this.scopeKey(json<Record<string, unknown>>(p.scope))}|${lang}`
  }

  private setProfile(field: string, p: Payload): true {
    const value = String(p[field] ?? '')
    const key = `${field}|${p.language_code ?? ''}`
    if (value) this.profile.set(key, value)
    else this.profile.delete(key)
    return true
  }

  private getProfile(field: string, p: Payload): string {
    return this.profile.get(`${field}|${p.language_code ?? ''}`) ?? this.profile.get(`${field}|`) ?? ''
  }
}
