/**
 * The token's sending budget shared by several processes (issue 14): one row per message a
 * process was allowed to send, from its start until Telegram answered it (`ended_ms`, null while in
 * flight). The last second's rows are the budget in use; a chat's last rows keep its spacing. Rows
 * older than a few minutes are deleted as the budget goes. See src/store/send-slots.ts.
 *
 * Times are milliseconds since the epoch (bigint) on the processes' clocks, compared in arithmetic.
 */
import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  const id = (c: ColumnDefinitionBuilder) =>
    sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()
  await db.schema
    .createTable('send_slots')
    .addColumn('id', 'integer', id)
    .addColumn('chat_id', 'bigint', (c) => c.notNull())
    .addColumn('started_ms', 'bigint', (c) => c.notNull())
    .addColumn('ended_ms', 'bigint')
    .execute()
  await db.schema.createIndex('send_slots_ended').on('send_slots').column('ended_ms').execute()
  await db.schema.createIndex('send_slots_chat').on('send_slots').columns(['chat_id', 'started_ms']).execute()
  await db.schema.createIndex('send_slots_started').on('send_slots').column('started_ms').execute()
}
