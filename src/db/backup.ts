/**
 * `npm run db:backup -- <file>`: an online copy of the SQLite store (SQLite's backup API: the bot
 * may keep running and writing; the copy is one consistent moment). The store is DATABASE_PATH.
 * PostgreSQL has its own tools: see the README (pg_dump).
 */
import { existsSync } from 'node:fs'
import SQLite from 'better-sqlite3'

export async function backupSqlite(from: string, to: string): Promise<number> {
  if (!existsSync(from)) throw new Error(`no SQLite store at ${from}`)
  if (existsSync(to)) throw new Error(`${to} exists already: choose a new file name`)
  const source = new SQLite(from, { readonly: true, fileMustExist: true })
  try {
    const { totalPages } = await source.backup(to)
    return totalPages
  } finally {
    source.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const to = process.argv[2]
  const from = process.env.DATABASE_PATH || './data/bdtx.sqlite'
  if (!to || process.env.DATABASE_URL) {
    console.error(
      process.env.DATABASE_URL
        ? 'db:backup copies the SQLite store; for PostgreSQL use pg_dump (see the README)'
        : 'usage: npm run db:backup -- <new file>',
    )
    process.exit(2)
  }
  backupSqlite(from, to).then(
    (pages) => console.log(`${from} -> ${to} (${pages} pages)`),
    (error: Error) => {
      console.error(error.message)
      process.exit(1)
    },
  )
}
