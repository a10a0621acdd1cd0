/**
 * The outbox worker's and the reminder scheduler's "what is due next" in constant time, however
 * large the tables grow (issue 14: a province's 100,000 reminders a day).
 *
 * Both ask for the pending rows due by now, earliest first and then by id, a few at a time. The
 * indexes on (state, time) gave the time order, not the id order within one instant; a reminder
 * pass writes 100,000 outbox rows due at the same instant, so PostgreSQL read and sorted all of
 * them to hand out 20. With the id in the index the scan stops after those 20. (SQLite keeps the
 * rowid in every index already; the same indexes are made there for one schema on both.)
 *
 * - `outbox_due_in_order` (state, next_attempt_at, id) replaces `outbox_due`;
 * - `outbox_broadcast_due_in_order` (broadcast_id, state, next_attempt_at, id) replaces
 *   `outbox_broadcast_due` (the worker takes broadcasts in turn; counts by state use it too);
 * - `reminders_due_in_order` (state, fire_at, id) replaces `reminders_due` (2,000 schools'
 *   reminders fall due at the same 08:00).
 *
 * Portable: kysely's schema builder only.
 */
import type { Kysely } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('outbox_due_in_order')
    .on('outbox')
    .columns(['state', 'next_attempt_at', 'id'])
    .execute()
  await db.schema.dropIndex('outbox_due').execute()
  await db.schema
    .createIndex('outbox_broadcast_due_in_order')
    .on('outbox')
    .columns(['broadcast_id', 'state', 'next_attempt_at', 'id'])
    .execute()
  await db.schema.dropIndex('outbox_broadcast_due').execute()
  await db.schema
    .createIndex('reminders_due_in_order')
    .on('reminders')
    .columns(['state', 'fire_at', 'id'])
    .execute()
  await db.schema.dropIndex('reminders_due').execute()
}
