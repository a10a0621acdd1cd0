/**
 * The calendar's data: a school year's deadlines, their reminders, and the facts that say whose
 * task is still open (plans of the year and their statuses, scores missing from approved plans).
 *
 *   const calendar = new CalendarStore(tx.db)        // inside stores.transaction(async (tx) => …)
 *   const d = await calendar.insertDeadline({ … }, now)
 *   await calendar.insertReminders([{ deadlineId: d.id, offsetDays: 7, atTime: '08:00', fireAt }], now)
 *   const due = await calendar.dueReminders(now, 100)
 *   const mine = await calendar.claim(due.map((r) => r.id), now)   // inside the outbox rows' transaction
 *
 * A reminder's life: pending --claim--> enqueued (its outbox batch written in the same transaction)
 *                    pending --> skipped (deadline passed, superseded by a later one, old year)
 *                    pending --> cancelled (its deadline removed or its offset dropped)
 */
import { type Kysely, type Selectable, sql, type Updateable } from 'kysely'
import type { Database, DeadlinesTable, RemindersTable } from '../db/schema.ts'
import { chunk, ID_CHUNK } from './bulk.ts'
import {
  type CalendarFacts,
  type FactPlan,
  PERSON_COLUMNS,
  type PeopleFilter,
  PLAN_COLUMNS,
  toCalendarPerson,
  toFactPlan,
} from './calendar-facts.ts'
import type { Role } from './people.ts'
import type { PlanStatus } from './plans.ts'

/** What completes a deadline for a person (checked against plans and scores). */
export const TASKS = [
  'plan-submitted',
  'plan-head-approved',
  'plan-approved-by-school',
  'grades-entered',
] as const
export type Task = (typeof TASKS)[number]

export const REMINDER_STATES = ['pending', 'enqueued', 'skipped', 'cancelled'] as const
export type ReminderState = (typeof REMINDER_STATES)[number]
export type SkipReason = 'deadline-passed' | 'superseded' | 'not-current-year'

export interface Deadline {
  id: number
  schoolYearId: number
  /** the standard deadline it is ('plan-writing', 'grading' …); null for one the admin added */
  key: string | null
  titleVi: string
  titleEn: string
  /** first day of the period, YYYY-MM-DD; null for a single day */
  opensOn: string | null
  /** YYYY-MM-DD, Vietnam time */
  dueDate: string
  /** HH:mm, Vietnam time; null: until the end of the day */
  dueTime: string | null
  roles: Role[]
  /** null: every department */
  departmentIds: number[] | null
  task: Task | null
  sortOrder: number
  createdAt: string
  updatedAt: string
  removedAt: string | null
}

export type NewDeadline = Omit<Deadline, 'id' | 'createdAt' | 'updatedAt' | 'removedAt'>
export type DeadlinePatch = Partial<
  Pick<
    Deadline,
    'titleVi' | 'titleEn' | 'opensOn' | 'dueDate' | 'dueTime' | 'roles' | 'departmentIds' | 'task'
  >
>

export interface Reminder {
  id: number
  deadlineId: number
  offsetDays: number
  /** HH:mm, Vietnam time */
  atTime: string
  /** ISO-8601 UTC */
  fireAt: string
  state: ReminderState
  enqueuedAt: string | null
  broadcastId: number | null
  recipients: number | null
  skipReason: SkipReason | null
}

export interface NewReminder {
  deadlineId: number
  offsetDays: number
  atTime: string
  fireAt: string
}

/** A pending reminder whose time has come, with its deadline and year. */
export interface DueReminder extends Reminder {
  deadline: Deadline
  schoolId: number
  yearIsCurrent: boolean
}

/** A person of a school as the task checks need them. */
export interface CalendarPerson {
  id: number
  fullName: string
  role: Role
  departmentId: number | null
  telegramId: number | null
  /** telegram_users.language, else 'vi' */
  language: string
}

export interface YearPlan {
  personId: number
  status: PlanStatus
}

export class CalendarStore {
  constructor(
    private readonly db: Kysely<Database>,
    /** people and plans of many schools, read at once (CalendarFacts.load): the reminder pass's */
    private readonly facts?: CalendarFacts,
  ) {}

  // ── deadlines ──────────────────────────────────────────────────────────────────────────────

  async insertDeadline(d: NewDeadline, now: string): Promise<Deadline> {
    const row = await this.db
      .insertInto('deadlines')
      .values({
        school_year_id: d.schoolYearId,
        key: d.key,
        title_vi: d.titleVi,
        title_en: d.titleEn,
        opens_on: d.opensOn,
        due_date: d.dueDate,
        due_time: d.dueTime,
        roles: JSON.stringify(d.roles),
        department_ids: d.departmentIds === null ? null : JSON.stringify(d.departmentIds),
        task: d.task,
        sort_order: d.sortOrder,
        created_at: now,
        updated_at: now,
        removed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toDeadline(row)
  }

  /** A deadline by id, removed or not. */
  async getDeadline(id: number): Promise<Deadline | undefined> {
    const row = await this.db.selectFrom('deadlines').selectAll().where('id', '=', id).executeTakeFirst()
    return row && toDeadline(row)
  }

  /** The year's deadlines (not removed), by due date and time, then sort order. */
  async listDeadlines(schoolYearId: number): Promise<Deadline[]> {
    const rows = await this.db
      .selectFrom('deadlines')
      .selectAll()
      .where('school_year_id', '=', schoolYearId)
      .where('removed_at', 'is', null)
      .execute()
    return rows.map(toDeadline).sort(byDue)
  }

  /**
   * Deadlines of these schools' current years, not removed, due from `fromDay` to `toDay`
   * (YYYY-MM-DD, inclusive), by due date, then id.
   */
  async upcoming(
    schoolIds: readonly number[],
    fromDay: string,
    toDay: string,
  ): Promise<Array<{ deadline: Deadline; schoolId: number }>> {
    const out: Array<{ deadline: Deadline; schoolId: number }> = []
    for (const part of chunk([...new Set(schoolIds)], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('deadlines')
        .innerJoin('school_years', 'school_years.id', 'deadlines.school_year_id')
        .selectAll('deadlines')
        .select('school_years.school_id')
        .where('school_years.school_id', 'in', part)
        .where('school_years.is_current', '=', 1)
        .where('deadlines.removed_at', 'is', null)
        .where('deadlines.due_date', '>=', fromDay)
        .where('deadlines.due_date', '<=', toDay)
        .execute()
      for (const r of rows) out.push({ deadline: toDeadline(r), schoolId: r.school_id })
    }
    const day = (a: Deadline, b: Deadline) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0)
    return out.sort((a, b) => day(a.deadline, b.deadline) || a.deadline.id - b.deadline.id)
  }

  /** The standard deadline of this key (not removed). */
  async byKey(schoolYearId: number, key: string): Promise<Deadline | undefined> {
    const row = await this.db
      .selectFrom('deadlines')
      .selectAll()
      .where('school_year_id', '=', schoolYearId)
      .where('key', '=', key)
      .where('removed_at', 'is', null)
      .executeTakeFirst()
    return row && toDeadline(row)
  }

  /** Keys of the year's standard deadlines, removed ones included. */
  async keysOf(schoolYearId: number): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('deadlines')
      .select('key')
      .where('school_year_id', '=', schoolYearId)
      .where('key', 'is not', null)
      .execute()
    return new Set(rows.map((r) => r.key as string))
  }

  async maxSortOrder(schoolYearId: number): Promise<number> {
    const row = await this.db
      .selectFrom('deadlines')
      .select((eb) => eb.fn.max('sort_order').as('m'))
      .where('school_year_id', '=', schoolYearId)
      .executeTakeFirst()
    return Number(row?.m ?? 0)
  }

  async updateDeadline(id: number, patch: DeadlinePatch, now: string): Promise<Deadline | undefined> {
    const set: Partial<Selectable<DeadlinesTable>> = { updated_at: now }
    if (patch.titleVi !== undefined) set.title_vi = patch.titleVi
    if (patch.titleEn !== undefined) set.title_en = patch.titleEn
    if (patch.opensOn !== undefined) set.opens_on = patch.opensOn
    if (patch.dueDate !== undefined) set.due_date = patch.dueDate
    if (patch.dueTime !== undefined) set.due_time = patch.dueTime
    if (patch.roles !== undefined) set.roles = JSON.stringify(patch.roles)
    if (patch.departmentIds !== undefined)
      set.department_ids = patch.departmentIds === null ? null : JSON.stringify(patch.departmentIds)
    if (patch.task !== undefined) set.task = patch.task
    const row = await this.db
      .updateTable('deadlines')
      .set(set)
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .returningAll()
      .executeTakeFirst()
    return row && toDeadline(row)
  }

  /** Marks it removed; false when it was removed already. */
  async removeDeadline(id: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('deadlines')
      .set({ removed_at: now, updated_at: now })
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  // ── reminders ──────────────────────────────────────────────────────────────────────────────

  async remindersOf(deadlineIds: readonly number[]): Promise<Map<number, Reminder[]>> {
    const out = new Map<number, Reminder[]>(deadlineIds.map((id) => [id, []]))
    // a reminder pass asks for every upcoming deadline of a province at once
    for (const part of chunk([...new Set(deadlineIds)], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('reminders')
        .selectAll()
        .where('deadline_id', 'in', part)
        .orderBy('deadline_id')
        .orderBy('fire_at')
        .orderBy('id')
        .execute()
      for (const r of rows) out.get(r.deadline_id)?.push(toReminder(r))
    }
    return out
  }

  async insertReminders(reminders: readonly NewReminder[], now: string): Promise<void> {
    if (reminders.length === 0) return
    await this.db
      .insertInto('reminders')
      .values(
        reminders.map((r) => ({
          deadline_id: r.deadlineId,
          offset_days: r.offsetDays,
          at_time: r.atTime,
          fire_at: r.fireAt,
          state: 'pending',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute()
  }

  /** A new time for a pending reminder (it stays pending). */
  async reschedule(id: number, fireAt: string, atTime: string, now: string): Promise<void> {
    await this.db
      .updateTable('reminders')
      .set({ fire_at: fireAt, at_time: atTime, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .execute()
  }

  /** A reminder that was done with (or cancelled) becomes pending again at a new time. */
  async rearm(id: number, fireAt: string, atTime: string, now: string): Promise<void> {
    await this.db
      .updateTable('reminders')
      .set({
        fire_at: fireAt,
        at_time: atTime,
        state: 'pending',
        enqueued_at: null,
        broadcast_id: null,
        recipients: null,
        skip_reason: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute()
  }

  /** Pending reminders of a deadline (or only these ids) -> cancelled. */
  async cancelReminders(deadlineId: number, now: string, ids?: readonly number[]): Promise<number> {
    if (ids && ids.length === 0) return 0
    let query = this.db
      .updateTable('reminders')
      .set({ state: 'cancelled', updated_at: now })
      .where('deadline_id', '=', deadlineId)
      .where('state', '=', 'pending')
    if (ids) query = query.where('id', 'in', [...ids])
    const result = await query.executeTakeFirst()
    return Number(result.numUpdatedRows)
  }

  /** Pending reminders due at `now` (of deadlines not removed), first due first. */
  async dueReminders(now: string, limit: number): Promise<DueReminder[]> {
    const rows = await this.db
      .selectFrom('reminders')
      .innerJoin('deadlines', 'deadlines.id', 'reminders.deadline_id')
      .innerJoin('school_years', 'school_years.id', 'deadlines.school_year_id')
      .selectAll('reminders')
      .select([
        'deadlines.school_year_id',
        'deadlines.key',
        'deadlines.title_vi',
        'deadlines.title_en',
        'deadlines.opens_on',
        'deadlines.due_date',
        'deadlines.due_time',
        'deadlines.roles',
        'deadlines.department_ids',
        'deadlines.task',
        'deadlines.sort_order',
        'deadlines.created_at as deadline_created_at',
        'deadlines.updated_at as deadline_updated_at',
        'deadlines.removed_at',
        'school_years.school_id',
        'school_years.is_current',
      ])
      .where('reminders.state', '=', 'pending')
      .where('reminders.fire_at', '<=', now)
      .where('deadlines.removed_at', 'is', null)
      .orderBy('reminders.fire_at')
      .orderBy('reminders.id')
      .limit(limit)
      .execute()
    return rows.map((r) => ({
      ...toReminder(r),
      deadline: toDeadline({
        id: r.deadline_id,
        school_year_id: r.school_year_id,
        key: r.key,
        title_vi: r.title_vi,
        title_en: r.title_en,
        opens_on: r.opens_on,
        due_date: r.due_date,
        due_time: r.due_time,
        roles: r.roles,
        department_ids: r.department_ids,
        task: r.task,
        sort_order: r.sort_order,
        created_at: r.deadline_created_at,
        updated_at: r.deadline_updated_at,
        removed_at: r.removed_at,
      }),
      schoolId: r.school_id,
      yearIsCurrent: Number(r.is_current) === 1,
    }))
  }

  /**
   * Of these reminders, those a later pending reminder of the same deadline, due as well at `now`,
   * supersedes (only the latest of a deadline's due reminders is sent).
   */
  async superseded(
    reminders: ReadonlyArray<Pick<Reminder, 'id' | 'deadlineId' | 'fireAt'>>,
    now: string,
  ): Promise<Set<number>> {
    const latest = new Map<number, { id: number; fireAt: string }>()
    for (const part of chunk([...new Set(reminders.map((r) => r.deadlineId))], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('reminders')
        .select(['id', 'deadline_id', 'fire_at'])
        .where('deadline_id', 'in', part)
        .where('state', '=', 'pending')
        .where('fire_at', '<=', now)
        .execute()
      for (const r of rows) {
        const best = latest.get(r.deadline_id)
        if (!best || r.fire_at > best.fireAt || (r.fire_at === best.fireAt && r.id > best.id))
          latest.set(r.deadline_id, { id: r.id, fireAt: r.fire_at })
      }
    }
    const out = new Set<number>()
    for (const r of reminders) {
      const best = latest.get(r.deadlineId)
      if (best && (best.fireAt > r.fireAt || (best.fireAt === r.fireAt && best.id > r.id))) out.add(r.id)
    }
    return out
  }

  /** pending -> skipped; the ids that were still pending (the others were taken meanwhile). */
  async skip(ids: readonly number[], reason: SkipReason, now: string): Promise<Set<number>> {
    return this.leavePending(ids, { state: 'skipped', skip_reason: reason, updated_at: now })
  }

  /**
   * pending -> enqueued: the ids this call took (another instance took the others, or they
   * changed). Call inside the transaction that writes their outbox rows.
   */
  async claim(ids: readonly number[], now: string): Promise<Set<number>> {
    return this.leavePending(ids, { state: 'enqueued', enqueued_at: now, updated_at: now })
  }

  /** Those of these reminders still pending, changed, one statement a few thousand: their ids. */
  private async leavePending(
    ids: readonly number[],
    change: Updateable<RemindersTable>,
  ): Promise<Set<number>> {
    const out = new Set<number>()
    for (const part of chunk([...ids], ID_CHUNK)) {
      const rows = await this.db
        .updateTable('reminders')
        .set(change)
        .where('id', 'in', part)
        .where('state', '=', 'pending')
        .returning('id')
        .execute()
      for (const r of rows) out.add(r.id)
    }
    return out
  }

  /** What claimed reminders produced: each its outbox batch (null: nobody left to remind). */
  async recordEnqueued(
    done: ReadonlyArray<{ id: number; broadcastId: number | null; recipients: number }>,
    now: string,
  ): Promise<void> {
    // one statement a thousand, joined to their values (a CASE of a thousand branches is slow)
    for (const part of chunk(done, ID_CHUNK / 10)) {
      const values = sql`(values ${sql.join(
        part.map(
          (d) =>
            sql`(cast(${d.id} as integer), cast(${d.broadcastId} as integer), cast(${d.recipients} as integer))`,
        ),
      )})`
      await this.db
        .updateTable('reminders')
        .from(values.as('v'))
        .set({ broadcast_id: sql`v.column2`, recipients: sql`v.column3`, updated_at: now })
        .where(sql<boolean>`reminders.id = v.column1`)
        .execute()
    }
  }

  // ── who still has something to do ─────────────────────────────────────────────────────────

  /** The school's people of these roles (and departments; null: any), with their language. */
  async people(schoolId: number, filter: PeopleFilter = {}): Promise<CalendarPerson[]> {
    const known = this.facts?.people(schoolId, filter)
    if (known) return known
    let query = this.db
      .selectFrom('people')
      .leftJoin('telegram_users', 'telegram_users.telegram_id', 'people.telegram_id')
      .select(PERSON_COLUMNS)
      .where('people.school_id', '=', schoolId)
    if (filter.roles) query = query.where('people.role', 'in', filter.roles.length ? [...filter.roles] : [''])
    if (filter.departmentIds)
      query = query.where(
        'people.department_id',
        'in',
        filter.departmentIds.length ? [...filter.departmentIds] : [-1],
      )
    if (filter.personId !== undefined) query = query.where('people.id', '=', filter.personId)
    const rows = await query.orderBy('people.name_key').orderBy('people.id').execute()
    return rows.map(toCalendarPerson)
  }

  /** Every plan of the year (of this school's people), with its owner's department and role. */
  async plans(schoolYearId: number): Promise<FactPlan[]> {
    const known = this.facts?.plans(schoolYearId)
    if (known) return known
    const rows = await this.db
      .selectFrom('plans')
      .innerJoin('people', 'people.id', 'plans.person_id')
      .select(PLAN_COLUMNS)
      .where('plans.school_year_id', '=', schoolYearId)
      .execute()
    return rows.map(toFactPlan)
  }

  /** Heads of the school by department. */
  async headsByDepartment(schoolId: number): Promise<Map<number, number[]>> {
    const known = this.facts?.headsByDepartment(schoolId)
    if (known) return known
    const rows = await this.db
      .selectFrom('people')
      .select(['id', 'department_id'])
      .where('school_id', '=', schoolId)
      .where('role', '=', 'head')
      .where('department_id', 'is not', null)
      .execute()
    const out = new Map<number, number[]>()
    for (const r of rows) {
      const d = r.department_id as number
      out.set(d, [...(out.get(d) ?? []), r.id])
    }
    return out
  }

  /**
   * People whose approved plan of the year still lacks a score: ND1, ND2 or one of its ND3 modules
   * (components 'nd1', 'nd2', 'module:<id>' of the `scores` table).
   */
  async ungraded(schoolYearId: number, planIds: readonly number[]): Promise<Set<number>> {
    const known = this.facts?.ungraded(schoolYearId, planIds)
    if (known) return known
    const out = new Set<number>()
    if (planIds.length === 0) return out
    const ids = [...planIds]
    const plans = await this.db
      .selectFrom('plans')
      .select(['id', 'person_id'])
      .where('id', 'in', ids)
      .execute()
    const needed = new Map<number, Set<string>>()
    for (const p of plans) needed.set(p.person_id, new Set(['nd1', 'nd2']))
    const personOf = new Map(plans.map((p) => [p.id, p.person_id]))
    const modules = await this.db
      .selectFrom('plan_modules')
      .select(['plan_id', 'module_id'])
      .where('plan_id', 'in', ids)
      .execute()
    for (const m of modules) needed.get(personOf.get(m.plan_id) as number)?.add(`module:${m.module_id}`)
    if (needed.size === 0) return out
    const scores = await this.db
      .selectFrom('scores')
      .select(['person_id', 'component'])
      .where('school_year_id', '=', schoolYearId)
      .where('person_id', 'in', [...needed.keys()])
      .execute()
    for (const s of scores) needed.get(s.person_id)?.delete(s.component)
    for (const [personId, missing] of needed) if (missing.size > 0) out.add(personId)
    return out
  }
}

/** By due date, then due time (a whole day after any time of that day), then sort order, then id. */
export function byDue(a: Deadline, b: Deadline): number {
  return (
    a.dueDate.localeCompare(b.dueDate) ||
    (a.dueTime ?? '24:00').localeCompare(b.dueTime ?? '24:00') ||
    a.sortOrder - b.sortOrder ||
    a.id - b.id
  )
}

function toDeadline(row: Selectable<DeadlinesTable>): Deadline {
  return {
    id: row.id,
    schoolYearId: row.school_year_id,
    key: row.key,
    titleVi: row.title_vi,
    titleEn: row.title_en,
    opensOn: row.opens_on,
    dueDate: row.due_date,
    dueTime: row.due_time,
    roles: JSON.parse(row.roles) as Role[],
    departmentIds: row.department_ids === null ? null : (JSON.parse(row.department_ids) as number[]),
    task: row.task as Task | null,
    sortOrder: Number(row.sort_order),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    removedAt: row.removed_at,
  }
}

function toReminder(row: Selectable<RemindersTable>): Reminder {
  return {
    id: row.id,
    deadlineId: row.deadline_id,
    offsetDays: row.offset_days,
    atTime: row.at_time,
    fireAt: row.fire_at,
    state: row.state as ReminderState,
    enqueuedAt: row.enqueued_at,
    broadcastId: row.broadcast_id,
    recipients: row.recipients,
    skipReason: row.skip_reason as SkipReason | null,
  }
}
