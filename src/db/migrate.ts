/**
 * Applies the numbered migrations of `migrations/` in order, at start-up. Forward-only.
 *
 * Numbers are reserved in ranges for work done side by side, so a release can bring a migration
 * numbered below one a store already has (0065 after 0090): such a one is applied too, rather
 * than refused as out of order.
 */
import { type Migration, Migrator, PostgresAdapter, sql } from 'kysely'
import { migrations } from '../../migrations/index.ts'
import type { Db } from './connection.ts'

export async function migrateToLatest(
  db: Db,
  available: Record<string, Migration> = migrations,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => available },
    allowUnorderedMigrations: true,
    // kysely looks for its bookkeeping tables in every schema it can see; on a server shared by
    // several schemas (the tests give each test its own) it must look in ours only
    ...(db.getExecutor().adapter instanceof PostgresAdapter
      ? { migrationTableSchema: await currentSchema(db) }
      : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return rows[0]!.schema
}
