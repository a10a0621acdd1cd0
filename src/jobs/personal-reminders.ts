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

import { BroadcastService } from '../services/broadcasts.ts'
import { DEFAULT_REMINDER_TIME, reminderFireAt } from '../services/deadline-reminders.ts'
import type { DeadlineView } from '../services/deadline-views.ts'
import { openTasksOf } from '../services/open-tasks.ts'
import { addDays, daysUntil, deadlineEndsAt, vietnamDay } from '../services/vietnam-days.ts'
import { CalendarStore, type Deadline, type Reminder } from '../store/calendar.ts'
import {
  DEFAULT_SETTINGS,
  type NotificationSettings,
  NotificationSettingsStore,
  quietUntil,
} from '../store/notification-settings.ts'
import type { BroadcastContent } from '../store/outbox.ts'
import { ReminderDeliveryStore } from '../store/reminder-deliveries.ts'
import type { Stores } from '../store/stores.ts'

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
  const arrival = quietUntil(now, settings) ?? now
  return { ...deadline, daysLeft: Math.max(0, daysUntil(deadline.dueDate, arrival)) }
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
): { offsetDays: number; fireAt: string } | undefined {
  const school = rows.map((r) => r.offsetDays)
  const at = now.toISOString()
  let best: { offsetDays: number; fireAt: string } | undefined
  for (const offsetDays of offsetsFor(settings, school)) {
    const time =
      settings.reminderHour !== null
        ? `${String(settings.reminderHour).padStart(2, '0')}:00`
        : (rows.find((r) => r.offsetDays === offsetDays)?.atTime ?? rows[0]?.atTime ?? DEFAULT_REMINDER_TIME)
    const fireAt = reminderFireAt(deadline.dueDate, offsetDays, time)
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
export type PersonalContent = (
  person: Awaited<ReturnType<typeof openTasksOf>>[number],
  deadline: TimedDeadline,
) => Promise<BroadcastContent>

/**
 * One pass at `now`: every person with their own schedule whose reminder's time has come gets it
 * (once), each deadline's in one transaction with its outbox rows and its deliveries.
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
  const bySchool = await deliveries.schoolsOf([...own.keys()])
  const fromDay = vietnamDay(now)
  const deadlines = await deliveries.upcoming(
    [...bySchool.keys()],
    fromDay,
    addDays(fromDay, MAX_OFFSET_DAYS),
  )
  const calendar = new CalendarStore(stores.db)
  for (const { deadlineId, schoolId } of deadlines) {
    try {
      const done = await remindOf(
        stores,
        calendar,
        deadlineId,
        schoolId,
        bySchool.get(schoolId) ?? [],
        own,
        now,
        content,
      )
      if (done) tick.enqueued.push(done)
    } catch (error) {
      tick.failed.push({ deadlineId, error: error instanceof Error ? error.message : String(error) })
    }
  }
  return tick
}

/** One deadline's due personal reminders, or undefined when nobody's is due. */
async function remindOf(
  stores: Stores,
  calendar: CalendarStore,
  deadlineId: number,
  schoolId: number,
  accounts: readonly number[],
  own: Map<number, NotificationSettings>,
  now: Date,
  content: PersonalContent,
): Promise<PersonalReminderTick['enqueued'][number] | undefined> {
  const deliveries = new ReminderDeliveryStore(stores.db)
  const at = now.toISOString()
  const d = await calendar.getDeadline(deadlineId)
  if (!d || d.removedAt !== null) return undefined
  const endsAt = deadlineEndsAt(d)
  if (at >= endsAt) return undefined
  const rows = ((await calendar.remindersOf([d.id])).get(d.id) ?? []).filter((r) => r.state !== 'cancelled')
  if (rows.length === 0) return undefined // the admin turned this deadline's reminders off
  const given = await deliveries.latestOf(d, accounts)
  const due = new Map<number, number>()
  for (const telegramId of accounts) {
    const slot = latestDueSlot(d, rows, own.get(telegramId) ?? DEFAULT_SETTINGS, now)
    if (!slot) continue
    const latest = given.get(telegramId)
    if (latest !== undefined && latest <= slot.offsetDays) continue
    due.set(telegramId, slot.offsetDays)
  }
  if (due.size === 0) return undefined
  return stores.transaction(async (tx) => {
    const txDeliveries = new ReminderDeliveryStore(tx.db)
    // another scheduler may have been quicker
    const again = await txDeliveries.latestOf(d, [...due.keys()])
    for (const [telegramId, offsetDays] of due) {
      const latest = again.get(telegramId)
      if (latest !== undefined && latest <= offsetDays) due.delete(telegramId)
    }
    if (due.size === 0) return undefined
    const open = (await openTasksOf(tx, d, schoolId)).filter((p) => due.has(p.telegramId))
    const view: DeadlineView = {
      ...d,
      schoolId,
      endsAt,
      passed: false,
      daysLeft: daysUntil(d.dueDate, now),
    }
    const recipients: Array<{ chatId: number; personId: number; content: BroadcastContent }> = []
    for (const person of open) {
      const offsetDays = due.get(person.telegramId)!
      const reminderId = rows.find((r) => r.offsetDays === offsetDays)?.id ?? 0
      const settings = own.get(person.telegramId) ?? DEFAULT_SETTINGS
      const deadline = deadlineOnArrival({ ...view, reminderId, offsetDays }, settings, now)
      recipients.push({
        chatId: person.telegramId,
        personId: person.personId,
        content: await content(person, deadline),
      })
    }
    let broadcastId: number | null = null
    let enqueued = 0
    if (recipients.length > 0) {
      const result = await new BroadcastService({ stores: tx, now: () => now }).enqueueSystem({
        kind: 'reminder',
        schoolId,
        content: recipients[0]!.content,
        audience: {
          deadlineId: d.id,
          personal: true,
          task: d.task,
          personIds: open.map((p) => p.personId),
        },
        recipients,
      })
      if (!result.ok) throw new Error(`outbox refused the reminders: ${JSON.stringify(result.error)}`)
      broadcastId = result.value.broadcastId
      enqueued = result.value.enqueued
    }
    const sent = new Set(open.map((p) => p.telegramId))
    await txDeliveries.record(
      [...due].map(([telegramId, offsetDays]) => ({
        deadlineId: d.id,
        dueDate: d.dueDate,
        telegramId,
        offsetDays,
        state: sent.has(telegramId) ? ('sent' as const) : ('not-open' as const),
        broadcastId: sent.has(telegramId) ? broadcastId : null,
      })),
      at,
    )
    return { deadlineId: d.id, broadcastId, recipients: enqueued }
  })
}
