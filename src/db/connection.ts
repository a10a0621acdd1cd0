/**
 * Opens the store: one SQLite file (WAL, foreign keys on) by default, or a PostgreSQL database
 * when the location is a `postgres://` URL. `:memory:` gives a private in-memory database for
 * tests and benchmarks.
 */
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely'
import type pg from 'pg'
import type { Database } from './schema.ts'

export type Db = Kysely<Database>

/** `postgres://…` or `postgresql://…` opens PostgreSQL; anything else is a SQLite file path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}

export function openDatabase(location: string): Db {
  return isPostgresUrl(location) ? openPostgres(location) : openSqlite(location)
}

/**
 * The `pg` driver, loaded when a PostgreSQL database is opened: a SQLite deployment never holds it
 * (~15 MB; issue 14, `start.rss_mb`).
 *
 * The code reads ids, counts and sums as JavaScript numbers, as better-sqlite3 returns them.
 * PostgreSQL sends bigint (Telegram ids, count(*), sum()) and numeric (avg()) as text; every
 * value the store keeps is far below 2^53 (Telegram ids are at most 52 bits), so reading them
 * as numbers is exact. One parser for the whole process: the types are the same everywhere.
 */
let driver: typeof pg | undefined
function loadPg(): typeof pg {
  if (driver) return driver
  driver = createRequire(import.meta.url)('pg') as typeof pg
  driver.types.setTypeParser(driver.types.builtins.INT8, (text) => Number(text))
  driver.types.setTypeParser(driver.types.builtins.NUMERIC, (text) => Number(text))
  return driver
}

/**
 * A pool on a PostgreSQL database. `?schema=name` (not a libpq parameter: removed before
 * connecting) puts every table in that schema, which the tests use to give each test its own.
 * Sessions run in UTC so that any server-side time matches the ISO-8601 UTC text the store keeps.
 */
export function openPostgres(url: string, poolSize = 10): Db {
  const parsed = new URL(url)
  const schema = parsed.searchParams.get('schema')
  parsed.searchParams.delete('schema')
  const options = ['-c TimeZone=UTC', schema ? `-c search_path=${schema}` : ''].filter(Boolean).join(' ')
  const pool = new (loadPg().Pool)({ connectionString: parsed.toString(), max: poolSize, options })
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

export function openSqlite(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
}

/**
 * kysely prepares every query anew, and parsing the SQL is most of what a small query costs. The
 * same few texts (with `?` for the values) come back on every update, so each is prepared once and
 * kept (kysely runs one query at a time on the connection; a statement left busy by an unfinished
 * stream is replaced, not reused).
 */
function withStatementCache(sqlite: SQLite.Database, max = 1_000): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = prepared.get(sql)
      if (statement && !statement.busy) return statement
      statement = sqlite.prepare(sql)
      // forget the oldest once full: texts with a list of values (`in (?, ?, ?)`) vary in length
      if (prepared.size >= max) prepared.delete(prepared.keys().next().value!)
      prepared.set(sql, statement)
      return statement
    },
  }
}
