/**
 * A deadline as the bot shows it: when it is over, whether it has passed, the days left, its title
 * in the reader's language and the button that opens its task.
 *
 *   deadlineView(d, schoolId, now)      // { ...d, endsAt, passed, daysLeft }
 *   taskButtonData('plan-submitted')    // 'go:plan'
 */
import { byDue, CalendarStore, type Deadline, type Reminder, type Task } from '../store/calendar.ts'
import type { SchoolYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { daysUntil, deadlineEndsAt } from './vietnam-days.ts'

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
export function deadlineView(d: Deadline, schoolId: number, now: Date): DeadlineView {
  const endsAt = deadlineEndsAt(d)
  return {
    ...d,
    schoolId,
    endsAt,
    passed: now.toISOString() >= endsAt,
    daysLeft: daysUntil(d.dueDate, now),
  }
}

/** A deadline with its reminders. */
export async function adminView(
  calendar: CalendarStore,
  d: Deadline,
  schoolId: number,
  now: Date,
): Promise<AdminDeadlineView> {
  const reminders = (await calendar.remindersOf([d.id])).get(d.id) ?? []
  return { ...deadlineView(d, schoolId, now), reminders }
}

/** A year's deadlines, soonest first, with their reminders. */
export async function adminViews(stores: Stores, year: SchoolYear, now: Date): Promise<AdminDeadlineView[]> {
  const calendar = new CalendarStore(stores.db)
  const deadlines = (await calendar.listDeadlines(year.id)).sort(byDue)
  const reminders = await calendar.remindersOf(deadlines.map((d) => d.id))
  return deadlines.map((d) => ({
    ...deadlineView(d, year.schoolId, now),
    reminders: reminders.get(d.id) ?? [],
  }))
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
