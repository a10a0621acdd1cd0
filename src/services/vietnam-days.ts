/**
 * Days and instants as a Vietnamese school counts them. Days are Vietnam days: a deadline
 * "7 September" lasts until 23:59:59 on 7/9 in UTC+7 (Vietnam has no daylight saving time).
 *
 *   schoolYearAt(new Date('2025-10-01'))    // { name: '2025-2026', startYear: 2025 }
 *   vietnameseDate('2025-09-07')            // '07/09/2025'
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'

dayjs.extend(utc)
dayjs.extend(timezone)

export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh'

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
/** The instant of a Vietnam day and time (HH:mm). */
export function vietnamInstant(day: string, time: string): dayjs.Dayjs {
  return dayjs.tz(`${day} ${time}`, VIETNAM_TZ)
}

/** A day `days` after (before, when negative) another, YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD')
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
