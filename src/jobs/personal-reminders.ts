/**
 * Reminders on each person's terms (/settings): the hour of the day they arrive and how early
 * (the school's days, 3 and 1 days before, or only the day before). The school's reminder rows
 * (./reminders.ts) reach everyone else; this pass, run at each of the scheduler's ticks, reaches
 * those with their own schedule. Both write `reminder_deliveries`, so a person who changes their
 * settings between two reminders is never told the same thing twice.
 *
 * Like the school's reminders: only the latest of a person's reminders whose time has come is
 * sent (a bot that was down does not send the 7-day one on the day before), none once the
 * deadline is over, none for a deadline whose reminders the admin turned off, and only while their
 * task is open. Every reminder says how many days are left when it arrives: one held by quiet
 * hours until the due day (or past it) says the deadline is today.
 */

import { BroadcastService, checkSystemBatch, type SystemBatch } from '../services/broadcasts.ts'
import { DEFAULT_REMINDER_TIME, reminderFireAt } from '../services/deadline-reminders.ts'
import type { DeadlineView } from '../services/deadline-views.ts'
import type { OpenTask } from '../services/open-tasks.ts'
import { addDays, daysUntil, vietnamDay } from '../services/vietnam-days.ts'
import { CalendarStore, type Deadline, type Reminder } from '../store/calendar.ts'
import {
  DEFAULT_SETTINGS,
  type NotificationSettings,
  NotificationSettingsStore,
  quietUntil,
} from '../store/notification-settings.ts'
import type { BroadcastContent } from '../store/outbox.ts'
import { type NewDelivery, ReminderDeliveryStore } from '../store/reminder-deliveries.ts'
import type { Stores } from '../store/stores.ts'
import {
  deadlineClock,
  eachAtOnce,
  errorText,
  inParts,
  openTasksOfMany,
  type ReminderRecipient,
  reminderBatch,
} from './reminder-batches.ts'

/** The deadline a reminder tells of, and which reminder it is (./reminders.ts ReminderDeadline). */
export interface TimedDeadline extends DeadlineView {
  reminderId: number
  offsetDays: number
}

/** The most days before a deadline a reminder can be (the admin's offsets are 0–90). */
const MAX_OFFSET_DAYS = 90

/**
 * The deadline as it stands when the reminder reaches this person: held by their quiet hours, it
 * arrives in the morning, and then says the days left from that morning — never fewer than 0, so
 * one that arrives after its deadline because of quiet hours still says the deadline is today.
 */
export function deadlineOnArrival<D extends TimedDeadline>(
  deadline: D,
  settings: NotificationSettings,
  now: Date,
): D {
  return arrivalsAt(now)(deadline, settings)
}

/**
 * deadlineOnArrival for a whole pass at `now`: a pass of 100,000 people has a handful of arrivals
 * (now, or the end of someone's quiet hours) per deadline, and gives back the same object for each.
 */
export function arrivalsAt(
  now: Date,
): <D extends TimedDeadline>(deadline: D, settings: NotificationSettings) => D {
  const made = new WeakMap<TimedDeadline, Map<number, TimedDeadline>>()
  return <D extends TimedDeadline>(deadline: D, settings: NotificationSettings): D => {
    const arrival = quietUntil(now, settings) ?? now
    let byArrival = made.get(deadline)
    if (!byArrival) {
      byArrival = new Map()
      made.set(deadline, byArrival)
    }
    const known = byArrival.get(arrival.getTime())
    if (known) return known as D
    const out = { ...deadline, daysLeft: Math.max(0, daysUntil(deadline.dueDate, arrival)) }
    byArrival.set(arrival.getTime(), out)
    return out
  }
}

/** The days before a deadline this person wants reminders, given the school's (the deadline's rows). */
export function offsetsFor(settings: NotificationSettings, school: readonly number[]): number[] {
  if (settings.reminderDays === '3,1') return [3, 1]
  if (settings.reminderDays === '1') return [1]
  return [...school]
}

/**
 * The latest of this person's reminders of the deadline whose time has come (fire ≤ now), or
 * undefined. The hour is theirs, else the time of the school's reminder of those days, else 08:00.
 */
export function latestDueSlot(
  deadline: Pick<Deadline, 'dueDate'>,
  rows: readonly Pick<Reminder, 'offsetDays' | 'atTime'>[],
  settings: NotificationSettings,
  now: Date,
  fireAtOf: typeof reminderFireAt = reminderFireAt,
): { offsetDays: number; fireAt: string } | undefined {
  const school = rows.map((r) => r.offsetDays)
  const at = now.toISOString()
  let best: { offsetDays: number; fireAt: string } | undefined
  for (const offsetDays of offsetsFor(settings, school)) {
    const time =
      settings.reminderHour !== null
        ? `${String(settings.reminderHour).padStart(2, '0')}:00`
        : (rows.find((r) => r.offsetDays === offsetDays)?.atTime ?? rows[0]?.atTime ?? DEFAULT_REMINDER_TIME)
    const fireAt = fireAtOf(deadline.dueDate, offsetDays, time)
    if (fireAt <= at && (!best || fireAt > best.fireAt)) best = { offsetDays, fireAt }
  }
  return best
}

export interface PersonalReminderTick {
  /** one per deadline that had someone to remind */
  enqueued: Array<{ deadlineId: number; broadcastId: number | null; recipients: number }>
  /** a deadline whose reminders could not be written: tried again at the next tick */
  failed: Array<{ deadlineId: number; error: string }>
}

/** Builds one person's message (./reminders.ts ReminderText, as outbox content). */
export type PersonalContent = (person: OpenTask, deadline: TimedDeadline) => Promise<BroadcastContent>

/**
 * One pass at `now`: every person with their own schedule whose reminder's time has come gets it
 * (once). A few queries find whose is due of which deadline; the reminders are then written in a
 * few transactions, each deadline's outbox rows with its deliveries.
 */
export async function runPersonalReminders(
  stores: Stores,
  now: Date,
  content: PersonalContent,
): Promise<PersonalReminderTick> {
  const tick: PersonalReminderTick = { enqueued: [], failed: [] }
  const own = await new NotificationSettingsStore(stores.db).withOwnSchedule()
  if (own.size === 0) return tick
  const deliveries = new ReminderDeliveryStore(stores.db)
  const calendar = new CalendarStore(stores.db)
  const bySchool = await deliveries.schoolsOf([...own.keys()])
  const fromDay = vietnamDay(now)
  const upcoming = await calendar.upcoming([...bySchool.keys()], fromDay, addDays(fromDay, MAX_OFFSET_DAYS))
  const at = now.toISOString()
  const clock = deadlineClock(now)
  const ahead = upcoming.filter(({ deadline }) => at < clock.endsAt(deadline))
  const ids = ahead.map(({ deadline }) => deadline.id)
  const reminders = await calendar.remindersOf(ids)
  const given = await deliveries.latestOfOwnSchedule(ids)
  // a pass asks the same few instants again and again: one per due date, days before and time
  const instants = new Map<string, string>()
  const fireAt: typeof reminderFireAt = (dueDate, offsetDays, time) => {
    const key = `${dueDate} ${offsetDays} ${time}`
    const instant = instants.get(key) ?? reminderFireAt(dueDate, offsetDays, time)
    instants.set(key, instant)
    return instant
  }
  const dueOf: Array<{ deadline: Deadline; schoolId: number; rows: Reminder[]; due: Map<number, number> }> =
    []
  for (const { deadline, schoolId } of ahead) {
    const rows = (reminders.get(deadline.id) ?? []).filter((r) => r.state !== 'cancelled')
    if (rows.length === 0) continue // the admin turned this deadline's reminders off
    const latest = given.get(deadline.id)
    const due = new Map<number, number>()
    for (const telegramId of bySchool.get(schoolId) ?? []) {
      const slot = latestDueSlot(deadline, rows, own.get(telegramId) ?? DEFAULT_SETTINGS, now, fireAt)
      if (!slot) continue
      const before = latest?.get(telegramId)
      if (before !== undefined && before <= slot.offsetDays) continue
      due.set(telegramId, slot.offsetDays)
    }
    if (due.size > 0) dueOf.push({ deadline, schoolId, rows, due })
  }
  if (dueOf.length === 0) return tick
  const open = await openTasksOfMany(stores.db, dueOf)
  const onArrival = arrivalsAt(now)
  const ready: Array<(typeof dueOf)[number] & { recipients: ReminderRecipient[] }> = []
  for (const [i, item] of dueOf.entries()) {
    const { deadline: d, schoolId, rows, due } = item
    try {
      const view: DeadlineView = {
        ...d,
        schoolId,
        endsAt: clock.endsAt(d),
        passed: false,
        daysLeft: clock.daysLeft(d.dueDate),
      }
      const recipients: ReminderRecipient[] = []
      for (const person of open[i]!) {
        const offsetDays = due.get(person.telegramId)
        if (offsetDays === undefined) continue
        const reminderId = rows.find((r) => r.offsetDays === offsetDays)?.id ?? 0
        const deadline = onArrival(
          { ...view, reminderId, offsetDays },
          own.get(person.telegramId) ?? DEFAULT_SETTINGS,
        )
        recipients.push({ person, content: await content(person, deadline) })
      }
      const checked = recipients.length > 0 ? checkSystemBatch(batchOf(d, schoolId, recipients)) : undefined
      if (checked && !checked.ok)
        throw new Error(`outbox refused the reminders: ${JSON.stringify(checked.error)}`)
      ready.push({ ...item, recipients })
    } catch (error) {
      tick.failed.push({ deadlineId: d.id, error: errorText(error) })
    }
  }
  await eachAtOnce(
    inParts(ready, (r) => r.due.size),
    async (part) => {
      try {
        tick.enqueued.push(...(await stores.transaction((tx) => writePart(tx, part, own, now))))
      } catch (error) {
        for (const { deadline } of part)
          tick.failed.push({ deadlineId: deadline.id, error: errorText(error) })
      }
    },
  )
  // in the deadlines' order, whichever transaction ended first
  const order = new Map(ahead.map(({ deadline }, i) => [deadline.id, i]))
  const byDeadline = (x: { deadlineId: number }, y: { deadlineId: number }) =>
    order.get(x.deadlineId)! - order.get(y.deadlineId)!
  tick.enqueued.sort(byDeadline)
  tick.failed.sort(byDeadline)
  return tick
}

/** One deadline's personal reminders (one at least) as an outbox batch. */
function batchOf(d: Deadline, schoolId: number, recipients: readonly ReminderRecipient[]): SystemBatch {
  return reminderBatch(schoolId, { deadlineId: d.id, personal: true, task: d.task }, recipients)
}

/**
 * Some deadlines' due reminders, in the caller's transaction: whoever another scheduler reminded
 * meanwhile is left out; the others' outbox rows are written, and a delivery for each person due
 * (sent, or not open: their task was done).
 */
async function writePart(
  tx: Stores,
  part: ReadonlyArray<{
    deadline: Deadline
    schoolId: number
    due: Map<number, number>
    recipients: ReminderRecipient[]
  }>,
  own: ReadonlyMap<number, NotificationSettings>,
  now: Date,
): Promise<PersonalReminderTick['enqueued']> {
  const deliveries = new ReminderDeliveryStore(tx.db)
  const again = await deliveries.latestOf(
    part.map((p) => p.deadline.id),
    part.flatMap((p) => [...p.due.keys()]),
  )
  const still = part.flatMap((item) => {
    const latest = again.get(item.deadline.id)
    const due = new Map(
      [...item.due].filter(
        ([telegramId, offsetDays]) => !((latest?.get(telegramId) ?? Infinity) <= offsetDays),
      ),
    )
    if (due.size === 0) return []
    return [{ ...item, due, recipients: item.recipients.filter((r) => due.has(r.person.telegramId)) }]
  })
  const sending = still.filter((item) => item.recipients.length > 0)
  const written = await new BroadcastService({ stores: tx, now: () => now }).enqueueSystemMany(
    sending.map((item) => batchOf(item.deadline, item.schoolId, item.recipients)),
    own,
  )
  if (!written.ok) throw new Error(`outbox refused the reminders: ${JSON.stringify(written.error)}`)
  const batchOfDeadline = new Map(sending.map((item, i) => [item.deadline.id, written.value[i]!]))
  const rows: NewDelivery[] = []
  for (const { deadline: d, due, recipients } of still) {
    const sent = new Set(recipients.map((r) => r.person.telegramId))
    const broadcastId = batchOfDeadline.get(d.id)?.broadcastId ?? null
    for (const [telegramId, offsetDays] of due)
      rows.push({
        deadlineId: d.id,
        dueDate: d.dueDate,
        telegramId,
        offsetDays,
        state: sent.has(telegramId) ? 'sent' : 'not-open',
        broadcastId: sent.has(telegramId) ? broadcastId : null,
      })
  }
  await deliveries.record(rows, now.toISOString())
  return still.map(({ deadline }) => {
    const batch = batchOfDeadline.get(deadline.id)
    return {
      deadlineId: deadline.id,
      broadcastId: batch?.broadcastId ?? null,
      recipients: batch?.enqueued ?? 0,
    }
  })
}
