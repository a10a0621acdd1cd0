/**
 * The audit trail: who did what to whose data, one row per change, written in the same
 * transaction as the change itself.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

export class AuditStore {
  constructor(private readonly db: Kysely<Database>) {}

  async record(
    telegramId: number | null,
    action: string,
    detail: Record<string, unknown>,
    now: string,
  ): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({ at: now, telegram_id: telegramId, action, detail: JSON.stringify(detail) })
      .execute()
  }

  async list(options: { action?: string; limit?: number } = {}) {
    let query = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc')
    if (options.action) query = query.where('action', '=', options.action)
    const rows = await query.limit(options.limit ?? 100).execute()
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      telegramId: r.telegram_id === null ? null : Number(r.telegram_id),
      action: r.action,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }))
  }
}
