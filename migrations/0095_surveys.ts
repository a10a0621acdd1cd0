/**
 * Learning-needs survey (issue 15 item 4, seed 001 §1): before planning a school year, a school
 * collects what each teacher wants to learn.
 *
 * - `surveys`: one per school and school year (`year_name` like "2027-2028") with a `deadline`
 *   (YYYY-MM-DD, inclusive, Vietnam time).
 * - `survey_answers`: one row per person and survey, once they answered anything.
 * - `survey_items`: what they picked, one row each: `item` is 'm:<module id>' or 'o:<other code>'.
 *
 * Portable: kysely's schema builder only; instants are ISO-8601 UTC text.
 */
import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  const id = (c: ColumnDefinitionBuilder) =>
    sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'integer', id)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('year_name', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('surveys_school_year', ['school_id', 'year_name'])
    .execute()

  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'integer', id)
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_answers_once', ['survey_id', 'person_id'])
    .execute()

  await db.schema
    .createTable('survey_items')
    .addColumn('id', 'integer', id)
    .addColumn('answer_id', 'integer', (c) => c.notNull().references('survey_answers.id').onDelete('cascade'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_items_once', ['answer_id', 'item'])
    .execute()
}
