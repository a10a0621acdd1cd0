/**
 * The school year's calendar, from seed 004 (a THPT school's 2017-2018 BDTX plan), moved to any
 * year: teachers' plans until 7 September, the school's approval until 14 September, and so on.
 * Days are Vietnam days: a deadline "7 September" lasts until 23:59:59 on 7/9 in UTC+7.
 *
 *   schoolYearAt(new Date('2025-10-01'))    // { name: '2025-2026', startYear: 2025 }
 *   seedCalendar(2025).planDeadline        // '2025-09-07'
 *
 * Below the date helpers, the calendar as data (issue 6): each school year has deadlines — the
 * standard ones of seed 004 moved to that year (`ensureCalendar`, called when a year is created),
 * and the admin's own — each with a title in Vietnamese and English, a due date (and optional time,
 * Asia/Ho_Chi_Minh), the roles and departments it concerns and, where it has one, the task that
 * completes it. Each deadline has reminders (7 and 1 days before, 08:00 Vietnam time): rows that
 * src/jobs/reminders.ts enqueues through the outbox to the people whose task is still open.
 *
 *   await deps.calendar.deadlinesFor(actor)                      // mine, next first, open or not
 *   await deps.calendar.move(admin, { deadlineId, dueDate: '2025-09-10' })   // reminders follow
 *   await deps.calendar.openTasks(deadlineId)                    // who still has it to do
 *
 * Errors are values: `invalid-input`, `not-linked`, `forbidden`, `not-found` (entity: 'deadline' |
 * 'school-year' | 'school' | 'department', ids), `no-current-year` (schoolId), `outside-year`
 * (date, from, to), `date-order` (opensOn, dueDate), `deadline-order` (planDeadline,
 * approvalDeadline), `deadline-required` (key).
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'
import { z } from 'zod'
import {
  byDue,
  type CalendarPerson,
  CalendarStore,
  type Deadline,
  type DeadlinePatch,
  type NewDeadline,
  type Reminder,
  TASKS,
  type Task,
} from '../store/calendar.ts'
import { ROLES, type Role } from '../store/people.ts'
import type { SchoolYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, type ActorInfo, isAdminOf, whoIs } from './access.ts'
import type { ServiceContext } from './options.ts'
import {
  type Forbidden,
  fail,
  forbidden,
  type InvalidInput,
  type NotLinked,
  notLinked,
  ok,
  parseInput,
  type Result,
} from './result.ts'

dayjs.extend(utc)
dayjs.extend(timezone)

export type { Deadline, Reminder, ReminderState, SkipReason, Task } from '../store/calendar.ts'
export { TASKS } from '../store/calendar.ts'

/** Month-day of each step of the seed 004 calendar; `next` marks days of the following calendar year. */
export const SEED_004_CALENDAR = {
  launch: { on: '08-27', next: false },
  planDeadline: { on: '09-07', next: false },
  approvalDeadline: { on: '09-14', next: false },
  schoolPlanToSo: { on: '09-15', next: false },
  studyEnds: { on: '03-25', next: true },
  dossierFrom: { on: '04-01', next: true },
  dossierTo: { on: '04-15', next: true },
  departmentGradingFrom: { on: '04-16', next: true },
  departmentGradingTo: { on: '04-25', next: true },
  schoolReviewFrom: { on: '04-26', next: true },
  schoolReviewTo: { on: '05-15', next: true },
  resultsToSo: { on: '05-30', next: true },
} as const

export type CalendarStep = keyof typeof SEED_004_CALENDAR

/** Vietnam has no daylight saving time. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

/** The Vietnam calendar day of an instant, YYYY-MM-DD. */
export function vietnamDay(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10)
}

/** The school year an instant belongs to for planning: from July on, the year that starts then. */
export function schoolYearAt(now: Date): { name: string; startYear: number } {
  const [year, month] = vietnamDay(now).split('-').map(Number) as [number, number]
  const startYear = month >= 7 ? year : year - 1
  return { name: `${startYear}-${startYear + 1}`, startYear }
}

export function calendarDay(startYear: number, step: CalendarStep): string {
  const { on, next } = SEED_004_CALENDAR[step]
  return `${next ? startYear + 1 : startYear}-${on}`
}

/** A school year's dates from the seed 004 calendar. */
export function seedCalendar(startYear: number) {
  return {
    name: `${startYear}-${startYear + 1}`,
    startsOn: calendarDay(startYear, 'launch'),
    endsOn: calendarDay(startYear, 'resultsToSo'),
    planDeadline: calendarDay(startYear, 'planDeadline'),
    approvalDeadline: calendarDay(startYear, 'approvalDeadline'),
  }
}

/** How long a school that starts mid-year gets to register plans, and then to approve them. */
export const LATE_START_PLAN_DAYS = 14
const LATE_START_APPROVAL_DAYS = 7

/**
 * A new school's first year: the seed 004 dates, except when its plan deadline is already past (a
 * school that starts using the bot mid-year). Then teachers get two weeks from today to register
 * and the school a week more to approve, instead of finding registration closed before it opened;
 * `planDeadlineMovedFrom` says so, and the admin may set other dates with /setdeadline.
 */
export function firstYearCalendar(now: Date) {
  const calendar = seedCalendar(schoolYearAt(now).startYear)
  if (!deadlinePassed(calendar.planDeadline, now)) return { ...calendar, planDeadlineMovedFrom: null }
  const planDeadline = addDays(vietnamDay(now), LATE_START_PLAN_DAYS)
  return {
    ...calendar,
    planDeadline,
    approvalDeadline: addDays(planDeadline, LATE_START_APPROVAL_DAYS),
    planDeadlineMovedFrom: calendar.planDeadline,
  }
}

/** True once the whole (Vietnam) day of the deadline is over. */
export function deadlinePassed(deadline: string, now: Date): boolean {
  return vietnamDay(now) > deadline
}

/** A real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

// ── the calendar as data ──────────────────────────────────────────────────────────────────────

export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh'
/** Reminders of a new deadline: 7 days and 1 day before, at 08:00 Vietnam time. */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [7, 1]
export const DEFAULT_REMINDER_TIME = '08:00'

/** The standard deadlines that hold the year's plan and approval deadlines (school_years). */
const LINKED = { 'plan-writing': 'planDeadline', 'plan-school-approval': 'approvalDeadline' } as const
type LinkedKey = keyof typeof LINKED

export interface StandardDeadline {
  key: string
  titleVi: string
  titleEn: string
  /** first day of the period; null for a single day */
  opens: CalendarStep | null
  due: CalendarStep
  roles: readonly Role[]
  task: Task | null
}

/**
 * The seed 004 calendar as deadlines (the table of domain/BDTX.md). Migration 0005 keeps a frozen
 * copy for the years that existed before it.
 */
export const STANDARD_DEADLINES: readonly StandardDeadline[] = [
  {
    key: 'plan-writing',
    titleVi: 'Giáo viên viết và nộp kế hoạch BDTX cá nhân',
    titleEn: 'Write and submit your personal BDTX plan',
    opens: 'launch',
    due: 'planDeadline',
    roles: ['teacher', 'head', 'manager'],
    task: 'plan-submitted',
  },
  {
    key: 'plan-head-approval',
    titleVi: 'TTCM duyệt kế hoạch BDTX của giáo viên trong tổ',
    titleEn: "Heads approve their department's BDTX plans",
    opens: 'launch',
    due: 'planDeadline',
    roles: ['head'],
    task: 'plan-head-approved',
  },
  {
    key: 'plan-school-approval',
    titleVi: 'BCĐ duyệt kế hoạch BDTX của tổ và cá nhân; HT ký',
    titleEn: 'The steering committee approves the plans; the principal signs',
    opens: 'planDeadline',
    due: 'approvalDeadline',
    roles: ['admin'],
    task: 'plan-approved-by-school',
  },
  {
    key: 'plan-to-so',
    titleVi: 'Gửi kế hoạch BDTX của trường về Sở',
    titleEn: "Send the school's BDTX plan to the Sở",
    opens: null,
    due: 'schoolPlanToSo',
    roles: ['admin'],
    task: null,
  },
  {
    key: 'dossiers',
    titleVi: 'Nộp hồ sơ BDTX (bài thu hoạch, báo cáo) cho TTCM',
    titleEn: 'Hand in your BDTX dossier (reports) to your head of department',
    opens: 'dossierFrom',
    due: 'dossierTo',
    roles: ['teacher', 'head'],
    task: null,
  },
  {
    key: 'grading',
    titleVi: 'Tổ họp, chấm điểm, xếp loại BDTX; báo cáo BCĐ',
    titleEn: 'Departments grade and classify; report to the steering committee',
    opens: 'departmentGradingFrom',
    due: 'departmentGradingTo',
    roles: ['head'],
    task: 'grades-entered',
  },
  {
    key: 'school-review',
    titleVi: 'BCĐ xét kết quả BDTX; báo cáo của trường',
    titleEn: "The steering committee reviews the results; the school's report",
    opens: 'schoolReviewFrom',
    due: 'schoolReviewTo',
    roles: ['admin'],
    task: null,
  },
  {
    key: 'results-to-so',
    titleVi: 'Gửi kết quả BDTX và hồ sơ CBQL về Sở; công bố kết quả',
    titleEn: "Send the results and the managers' dossiers to the Sở; announce the results",
    opens: 'schoolReviewTo',
    due: 'resultsToSo',
    roles: ['admin'],
    task: null,
  },
]

/** The instant of a Vietnam day and time (HH:mm). */
function vietnamInstant(day: string, time: string): dayjs.Dayjs {
  return dayjs.tz(`${day} ${time}`, VIETNAM_TZ)
}

/** A day `days` after (before, when negative) another, YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD')
}

/** When a reminder fires: `offsetDays` before the due date at `atTime`, Vietnam time; ISO UTC. */
export function reminderFireAt(dueDate: string, offsetDays: number, atTime = DEFAULT_REMINDER_TIME): string {
  return vietnamInstant(addDays(dueDate, -offsetDays), atTime).toISOString()
}

/** The instant a deadline is over: its time on the due day, else the end of that Vietnam day. */
export function deadlineEndsAt(d: { dueDate: string; dueTime: string | null }): string {
  return (
    d.dueTime ? vietnamInstant(d.dueDate, d.dueTime) : vietnamInstant(addDays(d.dueDate, 1), '00:00')
  ).toISOString()
}

/** Whole Vietnam days from `now` to `day` (0: today, negative: gone). */
export function daysUntil(day: string, now: Date): number {
  return dayjs.utc(day).diff(dayjs.utc(vietnamDay(now)), 'day')
}

/** A day as Vietnamese write it: '2025-09-07' → '07/09/2025'. */
export function vietnameseDate(day: string): string {
  const [y, m, d] = day.split('-')
  return `${d}/${m}/${y}`
}

/** The calendar year a school year starts in ("2025-2026" → 2025). */
export function startYearOf(year: Pick<SchoolYear, 'name' | 'startsOn'>): number {
  return Number(/^(\d{4})/.exec(year.name)?.[1] ?? year.startsOn.slice(0, 4))
}

/** The days a school year's deadlines may fall on: 1 July to 31 August of the next year. */
export function yearWindow(year: Pick<SchoolYear, 'name' | 'startsOn'>): { from: string; to: string } {
  const y = startYearOf(year)
  return { from: `${y}-07-01`, to: `${y + 1}-08-31` }
}

/** The standard deadlines of a year: seed 004 moved to it; plans and approval as the year has them. */
export function standardCalendar(
  year: Pick<SchoolYear, 'id' | 'name' | 'startsOn' | 'planDeadline' | 'approvalDeadline'>,
): NewDeadline[] {
  const startYear = startYearOf(year)
  const dayOf = (step: CalendarStep) =>
    step === 'planDeadline'
      ? year.planDeadline
      : step === 'approvalDeadline'
        ? year.approvalDeadline
        : calendarDay(startYear, step)
  return STANDARD_DEADLINES.map((t, index) => {
    const dueDate = dayOf(t.due)
    const opensOn = t.opens === null ? null : dayOf(t.opens)
    return {
      schoolYearId: year.id,
      key: t.key,
      titleVi: t.titleVi,
      titleEn: t.titleEn,
      opensOn: opensOn !== null && opensOn <= dueDate ? opensOn : null,
      dueDate,
      dueTime: null,
      roles: [...t.roles],
      departmentIds: null,
      task: t.task,
      sortOrder: (index + 1) * 10,
    }
  })
}

/**
 * Creates the standard deadlines the year lacks, with their reminders (idempotent; one the admin
 * removed is not brought back). Call inside the transaction that creates the year.
 */
export async function ensureCalendar(stores: Stores, year: SchoolYear, now: Date): Promise<Deadline[]> {
  const calendar = new CalendarStore(stores.db)
  const at = now.toISOString()
  const have = await calendar.keysOf(year.id)
  for (const d of standardCalendar(year)) {
    if (d.key !== null && have.has(d.key)) continue
    const made = await calendar.insertDeadline(d, at)
    await syncReminders(calendar, made, now, {
      offsets: DEFAULT_REMINDER_OFFSETS,
      atTime: DEFAULT_REMINDER_TIME,
    })
  }
  return calendar.listDeadlines(year.id)
}

/**
 * After the year's plan or approval deadline changed (SchoolService.setDeadlines): the calendar's
 * matching deadlines move too, with their reminders. Call inside the same transaction.
 */
export async function syncYearDeadlines(stores: Stores, year: SchoolYear, now: Date): Promise<void> {
  const calendar = new CalendarStore(stores.db)
  for (const [key, field] of Object.entries(LINKED) as Array<[LinkedKey, (typeof LINKED)[LinkedKey]]>) {
    const d = await calendar.byKey(year.id, key)
    if (!d || d.dueDate === year[field]) continue
    const moved = await calendar.updateDeadline(d.id, movePatch(d, year[field]), now.toISOString())
    if (moved) await syncReminders(calendar, moved, now)
  }
}

/** A new due date; a period's first day moves by as many days. */
function movePatch(d: Deadline, dueDate: string, opensOn?: string | null): DeadlinePatch {
  const shift = dayjs.utc(dueDate).diff(dayjs.utc(d.dueDate), 'day')
  return {
    dueDate,
    opensOn: opensOn !== undefined ? opensOn : d.opensOn === null ? null : addDays(d.opensOn, shift),
  }
}

/**
 * Brings a deadline's reminders in line with its due date (and with `spec`, when the offsets or the
 * time change): a pending one gets its new time; one already enqueued or skipped is armed again
 * only when its new time is still ahead (it spoke of the old date); one whose offset is dropped is
 * cancelled; a new offset gets a pending row. A pending reminder whose time is already past fires
 * at the next tick (the latest of a deadline's due reminders; the earlier are superseded).
 */
async function syncReminders(
  calendar: CalendarStore,
  deadline: Deadline,
  now: Date,
  spec?: { offsets: readonly number[]; atTime: string },
): Promise<void> {
  const at = now.toISOString()
  const existing = (await calendar.remindersOf([deadline.id])).get(deadline.id) ?? []
  const byOffset = new Map(existing.map((r) => [r.offsetDays, r]))
  const wanted = spec
    ? spec.offsets.map((offsetDays) => ({ offsetDays, atTime: spec.atTime }))
    : existing
        .filter((r) => r.state !== 'cancelled')
        .map((r) => ({ offsetDays: r.offsetDays, atTime: r.atTime }))
  const fresh: Array<{ deadlineId: number; offsetDays: number; atTime: string; fireAt: string }> = []
  for (const w of wanted) {
    const fireAt = reminderFireAt(deadline.dueDate, w.offsetDays, w.atTime)
    const r = byOffset.get(w.offsetDays)
    if (!r) fresh.push({ deadlineId: deadline.id, offsetDays: w.offsetDays, atTime: w.atTime, fireAt })
    else if (r.state === 'pending') {
      if (r.fireAt !== fireAt || r.atTime !== w.atTime) await calendar.reschedule(r.id, fireAt, w.atTime, at)
    } else if (r.state === 'cancelled' || (r.fireAt !== fireAt && fireAt > at)) {
      await calendar.rearm(r.id, fireAt, w.atTime, at)
    }
  }
  await calendar.insertReminders(fresh, at)
  if (spec) {
    const keep = new Set(spec.offsets)
    await calendar.cancelReminders(
      deadline.id,
      at,
      existing.filter((r) => !keep.has(r.offsetDays)).map((r) => r.id),
    )
  }
}

// ── whose task is open ────────────────────────────────────────────────────────────────────────

/** A person's part in a deadline's task: open or done, and how many things are left. */
export interface TaskState {
  task: Task
  open: boolean
  /** 1 for one's own plan; plans waiting for the head / the school; people still without full grades */
  pending: number
}

/** A person to remind: their task is open and they have a linked Telegram account. */
export interface OpenTask {
  personId: number
  telegramId: number
  fullName: string
  role: Role
  /** telegram_users.language, else 'vi' */
  language: string
  /** null for a deadline without a task the bot can check (everyone it concerns is reminded) */
  task: TaskState | null
}

/** What the task checks know of a year: its plans, heads, and (when needed) who lacks grades. */
class YearFacts {
  private plans?: Awaited<ReturnType<CalendarStore['plans']>>
  private heads?: Map<number, number[]>
  private ungradedPeople?: Set<number>

  constructor(
    private readonly calendar: CalendarStore,
    private readonly schoolId: number,
    private readonly schoolYearId: number,
  ) {}

  private async allPlans() {
    this.plans ??= await this.calendar.plans(this.schoolYearId)
    return this.plans
  }

  private async headsOf() {
    this.heads ??= await this.calendar.headsByDepartment(this.schoolId)
    return this.heads
  }

  private async ungraded() {
    if (!this.ungradedPeople) {
      const approved = (await this.allPlans()).filter((p) => p.status === 'approved').map((p) => p.planId)
      this.ungradedPeople = await this.calendar.ungraded(this.schoolYearId, approved)
    }
    return this.ungradedPeople
  }

  /** The person's part in `task`, or null when the task is not theirs (e.g. a teacher's for a head). */
  async taskOf(task: Task, person: CalendarPerson): Promise<TaskState | null> {
    const state = (pending: number): TaskState => ({ task, open: pending > 0, pending })
    switch (task) {
      case 'plan-submitted': {
        if (person.role === 'staff') return null
        const plan = (await this.allPlans()).find((p) => p.personId === person.id)
        return state(!plan || plan.status === 'draft' || plan.status === 'returned' ? 1 : 0)
      }
      case 'plan-head-approved': {
        if (person.role !== 'head' || person.departmentId === null) return null
        const waiting = (await this.allPlans()).filter(
          (p) =>
            p.status === 'submitted' && p.departmentId === person.departmentId && p.personId !== person.id,
        )
        return state(waiting.length)
      }
      case 'plan-approved-by-school': {
        if (person.role !== 'admin') return null
        const heads = await this.headsOf()
        const waiting = (await this.allPlans()).filter((p) => {
          if (p.personId === person.id) return false
          if (p.status === 'head_approved') return true
          // a submitted plan no head will see goes straight to the school (PlanService.waiting)
          const headStep =
            p.departmentId !== null && (heads.get(p.departmentId) ?? []).some((h) => h !== p.personId)
          return p.status === 'submitted' && !headStep
        })
        return state(waiting.length)
      }
      case 'grades-entered': {
        const ungraded = await this.ungraded()
        const plans = await this.allPlans()
        if (person.role === 'head' && person.departmentId !== null) {
          return state(
            plans.filter(
              (p) =>
                ungraded.has(p.personId) &&
                p.personId !== person.id &&
                p.departmentId === person.departmentId &&
                (p.role === 'teacher' || p.role === 'head'),
            ).length,
          )
        }
        if (person.role === 'admin')
          return state(plans.filter((p) => ungraded.has(p.personId) && p.personId !== person.id).length)
        return null
      }
    }
  }
}

function concerns(d: Deadline, person: { role: Role; departmentId: number | null }): boolean {
  if (!d.roles.includes(person.role)) return false
  if (d.departmentIds === null) return true
  return person.departmentId !== null && d.departmentIds.includes(person.departmentId)
}

/**
 * The people a deadline concerns whose task is still open (everyone it concerns when it has no task
 * the bot can check), linked or not. Works inside a transaction: pass `tx`.
 */
export async function openPeople(
  stores: Stores,
  deadline: Deadline,
  schoolId: number,
): Promise<Array<{ person: CalendarPerson; task: TaskState | null }>> {
  const calendar = new CalendarStore(stores.db)
  const people = await calendar.people(schoolId, {
    roles: deadline.roles,
    departmentIds: deadline.departmentIds,
  })
  if (deadline.task === null) return people.map((person) => ({ person, task: null }))
  const facts = new YearFacts(calendar, schoolId, deadline.schoolYearId)
  const out: Array<{ person: CalendarPerson; task: TaskState | null }> = []
  for (const person of people) {
    const task = await facts.taskOf(deadline.task, person)
    if (task?.open) out.push({ person, task })
  }
  return out
}

/** openPeople, only those with a linked Telegram account, as reminder recipients. */
export async function openTasksOf(stores: Stores, deadline: Deadline, schoolId: number): Promise<OpenTask[]> {
  return linkedOnly(await openPeople(stores, deadline, schoolId))
}

function linkedOnly(open: ReadonlyArray<{ person: CalendarPerson; task: TaskState | null }>): OpenTask[] {
  return open.flatMap(({ person, task }) =>
    person.telegramId === null
      ? []
      : [
          {
            personId: person.id,
            telegramId: person.telegramId,
            fullName: person.fullName,
            role: person.role,
            language: person.language,
            task,
          },
        ],
  )
}

// ── the service ───────────────────────────────────────────────────────────────────────────────

/** A deadline as the bot shows it. */
export interface DeadlineView extends Deadline {
  schoolId: number
  /** the instant it is over (ISO UTC): its time on the due day, else the end of that Vietnam day */
  endsAt: string
  passed: boolean
  /** Vietnam days from today to the due date (0: today; negative once gone) */
  daysLeft: number
}

/** A deadline with its reminders (the admin's list). */
export interface AdminDeadlineView extends DeadlineView {
  reminders: Reminder[]
}

/** A deadline that concerns the actor, with their part in it. */
export interface MyDeadline extends DeadlineView {
  /** null: no task the bot can check for this person (a date to know) */
  task: Task | null
  /** null when `task` is null; else whether something is still to do */
  open: boolean | null
  /** how many things are still to do (0 when done) */
  pending: number
}

/** No deadline / year / school / department with this id (`ids`: which of a list). */
export type CalendarNotFound = {
  readonly code: 'not-found'
  readonly entity: 'deadline' | 'school-year' | 'school' | 'department'
  readonly ids?: readonly number[]
}
/** Departments of another school in a deadline's audience. */
export type CalendarWrongSchool = {
  readonly code: 'wrong-school'
  readonly entity: 'department'
  readonly ids: readonly number[]
}
export type NoCurrentYear = { readonly code: 'no-current-year'; readonly schoolId: number }
/** A date outside the school year (1 July to 31 August of the next year). */
export type OutsideYear = {
  readonly code: 'outside-year'
  readonly date: string
  readonly from: string
  readonly to: string
}
/** A period that opens after it is due. */
export type DateOrder = { readonly code: 'date-order'; readonly opensOn: string; readonly dueDate: string }
/** The plan deadline would fall after the approval deadline. */
export type PlanDeadlineOrder = {
  readonly code: 'deadline-order'
  readonly planDeadline: string
  readonly approvalDeadline: string
}
/** The plan and approval deadlines hold the year's (plans lock on them): they can move, not go. */
export type DeadlineRequired = { readonly code: 'deadline-required'; readonly key: string }

const id = z.number().int().positive()
const day = z.string().trim().refine(isDay, { message: 'YYYY-MM-DD' })
const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:mm' })
const title = z.string().trim().min(2).max(200)
const roles = z
  .array(z.enum(ROLES))
  .min(1)
  .max(ROLES.length)
  .transform((r) => [...new Set(r)])
const departmentIds = z
  .array(id)
  .min(1)
  .max(200)
  .transform((d) => [...new Set(d)])
const offsets = z
  .array(z.number().int().min(0).max(90))
  .max(5)
  .transform((o) => [...new Set(o)].sort((a, b) => b - a))

const addInput = z.object({
  schoolYearId: id,
  titleVi: title,
  /** defaults to the Vietnamese title */
  titleEn: title.optional(),
  dueDate: day,
  dueTime: time.nullable().optional(),
  opensOn: day.nullable().optional(),
  roles,
  /** null or absent: every department */
  departmentIds: departmentIds.nullable().optional(),
  task: z.enum(TASKS).nullable().optional(),
  /** days before; default [7, 1] */
  reminderOffsets: offsets.optional(),
  reminderTime: time.optional(),
})
/** What `add` takes: titles (English defaults to Vietnamese), dates, roles, departments, task, reminders. */
export type AddDeadlineInput = z.input<typeof addInput>

const moveInput = z.object({
  deadlineId: id,
  dueDate: day,
  /** undefined: keep; null: the whole day */
  dueTime: time.nullable().optional(),
  /** undefined: moves with the due date; null: a single day */
  opensOn: day.nullable().optional(),
})
const renameInput = z
  .object({ deadlineId: id, titleVi: title.optional(), titleEn: title.optional() })
  .refine((v) => v.titleVi !== undefined || v.titleEn !== undefined, {
    message: 'a title',
    path: ['titleVi'],
  })
const remindersInput = z.object({ deadlineId: id, offsets, atTime: time.optional() })
const byDeadline = z.object({ deadlineId: id })

type Loaded = { who: ActorInfo; deadline: Deadline; year: SchoolYear }

export class CalendarService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  /** The year's standard calendar, made if missing (idempotent; for years made elsewhere). */
  async ensureCalendar(
    schoolYearId: number,
  ): Promise<Result<DeadlineView[], CalendarNotFound | InvalidInput>> {
    const parsed = parseInput(id, schoolYearId)
    if (!parsed.ok) return parsed
    const year = await this.stores.schools.getYear(parsed.value)
    if (!year) return fail({ code: 'not-found' as const, entity: 'school-year' as const })
    const now = this.ctx.now()
    const made = await this.stores.transaction((tx) => ensureCalendar(tx, year, now))
    return ok(made.map((d) => this.view(d, year.schoolId, now)))
  }

  /** Admins: the year's deadlines (the current year of `schoolId` when no year is given), with reminders. */
  async list(
    actor: Actor,
    input: { schoolYearId?: number; schoolId?: number },
  ): Promise<Result<AdminDeadlineView[], InvalidInput | Forbidden | CalendarNotFound | NoCurrentYear>> {
    const parsed = parseInput(
      z
        .object({ schoolYearId: id.optional(), schoolId: id.optional() })
        .refine((v) => v.schoolYearId !== undefined || v.schoolId !== undefined, {
          message: 'schoolYearId or schoolId',
          path: ['schoolYearId'],
        }),
      input,
    )
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    let year: SchoolYear | undefined
    if (parsed.value.schoolYearId !== undefined) {
      year = await this.stores.schools.getYear(parsed.value.schoolYearId)
      if (!year) return fail({ code: 'not-found' as const, entity: 'school-year' as const })
    } else {
      const schoolId = parsed.value.schoolId as number
      if (!(await this.stores.schools.get(schoolId)))
        return fail({ code: 'not-found' as const, entity: 'school' as const })
      if (!isAdminOf(who, schoolId)) return forbidden()
      year = await this.stores.schools.currentYear(schoolId)
      if (!year) return fail({ code: 'no-current-year' as const, schoolId })
    }
    if (!isAdminOf(who, year.schoolId)) return forbidden()
    return ok(await this.adminViews(this.stores, year))
  }

  /** Admins: a deadline of their own (reminders 7 and 1 days before at 08:00 unless told otherwise). */
  async add(
    actor: Actor,
    input: AddDeadlineInput,
  ): Promise<
    Result<
      AdminDeadlineView,
      InvalidInput | Forbidden | CalendarNotFound | CalendarWrongSchool | OutsideYear | DateOrder
    >
  > {
    const parsed = parseInput(addInput, input)
    if (!parsed.ok) return parsed
    const v = parsed.value
    const who = await whoIs(this.stores, actor)
    const year = await this.stores.schools.getYear(v.schoolYearId)
    if (!year) return fail({ code: 'not-found' as const, entity: 'school-year' as const })
    if (!isAdminOf(who, year.schoolId)) return forbidden()
    const dates = checkDates(year, v.dueDate, v.opensOn ?? null)
    if (dates) return fail(dates)
    const departments = await this.checkDepartments(year.schoolId, v.departmentIds ?? null)
    if (departments) return fail(departments)
    const now = this.ctx.now()
    const at = now.toISOString()
    return this.stores.transaction(async (tx) => {
      const calendar = new CalendarStore(tx.db)
      const made = await calendar.insertDeadline(
        {
          schoolYearId: year.id,
          key: null,
          titleVi: v.titleVi,
          titleEn: v.titleEn ?? v.titleVi,
          opensOn: v.opensOn ?? null,
          dueDate: v.dueDate,
          dueTime: v.dueTime ?? null,
          roles: v.roles,
          departmentIds: v.departmentIds ?? null,
          task: v.task ?? null,
          sortOrder: (await calendar.maxSortOrder(year.id)) + 10,
        },
        at,
      )
      await syncReminders(calendar, made, now, {
        offsets: v.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS,
        atTime: v.reminderTime ?? DEFAULT_REMINDER_TIME,
      })
      await tx.audit.record(
        who.telegramId,
        'deadline.add',
        { deadlineId: made.id, schoolYearId: year.id, title: made.titleVi, dueDate: made.dueDate },
        at,
      )
      return ok(await this.adminView(calendar, made, year.schoolId, now))
    })
  }

  /**
   * Admins: a new due date (and time); its reminders follow. The plan and approval deadlines move
   * the year's own (school_years), which lock the plans.
   */
  async move(
    actor: Actor,
    input: { deadlineId: number; dueDate: string; dueTime?: string | null; opensOn?: string | null },
  ): Promise<
    Result<
      AdminDeadlineView,
      InvalidInput | Forbidden | CalendarNotFound | OutsideYear | DateOrder | PlanDeadlineOrder
    >
  > {
    const parsed = parseInput(moveInput, input)
    if (!parsed.ok) return parsed
    const v = parsed.value
    const loaded = await this.load(actor, v.deadlineId)
    if (!loaded.ok) return loaded
    const { who, deadline, year } = loaded.value
    const patch = movePatch(deadline, v.dueDate, v.opensOn)
    if (v.dueTime !== undefined) patch.dueTime = v.dueTime
    const dates = checkDates(year, v.dueDate, patch.opensOn ?? null)
    if (dates) return fail(dates)
    const linked = deadline.key !== null && deadline.key in LINKED ? LINKED[deadline.key as LinkedKey] : null
    const yearDeadlines = {
      planDeadline: linked === 'planDeadline' ? v.dueDate : year.planDeadline,
      approvalDeadline: linked === 'approvalDeadline' ? v.dueDate : year.approvalDeadline,
    }
    if (linked && yearDeadlines.planDeadline >= yearDeadlines.approvalDeadline)
      return fail({ code: 'deadline-order' as const, ...yearDeadlines })
    const now = this.ctx.now()
    const at = now.toISOString()
    return this.stores.transaction(async (tx) => {
      const calendar = new CalendarStore(tx.db)
      const moved = await calendar.updateDeadline(deadline.id, patch, at)
      if (!moved) return fail({ code: 'not-found' as const, entity: 'deadline' as const })
      await syncReminders(calendar, moved, now)
      if (linked) await tx.schools.setDeadlines(year.id, yearDeadlines, at)
      await tx.audit.record(
        who.telegramId,
        'deadline.move',
        {
          deadlineId: deadline.id,
          from: [deadline.dueDate, deadline.dueTime],
          to: [moved.dueDate, moved.dueTime],
        },
        at,
      )
      return ok(await this.adminView(calendar, moved, year.schoolId, now))
    })
  }

  /** Admins: new titles (either or both). */
  async rename(
    actor: Actor,
    input: { deadlineId: number; titleVi?: string; titleEn?: string },
  ): Promise<Result<AdminDeadlineView, InvalidInput | Forbidden | CalendarNotFound>> {
    const parsed = parseInput(renameInput, input)
    if (!parsed.ok) return parsed
    const v = parsed.value
    const loaded = await this.load(actor, v.deadlineId)
    if (!loaded.ok) return loaded
    const { who, deadline, year } = loaded.value
    const now = this.ctx.now()
    const at = now.toISOString()
    return this.stores.transaction(async (tx) => {
      const calendar = new CalendarStore(tx.db)
      const renamed = await calendar.updateDeadline(
        deadline.id,
        {
          ...(v.titleVi !== undefined ? { titleVi: v.titleVi } : {}),
          ...(v.titleEn !== undefined ? { titleEn: v.titleEn } : {}),
        },
        at,
      )
      // a title is read when a reminder is sent: its reminders need no change
      if (!renamed) return fail({ code: 'not-found' as const, entity: 'deadline' as const })
      await tx.audit.record(
        who.telegramId,
        'deadline.rename',
        {
          deadlineId: deadline.id,
          from: [deadline.titleVi, deadline.titleEn],
          to: [renamed.titleVi, renamed.titleEn],
        },
        at,
      )
      return ok(await this.adminView(calendar, renamed, year.schoolId, now))
    })
  }

  /** Admins: the deadline goes (kept for the history); its pending reminders are cancelled. */
  async remove(
    actor: Actor,
    input: { deadlineId: number },
  ): Promise<
    Result<
      { deadlineId: number; cancelledReminders: number },
      InvalidInput | Forbidden | CalendarNotFound | DeadlineRequired
    >
  > {
    const parsed = parseInput(byDeadline, input)
    if (!parsed.ok) return parsed
    const loaded = await this.load(actor, parsed.value.deadlineId)
    if (!loaded.ok) return loaded
    const { who, deadline } = loaded.value
    if (deadline.key !== null && deadline.key in LINKED)
      return fail({ code: 'deadline-required' as const, key: deadline.key })
    const at = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      const calendar = new CalendarStore(tx.db)
      if (!(await calendar.removeDeadline(deadline.id, at)))
        return fail({ code: 'not-found' as const, entity: 'deadline' as const })
      const cancelled = await calendar.cancelReminders(deadline.id, at)
      await tx.audit.record(
        who.telegramId,
        'deadline.remove',
        {
          deadlineId: deadline.id,
          title: deadline.titleVi,
          dueDate: deadline.dueDate,
          cancelledReminders: cancelled,
        },
        at,
      )
      return ok({ deadlineId: deadline.id, cancelledReminders: cancelled })
    })
  }

  /** Admins: which days before (0 = the day itself) and at what time its reminders go. */
  async setReminders(
    actor: Actor,
    input: { deadlineId: number; offsets: number[]; atTime?: string },
  ): Promise<Result<AdminDeadlineView, InvalidInput | Forbidden | CalendarNotFound>> {
    const parsed = parseInput(remindersInput, input)
    if (!parsed.ok) return parsed
    const v = parsed.value
    const loaded = await this.load(actor, v.deadlineId)
    if (!loaded.ok) return loaded
    const { who, deadline, year } = loaded.value
    const now = this.ctx.now()
    const at = now.toISOString()
    return this.stores.transaction(async (tx) => {
      const calendar = new CalendarStore(tx.db)
      await syncReminders(calendar, deadline, now, {
        offsets: v.offsets,
        atTime: v.atTime ?? DEFAULT_REMINDER_TIME,
      })
      await tx.audit.record(
        who.telegramId,
        'deadline.reminders',
        { deadlineId: deadline.id, offsets: v.offsets, atTime: v.atTime ?? DEFAULT_REMINDER_TIME },
        at,
      )
      return ok(await this.adminView(calendar, deadline, year.schoolId, now))
    })
  }

  /**
   * The deadlines of the current year that concern the actor (by role and department): the coming
   * ones first (soonest first), then the past ones (latest first); each with whether their task is
   * still open (their plan not submitted; plans waiting for them; people still without grades).
   */
  async deadlinesFor(actor: Actor): Promise<Result<MyDeadline[], NotLinked | NoCurrentYear>> {
    const who = await whoIs(this.stores, actor)
    const person = who.person
    if (!person) return notLinked()
    const year = await this.stores.schools.currentYear(person.schoolId)
    if (!year) return fail({ code: 'no-current-year' as const, schoolId: person.schoolId })
    const calendar = new CalendarStore(this.stores.db)
    const [me] = await calendar.people(person.schoolId, { personId: person.id })
    if (!me) return notLinked()
    const facts = new YearFacts(calendar, person.schoolId, year.id)
    const now = this.ctx.now()
    const out: MyDeadline[] = []
    for (const d of await calendar.listDeadlines(year.id)) {
      if (!concerns(d, me)) continue
      const task = d.task === null ? null : await facts.taskOf(d.task, me)
      out.push({
        ...this.view(d, person.schoolId, now),
        task: task?.task ?? null,
        open: task ? task.open : null,
        pending: task?.pending ?? 0,
      })
    }
    const coming = out.filter((d) => !d.passed)
    const past = out.filter((d) => d.passed).reverse()
    return ok([...coming, ...past])
  }

  /**
   * The people whose task for this deadline is still open — exactly them — with a linked Telegram
   * account and their language (for reminders; no actor: the system asks).
   */
  async openTasks(deadlineId: number): Promise<OpenTask[]> {
    const deadline = await new CalendarStore(this.stores.db).getDeadline(deadlineId)
    if (!deadline || deadline.removedAt !== null) return []
    const year = await this.stores.schools.getYear(deadline.schoolYearId)
    if (!year) return []
    return openTasksOf(this.stores, deadline, year.schoolId)
  }

  /**
   * Admins: who still has this deadline's task open — those a reminder reaches and those without a
   * Telegram account yet (e.g. for a broadcast to "those whose task is still open": `personIds`).
   */
  async whoIsOpen(
    actor: Actor,
    input: { deadlineId: number },
  ): Promise<
    Result<
      {
        deadlineId: number
        linked: OpenTask[]
        withoutTelegram: Array<{ personId: number; fullName: string }>
      },
      InvalidInput | Forbidden | CalendarNotFound
    >
  > {
    const parsed = parseInput(byDeadline, input)
    if (!parsed.ok) return parsed
    const loaded = await this.load(actor, parsed.value.deadlineId)
    if (!loaded.ok) return loaded
    const { deadline, year } = loaded.value
    const open = await openPeople(this.stores, deadline, year.schoolId)
    return ok({
      deadlineId: deadline.id,
      linked: linkedOnly(open),
      withoutTelegram: open
        .filter((o) => o.person.telegramId === null)
        .map((o) => ({ personId: o.person.id, fullName: o.person.fullName })),
    })
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  /** A deadline (not removed), its year, and the actor — an admin of its school. */
  private async load(
    actor: Actor,
    deadlineId: number,
  ): Promise<Result<Loaded, Forbidden | CalendarNotFound>> {
    const who = await whoIs(this.stores, actor)
    const deadline = await new CalendarStore(this.stores.db).getDeadline(deadlineId)
    if (!deadline || deadline.removedAt !== null) return fail({ code: 'not-found', entity: 'deadline' })
    const year = await this.stores.schools.getYear(deadline.schoolYearId)
    if (!year) return fail({ code: 'not-found', entity: 'school-year' })
    if (!isAdminOf(who, year.schoolId)) return forbidden()
    return ok({ who, deadline, year })
  }

  private async checkDepartments(
    schoolId: number,
    ids: readonly number[] | null,
  ): Promise<CalendarNotFound | CalendarWrongSchool | undefined> {
    if (ids === null) return undefined
    const missing: number[] = []
    const elsewhere: number[] = []
    for (const departmentId of ids) {
      const d = await this.stores.schools.getDepartment(departmentId)
      if (!d) missing.push(departmentId)
      else if (d.schoolId !== schoolId) elsewhere.push(departmentId)
    }
    if (missing.length) return { code: 'not-found', entity: 'department', ids: missing }
    if (elsewhere.length) return { code: 'wrong-school', entity: 'department', ids: elsewhere }
    return undefined
  }

  private view(d: Deadline, schoolId: number, now: Date): DeadlineView {
    const endsAt = deadlineEndsAt(d)
    return {
      ...d,
      schoolId,
      endsAt,
      passed: now.toISOString() >= endsAt,
      daysLeft: daysUntil(d.dueDate, now),
    }
  }

  private async adminView(
    calendar: CalendarStore,
    d: Deadline,
    schoolId: number,
    now: Date,
  ): Promise<AdminDeadlineView> {
    const reminders = (await calendar.remindersOf([d.id])).get(d.id) ?? []
    return { ...this.view(d, schoolId, now), reminders }
  }

  private async adminViews(stores: Stores, year: SchoolYear): Promise<AdminDeadlineView[]> {
    const calendar = new CalendarStore(stores.db)
    const deadlines = (await calendar.listDeadlines(year.id)).sort(byDue)
    const reminders = await calendar.remindersOf(deadlines.map((d) => d.id))
    const now = this.ctx.now()
    return deadlines.map((d) => ({
      ...this.view(d, year.schoolId, now),
      reminders: reminders.get(d.id) ?? [],
    }))
  }
}

/** A due date (and first day) inside the school year, the first day not after the due date. */
function checkDates(
  year: Pick<SchoolYear, 'name' | 'startsOn'>,
  dueDate: string,
  opensOn: string | null,
): OutsideYear | DateOrder | undefined {
  const { from, to } = yearWindow(year)
  for (const date of [dueDate, opensOn]) {
    if (date !== null && (date < from || date > to)) return { code: 'outside-year', date, from, to }
  }
  if (opensOn !== null && opensOn > dueDate) return { code: 'date-order', opensOn, dueDate }
  return undefined
}

/** The callback data of the button that opens a task's flow (≤ 64 bytes). */
export function taskButtonData(task: Task | null): string {
  switch (task) {
    case 'plan-submitted':
      return 'go:plan'
    case 'plan-head-approved':
    case 'plan-approved-by-school':
      return 'go:approve'
    case 'grades-entered':
      return 'go:grades'
    default:
      return 'go:deadlines'
  }
}

/** The title in a language ('en' → English; anything else → Vietnamese). */
export function deadlineTitle(d: Pick<Deadline, 'titleVi' | 'titleEn'>, language: string): string {
  return language === 'en' ? d.titleEn : d.titleVi
}
