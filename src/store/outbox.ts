/**
 * The outbox's data: broadcasts, one outbox row per recipient, and every query the broadcast
 * service and the outbox worker make on them. Kysely only; portable SQLite <-> PostgreSQL; instants
 * are ISO-8601 UTC text, which sorts like time.
 *
 * A row's life:  pending --claim--> claimed --answer--> sent | unreachable | failed
 *                                           \--429 / network error--> pending (later)
 *                pending --cancel--> cancelled;  claimed --worker died--> unknown (its lease ran out)
 */
import type { Kysely, Selectable } from 'kysely'
import { z } from 'zod'
import type { BroadcastsTable, Database } from '../db/schema.ts'
import { chunk, ID_CHUNK, insertMany } from './bulk.ts'
import {
  DEFAULT_SETTINGS,
  type NotificationSettings,
  NotificationSettingsStore,
  quietUntil,
} from './notification-settings.ts'

export const OUTBOX_STATES = [
  'pending',
  'claimed',
  'sent',
  'failed',
  'unreachable',
  'cancelled',
  'unknown',
] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]
export type StateCounts = Record<OutboxState, number>

export const BROADCAST_STATUSES = ['draft', 'sending', 'cancelled', 'done'] as const
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number]
export type BroadcastKind = 'broadcast' | 'reminder'

/** Telegram's limits on the source: 4096 visible characters, more with the HTML tags around them. */
export const HTML_MAX = 16_384
export const CAPTION_HTML_MAX = 4_096

const button = z
  .object({
    text: z.string().min(1).max(64),
    callback_data: z.string().min(1).max(64).optional(),
    url: z.url({ protocol: /^https?$|^tg$/ }).optional(),
  })
  .refine((b) => (b.callback_data === undefined) !== (b.url === undefined), {
    message: 'one of callback_data or url',
    path: ['callback_data'],
  })
const inlineKeyboard = z.object({
  inline_keyboard: z.array(z.array(button).min(1).max(8)).min(1).max(10),
})

/** What one message says: formatted text, or a document (already on Telegram) with a caption. */
export const contentSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    html: z.string().trim().min(1).max(HTML_MAX),
    reply_markup: inlineKeyboard.optional(),
  }),
  z.object({
    type: z.literal('document'),
    file_id: z.string().trim().min(1).max(512),
    caption_html: z.string().trim().max(CAPTION_HTML_MAX).optional(),
    reply_markup: inlineKeyboard.optional(),
  }),
])
export type BroadcastContent = z.output<typeof contentSchema>

export interface Broadcast {
  id: number
  schoolId: number | null
  kind: BroadcastKind
  createdBy: number | null
  content: BroadcastContent
  /** as the sender chose it (the service's Audience) */
  audience: unknown
  status: BroadcastStatus
  recipients: number
  progressChatId: number | null
  progressMessageId: number | null
  progressUpdatedAt: string | null
  reportedAt: string | null
  createdAt: string
  confirmedAt: string | null
  cancelledAt: string | null
  finishedAt: string | null
}

export interface NewBroadcast {
  schoolId: number | null
  kind: BroadcastKind
  createdBy: number | null
  content: BroadcastContent
  audience: unknown
  status: 'draft' | 'sending'
}

/** One recipient to enqueue; `content` only when they get their own text. */
export interface NewOutboxRow {
  chatId: number
  personId: number | null
  content?: BroadcastContent
}

/** A row the worker has claimed, with what to send. */
export interface ClaimedRow {
  id: number
  broadcastId: number
  chatId: number
  personId: number | null
  /** this recipient's own content, if any (else the broadcast's) */
  content: BroadcastContent | null
  attempts: number
  token: string
}

/** A recipient as a report lists them. */
export interface OutboxEntry {
  id: number
  chatId: number
  personId: number | null
  fullName: string | null
  state: OutboxState
  attempts: number
  lastError: string | null
  sentAt: string | null
}

/** What resolving an audience finds. */
export interface AudienceMembers {
  /** people with a linked Telegram account */
  linked: Array<{ personId: number; chatId: number; schoolId: number }>
  /** people without one yet (never opened the bot) */
  unlinked: number
  /** people whose account blocked the bot: not enqueued */
  blocked: number
}

export interface AudienceFilter {
  /** null: every school */
  schoolId: number | null
  roles?: readonly string[]
  departmentIds?: readonly number[]
  personIds?: readonly number[]
}

/** The last_error of a row not sent because its recipient had blocked the bot (my_chat_member). */
export const BLOCKED_ERROR = '403: Forbidden: bot was blocked by the user (my_chat_member)'

/** The last_error of a missed reminder once it was looked at again after the person unblocked the bot. */
export const RESENT_ERROR = 'blocked the bot; looked at again when they unblocked it'

/** Rows per INSERT: 6 values each stays far under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 2_000

export const emptyCounts = (): StateCounts => ({
  pending: 0,
  claimed: 0,
  sent: 0,
  failed: 0,
  unreachable: 0,
  cancelled: 0,
  unknown: 0,
})

export class OutboxStore {
  constructor(private readonly db: Kysely<Database>) {}

  // ── broadcasts ─────────────────────────────────────────────────────────────────────────────

  async createBroadcast(b: NewBroadcast, now: string): Promise<Broadcast> {
    const row = await this.db
      .insertInto('broadcasts')
      .values(broadcastValues(b, now))
      .returningAll()
      .executeTakeFirstOrThrow()
    return toBroadcast(row)
  }

  /**
   * Many broadcasts in one statement a few thousand, each with its count of recipients already
   * known; their ids, in the order given (both databases number a multi-row insert in its order).
   */
  async createBroadcasts(
    list: ReadonlyArray<NewBroadcast & { recipients: number }>,
    now: string,
  ): Promise<number[]> {
    const ids: number[] = []
    // 15 values a broadcast
    for (const part of chunk(list, INSERT_CHUNK / 2)) {
      const rows = await this.db
        .insertInto('broadcasts')
        .values(part.map((b) => ({ ...broadcastValues(b, now), recipients: b.recipients })))
        .returning('id')
        .execute()
      if (rows.length !== part.length) throw new Error(`${rows.length} broadcasts written of ${part.length}`)
      ids.push(...rows.map((r) => r.id).sort((x, y) => x - y))
    }
    return ids
  }

  async getBroadcast(id: number): Promise<Broadcast | undefined> {
    const row = await this.db.selectFrom('broadcasts').selectAll().where('id', '=', id).executeTakeFirst()
    return row && toBroadcast(row)
  }

  /** draft -> sending, with the number of rows enqueued; false when it was not a draft any more. */
  async markSending(
    id: number,
    recipients: number,
    now: string,
    progress?: { chatId: number; messageId: number },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('broadcasts')
      .set({
        status: 'sending',
        recipients,
        confirmed_at: now,
        updated_at: now,
        ...(progress ? { progress_chat_id: progress.chatId, progress_message_id: progress.messageId } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  async setRecipients(id: number, recipients: number): Promise<void> {
    await this.db.updateTable('broadcasts').set({ recipients }).where('id', '=', id).execute()
  }

  /**
   * Cancels a draft (it simply ends) or a broadcast being sent: its pending rows become cancelled,
   * rows in flight finish. Undefined when it was over already. Call inside a transaction.
   */
  async cancel(id: number, now: string): Promise<{ wasDraft: boolean; cancelled: number } | undefined> {
    const current = await this.db
      .selectFrom('broadcasts')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst()
    if (current?.status !== 'draft' && current?.status !== 'sending') return undefined
    const wasDraft = current.status === 'draft'
    const result = await this.db
      .updateTable('broadcasts')
      .set({
        status: 'cancelled',
        cancelled_at: now,
        updated_at: now,
        // nothing was sent: nothing to finish or report
        ...(wasDraft ? { finished_at: now, reported_at: now } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', current.status)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) return undefined
    return { wasDraft, cancelled: wasDraft ? 0 : await this.cancelPending(id) }
  }

  /** Pending rows of a broadcast -> cancelled. */
  async cancelPending(id: number): Promise<number> {
    const rows = await this.db
      .updateTable('outbox')
      .set({ state: 'cancelled', claim_token: null })
      .where('broadcast_id', '=', id)
      .where('state', '=', 'pending')
      .executeTakeFirst()
    return Number(rows.numUpdatedRows)
  }

  /**
   * Broadcasts the worker still has to see to: sending; cancelled with rows maybe in flight; or
   * over but not yet reported to their sender.
   */
  async activeBroadcasts(): Promise<Broadcast[]> {
    const rows = await this.db
      .selectFrom('broadcasts')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('status', '=', 'sending'),
          eb.and([eb('status', '=', 'cancelled'), eb('finished_at', 'is', null)]),
          eb.and([
            eb('status', 'in', ['done', 'cancelled']),
            eb('reported_at', 'is', null),
            eb('kind', '=', 'broadcast'),
            eb('created_by', 'is not', null),
          ]),
        ]),
      )
      .orderBy('id')
      .execute()
    return rows.map(toBroadcast)
  }

  /** sending -> done, or a cancelled one's end; false when someone else did it first. */
  async finishBroadcast(id: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('broadcasts')
      .set((eb) => ({
        status: eb.case().when('status', '=', 'sending').then('done').else(eb.ref('status')).end(),
        finished_at: now,
        updated_at: now,
      }))
      .where('id', '=', id)
      .where('finished_at', 'is', null)
      .where('status', 'in', ['sending', 'cancelled'])
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  /**
   * Takes the right to send the progress message (once), showing `shown` (a digest of its text):
   * false when it was taken before.
   */
  async claimProgress(id: number, chatId: number, now: string, shown: string): Promise<boolean> {
    const result = await this.db
      .updateTable('broadcasts')
      .set({ progress_chat_id: chatId, progress_updated_at: now, progress_shown: shown, updated_at: now })
      .where('id', '=', id)
      .where('progress_chat_id', 'is', null)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  async setProgressMessage(id: number, messageId: number, now: string): Promise<void> {
    await this.db
      .updateTable('broadcasts')
      .set({ progress_message_id: messageId, progress_updated_at: now, updated_at: now })
      .where('id', '=', id)
      .execute()
  }

  /**
   * Takes the sender's chat for one message about this broadcast (an edit of the progress message,
   * the report), when nothing about it went there since `notBefore`: false when another worker
   * did. The chat is marked busy until `busyUntil`; touchProgress with the answer's time frees it.
   * Several workers share one sender's chat this way: one message at a time, spaced.
   *
   * `shows`: the digest of the progress text about to be edited in; false as well when the message
   * already shows it (another worker put it there), so nobody sends Telegram an edit that changes
   * nothing.
   */
  async claimSenderChat(id: number, notBefore: string, busyUntil: string, shows?: string): Promise<boolean> {
    let claim = this.db
      .updateTable('broadcasts')
      .set({ progress_updated_at: busyUntil, ...(shows === undefined ? {} : { progress_shown: shows }) })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([eb('progress_updated_at', 'is', null), eb('progress_updated_at', '<=', notBefore)]),
      )
    if (shows !== undefined)
      claim = claim.where((eb) =>
        eb.or([eb('progress_shown', 'is', null), eb('progress_shown', '!=', shows)]),
      )
    const result = await claim.executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  /** Whether the progress message shows the text of this digest (put there by any worker). */
  async shows(id: number, digest: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('broadcasts')
      .select('id')
      .where('id', '=', id)
      .where('progress_shown', '=', digest)
      .executeTakeFirst()
    return row !== undefined
  }

  /**
   * Frees the sender's chat after a message (at `now`). `shownKnown` false: the edit claimed may not
   * have gone through, the message's text is unknown again.
   */
  async touchProgress(id: number, now: string, shownKnown = true): Promise<void> {
    await this.db
      .updateTable('broadcasts')
      .set({ progress_updated_at: now, ...(shownKnown ? {} : { progress_shown: null }) })
      .where('id', '=', id)
      .execute()
  }

  /** Takes the right to send the final report (at most once): false when it was taken before. */
  async claimReport(id: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('broadcasts')
      .set({ reported_at: now, updated_at: now })
      .where('id', '=', id)
      .where('reported_at', 'is', null)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  /** The progress message surely was not sent (429): the next tick sends it. */
  async releaseProgress(id: number): Promise<void> {
    await this.db
      .updateTable('broadcasts')
      .set({ progress_chat_id: null, progress_shown: null })
      .where('id', '=', id)
      .where('progress_message_id', 'is', null)
      .execute()
  }

  /** The report surely was not delivered (429) or may be retried: the next tick sends it. */
  async releaseReport(id: number): Promise<void> {
    await this.db.updateTable('broadcasts').set({ reported_at: null }).where('id', '=', id).execute()
  }

  // ── recipients ─────────────────────────────────────────────────────────────────────────────

  /** The people an audience names, linked (with their chat) and not yet linked. */
  async audience(filter: AudienceFilter): Promise<AudienceMembers> {
    const linked: AudienceMembers['linked'] = []
    let unlinked = 0
    let blocked = 0
    const ids = filter.personIds
    const chunks = ids ? chunk([...new Set(ids)], ID_CHUNK) : [undefined]
    for (const part of chunks) {
      let query = this.db
        .selectFrom('people')
        .leftJoin('telegram_users', 'telegram_users.telegram_id', 'people.telegram_id')
        .select(['people.id', 'people.school_id', 'people.telegram_id', 'telegram_users.blocked_at'])
      if (filter.schoolId !== null) query = query.where('school_id', '=', filter.schoolId)
      if (filter.roles) query = query.where('role', 'in', filter.roles.length ? [...filter.roles] : [''])
      if (filter.departmentIds)
        query = query.where(
          'department_id',
          'in',
          filter.departmentIds.length ? [...filter.departmentIds] : [-1],
        )
      if (part) query = query.where('people.id', 'in', part)
      const rows = await query.orderBy('people.id').execute()
      for (const r of rows) {
        if (r.telegram_id === null) unlinked++
        else if (r.blocked_at !== null) blocked++
        else linked.push({ personId: r.id, chatId: Number(r.telegram_id), schoolId: r.school_id })
      }
    }
    return { linked, unlinked, blocked }
  }

  /** The school of each of these people (those that exist). */
  async schoolsOf(personIds: readonly number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>()
    for (const part of chunk([...new Set(personIds)], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('people')
        .select(['id', 'school_id'])
        .where('id', 'in', part)
        .execute()
      for (const r of rows) out.set(r.id, r.school_id)
    }
    return out
  }

  /**
   * One pending row per recipient, in multi-row INSERTs of a few thousand rows; a chat already in
   * the broadcast is skipped. A recipient in their quiet hours gets a row that waits until the end
   * of them (`not_before`), unless the message is `urgent`; rows are sent first due first, so the
   * held ones go in their order when the morning comes. Returns the number of rows inserted. Call
   * inside a transaction.
   */
  async enqueue(
    broadcastId: number,
    recipients: readonly NewOutboxRow[],
    now: string,
    options: { urgent?: boolean } = {},
  ): Promise<number> {
    const settings = options.urgent
      ? undefined
      : await new NotificationSettingsStore(this.db).many(recipients.map((r) => r.chatId))
    return this.enqueueRows(
      recipients.map((r) => ({ ...r, broadcastId })),
      now,
      settings,
    )
  }

  /**
   * Rows of any broadcasts, a few thousand a statement; each held for its recipient's quiet hours
   * by `settings` (a chat without: the defaults; no map at all: urgent, none held). How many were
   * new (a chat already in its broadcast is not enqueued twice). `fresh`: the caller knows none is
   * there yet (new broadcasts, each chat once), and the database need not look (it is faster).
   */
  async enqueueRows(
    rows: ReadonlyArray<NewOutboxRow & { broadcastId: number }>,
    now: string,
    settings: ReadonlyMap<number, NotificationSettings> | undefined,
    options: { fresh?: boolean } = {},
  ): Promise<number> {
    const at = new Date(now)
    const heldUntil = (chatId: number) => {
      if (!settings) return null
      return quietUntil(at, settings.get(chatId) ?? DEFAULT_SETTINGS)?.toISOString() ?? null
    }
    const jsonOf = contentJson()
    return insertMany(
      this.db,
      'outbox',
      ['broadcast_id', 'chat_id', 'person_id', 'content', 'next_attempt_at', 'not_before'],
      rows.map((r) => {
        const notBefore = heldUntil(r.chatId)
        return [
          r.broadcastId,
          r.chatId,
          r.personId,
          r.content ? jsonOf(r.content) : null,
          notBefore ?? now,
          notBefore,
        ]
      }),
      {
        perStatement: INSERT_CHUNK,
        ...(options.fresh ? {} : { ignoreConflictOn: ['broadcast_id', 'chat_id'] }),
      },
    )
  }

  async counts(broadcastId: number): Promise<StateCounts> {
    const rows = await this.db
      .selectFrom('outbox')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('broadcast_id', '=', broadcastId)
      .groupBy('state')
      .execute()
    const counts = emptyCounts()
    for (const r of rows) counts[r.state as OutboxState] = Number(r.n)
    return counts
  }

  /** Rows of a broadcast held for their recipients' quiet hours and not yet due: "waiting for morning". */
  async heldForMorning(broadcastId: number, now: string): Promise<number> {
    const row = await this.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('broadcast_id', '=', broadcastId)
      .where('state', '=', 'pending')
      .where('not_before', '>', now)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  /**
   * The person blocked the bot: their rows still waiting are not sent; they end unreachable, as if
   * Telegram had refused them. Returns how many.
   */
  async dropBlocked(chatId: number): Promise<number> {
    const result = await this.db
      .updateTable('outbox')
      .set({ state: 'unreachable', claim_token: null, last_error: BLOCKED_ERROR })
      .where('chat_id', '=', chatId)
      .where('state', '=', 'pending')
      .executeTakeFirst()
    return Number(result.numUpdatedRows)
  }

  /**
   * The reminders refused to this chat because it had blocked the bot, newest first, each taken
   * (marked resent) so that it is resent at most once. Call inside a transaction.
   */
  async takeMissedReminders(
    chatId: number,
  ): Promise<Array<{ deadlineId: number; reminderId: number; offsetDays: number; schoolId: number }>> {
    const rows = await this.db
      .selectFrom('outbox')
      .leftJoin('reminders', 'reminders.broadcast_id', 'outbox.broadcast_id')
      // a school batch whose reminder row was re-armed since (its deadline moved) keeps its batch row
      .leftJoin('reminder_batches as batch', 'batch.broadcast_id', 'outbox.broadcast_id')
      // a reminder of the person's own schedule (/settings) has no reminder row of its own
      .leftJoin('reminder_deliveries as own', (j) =>
        j
          .onRef('own.broadcast_id', '=', 'outbox.broadcast_id')
          .onRef('own.telegram_id', '=', 'outbox.chat_id'),
      )
      .innerJoin('broadcasts', 'broadcasts.id', 'outbox.broadcast_id')
      .select([
        'outbox.id',
        'reminders.deadline_id',
        'reminders.id as reminder_id',
        'reminders.offset_days',
        (eb) => eb.fn.coalesce('batch.deadline_id', 'own.deadline_id').as('given_deadline_id'),
        (eb) => eb.fn.coalesce('batch.offset_days', 'own.offset_days').as('given_offset_days'),
        'broadcasts.school_id',
      ])
      .where((eb) =>
        eb.or([
          eb('reminders.id', 'is not', null),
          eb('batch.deadline_id', 'is not', null),
          eb('own.deadline_id', 'is not', null),
        ]),
      )
      .where('outbox.chat_id', '=', chatId)
      .where('outbox.state', '=', 'unreachable')
      .where('outbox.last_error', 'like', '403%')
      .orderBy('outbox.id', 'desc')
      .execute()
    if (rows.length === 0) return []
    await this.db
      .updateTable('outbox')
      .set({ last_error: RESENT_ERROR })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute()
    const seen = new Set<number>()
    return rows.flatMap((r) => {
      const deadlineId = r.deadline_id ?? r.given_deadline_id
      const offsetDays = r.offset_days ?? r.given_offset_days
      if (r.school_id === null || deadlineId === null || offsetDays === null || seen.has(r.id)) return []
      seen.add(r.id)
      return [{ deadlineId, reminderId: r.reminder_id ?? 0, offsetDays, schoolId: r.school_id }]
    })
  }

  /** The recipients of a broadcast in these states, with their names, oldest first. */
  async entries(broadcastId: number, states: readonly OutboxState[], limit: number): Promise<OutboxEntry[]> {
    const rows = await this.db
      .selectFrom('outbox')
      .leftJoin('people', 'people.id', 'outbox.person_id')
      .select([
        'outbox.id',
        'outbox.chat_id',
        'outbox.person_id',
        'people.full_name',
        'outbox.state',
        'outbox.attempts',
        'outbox.last_error',
        'outbox.sent_at',
      ])
      .where('outbox.broadcast_id', '=', broadcastId)
      .where('outbox.state', 'in', [...states])
      .orderBy('outbox.id')
      .limit(limit)
      .execute()
    return rows.map((r) => ({
      id: r.id,
      chatId: Number(r.chat_id),
      personId: r.person_id,
      fullName: r.full_name,
      state: r.state as OutboxState,
      attempts: r.attempts,
      lastError: r.last_error,
      sentAt: r.sent_at,
    }))
  }

  async languageOf(telegramId: number): Promise<string> {
    const row = await this.db
      .selectFrom('telegram_users')
      .select('language')
      .where('telegram_id', '=', telegramId)
      .executeTakeFirst()
    return row?.language ?? 'vi'
  }

  // ── the worker ─────────────────────────────────────────────────────────────────────────────

  /**
   * Rows a dead worker left claimed may or may not have been delivered (it died between claiming
   * and recording the answer). They become `unknown` and are never resent. A worker is dead when
   * its lease (`outbox-worker:<id>` in job_leases) has run out at `now`; the claims of `self` and
   * of every live worker are left alone, so several workers can share one database.
   */
  async recoverClaims(
    self: string,
    now: string,
  ): Promise<Array<{ id: number; broadcastId: number; chatId: number }>> {
    const rows = await this.db
      .updateTable('outbox')
      .set({
        state: 'unknown',
        claim_token: null,
        last_error: 'the worker stopped between sending and recording the answer',
      })
      .where('state', '=', 'claimed')
      .where((eb) =>
        eb.or([
          eb('claimed_by', 'is', null),
          eb.and([
            eb('claimed_by', '!=', self),
            eb(
              'claimed_by',
              'not in',
              eb
                .selectFrom('job_leases')
                .select('holder')
                .where('name', 'like', `${WORKER_LEASE}%`)
                .where('expires_at', '>', now),
            ),
          ]),
        ]),
      )
      .returning(['id', 'broadcast_id', 'chat_id'])
      .execute()
    return rows.map((r) => ({ id: r.id, broadcastId: r.broadcast_id, chatId: Number(r.chat_id) }))
  }

  /** The end of the latest 429 pause a previous worker recorded, if any is still ahead. */
  async floodPauseEnd(now: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('outbox')
      .select('next_attempt_at')
      .where('state', '=', 'pending')
      .where('next_attempt_at', '>', now)
      .where('last_error', 'like', '429%')
      .orderBy('next_attempt_at', 'desc')
      .limit(1)
      .executeTakeFirst()
    return row?.next_attempt_at
  }

  /** The next rows due (of one broadcast, or of any), first due first. */
  async due(
    now: string,
    limit: number,
    broadcastId?: number,
  ): Promise<Array<{ id: number; chatId: number }>> {
    let query = this.db
      .selectFrom('outbox')
      .select(['id', 'chat_id'])
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', now)
    if (broadcastId !== undefined) query = query.where('broadcast_id', '=', broadcastId)
    const rows = await query.orderBy('next_attempt_at').orderBy('id').limit(limit).execute()
    return rows.map((r) => ({ id: r.id, chatId: Number(r.chat_id) }))
  }

  /** When the earliest pending row falls due (undefined: none pending). */
  async nextDue(): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('outbox')
      .select('next_attempt_at')
      .where('state', '=', 'pending')
      .orderBy('next_attempt_at')
      .limit(1)
      .executeTakeFirst()
    return row?.next_attempt_at
  }

  /** Pushes a row back (its chat is busy); it keeps its place among rows due at that time. */
  async postpone(id: number, until: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ next_attempt_at: until })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .execute()
  }

  /**
   * pending -> claimed, in one statement (UPDATE … WHERE state = 'pending' RETURNING); undefined
   * when the row was taken or cancelled meanwhile. Of several workers that pick the same row, one
   * gets it: on PostgreSQL the others wait for its row lock and then find the row claimed.
   */
  async claim(id: number, token: string, now: string, worker: string): Promise<ClaimedRow | undefined> {
    const row = await this.db
      .updateTable('outbox')
      .set({ state: 'claimed', claimed_at: now, claim_token: token, claimed_by: worker })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .returning(['id', 'broadcast_id', 'chat_id', 'person_id', 'content', 'attempts'])
      .executeTakeFirst()
    if (!row) return undefined
    return {
      id: row.id,
      broadcastId: row.broadcast_id,
      chatId: Number(row.chat_id),
      personId: row.person_id,
      content: row.content === null ? null : (JSON.parse(row.content) as BroadcastContent),
      attempts: row.attempts,
      token,
    }
  }

  async recordSent(row: ClaimedRow, messageId: number, now: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({
        state: 'sent',
        sent_at: now,
        message_id: messageId,
        attempts: row.attempts + 1,
        claim_token: null,
        last_error: null,
      })
      .where('id', '=', row.id)
      .where('claim_token', '=', row.token)
      .execute()
  }

  /** A final outcome other than sent: unreachable (403, chat not found) or failed. */
  async recordFinal(row: ClaimedRow, state: 'unreachable' | 'failed', error: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ state, attempts: row.attempts + 1, claim_token: null, last_error: error.slice(0, 500) })
      .where('id', '=', row.id)
      .where('claim_token', '=', row.token)
      .execute()
  }

  /**
   * Back to pending, due at `at` (after a 429 or a network error); straight to cancelled when the
   * broadcast was cancelled while the row was in flight.
   */
  async release(row: ClaimedRow, at: string, error: string, countAttempt: boolean): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set((eb) => ({
        state: eb
          .case()
          .when(
            eb
              .selectFrom('broadcasts')
              .select('broadcasts.status')
              .whereRef('broadcasts.id', '=', 'outbox.broadcast_id'),
            '=',
            'sending',
          )
          .then('pending')
          .else('cancelled')
          .end(),
        next_attempt_at: at,
        attempts: row.attempts + (countAttempt ? 1 : 0),
        claim_token: null,
        last_error: error.slice(0, 500),
      }))
      .where('id', '=', row.id)
      .where('claim_token', '=', row.token)
      .execute()
  }

  /** Rows still claimed (a graceful stop leaves none). */
  async claimedCount(): Promise<number> {
    const row = await this.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'claimed')
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
}

/** A worker's lease is named `outbox-worker:<its id>`, held by its id. */
export const WORKER_LEASE = 'outbox-worker:'

/** A content's JSON, made once per content object (recipients often share one). */
export function contentJson(): (content: BroadcastContent) => string {
  const json = new Map<BroadcastContent, string>()
  return (content) => {
    const known = json.get(content)
    if (known !== undefined) return known
    const text = JSON.stringify(content)
    json.set(content, text)
    return text
  }
}

function broadcastValues(b: NewBroadcast, now: string) {
  return {
    school_id: b.schoolId,
    kind: b.kind,
    created_by: b.createdBy,
    content: JSON.stringify(b.content),
    audience: JSON.stringify(b.audience),
    status: b.status,
    progress_chat_id: null,
    progress_message_id: null,
    progress_updated_at: null,
    progress_shown: null,
    reported_at: null,
    created_at: now,
    confirmed_at: b.status === 'sending' ? now : null,
    cancelled_at: null,
    finished_at: null,
    updated_at: now,
  }
}

function toBroadcast(row: Selectable<BroadcastsTable>): Broadcast {
  return {
    id: row.id,
    schoolId: row.school_id,
    kind: row.kind as BroadcastKind,
    createdBy: row.created_by === null ? null : Number(row.created_by),
    content: JSON.parse(row.content) as BroadcastContent,
    audience: JSON.parse(row.audience) as unknown,
    status: row.status as BroadcastStatus,
    recipients: row.recipients,
    progressChatId: row.progress_chat_id === null ? null : Number(row.progress_chat_id),
    progressMessageId: row.progress_message_id,
    progressUpdatedAt: row.progress_updated_at,
    reportedAt: row.reported_at,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    cancelledAt: row.cancelled_at,
    finishedAt: row.finished_at,
  }
}
