/**
 * The school year's calendar, from seed 004 (a THPT school's 2017-2018 BDTX plan), moved to any
 * year: teachers' plans until 7 September, the school's approval until 14 September, and so on —
 * its periods as standard deadlines (`ensureCalendar`, called when a year is created), each with a
 * title in Vietnamese and English, the roles it concerns and, where it has one, the task that
 * completes it.
 *
 *   seedCalendar(2025).planDeadline        // '2025-09-07'
 *   await ensureCalendar(tx, year, now)    // the year's standard deadlines and their reminders
 */
import { CalendarStore, type Deadline, type NewDeadline, type Task } from '../store/calendar.ts'
import type { Role } from '../store/people.ts'
import type { SchoolYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import {
  DEFAULT_REMINDER_OFFSETS,
  DEFAULT_REMINDER_TIME,
  movePatch,
  syncReminders,
} from './deadline-reminders.ts'
import { addDays, deadlinePassed, schoolYearAt, vietnamDay } from './vietnam-days.ts'

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
/** The standard deadlines that hold the year's plan and approval deadlines (school_years). */
export const LINKED = { 'plan-writing': 'planDeadline', 'plan-school-approval': 'approvalDeadline' } as const
export type LinkedKey = keyof typeof LINKED

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
