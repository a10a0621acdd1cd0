/**
 * Notification settings and reachability (issue 13).
 *
 * - `notification_settings`: one row per Telegram account that changed something in /settings;
 *   no row means the school's defaults (reminders on 7 and 1 days before, result notices on,
 *   quiet hours 21:00–07:00 Vietnam time).
 * - `telegram_users.blocked_at`: set when the person blocks the bot (my_chat_member), cleared when
 *   they unblock it or send /start again.
 * - `outbox.not_before`: set when a row was held for its recipient's quiet hours, so that the
 *   sender's progress can count it "waiting for morning" instead of merely waiting.
 *
 * Portable: kysely's schema builder only; instants are ISO-8601 UTC text; hours are integers.
 */
import type { Kysely } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('notification_settings')
    .addColumn('telegram_id', 'bigint', (c) => c.primaryKey())
    // 0 | 1
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(1))
    // days before a deadline, comma-separated: '7,1' | '1'
    .addColumn('reminder_days', 'text', (c) => c.notNull().defaultTo('7,1'))
    // 0 | 1: a new score, a plan approved or returned
    .addColumn('results', 'integer', (c) => c.notNull().defaultTo(1))
    // Vietnam hours, 0–23; from == to: no quiet hours
    .addColumn('quiet_from', 'integer', (c) => c.notNull().defaultTo(21))
    .addColumn('quiet_to', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.alterTable('telegram_users').addColumn('blocked_at', 'text').execute()
  await db.schema.alterTable('outbox').addColumn('not_before', 'text').execute()
}
