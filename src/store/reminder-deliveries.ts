/**
 * Which reminder of a deadline (its days before) each account was given, or found with nothing
 * left to do — by the school's schedule or by their own (/settings) — so nobody is reminded twice
 * of the same thing, even when they change their settings between two reminders; one with fewer
 * days before also stands for the earlier reminders (they are past).
 *
 * Two sources, read together:
 * - `reminder_deliveries`, one row per (deadline, account, days before): what own schedules gave
 *   or found done (and the school's deliveries from before migration 0135);
 * - `reminder_batches`, one row per school batch: each of the batch's outbox rows is a delivery
 *   of its reminder (the daily pass writes 2,000 batch rows instead of 100,000 deliveries).
 */
import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { Database } from '../db/schema.ts'
import { chunk, ID_CHUNK, insertMany } from './bulk.ts'
import { ownScheduleAccounts } from './notification-settings.ts'

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

/** Rows per INSERT: 7 values each stays far under SQLite's and PostgreSQL's parameter limits. */
const INSERT_CHUNK = 2_000

export class ReminderDeliveryStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Per reminder, the accounts already given it or a later one of its deadline (fewer days before,
   * on the same due date) — by their own schedule, before they went back to the school's.
   */
  async givenUpTo(reminderIds: readonly number[]): Promise<Map<number, Set<number>>> {
    const out = new Map<number, Set<number>>()
    const add = (rows: ReadonlyArray<{ id: number; telegram_id: number }>) => {
      for (const r of rows) {
        const set = out.get(r.id) ?? new Set<number>()
        set.add(Number(r.telegram_id))
        out.set(r.id, set)
      }
    }
    for (const part of chunk([...new Set(reminderIds)], ID_CHUNK)) {
      const reminders = this.db
        .selectFrom('reminders')
        .innerJoin('deadlines', 'deadlines.id', 'reminders.deadline_id')
        .where('reminders.id', 'in', part)
      add(
        await reminders
          .innerJoin('reminder_deliveries as given', (j) =>
            j
              .onRef('given.deadline_id', '=', 'reminders.deadline_id')
              .onRef('given.due_date', '=', 'deadlines.due_date')
              .onRef('given.offset_days', '<=', 'reminders.offset_days'),
          )
          .select(['reminders.id', 'given.telegram_id'])
          .execute(),
      )
      add(
        await reminders
          .innerJoin('reminder_batches as batch', (j) =>
            j
              .onRef('batch.deadline_id', '=', 'reminders.deadline_id')
              .onRef('batch.due_date', '=', 'deadlines.due_date')
              .onRef('batch.offset_days', '<=', 'reminders.offset_days'),
          )
          .innerJoin('outbox', 'outbox.broadcast_id', 'batch.broadcast_id')
          .select(['reminders.id', 'outbox.chat_id as telegram_id'])
          .execute(),
      )
    }
    return out
  }

  /**
   * Per deadline (on its current due date), per account with its own schedule (/settings), the
   * fewest days before of the reminders it was given (or looked at).
   */
  async latestOfOwnSchedule(deadlineIds: readonly number[]): Promise<Map<number, Map<number, number>>> {
    const out = new Map<number, Map<number, number>>()
    for (const part of chunk([...new Set(deadlineIds)], ID_CHUNK))
      await this.latest(out, part, ownScheduleAccounts(this.db).select('telegram_id'))
    return out
  }

  /** latestOfOwnSchedule, of these accounts whatever their settings now. */
  async latestOf(
    deadlineIds: readonly number[],
    telegramIds: readonly number[],
  ): Promise<Map<number, Map<number, number>>> {
    const out = new Map<number, Map<number, number>>()
    const deadlines = [...new Set(deadlineIds)]
    for (const part of chunk(deadlines, ID_CHUNK / 2))
      for (const accounts of chunk([...new Set(telegramIds)], ID_CHUNK / 2))
        await this.latest(out, part, accounts)
    return out
  }

  private async latest(
    out: Map<number, Map<number, number>>,
    deadlineIds: number[],
    accounts: number[] | SelectQueryBuilder<Database, 'notification_settings', { telegram_id: number }>,
  ): Promise<void> {
    const add = (rows: ReadonlyArray<{ deadline_id: number; telegram_id: number; offset: number }>) => {
      for (const r of rows) {
        const map = out.get(r.deadline_id) ?? new Map<number, number>()
        const telegramId = Number(r.telegram_id)
        map.set(telegramId, Math.min(map.get(telegramId) ?? Number.POSITIVE_INFINITY, Number(r.offset)))
        out.set(r.deadline_id, map)
      }
    }
    add(
      await this.db
        .selectFrom('reminder_deliveries as given')
        .innerJoin('deadlines', (j) =>
          j
            .onRef('deadlines.id', '=', 'given.deadline_id')
            .onRef('deadlines.due_date', '=', 'given.due_date'),
        )
        .select([
          'given.deadline_id',
          'given.telegram_id',
          (eb) => eb.fn.min<number>('given.offset_days').as('offset'),
        ])
        .where('given.deadline_id', 'in', deadlineIds)
        .where('given.telegram_id', 'in', accounts)
        .groupBy(['given.deadline_id', 'given.telegram_id'])
        .execute(),
    )
    add(
      await this.db
        .selectFrom('reminder_batches as batch')
        .innerJoin('deadlines', (j) =>
          j
            .onRef('deadlines.id', '=', 'batch.deadline_id')
            .onRef('deadlines.due_date', '=', 'batch.due_date'),
        )
        .innerJoin('outbox', 'outbox.broadcast_id', 'batch.broadcast_id')
        .select([
          'batch.deadline_id',
          'outbox.chat_id as telegram_id',
          (eb) => eb.fn.min<number>('batch.offset_days').as('offset'),
        ])
        .where('batch.deadline_id', 'in', deadlineIds)
        .where('outbox.chat_id', 'in', accounts)
        .groupBy(['batch.deadline_id', 'outbox.chat_id'])
        .execute(),
    )
  }

  /**
   * These outbox batches of the school's pass carry these reminders: each of their recipients was
   * given it (their outbox rows are the deliveries). Call inside the transaction that wrote the rows.
   */
  async recordBatches(
    batches: ReadonlyArray<{ broadcastId: number; deadlineId: number; dueDate: string; offsetDays: number }>,
    now: string,
  ): Promise<void> {
    await insertMany(
      this.db,
      'reminder_batches',
      ['broadcast_id', 'deadline_id', 'offset_days', 'due_date', 'created_at'],
      batches.map((b) => [b.broadcastId, b.deadlineId, b.offsetDays, b.dueDate, now]),
      { perStatement: INSERT_CHUNK },
    )
  }

  /** Records them; one already there stays as it is. Call inside the transaction that enqueues. */
  async record(rows: readonly NewDelivery[], now: string): Promise<void> {
    await insertMany(
      this.db,
      'reminder_deliveries',
      ['deadline_id', 'telegram_id', 'offset_days', 'due_date', 'state', 'broadcast_id', 'created_at'],
      rows.map((r) => [r.deadlineId, r.telegramId, r.offsetDays, r.dueDate, r.state, r.broadcastId, now]),
      {
        perStatement: INSERT_CHUNK,
        ignoreConflictOn: ['deadline_id', 'due_date', 'telegram_id', 'offset_days'],
      },
    )
  }

  /** The schools of the people these accounts are linked to. */
  async schoolsOf(telegramIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>()
    for (const part of chunk([...new Set(telegramIds)], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('people')
        .select(['school_id', 'telegram_id'])
        .where('telegram_id', 'in', part)
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
