/**
 * Applies the numbered migrations of `migrations/` in order, at start-up. Forward-only.
 *
 * Numbers are reserved in ranges for work done side by side, so a release can bring a migration
 * numbered below one a store already has (0065 after 0090): such a one is applied too, rather
 * than refused as out of order.
 */
import {
  type DatabaseIntrospector,
  type Migration,
  Migrator,
  PostgresAdapter,
  sql,
  type TableMetadata,
} from 'kysely'
import { migrations } from '../../migrations/index.ts'
import type { Db } from './connection.ts'

export async function migrateToLatest(
  db: Db,
  available: Record<string, Migration> = migrations,
): Promise<string[]> {
  const schema = db.getExecutor().adapter instanceof PostgresAdapter ? await currentSchema(db) : undefined
  const migrator = new Migrator({
    // kysely looks for its bookkeeping tables in every schema it can see; on a server shared by
    // several schemas (the tests give each test its own) it must look in ours only, and without
    // reading the others' catalogue (one dropped meanwhile made its look-up fail)
    db: schema ? withOwnIntrospection(db, schema) : db,
    provider: { getMigrations: async () => available },
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return rows[0]!.schema
}

/** The tables of one PostgreSQL schema, by name only (what the migrator asks). */
export async function tablesOf(db: Db, schema: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = ${schema} and table_type = 'BASE TABLE'`.execute(db)
  return rows.map((r) => r.name)
}

/**
 * The store as the migrator sees it: kysely's PostgreSQL introspection reads every schema's
 * columns (and each one's sequence by name), which fails when another schema is dropped at that
 * moment; the migrator only needs to know whether our schema and its own tables exist.
 */
function withOwnIntrospection(db: Db, schema: string): Db {
  const introspection: DatabaseIntrospector = {
    getSchemas: async () => {
      const { rows } = await sql<{ name: string }>`
        select schema_name as name from information_schema.schemata where schema_name = ${schema}`.execute(db)
      return rows
    },
    getTables: async () =>
      (await tablesOf(db, schema)).map(
        (name): TableMetadata => ({ name, schema, isView: false, columns: [] }),
      ),
    getMetadata: async () => ({ tables: await introspection.getTables() }),
  }
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
