/**
 * What each person chose in /settings, and whether they blocked the bot. A person without a row
 * has the defaults. Quiet hours are whole Vietnam hours (UTC+7, no daylight saving).
 */
import type { Kysely, Selectable } from 'kysely'
import type { Database, NotificationSettingsTable } from '../db/schema.ts'
import { chunk, ID_CHUNK } from './bulk.ts'

/** '7,1': the school's reminders (7 and 1 days before unless the admin chose others); '3,1'; '1' */
export const REMINDER_DAY_CHOICES = ['7,1', '3,1', '1'] as const
export type ReminderDays = (typeof REMINDER_DAY_CHOICES)[number]

export interface NotificationSettings {
  reminders: boolean
  reminderDays: ReminderDays
  results: boolean
  /** Vietnam hours 0–23; equal: no quiet hours */
  quietFrom: number
  quietTo: number
  /** the Vietnam hour 0–23 reminders arrive; null: the deadline's own time (08:00 by default) */
  reminderHour: number | null
}

export const DEFAULT_SETTINGS: NotificationSettings = {
  reminders: true,
  reminderDays: '7,1',
  results: true,
  quietFrom: 21,
  quietTo: 7,
  reminderHour: null,
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000

/**
 * The end of the quiet hours `at` falls in, or undefined when it falls in none. The range may wrap
 * midnight (21–7) or not (13–14); from == to means no quiet hours.
 */
export function quietUntil(
  at: Date,
  s: Pick<NotificationSettings, 'quietFrom' | 'quietTo'>,
): Date | undefined {
  if (s.quietFrom === s.quietTo) return undefined
  const local = at.getTime() + VIETNAM_OFFSET_MS
  const hour = Math.floor(local / HOUR_MS) % 24
  const inside =
    s.quietFrom < s.quietTo
      ? hour >= s.quietFrom && hour < s.quietTo
      : hour >= s.quietFrom || hour < s.quietTo
  if (!inside) return undefined
  const dayStart = local - (local % (24 * HOUR_MS))
  let end = dayStart + s.quietTo * HOUR_MS
  if (end <= local) end += 24 * HOUR_MS
  return new Date(end - VIETNAM_OFFSET_MS)
}

/**
 * Whether a reminder of the school's schedule, `offsetDays` before a deadline, goes to someone
 * with these settings. Those with their own schedule (an hour, or 3 and 1 days) get theirs instead
 * (src/jobs/personal-reminders.ts).
 */
export function wantsReminder(s: NotificationSettings, offsetDays: number): boolean {
  return s.reminders && !ownSchedule(s) && (s.reminderDays === '7,1' || offsetDays <= 1)
}

/** Whether their reminders follow their own schedule rather than the school's reminder rows. */
export function ownSchedule(s: NotificationSettings): boolean {
  return s.reminders && (s.reminderHour !== null || s.reminderDays === '3,1')
}

/** The accounts whose reminders follow their own schedule (ownSchedule), as a query to select from. */
export function ownScheduleAccounts(db: Kysely<Database>) {
  return db
    .selectFrom('notification_settings')
    .where('reminders', '=', 1)
    .where((eb) => eb.or([eb('reminder_hour', 'is not', null), eb('reminder_days', '=', '3,1')]))
}

export class NotificationSettingsStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(telegramId: number): Promise<NotificationSettings> {
    return (await this.many([telegramId])).get(telegramId) ?? { ...DEFAULT_SETTINGS }
  }

  /** The settings of those of these chats that changed any; the others have the defaults. */
  async many(telegramIds: readonly number[]): Promise<Map<number, NotificationSettings>> {
    const out = new Map<number, NotificationSettings>()
    for (const part of chunk([...new Set(telegramIds)], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('notification_settings')
        .selectAll()
        .where('telegram_id', 'in', part)
        .execute()
      for (const r of rows) out.set(Number(r.telegram_id), toSettings(r))
    }
    return out
  }

  /** The settings of the people of these schools who changed any (by their linked account). */
  async ofSchools(schoolIds: readonly number[]): Promise<Map<number, NotificationSettings>> {
    const out = new Map<number, NotificationSettings>()
    for (const part of chunk([...new Set(schoolIds)], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('notification_settings')
        .innerJoin('people', 'people.telegram_id', 'notification_settings.telegram_id')
        .selectAll('notification_settings')
        .where('people.school_id', 'in', part)
        .execute()
      for (const r of rows) out.set(Number(r.telegram_id), toSettings(r))
    }
    return out
  }

  /** The accounts with their own reminder schedule, and their settings. */
  async withOwnSchedule(): Promise<Map<number, NotificationSettings>> {
    const rows = await ownScheduleAccounts(this.db).selectAll().execute()
    return new Map(rows.map((r) => [Number(r.telegram_id), toSettings(r)]))
  }

  async save(telegramId: number, s: NotificationSettings, now: string): Promise<void> {
    const values = {
      reminders: s.reminders ? 1 : 0,
      reminder_days: s.reminderDays,
      results: s.results ? 1 : 0,
      quiet_from: s.quietFrom,
      quiet_to: s.quietTo,
      reminder_hour: s.reminderHour,
      updated_at: now,
    }
    await this.db
      .insertInto('notification_settings')
      .values({ telegram_id: telegramId, ...values })
      .onConflict((oc) => oc.column('telegram_id').doUpdateSet(values))
      .execute()
  }
}

function toSettings(r: Selectable<NotificationSettingsTable>): NotificationSettings {
  return {
    reminders: r.reminders === 1,
    reminderDays: (REMINDER_DAY_CHOICES as readonly string[]).includes(r.reminder_days)
      ? (r.reminder_days as ReminderDays)
      : DEFAULT_SETTINGS.reminderDays,
    results: r.results === 1,
    quietFrom: r.quiet_from,
    quietTo: r.quiet_to,
    reminderHour: r.reminder_hour ?? null,
  }
}
