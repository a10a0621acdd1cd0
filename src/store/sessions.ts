/**
 * Key-value state kept in the `sessions` table: grammY sessions and the conversations plugin's
 * replay state, so that a restart in the middle of a flow loses nothing.
 *
 * Reads are served from a write-through cache: this process is the only writer of its SQLite
 * file, so the cache is never stale, and an update whose state did not change costs no query.
 */
import type { Db } from '../db/connection.ts'

export interface KeyValueAdapter<T> {
  read(key: string): Promise<T | undefined>
  write(key: string, value: T): Promise<void>
  delete(key: string): Promise<void>
}

export class SessionStore {
  private readonly cache = new Map<string, string | null>()

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

  private remember(key: string, json: string | null): void {
    if (this.cache.size >= this.maxCached && !this.cache.has(key)) {
      // drop the oldest entry (Map keeps insertion order)
      const oldest = this.cache.keys().next().value
      if (oldest !== undefined) this.cache.delete(oldest)
    }
    this.cache.set(key, json)
  }

  private async readRaw(key: string): Promise<string | null> {
    const cached = this.cache.get(key)
    if (cached !== undefined) return cached
    const row = await this.db.selectFrom('sessions').select('value').where('key', '=', key).executeTakeFirst()
    const json = row?.value ?? null
    this.remember(key, json)
    return json
  }

  private async writeRaw(key: string, json: string): Promise<void> {
    if (this.cache.get(key) === json) return
    const now = new Date().toISOString()
    await this.db
      .insertInto('sessions')
      .values({ key, value: json, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
      .execute()
    this.remember(key, json)
  }

  private async deleteRaw(key: string): Promise<void> {
    if (this.cache.get(key) === null) return
    await this.db.deleteFrom('sessions').where('key', '=', key).execute()
    this.remember(key, null)
  }
}
