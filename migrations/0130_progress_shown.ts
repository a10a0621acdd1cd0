/**
 * What a broadcast's progress message shows now (issue 14): a digest of its text, kept with the
 * broadcast so that several outbox workers editing the sender's one progress message never send
 * it the text it already shows (Telegram answers "message is not modified" and the call is spent).
 * Null: unknown (not sent yet, or the last edit failed), any text may be sent.
 */
import type { Kysely } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('broadcasts').addColumn('progress_shown', 'text').execute()
}
