/**
 * What an admin may give a deadline, and where its days may fall: titles, days (YYYY-MM-DD) and
 * times (HH:mm, Vietnam time), roles, departments, the task, reminder offsets — and a due date (and
 * first day) inside the school year's window (its regulation's: from 1 July, 1 May under
 * TT 19/2019, to 31 August of the next year), the first day not after the due date.
 */
import { z } from 'zod'
import { TASKS } from '../store/calendar.ts'
import { ROLES } from '../store/people.ts'
import type { SchoolYear } from '../store/schools.ts'
import { profileOfYear } from './regulation.ts'
import { isDay } from './vietnam-days.ts'
import { yearWindow } from './year-calendar.ts'

/** A date outside the school year (1 July — 1 May under TT 19/2019 — to 31 August of the next year). */
export type OutsideYear = {
  readonly code: 'outside-year'
  readonly date: string
  readonly from: string
  readonly to: string
}
/** A period that opens after it is due. */
export type DateOrder = { readonly code: 'date-order'; readonly opensOn: string; readonly dueDate: string }
export const id = z.number().int().positive()
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

export const addInput = z.object({
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

export const moveInput = z.object({
  deadlineId: id,
  dueDate: day,
  /** undefined: keep; null: the whole day */
  dueTime: time.nullable().optional(),
  /** undefined: moves with the due date; null: a single day */
  opensOn: day.nullable().optional(),
})
export const renameInput = z
  .object({ deadlineId: id, titleVi: title.optional(), titleEn: title.optional() })
  .refine((v) => v.titleVi !== undefined || v.titleEn !== undefined, {
    message: 'a title',
    path: ['titleVi'],
  })
export const remindersInput = z.object({ deadlineId: id, offsets, atTime: time.optional() })
export const byDeadline = z.object({ deadlineId: id })

/** A due date (and first day) inside the school year, the first day not after the due date. */
export function checkDates(
  year: Pick<SchoolYear, 'name' | 'startsOn' | 'profileId'>,
  dueDate: string,
  opensOn: string | null,
): OutsideYear | DateOrder | undefined {
  const { from, to } = yearWindow(year, profileOfYear(year))
  for (const date of [dueDate, opensOn]) {
    if (date !== null && (date < from || date > to)) return { code: 'outside-year', date, from, to }
  }
  if (opensOn !== null && opensOn > dueDate) return { code: 'date-order', opensOn, dueDate }
  return undefined
}
