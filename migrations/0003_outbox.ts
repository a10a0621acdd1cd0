/**
 * Broadcasts and the outbox: a broadcast (an admin's message to a school, a role, departments or a
 * list of people; or the system's reminders) and one outbox row per recipient with its delivery
 * state, so that a worker can send at Telegram's pace and resume after a crash where it stopped.
 *
 * An outbox row goes pending -> claimed (just before the API call) -> sent | unreachable | failed,
 * or back to pending (429, network error) with a later next_attempt_at; cancelled when its
 * broadcast is cancelled before it was claimed; unknown when a worker died between claiming it and
 * recording the answer (the only window in which the bot cannot know whether it was delivered).
 *
 * Portable: kysely's schema builder only; instants are ISO-8601 UTC text (they sort as text).
 */
import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter, sql } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

const KINDS = ['broadcast', 'reminder']
const STATUSES = ['draft', 'sending', 'cancelled', 'done']
const STATES = ['pending', 'claimed', 'sent', 'failed', 'unreachable', 'cancelled', 'unknown']

const inList = (column: string, values: string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  const id = (c: ColumnDefinitionBuilder) =>
    sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()

  await db.schema
    .createTable('broadcasts')
    .addColumn('id', 'integer', id)
    // null: an owner's broadcast across schools
    .addColumn('school_id', 'integer', (c) => c.references('schools.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // the sender's Telegram id; null for the system (reminders)
    .addColumn('created_by', 'bigint')
    // JSON: { type: 'text', html } | { type: 'document', file_id, caption_html }
    .addColumn('content', 'text', (c) => c.notNull())
    // JSON: who it is for, as the sender chose it
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // outbox rows enqueued at confirmation
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    // the sender's live progress message
    .addColumn('progress_chat_id', 'bigint')
    .addColumn('progress_message_id', 'integer')
    .addColumn('progress_updated_at', 'text')
    // set just before the final report is sent (it is sent at most once)
    .addColumn('reported_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('broadcasts_kind', inList('kind', KINDS))
    .addCheckConstraint('broadcasts_status', inList('status', STATUSES))
    .execute()
  await db.schema.createIndex('broadcasts_status').on('broadcasts').columns(['status', 'id']).execute()

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', id)
    .addColumn('broadcast_id', 'integer', (c) => c.notNull().references('broadcasts.id').onDelete('cascade'))
    .addColumn('chat_id', 'bigint', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    // JSON like broadcasts.content, for a recipient who gets their own text (a reminder in their
    // language); null: the broadcast's content
    .addColumn('content', 'text')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    // API calls answered for this row (a 429 does not count)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('claim_token', 'text')
    .addColumn('sent_at', 'text')
    // Telegram's message_id of the delivered message
    .addColumn('message_id', 'integer')
    .addColumn('last_error', 'text')
    .addUniqueConstraint('outbox_broadcast_chat', ['broadcast_id', 'chat_id'])
    .addCheckConstraint('outbox_state', inList('state', STATES))
    .execute()
  await db.schema.createIndex('outbox_due').on('outbox').columns(['state', 'next_attempt_at']).execute()
  // a broadcast's counts by state, and its next rows due (the worker takes broadcasts in turn)
  await db.schema
    .createIndex('outbox_broadcast_due')
    .on('outbox')
    .columns(['broadcast_id', 'state', 'next_attempt_at'])
    .execute()
  await db.schema.createIndex('outbox_person').on('outbox').column('person_id').execute()
}
