/**
 * One chat's updates in turn across several instances (issue 14): each update a bot instance
 * takes is registered here, waits until no earlier update of its chat is still open, and is
 * marked done once handled (src/store/chat-turns.ts).
 *
 * - `update_id` is the key: a second delivery of the same update (Telegram resends an update
 *   whose answer was late, maybe to another instance) finds its row and is dropped.
 * - `expires_at`: while open, the row's lease, renewed by the instance that holds it; a row whose
 *   lease ran out (its instance died) blocks nothing. Once done, when it was done; rows are
 *   forgotten an hour after that.
 *
 * Portable: kysely's schema builder only; instants are ISO-8601 UTC text.
 */
import type { Kysely } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('chat_turns')
    .addColumn('update_id', 'bigint', (c) => c.primaryKey())
    .addColumn('chat_id', 'bigint', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute()
  // the earlier open updates of a chat
  await db.schema.createIndex('chat_turns_chat').on('chat_turns').columns(['chat_id', 'update_id']).execute()
  // forgetting old rows
  await db.schema.createIndex('chat_turns_expiry').on('chat_turns').column('expires_at').execute()
}
