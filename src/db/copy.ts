/**
 * `npm run db:copy -- --from ./data/bdtx.sqlite --to postgres://user@host:5432/bdtx`: moves a
 * deployment from one store to another (SQLite to PostgreSQL, or back; any two locations that
 * openDatabase takes). Stop the bot first: what it writes after the copy began is not copied.
 *
 * - The source must carry exactly this build's migrations (start this build on it once if not).
 * - The target must be empty: no tables, or only what this build's migrations create and seed (a
 *   copy that failed half-way leaves exactly that, so it can be run again). Anything more is
 *   refused, naming the tables that have rows: nothing is overwritten.
 * - The target is migrated, then every table is copied in one transaction, parents before children
 *   (the foreign keys' order), ids kept; PostgreSQL's identity sequences are moved past the highest
 *   id, so new rows do not collide; each table's row count is compared with the source's before
 *   the commit. On any difference or error nothing is committed.
 */
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely'
import { checkHealth } from '../health.ts'
import { type Db, isPostgresUrl, openDatabase } from './connection.ts'
import { migrateToLatest } from './migrate.ts'

// biome-ignore lint/suspicious/noExplicitAny: tables are read by name, whatever the migrations made them
type AnyDb = Kysely<any>

export interface TableCopy {
  table: string
  rows: number
}

export class CopyRefused extends Error {}

/** kysely's own bookkeeping: each store keeps its own */
const isOurs = (table: string) => !table.startsWith('kysely_') && !table.startsWith('sqlite_')

interface Layout {
  /** parents before children */
  tables: string[]
  /** each table's primary key columns (SQLite's rowid where there is none) */
  keys: Map<string, string[]>
  /** rows the migrations alone leave in each table (seeded catalogues) */
  seeded: Map<string, number>
}

/**
 * The schema as this build's migrations make it, read from a scratch in-memory SQLite store: the
 * tables, their keys, their foreign keys' order and the rows the migrations seed. The same
 * migrations make the same tables on PostgreSQL.
 */
async function layout(): Promise<Layout> {
  const scratch = openDatabase(':memory:')
  try {
    await migrateToLatest(scratch)
    const { rows: names } = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' order by name`.execute(scratch)
    const tables = names.map((r) => r.name).filter(isOurs)
    const keys = new Map<string, string[]>()
    const parents = new Map<string, Set<string>>()
    const seeded = new Map<string, number>()
    for (const table of tables) {
      const { rows: columns } = await sql<{ name: string; pk: number }>`
        select name, pk from pragma_table_info(${table})`.execute(scratch)
      const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
      keys.set(table, pk.length > 0 ? pk.map((c) => c.name) : ['rowid'])
      const { rows: fks } = await sql<{ table: string }>`
        select "table" from pragma_foreign_key_list(${table})`.execute(scratch)
      parents.set(table, new Set(fks.map((f) => f.table).filter((t) => t !== table)))
      seeded.set(table, await count(scratch, table))
    }
    const ordered: string[] = []
    const placing = new Set<string>()
    const place = (table: string) => {
      if (ordered.includes(table)) return
      if (placing.has(table)) throw new Error(`foreign keys form a cycle through ${table}`)
      placing.add(table)
      for (const parent of parents.get(table) ?? []) place(parent)
      ordered.push(table)
    }
    for (const table of tables) place(table)
    return { tables: ordered, keys, seeded }
  } finally {
    await scratch.destroy()
  }
}

async function count(db: AnyDb | Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)
  return Number(rows[0]!.n)
}

async function existingTables(db: Db): Promise<string[]> {
  const { rows } = onPostgres(db)
    ? await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
  return rows.map((r) => r.name).filter((name) => !name.startsWith('sqlite_'))
}

const onPostgres = (db: Db | AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter

/** Refuses a target with tables of another application or rows beyond what the migrations seed. */
async function checkEmpty(target: Db, plan: Layout, exact: boolean): Promise<void> {
  const existing = await existingTables(target)
  const foreign = existing.filter((t) => isOurs(t) && !plan.seeded.has(t))
  if (foreign.length > 0)
    throw new CopyRefused(`the target is not empty: it has other tables (${foreign.sort().join(', ')})`)
  const filled: string[] = []
  for (const table of plan.tables) {
    if (!existing.includes(table)) continue
    const rows = await count(target, table)
    const seeded = plan.seeded.get(table) ?? 0
    if (exact ? rows !== seeded : rows > seeded) filled.push(`${table}: ${rows}`)
  }
  if (filled.length > 0)
    throw new CopyRefused(
      `the target is not empty (${filled.join(', ')} rows): copy only into a new database or schema`,
    )
}

/** Rows in primary-key order, a page at a time (keyset: as fast at the end of a table as at its start). */
async function* pages(db: AnyDb, table: string, key: string[], size: number) {
  const rowid = key.length === 1 && key[0] === 'rowid'
  let after: unknown[] | null = null
  for (;;) {
    const order = sql.join(key.map((k) => sql.ref(k)))
    const where: ReturnType<typeof sql> =
      after === null ? sql`1 = 1` : sql`(${order}) > (${sql.join(after.map((v) => sql`${v}`))})`
    const { rows } = await sql<Record<string, unknown>>`
      select ${rowid ? sql`rowid as "rowid", ` : sql``}* from ${sql.table(table)}
      where ${where} order by ${order} limit ${size}`.execute(db)
    if (rows.length === 0) return
    after = key.map((k) => rows.at(-1)![k])
    if (rowid) for (const row of rows) delete row.rowid
    yield rows
    if (rows.length < size) return
  }
}

/** PostgreSQL: each identity column's next value past the highest id copied. */
async function resetIdentities(trx: Transaction<unknown>): Promise<void> {
  const { rows } = await sql<{ table: string; column: string }>`
    select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'`.execute(trx)
  for (const { table, column } of rows) {
    await sql`select setval(pg_get_serial_sequence(${sql.lit(`"${table}"`)}, ${column}),
      coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(trx)
  }
}

export async function copyDatabase(
  from: string,
  to: string,
  options: { onTable?: (copy: TableCopy) => void; pageSize?: number } = {},
): Promise<TableCopy[]> {
  if (from === to) throw new CopyRefused('--from and --to are the same store')
  if (!isPostgresUrl(from) && from !== ':memory:') {
    if (!existsSync(from)) throw new CopyRefused(`no SQLite store at ${from}`)
  }
  const plan = await layout()
  const source = openDatabase(from) as unknown as AnyDb
  const target = openDatabase(to)
  try {
    const health = await checkHealth(source as Db)
    if (health.database !== 'ok') throw new CopyRefused(`the source does not answer (${health.database})`)
    const { pending, unknown } = health.migrations
    if (pending.length > 0 || unknown.length > 0)
      throw new CopyRefused(
        unknown.length > 0
          ? `the source was made by a newer build (${unknown.join(', ')}): copy with that build`
          : `the source lacks this build's migrations (${pending.join(', ')}): start this build on it once, then copy`,
      )
    await checkEmpty(target, plan, false)
    await migrateToLatest(target)
    await checkEmpty(target, plan, true)

    // PostgreSQL takes at most 65,535 values in one statement, SQLite 32,766
    const copied: TableCopy[] = []
    const read = async (src: AnyDb) => {
      await target.transaction().execute(async (trx) => {
        const out = trx as unknown as AnyDb
        // the seeded catalogues give way to the source's own rows, ids and all
        for (const table of [...plan.tables].reverse())
          if ((plan.seeded.get(table) ?? 0) > 0) await out.deleteFrom(table).execute()
        for (const table of plan.tables) {
          let rows = 0
          for await (const page of pages(src, table, plan.keys.get(table)!, options.pageSize ?? 2_000)) {
            const width = Object.keys(page[0]!).length
            const chunk = Math.max(1, Math.floor(30_000 / width))
            for (let i = 0; i < page.length; i += chunk)
              await out
                .insertInto(table)
                .values(page.slice(i, i + chunk))
                .execute()
            rows += page.length
          }
          const expected = await count(src, table)
          const landed = await count(out, table)
          if (rows !== expected || landed !== expected)
            throw new Error(`${table}: ${expected} rows in the source, ${landed} in the target`)
          copied.push({ table, rows })
          options.onTable?.({ table, rows })
        }
        if (onPostgres(target)) await resetIdentities(trx as unknown as Transaction<unknown>)
      })
    }
    // the source read as one moment (a transaction); on PostgreSQL a repeatable-read snapshot
    const snapshot = onPostgres(source)
      ? source.transaction().setIsolationLevel('repeatable read')
      : source.transaction()
    await snapshot.execute((src) => read(src as unknown as AnyDb))
    return copied
  } finally {
    await Promise.allSettled([source.destroy(), target.destroy()])
  }
}

/** A location as it may be printed: a database URL's password is not. */
function shown(location: string): string {
  if (!isPostgresUrl(location)) return location
  const url = new URL(location)
  if (url.password) url.password = '***'
  return url.toString()
}

async function cli(): Promise<number> {
  let values: { from?: string; to?: string }
  try {
    ;({ values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } }))
  } catch (error) {
    console.error((error as Error).message)
    values = {}
  }
  if (!values.from || !values.to) {
    console.error('usage: npm run db:copy -- --from ./data/bdtx.sqlite --to postgres://user@host:5432/bdtx')
    return 2
  }
  console.log(`copying ${shown(values.from)} -> ${shown(values.to)}`)
  try {
    const copied = await copyDatabase(values.from, values.to, {
      onTable: ({ table, rows }) => console.log(`  ${table}: ${rows} rows, counts match`),
    })
    const total = copied.reduce((sum, t) => sum + t.rows, 0)
    console.log(`copied ${total} rows in ${copied.length} tables; every table's count matches the source`)
    return 0
  } catch (error) {
    console.error(
      error instanceof CopyRefused ? `refused: ${error.message}` : `failed: ${(error as Error).message}`,
    )
    return 1
  }
}

if (import.meta.url === `file://${process.argv[1]}`) cli().then((code) => process.exit(code))
