/**
 * Named leases in the database, for work that several instances share: one instance holds a name
 * until `expires_at` and renews it while it lives; once it has expired (the holder died) another
 * takes it over. Each step is one statement, safe on PostgreSQL under concurrency (the UPDATE's
 * condition is checked again on the locked row) and on SQLite (one writer at a time).
 *
 *   const leases = new LeaseStore(db)
 *   if (await leases.hold('reminder-scheduler', me, now, until)) … // the pass is ours
 *   await leases.release('reminder-scheduler', me)
 *
 * Times are ISO-8601 UTC text from the instances' clocks: keep them in sync (NTP).
 */
import type { Db } from '../db/connection.ts'

export class LeaseStore {
  constructor(private readonly db: Db) {}

  /** Takes `name` (free or expired) or renews it (ours) until `until`; true when we hold it. */
  async hold(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const inserted = await this.db
      .insertInto('job_leases')
      .values({ name, holder, expires_at: until })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true
    const result = await this.db
      .updateTable('job_leases')
      .set({ holder, expires_at: until })
      .where('name', '=', name)
      .where((eb) => eb.or([eb('holder', '=', holder), eb('expires_at', '<=', now)]))
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  /** Gives `name` up at once (a graceful stop), if we hold it. */
  async release(name: string, holder: string): Promise<void> {
    await this.db.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).execute()
  }

  /** Forgets the leases whose names start with `prefix` that expired before `before` (nobody took them over). */
  async forget(prefix: string, before: string): Promise<void> {
    await this.db
      .deleteFrom('job_leases')
      .where('name', 'like', `${prefix}%`)
      .where('expires_at', '<', before)
      .execute()
  }

  /** Holders of unexpired leases whose names start with `prefix`. */
  async live(prefix: string, now: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('job_leases')
      .select('holder')
      .where('name', 'like', `${prefix}%`)
      .where('expires_at', '>', now)
      .execute()
    return rows.map((r) => r.holder)
  }
}
