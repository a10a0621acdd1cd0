/**
 * Key-value state kept in the `sessions` table: grammY sessions and the conversations plugin's
 * replay state, so that a restart in the middle of a flow loses nothing.
 *
 * Reads are served from a write-through cache: this process is the only writer of its SQLite
 * file, so the cache is never stale, and an update whose state did not change costs no query. On
 * PostgreSQL several instances may share the table, so the app opens it with `maxCached: 0` (no
 * cache: every read goes to the database).
 */
import type { Db } from '../db/connection.ts'

export interface KeyValueAdapter<T> {
  read(key: string): Promise<T | undefined>
  write(key: string, value: T): Promise<void>
  delete(key: string): Promise<void>
}

/** A stored value as written (JSON) and when, without parsing it. */
export interface StoredText {
  json: string
  updatedAt: number
}

interface Cached {
  json: string | null
  /** ms since the epoch of the last write (0 when nothing is stored) */
  at: number
}

export class SessionStore {
  private readonly cache = new Map<string, Cached>()

  constructor(
    private readonly db: Db,
    private readonly maxCached = 50_000,
  ) {}

  /** An adapter whose keys are prefixed, e.g. `session:` and `conversation:`. */
  adapter<T>(prefix: string): KeyValueAdapter<T> {
    return {
      read: async (key) => {
        const json = await this.readRaw(prefix + key)
        return json === null ? undefined : (JSON.parse(json) as T)
      },
      write: (key, value) => this.writeRaw(prefix + key, JSON.stringify(value)),
      delete: (key) => this.deleteRaw(prefix + key),
    }
  }

  /** A stored value's JSON and when it was written (a flow's state: to cap and expire it). */
  async peek(key: string): Promise<StoredText | undefined> {
    const entry = await this.entry(key)
    return entry.json === null ? undefined : { json: entry.json, updatedAt: entry.at }
  }

  private remember(key: string, entry: Cached): void {
    if (this.maxCached <= 0) return
    if (this.cache.size >= this.maxCached && !this.cache.has(key)) {
      // drop the oldest entry (Map keeps insertion order)
      const oldest = this.cache.keys().next().value
      if (oldest !== undefined) this.cache.delete(oldest)
    }
    this.cache.set(key, entry)
  }

  private async entry(key: string): Promise<Cached> {
    const cached = this.cache.get(key)
    if (cached !== undefined) return cached
    const row = await this.db
      .selectFrom('sessions')
      .select(['value', 'updated_at'])
      .where('key', '=', key)
      .executeTakeFirst()
    const entry = row ? { json: row.value, at: Date.parse(row.updated_at) } : { json: null, at: 0 }
    this.remember(key, entry)
    return entry
  }

  private async readRaw(key: string): Promise<string | null> {
    return (await this.entry(key)).json
  }

  private async writeRaw(key: string, json: string): Promise<void> {
    if (this.cache.get(key)?.json === json) return
    const now = new Date()
    await this.db
      .insertInto('sessions')
      .values({ key, value: json, updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now.toISOString() }))
      .execute()
    this.remember(key, { json, at: now.getTime() })
  }

  private async deleteRaw(key: string): Promise<void> {
    if (this.cache.get(key)?.json === null) return
    await this.db.deleteFrom('sessions').where('key', '=', key).execute()
    this.remember(key, { json: null, at: 0 })
  }
}
