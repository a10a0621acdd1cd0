/**
 * The numbered migrations, in order. Each file exports `up` and works on SQLite and PostgreSQL
 * alike (text timestamps in ISO-8601 UTC, integers, text JSON).
 */
import type { Migration } from 'kysely'
import * as m0001 from './0001_foundation.ts'
import * as m0002 from './0002_schools_people_plans.ts'

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_schools_people_plans': m0002,
}
