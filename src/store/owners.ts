/**
 * Owners of the deployment (they create schools and name their first admins) and the one-time
 * setup code that makes the first user an owner when none is configured.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

export type OwnerSource = 'config' | 'setup' | 'owner'

export interface SetupCode {
  code: string
  createdAt: string
  usedAt: string | null
  usedBy: number | null
}

export interface OwnerInfo {
  telegramId: number
  source: OwnerSource
  since: string
  /** as Telegram last showed the account; null if it never wrote to the bot */
  firstName: string | null
  username: string | null
}

export class OwnerStore {
  constructor(private readonly db: Kysely<Database>) {}

  async isOwner(telegramId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('owners')
      .select('telegram_id')
      .where('telegram_id', '=', telegramId)
      .executeTakeFirst()
    return row !== undefined
  }

  async list(): Promise<number[]> {
    const rows = await this.db.selectFrom('owners').select('telegram_id').orderBy('created_at').execute()
    return rows.map((r) => Number(r.telegram_id))
  }

  /** Adds an owner; false when they already were one. */
  async add(telegramId: number, source: OwnerSource, addedBy: number | null, now: string): Promise<boolean> {
    const result = await this.db
      .insertInto('owners')
      .values({ telegram_id: telegramId, source, added_by: addedBy, created_at: now })
      .onConflict((oc) => oc.column('telegram_id').doNothing())
      .executeTakeFirst()
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
  }

  /** Every owner with how Telegram last showed them (a name, an @username), oldest first. */
  async listDetailed(): Promise<OwnerInfo[]> {
    const rows = await this.db
      .selectFrom('owners')
      .leftJoin('telegram_users', 'telegram_users.telegram_id', 'owners.telegram_id')
      .select([
        'owners.telegram_id',
        'owners.source',
        'owners.created_at',
        'telegram_users.first_name',
        'telegram_users.username',
      ])
      .orderBy('owners.created_at')
      .orderBy('owners.telegram_id')
      .execute()
    return rows.map((r) => ({
      telegramId: Number(r.telegram_id),
      source: r.source as OwnerSource,
      since: r.created_at,
      firstName: r.first_name ?? null,
      username: r.username ?? null,
    }))
  }

  async source(telegramId: number): Promise<OwnerSource | undefined> {
    const row = await this.db
      .selectFrom('owners')
      .select('source')
      .where('telegram_id', '=', telegramId)
      .executeTakeFirst()
    return row?.source as OwnerSource | undefined
  }

  /**
   * Takes the owner's row for the rest of the transaction (a no-op write: a row lock on
   * PostgreSQL, the write lock on SQLite), so that two owners revoking each other at once cannot
   * both succeed. False when they are no owner (any more).
   */
  async lock(telegramId: number): Promise<boolean> {
    const result = await this.db
      .updateTable('owners')
      .set((eb) => ({ source: eb.ref('source') }))
      .where('telegram_id', '=', telegramId)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  async remove(telegramId: number): Promise<boolean> {
    const result = await this.db.deleteFrom('owners').where('telegram_id', '=', telegramId).executeTakeFirst()
    return Number(result.numDeletedRows) > 0
  }

  async unusedSetupCode(): Promise<SetupCode | undefined> {
    const row = await this.db
      .selectFrom('setup_codes')
      .selectAll()
      .where('used_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst()
    return row && toSetupCode(row)
  }

  async getSetupCode(code: string): Promise<SetupCode | undefined> {
    const row = await this.db
      .selectFrom('setup_codes')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst()
    return row && toSetupCode(row)
  }

  async createSetupCode(code: string, now: string): Promise<void> {
    await this.db
      .insertInto('setup_codes')
      .values({ code, created_at: now, used_at: null, used_by: null })
      .execute()
  }

  /** Marks a code used; false when it was used already (by a concurrent claim). */
  async useSetupCode(code: string, telegramId: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('setup_codes')
      .set({ used_at: now, used_by: telegramId })
      .where('code', '=', code)
      .where('used_at', 'is', null)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }
}

function toSetupCode(row: Database['setup_codes']): SetupCode {
  return {
    code: row.code,
    createdAt: row.created_at,
    usedAt: row.used_at,
    usedBy: row.used_by === null ? null : Number(row.used_by),
  }
}
