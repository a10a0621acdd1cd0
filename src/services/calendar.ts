/**
 * The school year's calendar, from seed 004 (a THPT school's 2017-2018 BDTX plan), moved to any
 * year: teachers' plans until 7 September, the school's approval until 14 September, and so on.
 * Days are Vietnam days: a deadline "7 September" lasts until 23:59:59 on 7/9 in UTC+7.
 *
 *   schoolYearAt(new Date('2025-10-01'))    // { name: '2025-2026', startYear: 2025 }
 *   seedCalendar(2025).planDeadline        // '2025-09-07'
 */

/** Month-day of each step of the seed 004 calendar; `next` marks days of the following calendar year. */
export const SEED_004_CALENDAR = {
  launch: { on: '08-27', next: false },
  planDeadline: { on: '09-07', next: false },
  approvalDeadline: { on: '09-14', next: false },
  schoolPlanToSo: { on: '09-15', next: false },
  studyEnds: { on: '03-25', next: true },
  dossierFrom: { on: '04-01', next: true },
  dossierTo: { on: '04-15', next: true },
  departmentGradingTo: { on: '04-25', next: true },
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
