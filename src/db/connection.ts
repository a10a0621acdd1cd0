/**
 * Opens the store: one SQLite file (WAL, foreign keys on) by default. `:memory:` gives a private
 * in-memory database for tests and benchmarks.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely'
import type { Database } from './schema.ts'

export type Db = Kysely<Database>

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
