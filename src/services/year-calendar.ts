/**
 * The school year's calendar: its regulation's (`profile.calendar`, src/rules/calendar.ts) moved to
 * the year — under TT 26/2012 seed 004's (a THPT school's 2017-2018 plan: teachers' plans until
 * 7 September, the school's approval until 14 September …), under TT 19/2019 plans approved by
 * 31 May of the year before and sent upward in June — and its periods as standard deadlines
 * (`ensureCalendar`, called when a year is created), each with a title in Vietnamese and English,
 * the roles it concerns and, where it has one, the task that completes it.
 *
 *   seedCalendar(2025).planDeadline                     // '2025-09-07'
 *   yearCalendar(2026, TT19_2019).approvalDeadline      // '2026-05-31'
 *   await ensureCalendar(tx, year, profile, now)        // the year's standard deadlines and their reminders
 */
import {
  type CalendarStep,
  type Citation,
  calendarDay,
  calendarWindow,
  type DueStep,
  type RegulationProfile,
  TT26_2012,
} from '../rules/index.ts'
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

/** A school year's dates from its regulation's calendar. */
export function yearCalendar(startYear: number, profile: RegulationProfile) {
  const day = (step: DueStep) => calendarDay(profile.calendar, startYear, step)
  return {
    name: `${startYear}-${startYear + 1}`,
    startsOn: day('launch'),
    endsOn: day('resultsToSo'),
    planDeadline: day('planDeadline'),
    approvalDeadline: day('approvalDeadline'),
  }
}

/** A school year's dates from the seed 004 calendar (TT 26/2012's). */
export function seedCalendar(startYear: number) {
  return yearCalendar(startYear, TT26_2012)
}

/** How long a school that starts mid-year gets to register plans, and then to approve them. */
export const LATE_START_PLAN_DAYS = 14
const LATE_START_APPROVAL_DAYS = 7

/**
 * A new school's first year: its regulation's dates, except when its plan deadline is already past
 * (a school that starts using the bot mid-year). Then teachers get two weeks from today to register
 * and the school a week more to approve, instead of finding registration closed before it opened;
 * `planDeadlineMovedFrom` says so, and the admin may set other dates with /setdeadline. Under
 * TT 19/2019 this is every year the bot creates: the year exists from July, its plans were due to
 * be approved by 31 May before it. The regulation's day stays the reference (`regulationDay`).
 */
export function firstYearCalendar(now: Date, profile: RegulationProfile) {
  const calendar = yearCalendar(schoolYearAt(now).startYear, profile)
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
  /** first day of the period; null (or a step the calendar gives no day) for a single day */
  opens: CalendarStep | null
  due: DueStep
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
    opens: 'schoolPlanToSoFrom',
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

/**
 * The days a school year's deadlines may fall on: from its regulation's first day (1 July; 1 May
 * under TT 19/2019, when next year's plans are written) to 31 August of the next year.
 */
export function yearWindow(
  year: Pick<SchoolYear, 'name' | 'startsOn'>,
  profile: RegulationProfile,
): { from: string; to: string } {
  return calendarWindow(profile.calendar, startYearOf(year))
}

type YearDates = Pick<SchoolYear, 'id' | 'name' | 'startsOn' | 'planDeadline' | 'approvalDeadline'>

/**
 * A step's day in a year: plans and approval as the year has them, the others its regulation's.
 * A plan the regulation sends upward on days of its own (TT 19/2019: June) cannot go before it is
 * approved: when the year's approval falls on their last day or later (a school that started
 * late), the plan goes upward the day after it, as seed 004 sends it (14 → 15 September); when it
 * falls within them, they open the day after it. Seed 004's own day is one school's and stays.
 */
function dayOf(year: YearDates, profile: RegulationProfile, step: DueStep): string
function dayOf(year: YearDates, profile: RegulationProfile, step: CalendarStep): string | null
function dayOf(year: YearDates, profile: RegulationProfile, step: CalendarStep): string | null {
  if (step === 'planDeadline') return year.planDeadline
  if (step === 'approvalDeadline') return year.approvalDeadline
  const calendar = profile.calendar
  const day = calendarDay(calendar, startYearOf(year), step)
  const upward = step === 'schoolPlanToSoFrom' || step === 'schoolPlanToSo'
  if (!upward || day === null || calendar.set[step] === undefined) return day
  const afterApproval = addDays(year.approvalDeadline, 1)
  const due = calendarDay(calendar, startYearOf(year), 'schoolPlanToSo')
  if (afterApproval > due) return step === 'schoolPlanToSo' ? afterApproval : null
  // the first day of sending it upward: not before the plans are approved
  if (afterApproval <= day) return day
  return afterApproval
}

/** The standard deadlines of a year: its regulation's calendar moved to it; plans and approval as the year has them. */
export function standardCalendar(year: YearDates, profile: RegulationProfile): NewDeadline[] {
  return STANDARD_DEADLINES.map((t, index) => {
    const dueDate = dayOf(year, profile, t.due)
    const opensOn = t.opens === null ? null : dayOf(year, profile, t.opens)
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
export async function ensureCalendar(
  stores: Stores,
  year: SchoolYear,
  profile: RegulationProfile,
  now: Date,
): Promise<Deadline[]> {
  const calendar = new CalendarStore(stores.db)
  const at = now.toISOString()
  const have = await calendar.keysOf(year.id)
  for (const d of standardCalendar(year, profile)) {
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

/**
 * After the year's regulation changed (RegulationService): each standard deadline still on the
 * previous regulation's default days moves to the new one's, with its reminders; one the admin
 * moved (or whose plan or approval deadline moved it) keeps its days. The year's plan and approval
 * deadlines themselves stay: plans lock on them, and the admin sets them (/setdeadline).
 */
export async function rederiveCalendar(
  stores: Stores,
  year: SchoolYear,
  from: RegulationProfile,
  to: RegulationProfile,
  now: Date,
): Promise<void> {
  const calendar = new CalendarStore(stores.db)
  const before = new Map(standardCalendar(year, from).map((d) => [d.key, d]))
  const after = new Map(standardCalendar(year, to).map((d) => [d.key, d]))
  for (const d of await calendar.listDeadlines(year.id)) {
    const old = before.get(d.key)
    const fresh = after.get(d.key)
    if (!old || !fresh || d.dueDate !== old.dueDate || d.opensOn !== old.opensOn || d.dueTime !== null)
      continue
    if (fresh.dueDate === d.dueDate && fresh.opensOn === d.opensOn) continue
    const moved = await calendar.updateDeadline(
      d.id,
      { dueDate: fresh.dueDate, opensOn: fresh.opensOn },
      now.toISOString(),
    )
    if (moved) await syncReminders(calendar, moved, now)
  }
}

/** The day (or days) a regulation itself sets for a deadline, with the text that sets it. */
export interface RegulationDay {
  source: Citation
  /** first day of the regulation's period; null for a single day ("before 31 May") */
  opensOn: string | null
  dueDate: string
}

/**
 * The regulation's own day for a standard deadline (TT 19/2019: the school's approval by 31 May, the
 * plan upward in June), whatever day the school keeps it on; null for a deadline whose day is the
 * school's (every deadline under TT 26/2012, and the admin's own).
 */
export function regulationDay(
  d: Pick<Deadline, 'key'>,
  year: Pick<SchoolYear, 'name' | 'startsOn'>,
  profile: RegulationProfile,
): RegulationDay | null {
  const t = STANDARD_DEADLINES.find((s) => s.key === d.key)
  const source = t && profile.calendar.set[t.due]
  if (!t || !source) return null
  const startYear = startYearOf(year)
  const opens = t.opens !== null && profile.calendar.set[t.opens] ? t.opens : null
  return {
    source,
    opensOn: opens === null ? null : calendarDay(profile.calendar, startYear, opens),
    dueDate: calendarDay(profile.calendar, startYear, t.due),
  }
}
