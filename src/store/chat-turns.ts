/**
 * One chat's updates in turn across every bot instance on one database (issue 14): an instance
 * registers each update it takes, waits while an earlier update of the same chat is still open
 * (in this instance or another), takes the chat's lease, handles the update, and marks it done.
 * Mutually exclusive per chat (the lease), and in update_id order among the updates registered
 * while they wait (the rows).
 *
 *   const turns = new ChatTurnStore(db)
 *   if (!(await turns.enter(updateId, chatId))) return    // a second delivery: handled elsewhere
 *   while ((await turns.blocked(updateId, chatId)) || !(await turns.start(updateId, chatId))) …
 *   …                                                     // handle it; `renew` while it lasts
 *   await turns.finish(updateId, chatId)
 *
 * The earlier open rows give the order; the lease (`chat-turn:<chat>` in job_leases) keeps out an
 * update that reached the store only after a later one of its chat had started. An open row and
 * the lease are renewed by their instance while the update waits or runs (`renew`); once they
 * have run out (the instance died) they block nothing, and a new delivery of the update takes its
 * row over. Done rows stay an hour, so that Telegram's second delivery of a late-answered update
 * is recognised on any instance. Each statement is safe on PostgreSQL under concurrency (an
 * UPDATE checks its condition again on the locked row) and on SQLite (one writer at a time).
 * Times are ISO-8601 UTC text from the instances' clocks (keep them in NTP sync).
 */
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/connection.ts'
import { LeaseStore } from './leases.ts'

/** How long an open row lasts without being renewed: longer than any pause between renewals. */
export const TURN_LEASE_MS = 30_000
/** How long a done row is kept to recognise a second delivery of its update. */
export const TURN_KEEP_MS = 60 * 60 * 1000
/** Old rows are deleted at most this often by one instance. */
const PRUNE_EVERY_MS = 60_000
/** The prefix of a chat's lease in job_leases, held by the update of the chat being handled. */
const CHAT_LEASE = 'chat-turn:'

export class ChatTurnStore {
  /** this instance's name on its rows */
  readonly holder: string
  readonly leaseMs: number
  private readonly now: () => number
  private prunedAt = 0
  private readonly leases: LeaseStore

  constructor(
    private readonly db: Db,
    options: { holder?: string; leaseMs?: number; now?: () => number } = {},
  ) {
    this.leases = new LeaseStore(db)
    this.holder = options.holder ?? `${process.pid}-${randomBytes(4).toString('hex')}`
    this.leaseMs = options.leaseMs ?? TURN_LEASE_MS
    this.now = options.now ?? Date.now
  }

  private at(offsetMs = 0): string {
    return new Date(this.now() + offsetMs).toISOString()
  }

  /**
   * Registers the update as ours; false when it is already registered and either done or held by
   * a live instance (a second delivery: drop it). A row left open by an instance that died is
   * taken over, so an update whose instance died before answering is handled again.
   */
  async enter(updateId: number, chatId: number): Promise<boolean> {
    const until = this.at(this.leaseMs)
    const inserted = await this.db
      .insertInto('chat_turns')
      .values({ update_id: updateId, chat_id: chatId, holder: this.holder, expires_at: until })
      .onConflict((oc) => oc.column('update_id').doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true
    const taken = await this.db
      .updateTable('chat_turns')
      .set({ holder: this.holder, expires_at: until })
      .where('update_id', '=', updateId)
      .where('done_at', 'is', null)
      .where('expires_at', '<=', this.at())
      .executeTakeFirst()
    return Number(taken.numUpdatedRows) > 0
  }

  /** true while an earlier update of the chat is open and its instance alive */
  async blocked(updateId: number, chatId: number): Promise<boolean> {
    const earlier = await this.db
      .selectFrom('chat_turns')
      .select('update_id')
      .where('chat_id', '=', chatId)
      .where('update_id', '<', updateId)
      .where('done_at', 'is', null)
      .where('expires_at', '>', this.at())
      .limit(1)
      .executeTakeFirst()
    return earlier !== undefined
  }

  /**
   * Takes the chat's lease for this update, once it is no longer `blocked`; false while another
   * update of the chat (one that started before this one was registered) is being handled.
   */
  start(updateId: number, chatId: number): Promise<boolean> {
    return this.leases.hold(CHAT_LEASE + chatId, this.leaseHolder(updateId), this.at(), this.at(this.leaseMs))
  }

  /** Extends our open row's lease (while it waits or is handled) and the chat's, once `started`. */
  async renew(updateId: number, chatId: number, started: boolean): Promise<void> {
    await this.db
      .updateTable('chat_turns')
      .set({ expires_at: this.at(this.leaseMs) })
      .where('update_id', '=', updateId)
      .where('holder', '=', this.holder)
      .where('done_at', 'is', null)
      .execute()
    if (started) await this.start(updateId, chatId)
  }

  /** The update is handled: the chat's next one may go. Now and then, forgets old rows. */
  async finish(updateId: number, chatId: number): Promise<void> {
    const now = this.at()
    await this.db
      .updateTable('chat_turns')
      .set({ done_at: now, expires_at: now })
      .where('update_id', '=', updateId)
      .where('holder', '=', this.holder)
      .execute()
    await this.leases.release(CHAT_LEASE + chatId, this.leaseHolder(updateId))
    if (this.now() - this.prunedAt < PRUNE_EVERY_MS) return
    this.prunedAt = this.now()
    const before = this.at(-TURN_KEEP_MS)
    await this.db.deleteFrom('chat_turns').where('expires_at', '<', before).execute()
    await this.leases.forget(CHAT_LEASE, before)
  }

  private leaseHolder(updateId: number): string {
    return `${this.holder}:${updateId}`
  }
}
