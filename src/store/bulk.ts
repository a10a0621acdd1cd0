/**
 * Long lists in pieces, and many rows at once. SQLite takes at most 32,766 parameters in one
 * statement, PostgreSQL 65,535: `in (…)` lists and multi-row inserts go in chunks.
 *
 *   for (const part of chunk(ids, ID_CHUNK)) await db.selectFrom('people')….where('id', 'in', part)
 *   await insertMany(db, 'outbox', ['broadcast_id', 'chat_id'], rows, { perStatement: 2_000 })
 */
import { CompiledQuery, type Kysely, PostgresAdapter } from 'kysely'
import type { Database } from '../db/schema.ts'

/** Ids per `in (…)` list. */
export const ID_CHUNK = 10_000

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** The SQL of full-size multi-row inserts, by dialect and shape: kysely compiles each once. */
const shapes = new Map<string, string>()

/**
 * Rows (each its values in the order of `columns`) into `table`, on SQLite `perStatement` rows a
 * statement (PostgreSQL: see insertManyAsJson); `ignoreConflictOn`: a row that would break that
 * unique key is left out. How many were written.
 *
 * On SQLite the rows only fill the parameters of a statement kysely compiled once for that many
 * rows: for 100,000 rows, building kysely's nodes for every value costs more than the writing.
 */
export async function insertMany<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  columns: ReadonlyArray<keyof Database[T] & string>,
  rows: ReadonlyArray<readonly unknown[]>,
  options: { perStatement: number; ignoreConflictOn?: ReadonlyArray<keyof Database[T] & string> },
): Promise<number> {
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    return insertManyAsJson(db, table, columns, rows, options)
  let written = 0
  for (const part of chunk(rows, options.perStatement)) {
    const result = await db.executeQuery(
      CompiledQuery.raw(shapeOf(db, table, columns, part.length, options), part.flat()),
    )
    written += Number(result.numAffectedRows ?? 0)
  }
  return written
}

function shapeOf<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  columns: ReadonlyArray<keyof Database[T] & string>,
  count: number,
  options: { perStatement: number; ignoreConflictOn?: ReadonlyArray<keyof Database[T] & string> },
): string {
  const key = [
    db.getExecutor().adapter.constructor.name,
    table,
    columns,
    options.ignoreConflictOn,
    count,
  ].join('|')
  const known = shapes.get(key)
  if (known) return known
  const row = Object.fromEntries(columns.map((c) => [c, null]))
  // biome-ignore lint/suspicious/noExplicitAny: a shape for any table; the values are placeholders
  let query = (db as Kysely<any>)
    .insertInto(table)
    .columns([...columns])
    .values(Array.from({ length: count }, () => row))
  const conflict = options.ignoreConflictOn
  if (conflict) query = query.onConflict((oc) => oc.columns([...conflict]).doNothing())
  const { sql } = query.compile()
  // only full chunks are kept: the last one's size varies from call to call
  if (count === options.perStatement) shapes.set(key, sql)
  return sql
}

/** Rows a statement as JSON: no placeholders to count, a few megabytes of text at most. */
const JSON_ROWS = 10_000

/**
 * PostgreSQL: each part as one JSON text, taken apart by the server into rows of the table's own
 * type (`json_populate_recordset`). Thousands of placeholders a statement cost the bot's one thread
 * more than the server's writing (their SQL text, and a length and a string for each value); one
 * JSON string is a few native calls.
 */
async function insertManyAsJson<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  columns: ReadonlyArray<keyof Database[T] & string>,
  rows: ReadonlyArray<readonly unknown[]>,
  options: { ignoreConflictOn?: ReadonlyArray<keyof Database[T] & string> },
): Promise<number> {
  const id = (name: string) => `"${name.replaceAll('"', '""')}"`
  const list = columns.map(id).join(', ')
  const conflict = options.ignoreConflictOn
    ? ` on conflict (${options.ignoreConflictOn.map(id).join(', ')}) do nothing`
    : ''
  const text = `insert into ${id(table)} (${list}) select ${list} from json_populate_recordset(null::${id(table)}, $1::json)${conflict}`
  const keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c)}:`)
  let written = 0
  for (const part of chunk(rows, JSON_ROWS)) {
    let json = '['
    for (const [r, row] of part.entries()) {
      if (r > 0) json += ','
      for (let i = 0; i < keys.length; i++) json += keys[i] + (JSON.stringify(row[i]) ?? 'null')
      json += '}'
    }
    const result = await db.executeQuery(CompiledQuery.raw(text, [`${json}]`]))
    written += Number(result.numAffectedRows ?? 0)
  }
  return written
}
