/**
 * Join requests (issue 10, item 7): someone who opens a department-wide invite and says they are a
 * person already on the staff list is not linked at once; the request waits until that
 * department's head or the school's admin approves it (or rejects it).
 *
 * - `telegram_name`: how Telegram showed the claimant ("Lan Nguyễn @lan_ng"), for the approver.
 * - `status`: 'pending' | 'approved' | 'rejected' | 'withdrawn' (a newer request by the same
 *   account) | 'lapsed' (the name or the account was linked otherwise meanwhile).
 *
 * Portable: kysely's schema builder only; ids are SQLite rowids or PostgreSQL identity columns;
 * instants are ISO-8601 UTC text.
 */
import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  const id = (c: ColumnDefinitionBuilder) =>
    sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()
  await db.schema
    .createTable('join_requests')
    .addColumn('id', 'integer', id)
    .addColumn('invite_id', 'integer', (c) => c.notNull().references('invites.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('telegram_id', 'bigint', (c) => c.notNull())
    .addColumn('telegram_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'bigint')
    .execute()
  await db.schema
    .createIndex('join_requests_by_account')
    .on('join_requests')
    .columns(['telegram_id', 'status'])
    .execute()
}
