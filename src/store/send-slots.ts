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
      // what occupies the last second: answered within it, or in flight (and not stale)
      const busy = await db
        .selectFrom('send_slots')
        .select('ended_ms')
        .where((eb) =>
          eb.or([
            eb('ended_ms', '>', now - WINDOW_MS),
            eb.and([eb('ended_ms', 'is', null), eb('started_ms', '>', now - STALE_MS)]),
          ]),
        )
        .execute()
      const ends = busy.map((r) => (r.ended_ms === null ? Number.POSITIVE_INFINITY : Number(r.ended_ms)))
      const chatIds = [...new Set(requests.map((r) => r.chatId))]
      const recent = chatIds.length
        ? await db
            .selectFrom('send_slots')
            .select(['chat_id', 'started_ms', 'ended_ms'])
            .where('chat_id', 'in', chatIds)
            .where('started_ms', '>', now - MINUTE_MS)
            .execute()
        : []
      const chats = new Map<number, number[]>()
      const chatEnds = new Map<number, number>()
      for (const r of recent) {
        const chatId = Number(r.chat_id)
        const started = Number(r.started_ms)
        const end =
          r.ended_ms === null
            ? started > now - STALE_MS
              ? Number.POSITIVE_INFINITY
              : started
            : Number(r.ended_ms)
        chats.set(chatId, [...(chats.get(chatId) ?? []), started])
        chatEnds.set(chatId, Math.max(chatEnds.get(chatId) ?? Number.NEGATIVE_INFINITY, end))
      }

      const granted: Grants['granted'] = []
      let retryAt = Number.POSITIVE_INFINITY
      ends.sort((a, b) => a - b)
      for (const [index, request] of requests.entries()) {
        const globalAt = ends.length < request.limit ? now : ends[ends.length - request.limit]! + WINDOW_MS
        const chatAt = this.chatAt(request.chatId, now, limits, chats.get(request.chatId), chatEnds)
        const at = Math.max(globalAt, chatAt)
        if (at > now) {
          retryAt = Math.min(retryAt, at)
          continue
        }
        const row = await db
          .insertInto('send_slots')
          .values({ chat_id: request.chatId, started_ms: now, ended_ms: null })
          .returning('id')
          .executeTakeFirstOrThrow()
        granted.push({ index, slot: row.id })
        ends.push(Number.POSITIVE_INFINITY)
        chats.set(request.chatId, [...(chats.get(request.chatId) ?? []), now])
        chatEnds.set(request.chatId, Number.POSITIVE_INFINITY)
      }
      return { granted, retryAt }
    })
  }

  /** The message of `slot` was answered at `now`: it occupies the budget a second from now. */
  async release(slot: number, now: number): Promise<void> {
    await this.db.updateTable('send_slots').set({ ended_ms: now }).where('id', '=', slot).execute()
  }

  private chatAt(
    chatId: number,
    now: number,
    limits: SlotLimits,
    starts: number[] | undefined,
    ends: Map<number, number>,
  ): number {
    if (chatId < 0) {
      const sends = (starts ?? []).sort((a, b) => a - b)
      return sends.length < limits.perGroupMinute
        ? now
        : sends[sends.length - limits.perGroupMinute]! + MINUTE_MS
    }
    const last = ends.get(chatId)
    return last === undefined ? now : Math.max(now, last + limits.perChatMs)
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
