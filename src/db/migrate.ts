/**
 * Applies the numbered migrations of `migrations/` in order, at start-up. Forward-only.
 */
import { Migrator } from 'kysely'
import { migrations } from '../../migrations/index.ts'
import type { Db } from './connection.ts'

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
