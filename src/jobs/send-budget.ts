/**
 * One sending budget per bot token. Telegram counts every message of a token together (about 30 a
 * second overall, one a second to one chat, 20 a minute to one group), so the bot's replies and
 * the outbox worker take their turns from this one budget: replies to people first, the outbox
 * what is left. In no sliding second does the total exceed `perSecond`, and no chat gets more than
 * its limit.
 *
 *   const budget = new MemorySendBudget({ perSecond: 30 })
 *   await budget.take(chatId, 'reply')     // resolves when this message may go
 *
 * This one lives in one process (the default on the SQLite file); several processes on one store
 * share SharedSendBudget (src/jobs/shared-send-budget.ts) behind the same one call.
 */
import type { Transformer } from 'grammy'

export type Priority = 'reply' | 'outbox'

/** Telegram's overall limit for one token, messages a second (its FAQ: "about 30"). */
export const TELEGRAM_RATE = 30

export interface SendBudget {
  /**
   * Waits until a message to `chatId` may go now, with this priority, and counts it. Call the
   * returned function once Telegram answered: the message occupies the budget's second from then,
   * so that latency cannot push two seconds' worth of messages into one.
   */
  take(chatId: number, priority: Priority): Promise<() => void>
}

export interface BudgetOptions {
  /** messages a second, all chats together. Default 30. */
  perSecond?: number
  /** at least this many ms between two messages to one private chat. Default 1000. */
  perChatMs?: number
  /** messages a minute to one group (negative chat id). Default 20. */
  perGroupMinute?: number
  now?: () => number
}

interface Waiter {
  chatId: number
  resolve: (release: () => void) => void
}

/** A message counted in the budget: in flight (end = Infinity) or answered at `end`. */
interface Slot {
  end: number
}

const WINDOW_MS = 1000
const MINUTE_MS = 60_000

export class MemorySendBudget implements SendBudget {
  private readonly perSecond: number
  private readonly perChatMs: number
  private readonly perGroupMinute: number
  private readonly now: () => number
  /** messages in flight or answered within the last second */
  private slots: Slot[] = []
  private readonly lastToChat = new Map<number, number>()
  private readonly groupSends = new Map<number, number[]>()
  private readonly queues: Record<Priority, Waiter[]> = { reply: [], outbox: [] }
  private timer: NodeJS.Timeout | undefined

  constructor(options: BudgetOptions = {}) {
    this.perSecond = Math.max(1, options.perSecond ?? TELEGRAM_RATE)
    this.perChatMs = options.perChatMs ?? 1000
    this.perGroupMinute = options.perGroupMinute ?? 20
    this.now = options.now ?? Date.now
  }

  take(chatId: number, priority: Priority): Promise<() => void> {
    return new Promise((resolve) => {
      this.queues[priority].push({ chatId, resolve })
      this.pump()
    })
  }

  /** Messages waiting for a turn (tests, bench). */
  get waiting(): number {
    return this.queues.reply.length + this.queues.outbox.length
  }

  /** Grants every waiter that may go now, replies first; then sleeps until the next may. */
  private pump(): void {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    const now = this.now()
    this.slots = this.slots.filter((slot) => slot.end > now - WINDOW_MS)
    let next = Number.POSITIVE_INFINITY
    for (const priority of ['reply', 'outbox'] as const) {
      const queue = this.queues[priority]
      for (let i = 0; i < queue.length; ) {
        const waiter = queue[i]!
        const at = Math.max(this.globalAt(now), this.chatAt(waiter.chatId, now))
        if (at > now) {
          next = Math.min(next, at)
          i++
          continue
        }
        queue.splice(i, 1)
        waiter.resolve(this.grant(waiter.chatId, now))
      }
    }
    if (next !== Number.POSITIVE_INFINITY) this.timer = setTimeout(() => this.pump(), Math.max(1, next - now))
  }

  /** Now when fewer than perSecond messages occupy the last second; else when the first leaves it. */
  private globalAt(now: number): number {
    if (this.slots.length < this.perSecond) return now
    const ends = this.slots.map((slot) => slot.end).sort((a, b) => a - b)
    // infinite while too many are in flight: a release pumps again
    return ends[this.slots.length - this.perSecond]! + WINDOW_MS
  }

  private chatAt(chatId: number, now: number): number {
    if (chatId < 0) {
      const sends = (this.groupSends.get(chatId) ?? []).filter((t) => t > now - MINUTE_MS)
      this.groupSends.set(chatId, sends)
      return sends.length < this.perGroupMinute ? now : sends[sends.length - this.perGroupMinute]! + MINUTE_MS
    }
    const last = this.lastToChat.get(chatId)
    return last === undefined ? now : Math.max(now, last + this.perChatMs)
  }

  private grant(chatId: number, now: number): () => void {
    const slot: Slot = { end: Number.POSITIVE_INFINITY }
    this.slots.push(slot)
    if (chatId < 0) this.groupSends.get(chatId)!.push(now)
    else {
      this.lastToChat.set(chatId, now)
      // forget chats that are free again, so the map stays small
      if (this.lastToChat.size > 10_000)
        for (const [id, at] of this.lastToChat) if (at <= now - this.perChatMs) this.lastToChat.delete(id)
    }
    let released = false
    return () => {
      if (released) return
      released = true
      slot.end = this.now()
      this.pump()
    }
  }
}

/** Methods that deliver or change a message: what Telegram's flood limits count. */
const COUNTED = /^(send(?!ChatAction)|edit|copyMessage|forwardMessage)/

/**
 * The bot's replies through the budget, first in line: an API transformer (it replaces grammY's
 * throttler; auto-retry still goes after it for the rare 429).
 */
export function budgetTransformer(budget: SendBudget, priority: Priority = 'reply'): Transformer {
  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: unknown }).chat_id
    if (!COUNTED.test(method) || typeof chatId !== 'number') return prev(method, payload, signal)
    const release = await budget.take(chatId, priority)
    try {
      return await prev(method, payload, signal)
    } finally {
      release()
    }
  }
}
