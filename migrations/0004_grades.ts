/**
 * Scores and their history (issue 5): one row per person, school year and component (ND1, ND2,
 * or an ND3 module of the plan), every change as a score_event with who, when, the old and the
 * new value, and the grade batch it came with, so a batch can be shown, audited and undone.
 * The year's `results_locked` flag (0002) freezes them.
 *
 * Portable: kysely's schema builder only; values are whole hundredths (8.5 → 850) in integers;
 * instants are ISO-8601 UTC text.
 */
import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter, sql } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

/** A component key: 'nd1', 'nd2', or 'module:<modules.id>' (with module_id set to that id). */
const COMPONENT_CHECK = sql`(component in ('nd1', 'nd2') and module_id is null) or (module_id is not null and component = 'module:' || module_id)`

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  const id = (c: ColumnDefinitionBuilder) =>
    sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()

  await db.schema
    .createTable('grade_batches')
    .addColumn('id', 'integer', id)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) =>
      c.notNull().references('school_years.id').onDelete('cascade'),
    )
    // the department the batch was entered for; null for a school-wide batch (an admin's)
    .addColumn('department_id', 'integer', (c) => c.references('departments.id').onDelete('set null'))
    // who was judged: 'teacher' (TT 26/2012 classes), 'manager' (TT 27/2015 pass/fail) or 'mixed'
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'message' | 'file'
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('author_telegram_id', 'bigint', (c) => c.notNull())
    .addColumn('author_person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('change_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'bigint')
    .addCheckConstraint('grade_batches_kind', sql`kind in ('teacher', 'manager', 'mixed')`)
    .addCheckConstraint('grade_batches_source', sql`source in ('message', 'file')`)
    .execute()
  await db.schema
    .createIndex('grade_batches_year')
    .on('grade_batches')
    .columns(['school_year_id', 'id'])
    .execute()

  await db.schema
    .createTable('scores')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) =>
      c.notNull().references('school_years.id').onDelete('cascade'),
    )
    .addColumn('component', 'text', (c) => c.notNull())
    .addColumn('module_id', 'integer', (c) => c.references('modules.id'))
    // hundredths, 0–1000
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'bigint', (c) => c.notNull())
    // the batch of the latest change: the one that set the value, or the one whose undo restored it
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('grade_batches.id'))
    .addPrimaryKeyConstraint('scores_pk', ['person_id', 'school_year_id', 'component'])
    .addCheckConstraint('scores_value', sql`value between 0 and 1000`)
    .addCheckConstraint('scores_component', COMPONENT_CHECK)
    .execute()
  await db.schema
    .createIndex('scores_year_person')
    .on('scores')
    .columns(['school_year_id', 'person_id'])
    .execute()

  await db.schema
    .createTable('score_events')
    .addColumn('id', 'integer', id)
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('grade_batches.id').onDelete('cascade'))
    // 'set' (the batch entered it) | 'undo' (the batch was undone and the old value restored)
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) =>
      c.notNull().references('school_years.id').onDelete('cascade'),
    )
    .addColumn('component', 'text', (c) => c.notNull())
    .addColumn('module_id', 'integer', (c) => c.references('modules.id'))
    // null: no score (before the first one, or after undoing it)
    .addColumn('old_value', 'integer')
    .addColumn('new_value', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_telegram_id', 'bigint', (c) => c.notNull())
    .addColumn('actor_person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addCheckConstraint('score_events_action', sql`action in ('set', 'undo')`)
    .addCheckConstraint(
      'score_events_values',
      sql`(old_value is null or old_value between 0 and 1000) and (new_value is null or new_value between 0 and 1000)`,
    )
    .addCheckConstraint('score_events_component', COMPONENT_CHECK)
    .execute()
  await db.schema
    .createIndex('score_events_component')
    .on('score_events')
    .columns(['school_year_id', 'person_id', 'component', 'id'])
    .execute()
  await db.schema.createIndex('score_events_batch').on('score_events').columns(['batch_id', 'id']).execute()
}
