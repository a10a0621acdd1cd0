/**
 * The school year's calendar (issue 6): `deadlines` — the standard ones of seed 004 (each with its
 * `key`) and any the admin adds — and `reminders`, one row per deadline and offset (7 and 1 days
 * before at 08:00 Vietnam time by default). Reminders are rows, not timers: the scheduler enqueues
 * the due ones (pending -> enqueued, one transaction with their outbox rows), so a bot that was down
 * at 08:00 sends them when it comes back, and never twice.
 *
 * Every existing school year gets the standard calendar here (a frozen copy of the template), with
 * its own plan and approval deadlines.
 *
 * Portable: kysely's schema builder only; days are YYYY-MM-DD text, times HH:mm text (Vietnam
 * time), instants ISO-8601 UTC text; JSON is text.
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'
import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter, sql } from 'kysely'

dayjs.extend(utc)
dayjs.extend(timezone)

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

const TASKS = ['plan-submitted', 'plan-head-approved', 'plan-approved-by-school', 'grades-entered']
const STATES = ['pending', 'enqueued', 'skipped', 'cancelled']
const ZONE = 'Asia/Ho_Chi_Minh'

const inList = (column: string, values: string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`

/**
 * Frozen copy of the standard calendar (services/calendar.ts STANDARD_DEADLINES as of this
 * migration). `due`/`opens`: month-day, `next`: in the second calendar year of the school year;
 * 'plan' and 'approval' take the year's own plan_deadline / approval_deadline.
 */
const TEMPLATE: ReadonlyArray<{
  key: string
  vi: string
  en: string
  opens: string | null
  due: string
  next: boolean
  roles: string[]
  task: string | null
}> = [
  {
    key: 'plan-writing',
    vi: 'Giáo viên viết và nộp kế hoạch BDTX cá nhân',
    en: 'Write and submit your personal BDTX plan',
    opens: '08-27',
    due: 'plan',
    next: false,
    roles: ['teacher', 'head', 'manager'],
    task: 'plan-submitted',
  },
  {
    key: 'plan-head-approval',
    vi: 'TTCM duyệt kế hoạch BDTX của giáo viên trong tổ',
    en: "Heads approve their department's BDTX plans",
    opens: '08-27',
    due: 'plan',
    next: false,
    roles: ['head'],
    task: 'plan-head-approved',
  },
  {
    key: 'plan-school-approval',
    vi: 'BCĐ duyệt kế hoạch BDTX của tổ và cá nhân; HT ký',
    en: 'The steering committee approves the plans; the principal signs',
    opens: 'plan',
    due: 'approval',
    next: false,
    roles: ['admin'],
    task: 'plan-approved-by-school',
  },
  {
    key: 'plan-to-so',
    vi: 'Gửi kế hoạch BDTX của trường về Sở',
    en: "Send the school's BDTX plan to the Sở",
    opens: null,
    due: '09-15',
    next: false,
    roles: ['admin'],
    task: null,
  },
  {
    key: 'dossiers',
    vi: 'Nộp hồ sơ BDTX (bài thu hoạch, báo cáo) cho TTCM',
    en: 'Hand in your BDTX dossier (reports) to your head of department',
    opens: '04-01',
    due: '04-15',
    next: true,
    roles: ['teacher', 'head'],
    task: null,
  },
  {
    key: 'grading',
    vi: 'Tổ họp, chấm điểm, xếp loại BDTX; báo cáo BCĐ',
    en: 'Departments grade and classify; report to the steering committee',
    opens: '04-16',
    due: '04-25',
    next: true,
    roles: ['head'],
    task: 'grades-entered',
  },
  {
    key: 'school-review',
    vi: 'BCĐ xét kết quả BDTX; báo cáo của trường',
    en: "The steering committee reviews the results; the school's report",
    opens: '04-26',
    due: '05-15',
    next: true,
    roles: ['admin'],
    task: null,
  },
  {
    key: 'results-to-so',
    vi: 'Gửi kết quả BDTX và hồ sơ CBQL về Sở; công bố kết quả',
    en: "Send the results and the managers' dossiers to the Sở; announce the results",
    opens: '05-15',
    due: '05-30',
    next: true,
    roles: ['admin'],
    task: null,
  },
]
const OFFSETS = [7, 1]
const AT = '08:00'

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  const id = (c: ColumnDefinitionBuilder) =>
    sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()

  await db.schema
    .createTable('deadlines')
    .addColumn('id', 'integer', id)
    .addColumn('school_year_id', 'integer', (c) =>
      c.notNull().references('school_years.id').onDelete('cascade'),
    )
    // the standard deadline it is ('plan-writing', 'grading' ...); null for the admin's own
    .addColumn('key', 'text')
    .addColumn('title_vi', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    // first day of the period, YYYY-MM-DD; null for a single day
    .addColumn('opens_on', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    // HH:mm, Vietnam time; null: until the end of the day
    .addColumn('due_time', 'text')
    // JSON array of roles it concerns
    .addColumn('roles', 'text', (c) => c.notNull())
    // JSON array of department ids; null: every department
    .addColumn('department_ids', 'text')
    // what completes it for a person; null: nothing the bot can check
    .addColumn('task', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // removed by the admin: kept for the history, its reminders cancelled
    .addColumn('removed_at', 'text')
    .addCheckConstraint('deadlines_task', sql`task is null or ${inList('task', TASKS)}`)
    .execute()
  // a standard deadline once per year, removed or not (a removed one is not brought back)
  await db.schema
    .createIndex('deadlines_year_key')
    .on('deadlines')
    .columns(['school_year_id', 'key'])
    .unique()
    .where(sql<boolean>`key is not null`)
    .execute()
  await db.schema
    .createIndex('deadlines_year_due')
    .on('deadlines')
    .columns(['school_year_id', 'due_date'])
    .execute()

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'integer', id)
    .addColumn('deadline_id', 'integer', (c) => c.notNull().references('deadlines.id').onDelete('cascade'))
    .addColumn('offset_days', 'integer', (c) => c.notNull())
    // HH:mm, Vietnam time
    .addColumn('at_time', 'text', (c) => c.notNull())
    // the due date minus offset_days at at_time, Vietnam time, as an ISO-8601 UTC instant
    .addColumn('fire_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('enqueued_at', 'text')
    // the outbox batch it produced; null when nobody had anything left to do
    .addColumn('broadcast_id', 'integer', (c) => c.references('broadcasts.id').onDelete('set null'))
    .addColumn('recipients', 'integer')
    // skipped: 'deadline-passed' | 'superseded' | 'not-current-year'
    .addColumn('skip_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reminders_deadline_offset', ['deadline_id', 'offset_days'])
    .addCheckConstraint('reminders_state', inList('state', STATES))
    .addCheckConstraint('reminders_offset', sql`offset_days >= 0 and offset_days <= 90`)
    .execute()
  await db.schema.createIndex('reminders_due').on('reminders').columns(['state', 'fire_at']).execute()

  // the standard calendar for every school year that exists already
  const years = await db
    .selectFrom('school_years')
    .select(['id', 'name', 'starts_on', 'plan_deadline', 'approval_deadline'])
    .execute()
  const now = new Date().toISOString()
  for (const year of years) {
    const startYear = Number(/^(\d{4})/.exec(String(year.name))?.[1] ?? String(year.starts_on).slice(0, 4))
    for (const [index, t] of TEMPLATE.entries()) {
      const calendarYear = t.next ? startYear + 1 : startYear
      const due =
        t.due === 'plan'
          ? String(year.plan_deadline)
          : t.due === 'approval'
            ? String(year.approval_deadline)
            : `${calendarYear}-${t.due}`
      const opens =
        t.opens === null
          ? null
          : t.opens === 'plan'
            ? String(year.plan_deadline)
            : `${calendarYear}-${t.opens}`
      const row = await db
        .insertInto('deadlines')
        .values({
          school_year_id: year.id,
          key: t.key,
          title_vi: t.vi,
          title_en: t.en,
          opens_on: opens !== null && opens <= due ? opens : null,
          due_date: due,
          due_time: null,
          roles: JSON.stringify(t.roles),
          department_ids: null,
          task: t.task,
          sort_order: (index + 1) * 10,
          created_at: now,
          updated_at: now,
          removed_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db
        .insertInto('reminders')
        .values(
          OFFSETS.map((offset) => ({
            deadline_id: row.id,
            offset_days: offset,
            at_time: AT,
            fire_at: dayjs
              .tz(`${dayjs.utc(due).subtract(offset, 'day').format('YYYY-MM-DD')} ${AT}`, ZONE)
              .toISOString(),
            state: 'pending',
            created_at: now,
            updated_at: now,
          })),
        )
        .execute()
    }
  }
}
