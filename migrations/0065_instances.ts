/**
 * Several bot instances on one database (issue 14).
 *
 * - `job_leases`: a named lease (`reminder-scheduler`, `outbox-worker:<id>`) held by one instance
 *   until `expires_at` and renewed while it lives; taken over by another once it has expired.
 * - `outbox.claimed_by`: the worker that claimed a row, so that a starting or surviving worker
 *   marks `unknown` only the claims of workers whose lease has run out, never a live one's.
 *
 * Portable: kysely's schema builder only; instants are ISO-8601 UTC text.
 */
import type { Kysely } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.alterTable('outbox').addColumn('claimed_by', 'text').execute()
}
