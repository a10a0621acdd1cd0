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
