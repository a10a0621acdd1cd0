/**
 * The sender's side of a broadcast: the live progress message (sent once, then edited at most every
 * `progressEveryMs`, with the stop button while sending) and the final report listing whom to check.
 * Several workers may serve one broadcast: the sender's chat is taken through the store, one
 * message at a time, and the report is claimed before it is sent, so it goes at most once (a
 * network error may still deliver it twice to the sender, never a recipient their message).
 * Messages go through the worker's `post`, paced like the rest of the outbox.
 */
import { createHash } from 'node:crypto'
import { type Api, GrammyError } from 'grammy'
import type { InlineKeyboardMarkup } from 'grammy/types'
import type { Logger } from '../logger.ts'
import type { Broadcast, OutboxEntry, OutboxStore, StateCounts } from '../store/outbox.ts'
import type { ProgressRenderer, ProgressView } from './broadcast-progress.ts'
import type { Verdict } from './send-verdict.ts'

/** Recipients listed in a final report. */
const REVIEW_MAX = 30
/** Tries for a final report before it is given up. */
const REPORT_TRIES = 5
/** A message to the sender's chat keeps it busy for other workers until answered, or this long. */
const SENDER_BUSY_MS = 60_000

const iso = (ms: number) => new Date(ms).toISOString()
/** What the store keeps of the text a progress message shows. */
const digest = (text: string) => createHash('sha1').update(text).digest('base64')

/**
 * One message outside the outbox rows. `again`: it surely was not delivered (429) or may be
 * retried (network, 5xx).
 */
export type Posted<T> =
  | { ok: true; value: T }
  | { ok: false; again: boolean; kind: Verdict['kind'] | 'stopping'; error: unknown }

export interface SenderReportsOptions {
  store: OutboxStore
  api: Api
  render: ProgressRenderer
  progressKeyboard?: (view: ProgressView) => InlineKeyboardMarkup | undefined
  progressEveryMs: number
  logger: Logger
  now: () => number
  /** one message a chat in this many ms */
  perChatMs: number
  /** no 429 pause, and the chat may get a message now */
  chatFree: (chatId: number) => boolean
  /** sends one message, paced like the outbox's */
  post: <T>(chatId: number, call: () => Promise<T>) => Promise<Posted<T>>
}

export class SenderReports {
  private readonly reportTries = new Map<number, number>()
  private readonly shown = new Map<number, { at: number; text: string; language: string }>()

  constructor(private readonly o: SenderReportsOptions) {}

  /** What is kept of a broadcast that is over. */
  forget(broadcastId: number): void {
    this.shown.delete(broadcastId)
    this.reportTries.delete(broadcastId)
  }

  private async view(
    b: Broadcast,
    counts: StateCounts,
    phase: ProgressView['phase'],
    review: OutboxEntry[] = [],
  ): Promise<ProgressView> {
    let language = this.shown.get(b.id)?.language
    if (language === undefined) {
      language = b.createdBy === null ? 'vi' : await this.o.store.languageOf(b.createdBy)
      this.shown.set(b.id, { at: 0, text: '', language })
    }
    const total = Object.values(counts).reduce((a, n) => a + n, 0)
    return {
      broadcastId: b.id,
      status: b.status,
      phase,
      total,
      sent: counts.sent,
      waiting: counts.pending + counts.claimed,
      morning: counts.pending > 0 ? await this.o.store.heldForMorning(b.id, iso(this.o.now())) : 0,
      unreachable: counts.unreachable,
      failed: counts.failed,
      unknown: counts.unknown,
      cancelled: counts.cancelled,
      review,
      language,
    }
  }

  async progress(b: Broadcast, counts: StateCounts): Promise<void> {
    const sender = b.createdBy!
    const view = await this.view(b, counts, 'progress')
    const text = this.o.render(view)
    const keyboard = b.status === 'sending' ? this.o.progressKeyboard?.(view) : undefined
    const markup = keyboard ? { reply_markup: keyboard } : {}
    const shown = this.shown.get(b.id)!
    if (b.progressChatId === null) {
      if (!this.o.chatFree(sender)) return
      // sent once: a crash before its message_id is stored only costs the edits
      if (!(await this.o.store.claimProgress(b.id, sender, iso(this.o.now()), digest(text)))) return
      const sent = await this.o.post(sender, () =>
        this.o.api.sendMessage(sender, text, { parse_mode: 'HTML', ...markup }),
      )
      if (sent.ok) await this.o.store.setProgressMessage(b.id, sent.value.message_id, iso(this.o.now()))
      else if (sent.kind === 'flood') await this.o.store.releaseProgress(b.id) // surely not sent: next tick
      this.shown.set(b.id, { ...shown, at: this.o.now(), text })
      return
    }
    if (b.progressMessageId === null || text === shown.text) return
    const last = Math.max(shown.at, Date.parse(b.progressUpdatedAt ?? '') || 0)
    if (this.o.now() - last < this.o.progressEveryMs || !this.o.chatFree(b.progressChatId)) return
    // another worker may be editing it too: one of them per period, and never to the text it shows
    if (!(await this.takeSenderChat(b.id, this.o.progressEveryMs, text))) return
    const edited = await this.edit(b, b.progressChatId, b.progressMessageId, text, keyboard)
    await this.o.store.touchProgress(b.id, iso(this.o.now()), edited)
    if (!edited) return
    this.shown.set(b.id, { ...shown, at: this.o.now(), text })
  }

  /**
   * The sender's chat for one message, when nothing went there for `gapMs` (any worker); with
   * `shows`, the progress text about to be edited in, not when the message already shows it.
   */
  private takeSenderChat(broadcastId: number, gapMs: number, shows?: string): Promise<boolean> {
    const now = this.o.now()
    return this.o.store.claimSenderChat(
      broadcastId,
      iso(now - gapMs),
      iso(now + SENDER_BUSY_MS),
      shows === undefined ? undefined : digest(shows),
    )
  }

  /** The last edit of the progress message, then the report; false: not yet, try at a later tick. */
  async finalReport(b: Broadcast, counts: StateCounts): Promise<boolean> {
    const sender = b.createdBy!
    if (b.progressChatId !== null && b.progressMessageId !== null) {
      const text = this.o.render(await this.view(b, counts, 'final'))
      if (text !== this.shown.get(b.id)?.text) {
        if (!this.o.chatFree(b.progressChatId)) return false
        if (await this.takeSenderChat(b.id, this.o.perChatMs, text)) {
          const edited = await this.edit(b, b.progressChatId, b.progressMessageId, text)
          await this.o.store.touchProgress(b.id, iso(this.o.now()), edited)
          if (!edited) return false
        } else if (!(await this.o.store.shows(b.id, digest(text)))) return false
        this.shown.set(b.id, { ...this.shown.get(b.id)!, at: this.o.now(), text })
      }
    }
    if (!this.o.chatFree(sender)) return false
    if (!(await this.takeSenderChat(b.id, this.o.perChatMs))) return false
    // claimed before sending, so that it is sent at most once (released again if surely not sent)
    if (!(await this.o.store.claimReport(b.id, iso(this.o.now())))) {
      await this.o.store.touchProgress(b.id, iso(this.o.now()))
      return true
    }
    const review = await this.o.store.entries(b.id, ['unreachable', 'failed', 'unknown'], REVIEW_MAX)
    const text = this.o.render(await this.view(b, counts, 'report', review))
    const sent = await this.o.post(sender, () => this.o.api.sendMessage(sender, text, { parse_mode: 'HTML' }))
    await this.o.store.touchProgress(b.id, iso(this.o.now()))
    const tries = (this.reportTries.get(b.id) ?? 0) + 1
    this.reportTries.set(b.id, tries)
    if (!sent.ok && sent.again && tries < REPORT_TRIES) {
      // a 429, a network error or a stop: the next tick tries again (a network error may have
      // delivered it: the sender may then get the report twice, never a recipient their message)
      await this.o.store.releaseReport(b.id)
      return false
    }
    return true
  }

  /**
   * Edits a progress message; "message is not modified" is fine. False: try again later. Without
   * `keyboard` the message's buttons go (Telegram drops what an edit does not repeat).
   */
  private async edit(
    b: Broadcast,
    chatId: number,
    messageId: number,
    text: string,
    keyboard?: InlineKeyboardMarkup,
  ): Promise<boolean> {
    const edited = await this.o.post(chatId, () =>
      this.o.api.editMessageText(chatId, messageId, text, {
        parse_mode: 'HTML',
        ...(keyboard ? { reply_markup: keyboard } : {}),
      }),
    )
    if (edited.ok) return true
    if (edited.error instanceof GrammyError && edited.error.description.includes('message is not modified'))
      return true
    if (!edited.again)
      this.o.logger.warn('outbox: progress message not edited', {
        broadcast: b.id,
        error: String(edited.error),
      })
    return !edited.again
  }
}
