/**
 * The school's reminder batches (issue 14): which reminder of a deadline (its days before, the due
 * date it spoke of) each outbox batch of the daily pass carries. Every recipient of such a batch was
 * given that reminder: its outbox rows are the deliveries, so the pass no longer copies them into
 * `reminder_deliveries` one row per person (100,000 rows a pass in a province, a quarter of its
 * time on PostgreSQL). `reminder_deliveries` keeps what people's own schedules give or find done,
 * and the school's deliveries written before this migration; readers take both
 * (src/store/reminder-deliveries.ts).
 *
 * Portable: kysely's schema builder only.
 */
import type { Kysely } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('reminder_batches')
    .addColumn('broadcast_id', 'integer', (c) =>
      c.primaryKey().references('broadcasts.id').onDelete('cascade'),
    )
    .addColumn('deadline_id', 'integer', (c) => c.notNull().references('deadlines.id').onDelete('cascade'))
    .addColumn('offset_days', 'integer', (c) => c.notNull())
    // YYYY-MM-DD: the due date it spoke of (a deadline moved to another day is reminded of again)
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('reminder_batches_deadline')
    .on('reminder_batches')
    .columns(['deadline_id', 'due_date', 'offset_days'])
    .execute()
}
