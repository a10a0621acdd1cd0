/**
 * Training courses and their sign-ups (issue 15, seed 000 §III.5).
 *
 * - `courses`: a planned course of a school (`school_id`) or of the owner's whole deployment
 *   (`school_id` null: a Sở's or a Phòng's course) — name, classes, seats, fee per person in whole
 *   đồng; `opened_at` once people were invited to sign up, `audience` the roles invited.
 * - `course_signups`: one row per person and course, `state` 'seat' or 'waiting' (the waiting
 *   list is ordered by `id`).
 *
 * Portable: kysely's schema builder only; instants are ISO-8601 UTC text; money is bigint đồng.
 */
import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  const id = (c: ColumnDefinitionBuilder) =>
    sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()

  await db.schema
    .createTable('courses')
    .addColumn('id', 'integer', id)
    .addColumn('school_id', 'integer', (c) => c.references('schools.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('classes', 'integer', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('fee_per_person', 'bigint', (c) => c.notNull())
    // comma-separated roles invited to sign up; null until opened
    .addColumn('audience', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('created_by', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('courses_school').on('courses').column('school_id').execute()

  await db.schema
    .createTable('course_signups')
    .addColumn('id', 'integer', id)
    .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // 'seat' | 'waiting'
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('course_signups_once', ['course_id', 'person_id'])
    .execute()
}
