/**
 * The token's sending budget in the database, for several processes on one store: each message a
 * process may send is a row (`send_slots`) from the moment it was allowed until Telegram answered
 * it. Deciding who may go is one exclusive transaction — on PostgreSQL under a transaction-scoped
 * advisory lock (one per schema), on SQLite `BEGIN IMMEDIATE` (one writer per file) — so two
 * processes never both take the last place of a second.
 *
 *   const slots = new SendSlotStore(db)
 *   const { granted, retryAt } = await slots.grant(requests, Date.now(), limits)
 *   await slots.release(granted[0]!.slot, Date.now())   // answered
 *
 * Counting is the one of MemorySendBudget: a message occupies the budget from its start until a
 * second after its answer (in flight: until answered, or `STALE_MS` after its start for a process
 * that died meanwhile); one chat gets a message `perChatMs` after the previous one's answer, a
 * group at most `perGroupMinute` in any minute. Times are ms on the processes' clocks (NTP).
 */
import { PostgresAdapter, sql } from 'kysely'
import type { Db } from '../db/connection.ts'

/** A message in flight this long is taken for one of a process that died before its answer. */
export const STALE_MS = 30_000
const WINDOW_MS = 1000
const MINUTE_MS = 60_000
/** Rows older than this are no use to any rule: deleted now and then. */
const KEEP_MS = MINUTE_MS + STALE_MS
const PRUNE_EVERY_MS = 10_000

export interface SlotRequest {
  chatId: number
  /** of all messages in the last second, this one may go only while fewer than `limit` occupy it */
  limit: number
}

export interface SlotLimits {
  perChatMs: number
  perGroupMinute: number
}

export interface Grants {
  /** the requests allowed now (by index), each with its slot to release once answered */
  granted: Array<{ index: number; slot: number }>
  /** when the first request left waiting may go, as far as is known now (Infinity: one in flight) */
  retryAt: number
}

export class SendSlotStore {
  private readonly postgres: boolean
  private prunedAt = Number.NEGATIVE_INFINITY

  constructor(private readonly db: Db) {
    this.postgres = db.getExecutor().adapter instanceof PostgresAdapter
  }

  /**
   * Allows, in order, every request that may go now, and counts them; requests to one chat go one
   * after the other (the first waits for its answer before the next may).
   */
  async grant(requests: readonly SlotRequest[], now: number, limits: SlotLimits): Promise<Grants> {
    return this.exclusive(async (db) => {
      if (now - this.prunedAt >= PRUNE_EVERY_MS) {
        this.prunedAt = now
        await db
          .deleteFrom('send_slots')
          .where('started_ms', '<', now - KEEP_MS)
          .execute()
      }
      // in one look: what occupies the last second (answered within it, or in flight and not
      // stale), and the last minute of the chats asked for
      const asked = new Set(requests.map((r) => r.chatId))
      const chatIds = [...asked]
      const rows = await db
        .selectFrom('send_slots')
        .select(['chat_id', 'started_ms', 'ended_ms'])
        .where((eb) =>
          eb.or([
            eb('ended_ms', '>', now - WINDOW_MS),
            eb.and([eb('ended_ms', 'is', null), eb('started_ms', '>', now - STALE_MS)]),
            ...(chatIds.length
              ? [eb.and([eb('chat_id', 'in', chatIds), eb('started_ms', '>', now - MINUTE_MS)])]
              : []),
          ]),
        )
        .execute()
      const ends: number[] = []
      const chats = new Map<number, { starts: number[]; end: number }>()
      for (const r of rows) {
        const started = Number(r.started_ms)
        const inFlight = r.ended_ms === null && started > now - STALE_MS
        const end = inFlight ? Number.POSITIVE_INFINITY : Number(r.ended_ms ?? started)
        if (end > now - WINDOW_MS) ends.push(end)
        const chatId = Number(r.chat_id)
        if (started <= now - MINUTE_MS || !asked.has(chatId)) continue
        const chat = chats.get(chatId) ?? { starts: [], end: Number.NEGATIVE_INFINITY }
        chat.starts.push(started)
        chat.end = Math.max(chat.end, end)
        chats.set(chatId, chat)
      }

      const granted: number[] = []
      let retryAt = Number.POSITIVE_INFINITY
      ends.sort((a, b) => a - b)
      for (const [index, request] of requests.entries()) {
        const globalAt = ends.length < request.limit ? now : ends[ends.length - request.limit]! + WINDOW_MS
        const at = Math.max(globalAt, chatAt(request.chatId, now, limits, chats.get(request.chatId)))
        if (at > now) {
          retryAt = Math.min(retryAt, at)
          continue
        }
        granted.push(index)
        ends.push(Number.POSITIVE_INFINITY)
        const chat = chats.get(request.chatId) ?? { starts: [], end: Number.NEGATIVE_INFINITY }
        chat.starts.push(now)
        chat.end = Number.POSITIVE_INFINITY
        chats.set(request.chatId, chat)
      }
      if (granted.length === 0) return { granted: [], retryAt }
      const slots = await db
        .insertInto('send_slots')
        .values(
          granted.map((index) => ({ chat_id: requests[index]!.chatId, started_ms: now, ended_ms: null })),
        )
        .returning('id')
        .execute()
      return { granted: granted.map((index, k) => ({ index, slot: slots[k]!.id })), retryAt }
    })
  }

  /** The message of `slot` was answered at `now`: it occupies the budget a second from now. */
  async release(slot: number, now: number): Promise<void> {
    await this.db.updateTable('send_slots').set({ ended_ms: now }).where('id', '=', slot).execute()
  }

  /** Runs `work` while no other process decides: one transaction at a time per store. */
  private async exclusive<T>(work: (db: Db) => Promise<T>): Promise<T> {
    if (this.postgres)
      return this.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext('send_slots:' || current_schema()))`.execute(trx)
        return work(trx)
      })
    return this.db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn)
      try {
        const result = await work(conn)
        await sql`commit`.execute(conn)
        return result
      } catch (error) {
        await sql`rollback`.execute(conn)
        throw error
      }
    })
  }
}

/** When a message to this chat may go, given its messages of the last minute. */
function chatAt(
  chatId: number,
  now: number,
  limits: SlotLimits,
  chat: { starts: number[]; end: number } | undefined,
): number {
  if (!chat) return now
  if (chatId < 0) {
    const sends = [...chat.starts].sort((a, b) => a - b)
    return sends.length < limits.perGroupMinute
      ? now
      : sends[sends.length - limits.perGroupMinute]! + MINUTE_MS
  }
  return Math.max(now, chat.end + limits.perChatMs)
}
