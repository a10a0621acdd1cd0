/**
 * One chat's updates in turn across every bot instance on one database (issue 14): an instance
 * registers each update it takes, waits while an earlier update of the same chat is still open
 * (in this instance or another), handles it, and marks it done. Mutually exclusive per chat, and
 * in update_id order among the updates registered while they wait.
 *
 *   const turns = new ChatTurnStore(db)
 *   if (!(await turns.enter(updateId, chatId))) return   // a second delivery: handled elsewhere
 *   while (await turns.blocked(updateId, chatId)) …       // wait, renewing the row's lease
 *   …                                                    // handle it
 *   await turns.finish(updateId)
 *
 * An open row is leased: its instance renews it (`renew`) while it waits or handles; a row whose
 * lease ran out (the instance died) blocks nothing, and a new delivery of its update takes it
 * over. Done rows stay an hour, so that Telegram's second delivery of a late-answered update is
 * recognised on any instance. Each step is one statement, safe on PostgreSQL under concurrency
 * and on SQLite. Times are ISO-8601 UTC text from the instances' clocks (keep them in NTP sync).
 */
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/connection.ts'

/** How long an open row lasts without being renewed: longer than any pause between renewals. */
export const TURN_LEASE_MS = 30_000
/** How long a done row is kept to recognise a second delivery of its update. */
export const TURN_KEEP_MS = 60 * 60 * 1000
/** Old rows are deleted at most this often by one instance. */
const PRUNE_EVERY_MS = 60_000

export class ChatTurnStore {
  /** this instance's name on its rows */
  readonly holder: string
  readonly leaseMs: number
  private readonly now: () => number
  private prunedAt = 0

  constructor(
    private readonly db: Db,
    options: { holder?: string; leaseMs?: number; now?: () => number } = {},
  ) {
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

  /** Extends the lease of our open row (while it waits or is handled). */
  async renew(updateId: number): Promise<void> {
    await this.db
      .updateTable('chat_turns')
      .set({ expires_at: this.at(this.leaseMs) })
      .where('update_id', '=', updateId)
      .where('holder', '=', this.holder)
      .where('done_at', 'is', null)
      .execute()
  }

  /** The update is handled: the chat's next one may go. Now and then, forgets old rows. */
  async finish(updateId: number): Promise<void> {
    const now = this.at()
    await this.db
      .updateTable('chat_turns')
      .set({ done_at: now, expires_at: now })
      .where('update_id', '=', updateId)
      .where('holder', '=', this.holder)
      .execute()
    if (this.now() - this.prunedAt < PRUNE_EVERY_MS) return
    this.prunedAt = this.now()
    await this.db.deleteFrom('chat_turns').where('expires_at', '<', this.at(-TURN_KEEP_MS)).execute()
  }
}
