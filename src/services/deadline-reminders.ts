/**
 * When a deadline's reminders fire, and keeping them in line when the deadline moves. Each
 * deadline has reminders (7 and 1 days before, 08:00 Vietnam time, unless the admin says
 * otherwise): rows that src/jobs/reminders.ts enqueues through the outbox to the people whose task
 * is still open.
 *
 *   reminderFireAt('2025-09-07', 7)                       // '2025-08-31T01:00:00.000Z'
 *   await syncReminders(calendar, moved, now)             // after a new due date
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc.js'
import type { CalendarStore, Deadline, DeadlinePatch } from '../store/calendar.ts'
import { addDays, vietnamInstant } from './vietnam-days.ts'

dayjs.extend(utc)

/** Reminders of a new deadline: 7 days and 1 day before, at 08:00 Vietnam time. */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [7, 1]
export const DEFAULT_REMINDER_TIME = '08:00'
/** When a reminder fires: `offsetDays` before the due date at `atTime`, Vietnam time; ISO UTC. */
export function reminderFireAt(dueDate: string, offsetDays: number, atTime = DEFAULT_REMINDER_TIME): string {
  return vietnamInstant(addDays(dueDate, -offsetDays), atTime).toISOString()
}
/** A new due date; a period's first day moves by as many days. */
export function movePatch(d: Deadline, dueDate: string, opensOn?: string | null): DeadlinePatch {
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
export async function syncReminders(
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
