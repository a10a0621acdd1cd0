/**
 * A release whose migration is numbered below one the store already has (numbers are reserved in
 * ranges, so 0065 can ship after 0090): the bot still starts, and applies it.
 */
import { afterEach, expect, it } from 'vitest'
import { migrations } from '../../migrations/index.ts'
import { openDatabase } from '../../src/db/connection.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { checkHealth } from '../../src/health.ts'
import { freshDatabase } from '../helpers/database.ts'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

it('applies a migration numbered below the newest one the store already has', async () => {
  const database = await freshDatabase()
  cleanups.push(() => database.drop())
  const db = openDatabase(database.location)
  cleanups.push(() => db.destroy())
  const names = Object.keys(migrations).sort()
  const last = names.at(-1)!
  // the store as an earlier release left it: every migration but 0065, which came later
  const middle = '0065_instances'
  expect(middle < last).toBe(true)
  const earlier = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== middle))
  await migrateToLatest(db, earlier)
  expect((await checkHealth(db)).migrations.pending).toEqual([middle])

  expect(await migrateToLatest(db)).toEqual([middle])
  expect(await checkHealth(db)).toMatchObject({ status: 'ok', migrations: { pending: [], unknown: [] } })
})
