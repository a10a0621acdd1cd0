/**
 * A regulation's calendar as data: the day of each step of a school year's BDTX, which of those
 * days the regulation itself sets (with the text that sets it), and the first day a deadline of
 * the year may fall on. Every day the regulation does not set is the school's: seed 004's shape
 * (a THPT school's 2017-2018 plan), cited "theo hướng dẫn của trường".
 *
 *   calendarDay(TT19_CALENDAR, 2026, 'approvalDeadline')   // '2026-05-31' (TT 19/2019 Điều 8)
 *   calendarDay(SEED_004_CALENDAR, 2025, 'planDeadline')   // '2025-09-07'
 *   calendarDay(SEED_004_CALENDAR, 2025, 'schoolPlanToSoFrom')   // null: seed 004 sends it on one day
 */
import { type Citation, SOURCES } from './sources.ts'

/** A month-day; `next` marks a day of the calendar year after the one the school year starts in. */
export interface CalendarDay {
  readonly on: string
  readonly next: boolean
}

export type CalendarStep =
  | 'launch'
  | 'planDeadline'
  | 'approvalDeadline'
  | 'schoolPlanToSoFrom'
  | 'schoolPlanToSo'
  | 'dossierFrom'
  | 'dossierTo'
  | 'departmentGradingFrom'
  | 'departmentGradingTo'
  | 'schoolReviewFrom'
  | 'schoolReviewTo'
  | 'resultsToSo'

/** The one step a calendar may leave without a day (the first day of sending the plan upward). */
type OptionalStep = 'schoolPlanToSoFrom'
/** A step every calendar gives a day: a deadline can be due on it. */
export type DueStep = Exclude<CalendarStep, OptionalStep>

export interface RegulationCalendar {
  readonly days: { readonly [S in CalendarStep]: S extends OptionalStep ? CalendarDay | null : CalendarDay }
  /** the steps the regulation itself sets, with the text that sets them; the others are the school's */
  readonly set: Readonly<Partial<Record<CalendarStep, Citation>>>
  /** the first day a deadline of the year may fall on (its last: 31 August of the next calendar year) */
  readonly opens: CalendarDay
}

/**
 * Seed 004's calendar (domain/BDTX.md, the table of one school year's workflow): teachers' plans by 7 September, the
 * school's approval by 14 September, the plan to the Sở on 15 September, results to the Sở by
 * 30 May. One school's plan, not a regulation's: it sets no step.
 */
export const SEED_004_CALENDAR: RegulationCalendar = {
  days: {
    launch: { on: '08-27', next: false },
    planDeadline: { on: '09-07', next: false },
    approvalDeadline: { on: '09-14', next: false },
    schoolPlanToSoFrom: null,
    schoolPlanToSo: { on: '09-15', next: false },
    dossierFrom: { on: '04-01', next: true },
    dossierTo: { on: '04-15', next: true },
    departmentGradingFrom: { on: '04-16', next: true },
    departmentGradingTo: { on: '04-25', next: true },
    schoolReviewFrom: { on: '04-26', next: true },
    schoolReviewTo: { on: '05-15', next: true },
    resultsToSo: { on: '05-30', next: true },
  },
  set: {},
  opens: { on: '07-01', next: false },
}

/**
 * TT 19/2019 Điều 8 (domain/BDTX.md, "Later regulations"): "a teacher's plan for the next school
 * year is approved before 31 May; schools report their plan upward in June" — so a 2026-2027
 * year's plans are approved by 31/05/2026 and go upward from 1 to 30/06/2026. The circular sets
 * nothing else: the teachers' and heads' deadline keeps seed 004's week before the approval
 * (24 May), the launch its eleven days before that (13 May), and the dossiers, grading, review
 * and results keep seed 004's days (the school's guidance). Deadlines may fall from 1 May, when
 * next year's plans are written.
 */
export const TT19_CALENDAR: RegulationCalendar = {
  days: {
    ...SEED_004_CALENDAR.days,
    launch: { on: '05-13', next: false },
    planDeadline: { on: '05-24', next: false },
    approvalDeadline: { on: '05-31', next: false },
    schoolPlanToSoFrom: { on: '06-01', next: false },
    schoolPlanToSo: { on: '06-30', next: false },
  },
  set: {
    approvalDeadline: SOURCES.tt19PlanApproval,
    schoolPlanToSoFrom: SOURCES.tt19PlanUpward,
    schoolPlanToSo: SOURCES.tt19PlanUpward,
  },
  opens: { on: '05-01', next: false },
}

/** A step's day in the school year that starts in `startYear`, YYYY-MM-DD; null for a step without one. */
export function calendarDay(calendar: RegulationCalendar, startYear: number, step: DueStep): string
export function calendarDay(
  calendar: RegulationCalendar,
  startYear: number,
  step: CalendarStep,
): string | null
export function calendarDay(
  calendar: RegulationCalendar,
  startYear: number,
  step: CalendarStep,
): string | null {
  const day = calendar.days[step]
  return day === null ? null : `${day.next ? startYear + 1 : startYear}-${day.on}`
}

/** The days a school year's deadlines may fall on: the calendar's first day to 31 August of the next year. */
export function calendarWindow(
  calendar: RegulationCalendar,
  startYear: number,
): { from: string; to: string } {
  const { on, next } = calendar.opens
  return { from: `${next ? startYear + 1 : startYear}-${on}`, to: `${startYear + 1}-08-31` }
}
