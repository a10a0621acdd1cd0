/**
 * The outbox worker: delivers every pending outbox row (broadcasts and reminders alike) at
 * Telegram's pace, records each outcome, and keeps the sender's live progress message and final
 * report. It talks to Telegram through its own grammY `Api`, so the bot's replies to users never
 * wait behind a broadcast.
 *
 *   const worker = new OutboxWorker({ db, api: new Api(token), rate: config.broadcastRate })
 *   worker.start()            // in the background, until…
 *   await worker.stop()       // …the message in flight is answered and recorded
 *
 * Pace: at most `rate` messages in any second and one per chat per second (see RateLimiter);
 * a 429 pauses ALL sending for its retry_after (flood limits are per bot), and the row waits too.
 * Outcomes: sent; 403 or "chat not found" -> unreachable at once; a network error or a 5xx ->
 * retried with exponential backoff, `maxAttempts` in all, then failed; any other refusal -> failed.
 *
 * Crash safety: a row is claimed (one UPDATE … WHERE state = 'pending') just before its API call,
 * and `sent` is written as soon as the answer arrives. A worker killed between the two leaves the
 * row `claimed`; once the dead worker's lease has run out such rows become `unknown` — maybe
 * delivered, maybe not — and are NOT resent (nobody gets a message twice); the final report lists
 * them for review. With the default `concurrency: 1` that window holds at most one message. A
 * starting worker also waits one window (1 s) before its first message, so that what a dead worker
 * sent just before dying cannot add up with it beyond the limits.
 *
 * Several workers on one database (several instances): each holds a lease `outbox-worker:<id>`
 * (src/store/leases.ts), renewed every `leaseMs / 3` by a timer of its own, and marks its claims
 * with its id; a starting worker, and every worker now and then, turns into `unknown` only the
 * claims of workers whose lease has run out. A row is claimed by one worker only. The rate is the
 * token's, not a process's: at start-up and at every tick a worker counts the live leases and
 * keeps to its part, `rate / workers` (RateLimiter.share). A worker that joins others waits one
 * tick more before its first message, so that they have seen it; one that stops waits a window
 * before it gives its lease up, so that its last messages and the others' larger parts never meet
 * in one window; one that dies keeps its part until its lease runs out.
 */
import { randomBytes } from 'node:crypto'
import { Api } from 'grammy'
import type { InlineKeyboardMarkup, Message } from 'grammy/types'
import type { Db } from '../db/connection.ts'
import { type Logger, silentLogger } from '../logger.ts'
import { LeaseStore } from '../store/leases.ts'
import { type BroadcastContent, type ClaimedRow, OutboxStore, WORKER_LEASE } from '../store/outbox.ts'
import { type ProgressRenderer, type ProgressView, renderProgress } from './broadcast-progress.ts'
import { RateLimiter } from './rate-limiter.ts'
import type { SendBudget } from './send-budget.ts'
import { classify } from './send-verdict.ts'
import { type Posted, SenderReports } from './sender-reports.ts'

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>

export interface OutboxWorkerOptions {
  db: Db
  /** the worker's own Api (not the bot's); no throttler: the worker paces itself */
  api: Api
  /** at most this many messages a second overall (BROADCAST_RATE) */
  rate: number
  /** the token's budget shared with the bot's replies: the worker takes what replies leave */
  budget?: SendBudget
  /** API calls in flight at once; each may be left `unknown` by a crash. Default 1. */
  concurrency?: number
  /** the rate's window, ms. Default 1000. */
  windowMs?: number
  /** at most one message per chat per this many ms. Default 1000. */
  perChatMs?: number
  /** network errors and 5xx: tries in all before a row is failed. Default 5. */
  maxAttempts?: number
  /** first retry after this many ms, doubling each time. Default 2000. */
  backoffMs?: number
  /** Default 5 minutes. */
  maxBackoffMs?: number
  /** edit the progress message at most this often, ms. Default 3000. */
  progressEveryMs?: number
  /** look for new rows this often when there is nothing to do, ms. Default 500. */
  idleMs?: number
  /** wait before the first message after start-up, ms. Default `windowMs`. */
  startupDelayMs?: number
  /**
   * how long this worker's lease lasts without being renewed, ms: a killed worker's claims are
   * marked unknown by another worker this long after its last renewal. Default 30 s.
   */
  leaseMs?: number
  /** the clock, ms. Default Date.now. */
  now?: () => number
  /** resolves after `ms`, or at once when `signal` aborts. Default setTimeout. */
  sleep?: Sleep
  render?: ProgressRenderer
  /**
   * Buttons under the progress message while it sends (the bot's "stop"); the last edit, when
   * sending ends, leaves them out, so a finished broadcast shows no button that does nothing.
   */
  progressKeyboard?: (view: ProgressView) => InlineKeyboardMarkup | undefined
  logger?: Logger
}

/** setTimeout, cut short by the signal. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, Math.max(0, ms))
    signal.addEventListener('abort', done, { once: true })
  })

/** Rows looked at per pick: the first whose chat may get a message now is claimed. */
const DUE_BATCH = 32
/** Re-check the world at least this often while waiting, ms. */
const MAX_PAUSE_MS = 5_000

const iso = (ms: number) => new Date(ms).toISOString()

export class OutboxWorker {
  private readonly store: OutboxStore
  private readonly api: Api
  private readonly limiter: RateLimiter
  private readonly budget: SendBudget | undefined
  private readonly concurrency: number
  private readonly maxAttempts: number
  private readonly backoffMs: number
  private readonly maxBackoffMs: number
  private readonly progressEveryMs: number
  private readonly idleMs: number
  private readonly startupDelayMs: number
  private readonly tickMs: number
  private readonly now: () => number
  private readonly sleep: Sleep
  private readonly logger: Logger
  private readonly id = `${process.pid}-${randomBytes(4).toString('hex')}`
  private readonly leases: LeaseStore
  private readonly leaseMs: number
  private heartbeat: NodeJS.Timeout | undefined
  private recoveredAt = Number.NEGATIVE_INFINITY
  /** live workers on the database at the last count, this one included */
  private workers = 1
  private readonly windowMs: number

  private loop: Promise<void> | undefined
  private stopping = false
  private waking: AbortController | undefined
  private pausedUntil = 0
  private nextTickAt = 0
  private claims = 0
  private readonly inflight = new Set<Promise<void>>()
  /** broadcasts with pending rows, as the last tick saw them; `turn`: whose rows go next */
  private rotation: number[] = []
  private turn = 0
  /** reports that could not be sent yet, and how often they were tried */
  private readonly contents = new Map<number, BroadcastContent>()
  private readonly reports: SenderReports

  constructor(options: OutboxWorkerOptions) {
    this.store = new OutboxStore(options.db)
    this.leases = new LeaseStore(options.db)
    this.leaseMs = options.leaseMs ?? 30_000
    this.api = options.api
    const windowMs = options.windowMs ?? 1000
    this.windowMs = windowMs
    this.limiter = new RateLimiter(options.rate, { windowMs, perChatMs: options.perChatMs ?? 1000 })
    this.budget = options.budget
    this.concurrency = Math.max(1, options.concurrency ?? 1)
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5)
    this.backoffMs = options.backoffMs ?? 2000
    this.maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000
    this.progressEveryMs = options.progressEveryMs ?? 3000
    this.idleMs = options.idleMs ?? 500
    this.startupDelayMs = options.startupDelayMs ?? windowMs
    this.tickMs = Math.min(1000, this.progressEveryMs)
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? realSleep
    this.logger = options.logger ?? silentLogger
    this.reports = new SenderReports({
      store: this.store,
      api: this.api,
      render: options.render ?? renderProgress,
      progressKeyboard: options.progressKeyboard,
      progressEveryMs: this.progressEveryMs,
      logger: this.logger,
      now: () => this.now(),
      perChatMs: this.limiter.perChatMs,
      chatFree: (chatId) => this.chatFree(chatId),
      post: (chatId, call) => this.post(chatId, call),
    })
  }

  get running(): boolean {
    return this.loop !== undefined
  }

  /** Starts delivering in the background (once). */
  start(): void {
    if (!this.loop) void this.run()
  }

  /**
   * Delivers until stopped; with `untilIdle`, returns once nothing is left to send and every
   * broadcast is finished and reported (tests, scripts).
   */
  run(options: { untilIdle?: boolean } = {}): Promise<void> {
    if (this.loop) return this.loop
    this.stopping = false
    this.loop = this.main(options.untilIdle ?? false).finally(() => {
      this.loop = undefined
    })
    return this.loop
  }

  /** Stops after the message in flight is answered and recorded; sends nothing more. */
  async stop(): Promise<void> {
    this.stopping = true
    this.waking?.abort()
    await this.loop
  }

  /** Looks for new rows now instead of at the next idle check (after a broadcast is confirmed). */
  wake(): void {
    this.waking?.abort()
  }

  // ── the loop ──────────────────────────────────────────────────────────────────────────────

  private async main(untilIdle: boolean): Promise<void> {
    await this.renewLease()
    this.heartbeat = setInterval(
      () =>
        void this.renewLease().catch((error: unknown) =>
          this.logger.warn('outbox: lease not renewed', { error }),
        ),
      Math.max(1, Math.floor(this.leaseMs / 3)),
    )
    this.heartbeat.unref?.()
    try {
      await this.deliverAll(untilIdle)
    } finally {
      clearInterval(this.heartbeat)
      // the others take this one's part at their next tick: its last window first goes by
      if (this.workers > 1) await this.sleep(this.windowMs, new AbortController().signal)
      // another worker may take this one's place at once; its claims were all recorded
      await this.leases.release(this.lease, this.id).catch(() => undefined)
    }
  }

  /** Counts the live workers and keeps to this one's part of the rate; the count. */
  private async countWorkers(): Promise<number> {
    const live = await this.leases.live(WORKER_LEASE, iso(this.now()))
    const workers = Math.max(1, new Set([...live, this.id]).size)
    if (workers !== this.workers)
      this.logger.info('outbox: workers on this database', {
        workers,
        perSecond: Math.floor(this.limiter.rate / workers),
      })
    this.workers = workers
    this.limiter.share(this.limiter.rate / workers)
    return workers
  }

  private get lease(): string {
    return `${WORKER_LEASE}${this.id}`
  }

  private async renewLease(): Promise<void> {
    const now = this.now()
    await this.leases.hold(this.lease, this.id, iso(now), iso(now + this.leaseMs))
  }

  /** Claims of workers whose lease ran out: unknown, never resent. */
  private async recoverClaims(): Promise<void> {
    this.recoveredAt = this.now()
    const recovered = await this.store.recoverClaims(this.id, iso(this.recoveredAt))
    if (recovered.length)
      this.logger.warn('outbox: rows left claimed by a stopped worker are marked unknown', {
        rows: recovered.map((r) => r.id),
      })
  }

  private async deliverAll(untilIdle: boolean): Promise<void> {
    await this.recoverClaims()
    // joining others: one tick more, so that each of them has counted this one before it sends
    const joining = (await this.countWorkers()) > 1
    // a 429 a previous worker was waiting out still holds (flood limits are per bot, not per process)
    const flood = await this.store.floodPauseEnd(iso(this.now()))
    if (flood) this.pausedUntil = Date.parse(flood)
    await this.pause(this.startupDelayMs + (joining ? this.tickMs : 0))
    while (!this.stopping) {
      // let timers run between steps even when the API answers without real I/O
      await new Promise<void>((resolve) => setImmediate(resolve))
      try {
        if (await this.step(untilIdle)) break
      } catch (error) {
        this.logger.error('outbox: worker step failed', { error })
        await this.pause(this.idleMs)
      }
    }
    await Promise.allSettled([...this.inflight])
  }

  /** One decision of the loop; true when done (untilIdle and nothing left). */
  private async step(untilIdle: boolean): Promise<boolean> {
    const now = this.now()
    if (this.pausedUntil > now) {
      await this.pause(this.pausedUntil - now)
      return false
    }
    if (now >= this.nextTickAt) {
      await this.tick()
      return false
    }
    if (this.inflight.size >= this.concurrency) {
      await this.settleOne()
      return false
    }
    const globalAt = this.limiter.nextGlobal(now)
    if (globalAt === Number.POSITIVE_INFINITY) {
      await this.settleOne()
      return false
    }
    if (globalAt > now) {
      await this.pause(globalAt - now)
      return false
    }
    const due = await this.pick(now)
    if (due.length === 0) {
      if (this.inflight.size) {
        await this.settleOne()
        return false
      }
      const settled = await this.tick()
      const next = await this.store.nextDue()
      if (untilIdle && settled && next === undefined) return true
      await this.pause(next === undefined ? this.idleMs : Math.min(this.idleMs, Date.parse(next) - now))
      return false
    }
    const free = due.find((r) => this.limiter.nextForChat(r.chatId, now) <= now)
    if (!free) {
      // every row due is for a chat that just got a message: each waits for its chat to be free
      let waiting = false
      for (const r of due) {
        const at = this.limiter.nextForChat(r.chatId, now)
        if (at === Number.POSITIVE_INFINITY) waiting = true
        else await this.store.postpone(r.id, iso(at))
      }
      if (waiting) await this.settleOne()
      return false
    }
    // the shared budget first (replies go before the outbox), then the claim: a row is never held
    // claimed while it waits its turn
    const release = (await this.budget?.take(free.chatId, 'outbox')) ?? (() => {})
    const row = await this.store.claim(free.id, `${this.id}:${++this.claims}`, iso(this.now()), this.id)
    if (!row) {
      release()
      return false
    }
    const job = this.send(row).finally(release)
    if (this.concurrency === 1) await job
    else this.track(job)
    return false
  }

  /**
   * The next rows due, broadcasts taken in turn so that a reminder batch never waits behind a
   * school-wide broadcast; then rows of any batch enqueued since the last tick.
   */
  private async pick(now: number): Promise<Array<{ id: number; chatId: number }>> {
    const turns = this.rotation.length
    for (let k = 0; k < turns; k++) {
      const broadcastId = this.rotation[(this.turn + k) % turns]!
      const due = await this.store.due(iso(now), DUE_BATCH, broadcastId)
      if (due.length) {
        this.turn = (this.turn + k + 1) % turns
        return due
      }
    }
    return this.store.due(iso(now), DUE_BATCH)
  }

  /** Waits `ms` (cut short by stop() or wake()). */
  private async pause(ms: number): Promise<void> {
    if (this.stopping || !(ms > 0)) return
    const controller = new AbortController()
    this.waking = controller
    try {
      await this.sleep(Math.min(ms, MAX_PAUSE_MS), controller.signal)
    } finally {
      if (this.waking === controller) this.waking = undefined
    }
  }

  private track(job: Promise<void>): void {
    const tracked = job
      .catch((error: unknown) => this.logger.error('outbox: send failed', { error }))
      .finally(() => this.inflight.delete(tracked))
    this.inflight.add(tracked)
  }

  private async settleOne(): Promise<void> {
    if (this.inflight.size) await Promise.race(this.inflight)
  }

  // ── one row ───────────────────────────────────────────────────────────────────────────────

  private async send(row: ClaimedRow): Promise<void> {
    const content = row.content ?? (await this.contentOf(row.broadcastId))
    const slot = this.limiter.begin(row.chatId, this.now())
    let message: Message
    try {
      message = await this.deliver(row.chatId, content)
    } catch (error) {
      this.limiter.end(slot, row.chatId, this.now())
      await this.recordFailure(row, error)
      return
    }
    // the only window a crash can leave ambiguous ends here: record at once
    const answered = this.now()
    this.limiter.end(slot, row.chatId, answered)
    await this.store.recordSent(row, message.message_id, iso(answered))
  }

  private deliver(chatId: number, content: BroadcastContent): Promise<Message> {
    // validated by contentSchema: each button has exactly one of callback_data and url
    const markup = content.reply_markup ? { reply_markup: content.reply_markup as InlineKeyboardMarkup } : {}
    if (content.type === 'text') {
      return this.api.sendMessage(chatId, content.html, { parse_mode: 'HTML', ...markup })
    }
    return this.api.sendDocument(chatId, content.file_id, {
      ...(content.caption_html ? { caption: content.caption_html, parse_mode: 'HTML' } : {}),
      ...markup,
    })
  }

  private async recordFailure(row: ClaimedRow, error: unknown): Promise<void> {
    const verdict = classify(error)
    const now = this.now()
    switch (verdict.kind) {
      case 'flood': {
        const until = now + verdict.retryAfterMs
        this.pausedUntil = Math.max(this.pausedUntil, until)
        this.logger.warn('outbox: 429, pausing all sending', { retryAfterMs: verdict.retryAfterMs })
        await this.store.release(row, iso(until), verdict.error, false)
        return
      }
      case 'unreachable':
        await this.store.recordFinal(row, 'unreachable', verdict.error)
        return
      case 'failed':
        this.logger.warn('outbox: message refused', { row: row.id, error: verdict.error })
        await this.store.recordFinal(row, 'failed', verdict.error)
        return
      case 'retry': {
        const attempts = row.attempts + 1
        if (attempts >= this.maxAttempts) {
          this.logger.warn('outbox: giving up after retries', { row: row.id, attempts, error: verdict.error })
          await this.store.recordFinal(row, 'failed', verdict.error)
          return
        }
        const delay = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (attempts - 1))
        await this.store.release(row, iso(now + delay), verdict.error, true)
        return
      }
    }
  }

  private async contentOf(broadcastId: number): Promise<BroadcastContent> {
    let content = this.contents.get(broadcastId)
    if (!content) {
      const broadcast = await this.store.getBroadcast(broadcastId)
      if (!broadcast) throw new Error(`outbox: broadcast ${broadcastId} is gone`)
      content = broadcast.content
      this.contents.set(broadcastId, content)
    }
    return content
  }

  // ── broadcasts: progress, end, report ─────────────────────────────────────────────────────
  //
  // Progress messages and reports go to the sender's chat, paced like the rest. They never hold
  // up the outbox: when the sender's chat had a message less than a second ago, they wait for a
  // later tick instead.

  /**
   * Creates and edits progress messages, ends broadcasts with nothing left, sends their reports;
   * true when no broadcast needs anything more.
   */
  private async tick(): Promise<boolean> {
    this.nextTickAt = this.now() + this.tickMs
    if (this.now() - this.recoveredAt >= this.leaseMs / 3) await this.recoverClaims()
    await this.countWorkers()
    let settled = true
    const rotation: number[] = []
    for (const b of await this.store.activeBroadcasts()) {
      if (this.stopping) return false
      const counts = await this.store.counts(b.id)
      if (b.status === 'cancelled' && counts.pending > 0) {
        // a row released (429, network error) just as the broadcast was cancelled
        const n = await this.store.cancelPending(b.id)
        counts.pending -= n
        counts.cancelled += n
      }
      const toSender = b.kind === 'broadcast' && b.createdBy !== null
      if (counts.pending > 0) rotation.push(b.id)
      if (counts.pending + counts.claimed > 0) {
        settled = false
        if (toSender) await this.reports.progress(b, counts)
        continue
      }
      if (b.finishedAt === null) {
        if (!(await this.store.finishBroadcast(b.id, iso(this.now())))) continue
        b.status = b.status === 'sending' ? 'done' : b.status
        b.finishedAt = iso(this.now())
      }
      if (toSender && b.reportedAt === null && !(await this.reports.finalReport(b, counts))) {
        settled = false
        continue
      }
      this.contents.delete(b.id)
      this.reports.forget(b.id)
    }
    this.rotation = rotation
    return settled
  }

  /** No 429 pause, and the chat may get a message now. */
  private chatFree(chatId: number): boolean {
    const now = this.now()
    return this.pausedUntil <= now && this.limiter.nextForChat(chatId, now) <= now
  }

  /**
   * One message outside the outbox (progress, report), paced like the rest. `again`: it surely was
   * not delivered (429) or may be retried (network, 5xx); a 429 also pauses all sending.
   */
  private async post<T>(chatId: number, call: () => Promise<T>): Promise<Posted<T>> {
    const slot = await this.acquire(chatId)
    if (slot === undefined) return { ok: false, again: true, kind: 'stopping', error: new Error('stopping') }
    const release = (await this.budget?.take(chatId, 'outbox')) ?? (() => {})
    try {
      const value = await call()
      this.limiter.end(slot, chatId, this.now())
      return { ok: true, value }
    } catch (error) {
      this.limiter.end(slot, chatId, this.now())
      const verdict = classify(error)
      if (verdict.kind === 'flood')
        this.pausedUntil = Math.max(this.pausedUntil, this.now() + verdict.retryAfterMs)
      const again = verdict.kind === 'flood' || verdict.kind === 'retry'
      if (verdict.kind !== 'flood')
        this.logger.warn('outbox: message to the sender failed', { chatId, error: verdict.error })
      return { ok: false, again, kind: verdict.kind, error }
    } finally {
      release()
    }
  }

  /** Waits until a message to this chat may start, and starts it (undefined when stopping). */
  private async acquire(chatId: number): Promise<number | undefined> {
    for (;;) {
      if (this.stopping) return undefined
      const now = this.now()
      if (this.pausedUntil > now) {
        await this.pause(this.pausedUntil - now)
        continue
      }
      const at = this.limiter.nextAt(chatId, now)
      if (at === Number.POSITIVE_INFINITY) {
        if (!this.inflight.size) return undefined // cannot happen: only a message in flight blocks forever
        await this.settleOne()
        continue
      }
      if (at > now) {
        await this.pause(at - now)
        continue
      }
      return this.limiter.begin(chatId, now)
    }
  }
}

/**
 * The worker as main.ts runs it: its own Api on the bot's token (no transformers: the worker
 * paces itself and retries by itself), started at once.
 */
export function startOutboxWorker(
  options: Omit<OutboxWorkerOptions, 'api'> & { token: string; apiRoot?: string },
): OutboxWorker {
  const { token, apiRoot, ...rest } = options
  const api = new Api(token, { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds: 60 })
  const worker = new OutboxWorker({ ...rest, api })
  worker.start()
  return worker
}
