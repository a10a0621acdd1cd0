/**
 * Each person's staff record (issue 15): the qualifications the seeds' standards ask about.
 *
 * - `staff_records`: at most one row per person; no row means nothing is known yet. Enumerations
 *   are the rule engine's codes ('thac-si', 'trung-cap', 'management', 'ke-toan', …); flags are
 *   0 | 1. `post` is the person's post where their role does not say it: 'principal' |
 *   'vice-principal' for a manager, a staff post ('van-thu', 'ke-toan', …) for school staff.
 * - `staff_certificates`: foreign-language certificates, one row each. `score` is the result as
 *   the CEFR engine reads it back ('6.5', '850 170 160'), so the level shown is always the
 *   engine's, never a stored copy.
 *
 * Portable: kysely's schema builder only; dates are YYYY-MM-DD text, instants ISO-8601 UTC text.
 */
import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  const id = (c: ColumnDefinitionBuilder) =>
    sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()
  await db.schema
    .createTable('staff_records')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('qualification', 'text')
    .addColumn('qualification_subject', 'text')
    .addColumn('political_theory', 'text')
    .addColumn('state_management', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('education_management', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ttcm_training', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('it_level', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('pipeline', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('post', 'text')
    .addColumn('updated_by', 'bigint')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('staff_certificates')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('exam', 'text', (c) => c.notNull())
    .addColumn('score', 'text', (c) => c.notNull())
    .addColumn('taken_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('staff_certificates_person')
    .on('staff_certificates')
    .column('person_id')
    .execute()
}
