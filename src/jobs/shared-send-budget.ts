/**
 * The token's sending budget shared through the database by every process on one store (several
 * bot instances and outbox workers): in no sliding second do all of them together send more than
 * `perSecond`, and no chat gets messages closer than its limit, whichever process sends them.
 *
 *   const budget = new SharedSendBudget(db, { perSecond: 30 })
 *   const release = await budget.take(chatId, 'reply')   // resolves when this message may go
 *
 * Replies to people come first: in this process they are asked for before the outbox's messages,
 * and across processes the outbox may fill only `perSecond - reserve` of a second (the reserve:
 * a sixth, 5 of 30), so a reply in another process always finds room within a second's turn.
 *
 * The waiting messages of this process are asked for together, in one transaction
 * (src/store/send-slots.ts); those that may not go yet are asked for again when the first of them
 * may, or when a message of this process is answered, or `POLL_MS` later while the second is full
 * of messages in flight elsewhere (their answers are not known here before they are recorded).
 */
import type { Db } from '../db/connection.ts'
import { type Logger, silentLogger } from '../logger.ts'
import { SendSlotStore } from '../store/send-slots.ts'
import {
  type BudgetOptions,
  MemorySendBudget,
  type Priority,
  type SendBudget,
  TELEGRAM_RATE,
} from './send-budget.ts'

/** Ask again this often while the answers that would free a place are not known yet. */
const POLL_MS = 25
/** Waiting messages asked for in one transaction. */
const BATCH = 64
/** After a failed transaction (the store busy or gone), try again this much later. */
const RETRY_MS = 200

interface Waiter {
  chatId: number
  priority: Priority
  resolve: (release: () => void) => void
}

export class SharedSendBudget implements SendBudget {
  private readonly slots: SendSlotStore
  private readonly perSecond: number
  private readonly outboxLimit: number
  private readonly limits: { perChatMs: number; perGroupMinute: number }
  private readonly now: () => number
  private readonly logger: Logger
  private readonly queues: Record<Priority, Waiter[]> = { reply: [], outbox: [] }
  private pumping = false
  private again = false
  private timer: NodeJS.Timeout | undefined

  constructor(db: Db, options: BudgetOptions & { logger?: Logger } = {}) {
    this.slots = new SendSlotStore(db)
    this.perSecond = Math.max(1, options.perSecond ?? TELEGRAM_RATE)
    this.outboxLimit = Math.max(1, this.perSecond - Math.ceil(this.perSecond / 6))
    this.limits = { perChatMs: options.perChatMs ?? 1000, perGroupMinute: options.perGroupMinute ?? 20 }
    this.now = options.now ?? Date.now
    this.logger = options.logger ?? silentLogger
  }

  take(chatId: number, priority: Priority): Promise<() => void> {
    return new Promise((resolve) => {
      this.queues[priority].push({ chatId, priority, resolve })
      void this.pump()
    })
  }

  /** Messages waiting for a turn (tests, bench). */
  get waiting(): number {
    return this.queues.reply.length + this.queues.outbox.length
  }

  /** Asks for the waiting messages, replies first, until none may go now; then waits to ask again. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true
      return
    }
    this.pumping = true
    clearTimeout(this.timer)
    this.timer = undefined
    let retryIn = 0
    try {
      for (;;) {
        this.again = false
        const batch = [...this.queues.reply, ...this.queues.outbox].slice(0, BATCH)
        if (batch.length === 0) return
        const now = this.now()
        const grants = await this.slots.grant(
          batch.map((w) => ({
            chatId: w.chatId,
            limit: w.priority === 'reply' ? this.perSecond : this.outboxLimit,
          })),
          now,
          this.limits,
        )
        for (const { index, slot } of grants.granted) {
          const waiter = batch[index]!
          const queue = this.queues[waiter.priority]
          queue.splice(queue.indexOf(waiter), 1)
          waiter.resolve(this.releaser(slot))
        }
        // asked for meanwhile, answered meanwhile, or more than one batch: at once
        if (this.again || grants.granted.length === batch.length) continue
        const at = grants.retryAt === Number.POSITIVE_INFINITY ? now + POLL_MS : grants.retryAt
        retryIn = Math.min(1000, Math.max(1, at - now))
        return
      }
    } catch (error) {
      this.logger.warn('send budget: the store did not answer', { error })
      retryIn = RETRY_MS
    } finally {
      this.pumping = false
      if (this.waiting > 0) this.timer = setTimeout(() => void this.pump(), Math.max(1, retryIn))
    }
  }

  private releaser(slot: number): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      this.slots
        .release(slot, this.now())
        .catch((error: unknown) => this.logger.warn('send budget: an answer not recorded', { error }))
        .finally(() => {
          if (this.waiting > 0) void this.pump()
        })
    }
  }
}

/**
 * The budget for this process: shared through the store when several processes use it (`shared`:
 * the default on PostgreSQL, SEND_BUDGET=shared for several processes on one SQLite file), else
 * kept in memory (one process: no database round trip per message).
 */
export function createSendBudget(
  db: Db,
  options: BudgetOptions & { shared: boolean; logger?: Logger },
): SendBudget {
  const { shared, ...rest } = options
  return shared ? new SharedSendBudget(db, rest) : new MemorySendBudget(rest)
}
