/**
 * The numbered migrations, in order. Each file exports `up` and works on SQLite and PostgreSQL
 * alike (text timestamps in ISO-8601 UTC, integers, text JSON).
 */
import type { Migration } from 'kysely'
import * as m0001 from './0001_foundation.ts'

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
}
