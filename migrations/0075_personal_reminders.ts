/**
 * Reminders on each person's terms (issue 13): the hour of the day they arrive and how early.
 *
 * - `notification_settings.reminder_hour`: the Vietnam hour (0–23) a person's reminders arrive;
 *   null: the deadline's own time (08:00 unless the admin chose another).
 * - `reminder_deliveries`: which reminder of a deadline (its days before) each account was given,
 *   or found with nothing left to do, by the school's schedule or by their own. One row per
 *   (deadline, account, days before): a person is never reminded twice of the same thing, even
 *   when they change their settings between two reminders.
 *
 * Portable: kysely's schema builder only; instants are ISO-8601 UTC text.
 */
import type { Kysely } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('notification_settings').addColumn('reminder_hour', 'integer').execute()
  await db.schema
    .createTable('reminder_deliveries')
    .addColumn('deadline_id', 'integer', (c) => c.notNull().references('deadlines.id').onDelete('cascade'))
    .addColumn('telegram_id', 'bigint', (c) => c.notNull())
    .addColumn('offset_days', 'integer', (c) => c.notNull())
    // the due date it spoke of: a deadline moved to another day is reminded of again
    .addColumn('due_date', 'text', (c) => c.notNull())
    // 'sent' | 'not-open' (their task was done when the reminder's time came)
    .addColumn('state', 'text', (c) => c.notNull())
    // the outbox batch it went in; null when not sent
    .addColumn('broadcast_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_deliveries_pk', [
      'deadline_id',
      'due_date',
      'telegram_id',
      'offset_days',
    ])
    .execute()
  await db.schema
    .createIndex('reminder_deliveries_broadcast')
    .on('reminder_deliveries')
    .columns(['broadcast_id', 'telegram_id'])
    .execute()
}
