/**
 * Which reminder of a deadline (its days before) each account was given, or found with nothing
 * left to do — by the school's schedule or by their own (/settings). One row per (deadline,
 * account, days before), so nobody is reminded twice of the same thing, even when they change
 * their settings between two reminders; a row with fewer days before also stands for the earlier
 * reminders (they are past).
 */
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely'
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
    for (const part of chunk([...new Set(reminderIds)], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('reminders')
        .innerJoin('deadlines', 'deadlines.id', 'reminders.deadline_id')
        .innerJoin('reminder_deliveries as given', (j) =>
          j
            .onRef('given.deadline_id', '=', 'reminders.deadline_id')
            .onRef('given.due_date', '=', 'deadlines.due_date')
            .onRef('given.offset_days', '<=', 'reminders.offset_days'),
        )
        .select(['reminders.id', 'given.telegram_id'])
        .where('reminders.id', 'in', part)
        .execute()
      for (const r of rows) {
        const set = out.get(r.id) ?? new Set<number>()
        set.add(Number(r.telegram_id))
        out.set(r.id, set)
      }
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
    const rows = await this.db
      .selectFrom('reminder_deliveries as given')
      .innerJoin('deadlines', (j) =>
        j.onRef('deadlines.id', '=', 'given.deadline_id').onRef('deadlines.due_date', '=', 'given.due_date'),
      )
      .select([
        'given.deadline_id',
        'given.telegram_id',
        (eb) => eb.fn.min<number>('given.offset_days').as('offset'),
      ])
      .where('given.deadline_id', 'in', deadlineIds)
      .where('given.telegram_id', 'in', accounts)
      .groupBy(['given.deadline_id', 'given.telegram_id'])
      .execute()
    for (const r of rows) {
      const map = out.get(r.deadline_id) ?? new Map<number, number>()
      map.set(Number(r.telegram_id), Number(r.offset))
      out.set(r.deadline_id, map)
    }
  }

  /**
   * Every recipient of these outbox batches was given the reminder the batch says (sent): their
   * deliveries written from the outbox rows by the database, a statement for a thousand batches.
   * Call inside the transaction that wrote the rows; one already there stays as it is.
   */
  async recordBatches(
    batches: ReadonlyArray<{ broadcastId: number; deadlineId: number; dueDate: string; offsetDays: number }>,
    now: string,
  ): Promise<void> {
    for (const part of chunk(batches, ID_CHUNK / 10)) {
      const values = sql`(values ${sql.join(
        part.map(
          (b) =>
            sql`(cast(${b.broadcastId} as integer), cast(${b.deadlineId} as integer), cast(${b.offsetDays} as integer), cast(${b.dueDate} as text))`,
        ),
      )})`
      await this.db
        .insertInto('reminder_deliveries')
        .columns([
          'deadline_id',
          'telegram_id',
          'offset_days',
          'due_date',
          'state',
          'broadcast_id',
          'created_at',
        ])
        .expression(
          this.db
            .selectFrom('outbox')
            .innerJoin(values.as('b'), (j) => j.on(sql`b.column1`, '=', sql.ref('outbox.broadcast_id')))
            .select([
              sql<number>`b.column2`.as('deadline_id'),
              'outbox.chat_id as telegram_id',
              sql<number>`b.column3`.as('offset_days'),
              sql<string>`b.column4`.as('due_date'),
              sql<string>`${'sent' satisfies DeliveryState}`.as('state'),
              'outbox.broadcast_id',
              sql<string>`${now}`.as('created_at'),
            ]),
        )
        .onConflict((oc) => oc.columns(['deadline_id', 'due_date', 'telegram_id', 'offset_days']).doNothing())
        .execute()
    }
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
