/**
 * Chooses the database every test helper opens: a private in-memory SQLite database by default,
 * or, when `TEST_DATABASE_URL` names a PostgreSQL server, a schema of its own on that server,
 * created here and dropped when the app closes. Every test that opens its store through the
 * helpers (test/services/support.ts, test/helpers/bot-harness.ts, test/jobs/support.ts) runs on
 * whichever database the run chose, without knowing which.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll } from 'vitest'
import { type App, openApp } from '../../src/app.ts'
import type { Db } from '../../src/db/connection.ts'
import type { Logger } from '../../src/logger.ts'
import type { RegulationProfile } from '../../src/rules/index.ts'

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined

/** true when this run's tests use PostgreSQL */
export const onPostgres = TEST_DATABASE_URL !== undefined

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** A fresh, empty database for one test: `:memory:` or a new PostgreSQL schema. */
export async function freshDatabase(): Promise<{ location: string; drop(): Promise<void> }> {
  if (!TEST_DATABASE_URL) return { location: ':memory:', drop: async () => {} }
  const schema = `t_${process.pid}_${randomBytes(6).toString('hex')}`
  await admin(TEST_DATABASE_URL, (c) => c.query(`create schema ${schema}`))
  const url = new URL(TEST_DATABASE_URL)
  url.searchParams.set('schema', schema)
  return {
    location: url.toString(),
    drop: () =>
      admin(TEST_DATABASE_URL, (c) => c.query(`drop schema if exists ${schema} cascade`)).then(() => {}),
  }
}

/**
 * openApp on a fresh test database; `databasePath` other than `:memory:` (a test's own SQLite
 * file, e.g. one shared with a child process) is kept as given.
 */
export async function openTestApp(options: {
  databasePath?: string
  logger?: Logger
  now?: () => Date
  profileFor?: (startYear: number) => RegulationProfile
}): Promise<App> {
  if (options.databasePath && options.databasePath !== ':memory:') {
    return openApp({ ...options, databasePath: options.databasePath })
  }
  const database = await freshDatabase()
  const app = await openApp({ ...options, databasePath: database.location })
  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= app.close().then(() => database.drop())
    open.delete(close)
    return closing
  }
  open.add(close)
  return { ...app, close }
}

// Many tests never close their app (an in-memory SQLite database simply goes away). On
// PostgreSQL each one holds a pool and a schema, so whatever a test file left open is closed and
// dropped when the file ends: this module is imported while the file is collected, so the hook
// belongs to that file.
const open = new Set<() => Promise<void>>()
afterAll(async () => {
  await Promise.all([...open].map((close) => close()))
})

/** A school and one reminder batch of it, straight into a store's tables (migration tests). */
export async function schoolWithBatch(db: Db, at: string) {
  const school = await db
    .insertInto('schools')
    .values({ name: 'THPT Nhãn', name_key: 'thpt nhan', created_by: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  const broadcast = await db
    .insertInto('broadcasts')
    .values({
      school_id: school.id,
      kind: 'reminder',
      created_by: null,
      content: '{"type":"text","html":"Nhắc việc"}',
      audience: '{}',
      status: 'sending',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { schoolId: school.id, broadcastId: broadcast.id }
}
