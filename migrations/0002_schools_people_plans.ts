/**
 * Schools and their years, departments (tổ), people and their Telegram links, owners and the
 * one-time setup code, invites, the module catalogue (with seed 004's ten modules as data), and
 * personal plans with their modules and every state change.
 *
 * Portable: kysely's schema builder only; ids are SQLite rowids or PostgreSQL identity columns;
 * dates are ISO text (YYYY-MM-DD for days, full ISO-8601 UTC for instants); flags are 0/1 integers.
 */
import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter, sql } from 'kysely'
import { SEED_004_MODULES } from './data/seed-004-modules.ts'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

const ROLES = ['teacher', 'head', 'manager', 'admin', 'staff']
const LEVELS = ['MN', 'TH', 'THCS', 'THPT', 'GDTX', 'CD', 'TCCN']
const CATALOGUES = [...LEVELS, 'QL']
const STATUSES = ['draft', 'submitted', 'head_approved', 'approved', 'returned']

const inList = (column: string, values: string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`

/** Frozen copy of the rule engine's normalizeModuleCode as of this migration. */
function codeKey(code: string): string {
  const compact = code
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s._\-–—]+/g, '')
  return compact.replace(/(\D)(?=\d)/g, '$1 ').replace(/\d+/g, (digits) => String(Number(digits)))
}

/** Frozen copy of the store's fold(): lower case, no diacritics, đ → d, single spaces. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  const id = (c: ColumnDefinitionBuilder) =>
    sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()

  await db.schema
    .createTable('owners')
    .addColumn('telegram_id', 'bigint', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('added_by', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('setup_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', 'bigint')
    .execute()

  await db.schema
    .createTable('schools')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('school_years')
    .addColumn('id', 'integer', id)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('required_nd3_hours', 'integer', (c) => c.notNull())
    .addColumn('plan_deadline', 'text', (c) => c.notNull())
    .addColumn('approval_deadline', 'text', (c) => c.notNull())
    .addColumn('results_locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('school_years_school_name', ['school_id', 'name'])
    .addCheckConstraint('school_years_flags', sql`results_locked in (0, 1) and is_current in (0, 1)`)
    .execute()
  await db.schema
    .createIndex('school_years_one_current')
    .on('school_years')
    .column('school_id')
    .unique()
    .where(sql<boolean>`is_current = 1`)
    .execute()

  await db.schema
    .createTable('departments')
    .addColumn('id', 'integer', id)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('departments_school_name', ['school_id', 'name_key'])
    .execute()

  await db.schema
    .createTable('people')
    .addColumn('id', 'integer', id)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.references('departments.id').onDelete('set null'))
    .addColumn('level', 'text')
    .addColumn('subject', 'text')
    .addColumn('telegram_id', 'bigint', (c) => c.unique())
    .addColumn('linked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('people_role', inList('role', ROLES))
    .addCheckConstraint('people_level', sql`level is null or ${inList('level', LEVELS)}`)
    .execute()
  await db.schema
    .createIndex('people_school_department')
    .on('people')
    .columns(['school_id', 'department_id'])
    .execute()
  await db.schema.createIndex('people_school_name').on('people').columns(['school_id', 'name_key']).execute()

  await db.schema
    .createTable('invites')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.references('departments.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revoked_at', 'text')
    .addCheckConstraint('invites_role', inList('role', ROLES))
    .addCheckConstraint('invites_kind', inList('kind', ['single', 'department']))
    .execute()
  await db.schema.createIndex('invites_school').on('invites').column('school_id').execute()

  await db.schema
    .createTable('modules')
    .addColumn('id', 'integer', id)
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('code_key', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('contents', 'text', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('area', 'text')
    .addColumn('hours_total', 'integer', (c) => c.notNull())
    .addColumn('hours_self_study', 'integer')
    .addColumn('hours_theory', 'integer')
    .addColumn('hours_practice', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('modules_level_code', ['level', 'code_key'])
    .addCheckConstraint('modules_level', inList('level', CATALOGUES))
    .addCheckConstraint('modules_hours', sql`hours_total > 0`)
    .execute()
  await db.schema.createIndex('modules_code_key').on('modules').column('code_key').execute()

  await db.schema
    .createTable('plans')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) =>
      c.notNull().references('school_years.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plans_person_year', ['person_id', 'school_year_id'])
    .addCheckConstraint('plans_status', inList('status', STATUSES))
    .execute()
  await db.schema.createIndex('plans_year_status').on('plans').columns(['school_year_id', 'status']).execute()

  await db.schema
    .createTable('plan_modules')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('module_id', 'integer', (c) => c.notNull().references('modules.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_modules_pk', ['plan_id', 'module_id'])
    .execute()

  await db.schema
    .createTable('plan_events')
    .addColumn('id', 'integer', id)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_telegram_id', 'bigint')
    .addColumn('actor_person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('reason', 'text')
    .addColumn('module_id', 'integer', (c) => c.references('modules.id').onDelete('set null'))
    .execute()
  await db.schema.createIndex('plan_events_plan').on('plan_events').columns(['plan_id', 'id']).execute()

  const now = new Date().toISOString()
  await db
    .insertInto('modules')
    .values(
      SEED_004_MODULES.map((m) => ({
        ...m,
        code_key: codeKey(m.code),
        sort_key: codeKey(m.code).replace(/\d+/g, (d) => d.padStart(6, '0')),
        search_text: fold([m.code, m.title, m.contents, m.goals].join(' ')),
        created_at: now,
        updated_at: now,
      })),
    )
    .execute()
}
