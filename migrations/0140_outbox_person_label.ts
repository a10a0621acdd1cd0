/**
 * `outbox.person_id` becomes a plain label (issue 14): whom a message was for, shown by name in a
 * broadcast's report, no longer a foreign key to `people`.
 *
 * A foreign key makes PostgreSQL lock the person's row (FOR KEY SHARE) for every message written:
 * the daily reminder pass of a province wrote a row lock into 100,000 people rows, about a sixth of
 * its time, and the first lock on each page after a checkpoint copied the whole page into the WAL.
 * What the key gave is not used: people are never deleted (they are marked left), and the report
 * joins the name with a left join, so a label without a person shows the chat as before. The index
 * served only the key's ON DELETE and goes with it.
 *
 * PostgreSQL drops the constraint. SQLite cannot drop a column's constraint: the table is made
 * again from its own definition less the clause, its rows copied with their ids, and its indexes
 * made again (SQLite's documented way, https://www.sqlite.org/lang_altertable.html#otheralter).
 * No table refers to `outbox`.
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

const PERSON_KEY = ' references "people" ("id") on delete set null'

export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('outbox_person').execute()
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    const keys = await sql<{ name: string }>`
      select conname as name from pg_constraint
      where conrelid = 'outbox'::regclass and confrelid = 'people'::regclass and contype = 'f'`.execute(db)
    for (const { name } of keys.rows)
      await sql`alter table outbox drop constraint ${sql.id(name)}`.execute(db)
    return
  }
  const table = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'table' and name = 'outbox'`.execute(db)
  const definition = table.rows[0]?.sql ?? ''
  if (!definition.includes(PERSON_KEY)) throw new Error(`outbox: no person key in ${definition}`)
  const next = definition
    .replace(PERSON_KEY, '')
    .replace(/^CREATE TABLE "outbox"/, 'CREATE TABLE "outbox_next"')
  const indexes = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'index' and tbl_name = 'outbox' and sql is not null`.execute(
    db,
  )
  const sequence = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'outbox'`.execute(
    db,
  )
  await sql.raw(next).execute(db)
  await sql`insert into outbox_next select * from outbox`.execute(db)
  await sql`drop table outbox`.execute(db)
  await sql`alter table outbox_next rename to outbox`.execute(db)
  const seq = sequence.rows[0]?.seq
  if (seq !== undefined)
    await sql`update sqlite_sequence set seq = max(seq, ${seq}) where name = 'outbox'`.execute(db)
  for (const { sql: create } of indexes.rows) await sql.raw(create).execute(db)
}
