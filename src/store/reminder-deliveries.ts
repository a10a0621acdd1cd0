/**
 * Which reminder of a deadline (its days before) each account was given, or found with nothing
 * left to do — by the school's schedule or by their own (/settings). One row per (deadline,
 * account, days before), so nobody is reminded twice of the same thing, even when they change
 * their settings between two reminders; a row with fewer days before also stands for the earlier
 * reminders (they are past).
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

export type DeliveryState = 'sent' | 'not-open'

export interface NewDelivery {
  deadlineId: number
  /** the due date it spoke of (a moved deadline is reminded of again) */
  dueDate: string
  telegramId: number
  offsetDays: number
  state: DeliveryState
  broadcastId: number | null
}

/** A deadline of a school's current year that is not over, for the personal schedules. */
export interface UpcomingDeadline {
  deadlineId: number
  schoolId: number
}

const ID_CHUNK = 5_000

export class ReminderDeliveryStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Per account, the fewest days before of the reminders of this deadline (on this due date) it was given (or looked at). */
  async latestOf(
    deadline: { id: number; dueDate: string },
    telegramIds: readonly number[],
  ): Promise<Map<number, number>> {
    const out = new Map<number, number>()
    const ids = [...new Set(telegramIds)]
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const rows = await this.db
        .selectFrom('reminder_deliveries')
        .select(['telegram_id', (eb) => eb.fn.min<number>('offset_days').as('offset')])
        .where('deadline_id', '=', deadline.id)
        .where('due_date', '=', deadline.dueDate)
        .where('telegram_id', 'in', ids.slice(i, i + ID_CHUNK))
        .groupBy('telegram_id')
        .execute()
      for (const r of rows) out.set(Number(r.telegram_id), Number(r.offset))
    }
    return out
  }

  /** Records them; one already there stays as it is. Call inside the transaction that enqueues. */
  async record(rows: readonly NewDelivery[], now: string): Promise<void> {
    for (let i = 0; i < rows.length; i += ID_CHUNK / 5) {
      await this.db
        .insertInto('reminder_deliveries')
        .values(
          rows.slice(i, i + ID_CHUNK / 5).map((r) => ({
            deadline_id: r.deadlineId,
            telegram_id: r.telegramId,
            offset_days: r.offsetDays,
            due_date: r.dueDate,
            state: r.state,
            broadcast_id: r.broadcastId,
            created_at: now,
          })),
        )
        .onConflict((oc) => oc.columns(['deadline_id', 'due_date', 'telegram_id', 'offset_days']).doNothing())
        .execute()
    }
  }

  /**
   * Deadlines of these schools' current years, not removed, due from `fromDay` to `toDay`
   * (YYYY-MM-DD, inclusive).
   */
  async upcoming(schoolIds: readonly number[], fromDay: string, toDay: string): Promise<UpcomingDeadline[]> {
    if (schoolIds.length === 0) return []
    const rows = await this.db
      .selectFrom('deadlines')
      .innerJoin('school_years', 'school_years.id', 'deadlines.school_year_id')
      .select(['deadlines.id', 'school_years.school_id'])
      .where('school_years.school_id', 'in', [...new Set(schoolIds)])
      .where('school_years.is_current', '=', 1)
      .where('deadlines.removed_at', 'is', null)
      .where('deadlines.due_date', '>=', fromDay)
      .where('deadlines.due_date', '<=', toDay)
      .orderBy('deadlines.due_date')
      .orderBy('deadlines.id')
      .execute()
    return rows.map((r) => ({ deadlineId: r.id, schoolId: r.school_id }))
  }

  /** The schools of the people these accounts are linked to. */
  async schoolsOf(telegramIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>()
    const ids = [...new Set(telegramIds)]
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const rows = await this.db
        .selectFrom('people')
        .select(['school_id', 'telegram_id'])
        .where('telegram_id', 'in', ids.slice(i, i + ID_CHUNK))
        .execute()
      for (const r of rows) {
        const list = out.get(r.school_id) ?? []
        list.push(Number(r.telegram_id))
        out.set(r.school_id, list)
      }
    }
    return out
  }
}
