/**
 * A course opened to the people who fall short of a standard (issue 15 item 5: "by standard gap"):
 * the people invited by name, beside the roles a course is opened to.
 */
import type { Kysely } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('course_invitees')
    .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('course_invitees_pk', ['course_id', 'person_id'])
    .execute()
}
