/**
 * Broadcasts: an admin's message to their school — everyone with a linked Telegram account, some
 * roles, some departments, or a list of people (e.g. "those whose task X is still open", as
 * another service finds them) — and an owner's, in one school or across schools. Draft, preview,
 * confirm (one outbox row per recipient, in one transaction), cancel midway, report. The outbox
 * worker (src/jobs/outbox-worker.ts) delivers and keeps the sender's progress message.
 *
 *   const d = await deps.broadcasts.create(actor, {
 *     schoolId, content: { type: 'text', html: '<b>Họp tổ</b> 14h thứ Sáu' },
 *     audience: { type: 'roles', roles: ['teacher', 'head'] },
 *   })
 *   const p = await deps.broadcasts.preview(actor, { broadcastId: d.value.id })
 *   p.value    // { recipients: 118, withoutTelegram: 7 }
 *   await deps.broadcasts.confirm(actor, { broadcastId: d.value.id })
 *   await deps.broadcasts.cancel(actor, { broadcastId })        // pending rows are dropped
 *   (await deps.broadcasts.report(actor, { broadcastId })).value.counts.sent
 *
 * Errors are values: `invalid-input`, `not-linked`, `forbidden`, `not-found` (entity, ids),
 * `wrong-school` (entity, ids), `not-draft` (status), `no-recipients` (withoutTelegram),
 * `finished` (status).
 */
import { z } from 'zod'
import type { Db } from '../db/connection.ts'
import { type NotificationSettings, NotificationSettingsStore } from '../store/notification-settings.ts'
import {
  type Broadcast,
  type BroadcastContent,
  type BroadcastKind,
  type BroadcastStatus,
  contentJson,
  contentSchema,
  type NewOutboxRow,
  type OutboxEntry,
  OutboxStore,
  type StateCounts,
} from '../store/outbox.ts'
import { ROLES, type Role } from '../store/people.ts'
import { Stores } from '../store/stores.ts'
import { type Actor, type ActorInfo, isAdminOf, whoIs } from './access.ts'
import type { ServiceContext, ServiceOptions } from './options.ts'
import {
  type Forbidden,
  fail,
  forbidden,
  type InvalidInput,
  type NotLinked,
  notLinked,
  ok,
  parseInput,
  type Result,
} from './result.ts'

export type { BroadcastContent, OutboxEntry, StateCounts } from '../store/outbox.ts'
export { contentSchema } from '../store/outbox.ts'

const id = z.number().int().positive()

/** Who a broadcast is for; in a school's broadcast, only that school's people. */
export const audienceSchema = z.discriminatedUnion('type', [
  /** everyone (of the school; of every school for an owner's cross-school broadcast) */
  z.object({ type: z.literal('everyone') }),
  z.object({ type: z.literal('roles'), roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length) }),
  z.object({ type: z.literal('departments'), departmentIds: z.array(id).min(1).max(500) }),
  /** a list given by another service, e.g. the people whose task is still open */
  z.object({ type: z.literal('people'), personIds: z.array(id).min(1).max(200_000) }),
])
export type Audience = z.output<typeof audienceSchema>

/** No broadcast / school / department / person with this id (`ids`: which of a list). */
export type BroadcastNotFound = {
  readonly code: 'not-found'
  readonly entity: 'broadcast' | 'school' | 'department' | 'person'
  readonly ids?: readonly number[]
}
/** Departments or people of another school in a school's audience. */
export type WrongSchool = {
  readonly code: 'wrong-school'
  readonly entity: 'department' | 'person'
  readonly ids: readonly number[]
}
/** Only a draft can be confirmed. */
export type NotDraft = { readonly code: 'not-draft'; readonly status: BroadcastStatus }
/** Nobody in the audience has a linked Telegram account. */
export type NoRecipients = { readonly code: 'no-recipients'; readonly withoutTelegram: number }
/** The broadcast is over (done or cancelled already). */
export type Finished = { readonly code: 'finished'; readonly status: BroadcastStatus }

export interface BroadcastView {
  id: number
  schoolId: number | null
  kind: BroadcastKind
  createdBy: number | null
  content: BroadcastContent
  audience: Audience
  status: BroadcastStatus
  /** rows enqueued at confirmation (0 for a draft) */
  recipients: number
  createdAt: string
  confirmedAt: string | null
  cancelledAt: string | null
  finishedAt: string | null
}

export interface BroadcastPreview {
  broadcastId: number
  /** people with a linked Telegram account: they will get it */
  recipients: number
  /** people of the audience without one yet (never opened the bot): they will not */
  withoutTelegram: number
  /** people of the audience who blocked the bot: they will not */
  blocked: number
}

export interface BroadcastReport {
  broadcast: BroadcastView
  counts: StateCounts
  total: number
  /** blocked the bot, deactivated, never started it (chat not found), with names */
  unreachable: OutboxEntry[]
  /** failed after every retry, or unknown (the worker stopped between sending and recording) */
  review: OutboxEntry[]
}

type AccessError = Forbidden | NotLinked | BroadcastNotFound

const createInput = z.object({
  /** null: an owner's broadcast across schools */
  schoolId: id.nullable(),
  content: contentSchema,
  audience: audienceSchema,
})
const byId = z.object({ broadcastId: id })
const confirmInput = z.object({
  broadcastId: id,
  /** the message the sender already sees, to be edited with the progress; else the worker sends one */
  progressMessage: z.object({ chatId: z.number().int(), messageId: id }).optional(),
  /** marked urgent in the preview: it goes at once, even to people in their quiet hours */
  urgent: z.boolean().optional(),
})
/** The text is longer than Telegram lets a message (or a file's caption) be, as recipients would see it. */
export type MessageTooLong = {
  readonly code: 'message-too-long'
  readonly length: number
  readonly max: number
}

/** Telegram's limits on what a message shows, counted after the HTML is rendered. */
const TEXT_MAX = 4096
const CAPTION_MAX = 1024

/** The characters a recipient sees of stored HTML (written by entitiesToHtml: tags and 4 escapes). */
function renderedLength(html: string): number {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
  return [...text.trim()].length
}

/** Refuses before anything is accepted a message every recipient's send would fail on. */
export function overLimit(content: BroadcastContent): MessageTooLong | null {
  const [length, max] =
    content.type === 'text'
      ? [renderedLength(content.html), TEXT_MAX]
      : [renderedLength(content.caption_html ?? ''), CAPTION_MAX]
  return length > max ? { code: 'message-too-long', length, max } : null
}

const reportInput = z.object({ broadcastId: id, limit: z.number().int().min(0).max(10_000).optional() })
const systemInput = z.object({
  kind: z.literal('reminder'),
  schoolId: id.nullable(),
  content: contentSchema,
  /** what it was for, kept with the broadcast (e.g. { deadlineId, reminderId }) */
  audience: z.record(z.string(), z.unknown()),
  recipients: z
    .array(
      z.object({
        chatId: z.number().int(),
        personId: id.nullable(),
        content: contentSchema.optional(),
      }),
    )
    .min(1)
    .max(200_000),
})

/** What enqueueSystem takes: a reminder-kind batch, each recipient with their own content or not. */
export type SystemBatch = z.input<typeof systemInput>
/** systemInput without the recipients, which checkRecipients checks (100,000 of them through zod is slow) */
const systemHeader = systemInput.omit({ recipients: true }).extend({
  recipients: z.array(z.unknown()).min(1).max(200_000),
})

/** contentSchema's answer for each content object checked (recipients share them; a pass checks each once). */
const checkedContents = new WeakMap<object, Result<BroadcastContent, InvalidInput>>()

function checkContent(content: unknown): Result<BroadcastContent, InvalidInput> {
  if (typeof content !== 'object' || content === null) return parseInput(contentSchema, content)
  const known = checkedContents.get(content)
  if (known) return known
  const result = parseInput(contentSchema, content)
  checkedContents.set(content, result)
  return result
}

/** A system batch as enqueueSystem takes it, checked; its recipients' contents as they are written. */
export type CheckedSystemBatch = Omit<z.output<typeof systemHeader>, 'recipients'> & {
  recipients: NewOutboxRow[]
}

/**
 * What systemInput says of a batch, without running 100,000 recipients through zod: each distinct
 * content object is parsed once. The reminder pass checks each reminder's batch before it claims it.
 */
export function checkSystemBatch(batch: SystemBatch): Result<CheckedSystemBatch, InvalidInput> {
  const header = parseInput(systemHeader, batch)
  if (!header.ok) return header
  const refuse = (path: string, code: string) =>
    fail({ code: 'invalid-input' as const, issues: [{ path, code }] })
  const recipients: NewOutboxRow[] = []
  for (const [i, r] of batch.recipients.entries()) {
    if (!Number.isInteger(r.chatId)) return refuse(`recipients.${i}.chatId`, 'invalid_type')
    if (r.personId !== null && !(Number.isInteger(r.personId) && r.personId > 0))
      return refuse(`recipients.${i}.personId`, Number.isInteger(r.personId) ? 'too_small' : 'invalid_type')
    if (r.content === undefined) {
      recipients.push({ chatId: r.chatId, personId: r.personId })
      continue
    }
    const content = checkContent(r.content)
    if (!content.ok)
      return fail({
        ...content.error,
        issues: content.error.issues.map((issue) => ({
          ...issue,
          path: [`recipients.${i}.content`, issue.path].filter(Boolean).join('.'),
        })),
      })
    recipients.push({ chatId: r.chatId, personId: r.personId, content: content.value })
  }
  return ok({ ...header.value, recipients })
}

function firstPerChat(recipients: readonly NewOutboxRow[]): NewOutboxRow[] {
  const seen = new Set<number>()
  return recipients.filter((r) => {
    if (seen.has(r.chatId)) return false
    seen.add(r.chatId)
    return true
  })
}

export class BroadcastService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  private outbox(stores: Stores = this.stores): OutboxStore {
    return new OutboxStore(stores.db)
  }

  /** A draft: nothing is sent before `confirm`. Admins of the school; owners, also across schools. */
  async create(
    actor: Actor,
    input: { schoolId: number | null; content: BroadcastContent; audience: Audience },
  ): Promise<Result<BroadcastView, InvalidInput | AccessError | WrongSchool | MessageTooLong>> {
    const parsed = parseInput(createInput, input)
    if (!parsed.ok) return parsed
    const { schoolId, content, audience } = parsed.value
    const who = await whoIs(this.stores, actor)
    const denied = mayBroadcast(who, schoolId)
    if (denied) return fail(denied)
    const tooLong = overLimit(content)
    if (tooLong) return fail(tooLong)
    if (schoolId !== null && !(await this.stores.schools.get(schoolId)))
      return fail({ code: 'not-found' as const, entity: 'school' as const })
    const checked = await this.checkAudience(schoolId, audience)
    if (!checked.ok) return checked
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      const b = await this.outbox(tx).createBroadcast(
        { schoolId, kind: 'broadcast', createdBy: who.telegramId, content, audience, status: 'draft' },
        now,
      )
      await tx.audit.record(
        who.telegramId,
        'broadcast.create',
        { broadcastId: b.id, schoolId, audience: audience.type },
        now,
      )
      return ok(view(b))
    })
  }

  async get(
    actor: Actor,
    input: { broadcastId: number },
  ): Promise<Result<BroadcastView, InvalidInput | AccessError>> {
    const found = await this.load(actor, input)
    return found.ok ? ok(view(found.value.broadcast)) : found
  }

  /** How many will get it, and how many of the audience have no Telegram account yet. */
  async preview(
    actor: Actor,
    input: { broadcastId: number },
  ): Promise<Result<BroadcastPreview, InvalidInput | AccessError>> {
    const found = await this.load(actor, input)
    if (!found.ok) return found
    const b = found.value.broadcast
    const members = await this.outbox().audience(filterOf(b.schoolId, b.audience as Audience))
    return ok({
      broadcastId: b.id,
      recipients: members.linked.length,
      withoutTelegram: members.unlinked,
      blocked: members.blocked,
    })
  }

  /**
   * Sends it: the audience is resolved again now and one outbox row per recipient is written, all
   * in one transaction (chunked multi-row inserts); the worker takes it from there.
   */
  async confirm(
    actor: Actor,
    input: { broadcastId: number; progressMessage?: { chatId: number; messageId: number }; urgent?: boolean },
  ): Promise<
    Result<
      { broadcastId: number; enqueued: number; withoutTelegram: number },
      InvalidInput | AccessError | NotDraft | NoRecipients
    >
  > {
    const parsed = parseInput(confirmInput, input)
    if (!parsed.ok) return parsed
    const found = await this.load(actor, { broadcastId: parsed.value.broadcastId })
    if (!found.ok) return found
    const { who } = found.value
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      const outbox = this.outbox(tx)
      const b = await outbox.getBroadcast(parsed.value.broadcastId)
      if (!b) return fail({ code: 'not-found' as const, entity: 'broadcast' as const })
      if (b.status !== 'draft') return fail({ code: 'not-draft' as const, status: b.status })
      const members = await outbox.audience(filterOf(b.schoolId, b.audience as Audience))
      if (members.linked.length === 0)
        return fail({ code: 'no-recipients' as const, withoutTelegram: members.unlinked })
      const enqueued = await outbox.enqueue(
        b.id,
        members.linked.map((m) => ({ chatId: m.chatId, personId: m.personId })),
        now,
        { urgent: parsed.value.urgent ?? false },
      )
      await outbox.markSending(b.id, enqueued, now, parsed.value.progressMessage)
      await tx.audit.record(
        who.telegramId,
        'broadcast.confirm',
        {
          broadcastId: b.id,
          recipients: enqueued,
          withoutTelegram: members.unlinked,
          blocked: members.blocked,
          urgent: parsed.value.urgent ?? false,
        },
        now,
      )
      return ok({ broadcastId: b.id, enqueued, withoutTelegram: members.unlinked })
    })
  }

  /** Stops it: rows not yet sent are cancelled; a message in flight finishes. A draft just ends. */
  async cancel(
    actor: Actor,
    input: { broadcastId: number },
  ): Promise<Result<{ broadcastId: number; cancelled: number }, InvalidInput | AccessError | Finished>> {
    const found = await this.load(actor, input)
    if (!found.ok) return found
    const { who, broadcast } = found.value
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      const result = await this.outbox(tx).cancel(broadcast.id, now)
      if (!result) {
        const current = await this.outbox(tx).getBroadcast(broadcast.id)
        return fail({ code: 'finished' as const, status: current?.status ?? broadcast.status })
      }
      await tx.audit.record(
        who.telegramId,
        'broadcast.cancel',
        { broadcastId: broadcast.id, cancelled: result.cancelled },
        now,
      )
      return ok({ broadcastId: broadcast.id, cancelled: result.cancelled })
    })
  }

  /** Counts by delivery state, who is unreachable, and who needs a look (failed, unknown). */
  async report(
    actor: Actor,
    input: { broadcastId: number; limit?: number },
  ): Promise<Result<BroadcastReport, InvalidInput | AccessError>> {
    const parsed = parseInput(reportInput, input)
    if (!parsed.ok) return parsed
    const found = await this.load(actor, { broadcastId: parsed.value.broadcastId })
    if (!found.ok) return found
    const b = found.value.broadcast
    const limit = parsed.value.limit ?? 1_000
    const outbox = this.outbox()
    const counts = await outbox.counts(b.id)
    return ok({
      broadcast: view(b),
      counts,
      total: Object.values(counts).reduce((a, n) => a + n, 0),
      unreachable: await outbox.entries(b.id, ['unreachable'], limit),
      review: await outbox.entries(b.id, ['failed', 'unknown'], limit),
    })
  }

  /**
   * The system's own messages (reminders): no sender, no report; each recipient may have their
   * own content (their language, their button). Enqueued at once for the worker.
   */
  async enqueueSystem(
    input: SystemBatch,
  ): Promise<Result<{ broadcastId: number; enqueued: number }, InvalidInput>> {
    const done = await this.enqueueSystemMany([input])
    return done.ok ? ok(done.value[0]!) : done
  }

  /**
   * Many system batches in one transaction (the daily reminder pass: thousands of batches, 100,000
   * recipients), a few statements for all of them. Each distinct content object is checked once,
   * however many recipients share it. `settings`: the recipients' notification settings when the
   * caller has them (those without have the defaults); else they are read here.
   */
  async enqueueSystemMany(
    batches: readonly SystemBatch[],
    settings?: ReadonlyMap<number, NotificationSettings>,
  ): Promise<Result<Array<{ broadcastId: number; enqueued: number }>, InvalidInput>> {
    const checked: CheckedSystemBatch[] = []
    for (const batch of batches) {
      const one = checkSystemBatch(batch)
      if (!one.ok) return one
      checked.push(one.value)
    }
    return ok(await this.enqueueCheckedMany(checked, settings))
  }

  /** enqueueSystemMany of batches checkSystemBatch let through (the reminder passes check each first). */
  async enqueueCheckedMany(
    checked: readonly CheckedSystemBatch[],
    settings?: ReadonlyMap<number, NotificationSettings>,
  ): Promise<Array<{ broadcastId: number; enqueued: number }>> {
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      const outbox = this.outbox(tx)
      // a chat twice in a batch is enqueued once (its first content)
      const unique = checked.map((b) => firstPerChat(b.recipients))
      const counts = unique.map((recipients) => recipients.length)
      const ids = await outbox.createBroadcasts(
        checked.map((b, i) => ({
          schoolId: b.schoolId,
          kind: b.kind,
          createdBy: null,
          content: b.content,
          audience: b.audience,
          status: 'sending' as const,
          recipients: counts[i]!,
        })),
        now,
      )
      // a recipient whose message is the batch's keeps none of its own: the worker reads the batch's
      const jsonOf = contentJson()
      const rows = unique.flatMap((recipients, i) => {
        const batch = jsonOf(checked[i]!.content)
        return recipients.map((r) => ({
          chatId: r.chatId,
          personId: r.personId,
          ...(r.content && jsonOf(r.content) !== batch ? { content: r.content } : {}),
          broadcastId: ids[i]!,
        }))
      })
      const known = settings ?? (await new NotificationSettingsStore(tx.db).many(rows.map((r) => r.chatId)))
      // new broadcasts, each chat once: nothing to conflict with
      await outbox.enqueueRows(rows, now, known, { fresh: true })
      return ids.map((broadcastId, i) => ({ broadcastId, enqueued: counts[i]! }))
    })
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  private async load(
    actor: Actor,
    input: { broadcastId: number },
  ): Promise<Result<{ who: ActorInfo; broadcast: Broadcast }, InvalidInput | AccessError>> {
    const parsed = parseInput(byId, input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const broadcast = await this.outbox().getBroadcast(parsed.value.broadcastId)
    if (!who.isOwner && !who.person) return notLinked()
    if (!broadcast) return fail({ code: 'not-found' as const, entity: 'broadcast' as const })
    const denied = mayBroadcast(who, broadcast.schoolId)
    if (denied) return fail(denied)
    return ok({ who, broadcast })
  }

  /** Departments and people of a school's audience exist and are of that school. */
  private async checkAudience(
    schoolId: number | null,
    audience: Audience,
  ): Promise<Result<true, BroadcastNotFound | WrongSchool>> {
    if (audience.type === 'departments') {
      const missing: number[] = []
      const elsewhere: number[] = []
      for (const departmentId of new Set(audience.departmentIds)) {
        const d = await this.stores.schools.getDepartment(departmentId)
        if (!d) missing.push(departmentId)
        else if (schoolId !== null && d.schoolId !== schoolId) elsewhere.push(departmentId)
      }
      if (missing.length) return fail({ code: 'not-found', entity: 'department', ids: missing })
      if (elsewhere.length) return fail({ code: 'wrong-school', entity: 'department', ids: elsewhere })
    }
    if (audience.type === 'people') {
      const schools = await this.outbox().schoolsOf(audience.personIds)
      const unique = [...new Set(audience.personIds)]
      const missing = unique.filter((p) => !schools.has(p))
      if (missing.length) return fail({ code: 'not-found', entity: 'person', ids: missing })
      const elsewhere = schoolId === null ? [] : unique.filter((p) => schools.get(p) !== schoolId)
      if (elsewhere.length) return fail({ code: 'wrong-school', entity: 'person', ids: elsewhere })
    }
    return ok(true)
  }
}

/** The service over its own store (tests, benchmarks): `createBroadcastService(db, { now })`. */
export function createBroadcastService(db: Db, options: Partial<ServiceOptions> = {}): BroadcastService {
  return new BroadcastService({ stores: new Stores(db), now: options.now ?? (() => new Date()) })
}
/** Admins of the school, owners; across schools, owners only. */
function mayBroadcast(who: ActorInfo, schoolId: number | null): Forbidden | NotLinked | undefined {
  if (!who.isOwner && !who.person) return notLinked().error
  if (schoolId === null ? !who.isOwner : !isAdminOf(who, schoolId)) return forbidden().error
  return undefined
}

function filterOf(schoolId: number | null, audience: Audience) {
  switch (audience.type) {
    case 'everyone':
      return { schoolId }
    case 'roles':
      return { schoolId, roles: audience.roles as readonly Role[] }
    case 'departments':
      return { schoolId, departmentIds: audience.departmentIds }
    case 'people':
      return { schoolId, personIds: audience.personIds }
  }
}

function view(b: Broadcast): BroadcastView {
  return {
    id: b.id,
    schoolId: b.schoolId,
    kind: b.kind,
    createdBy: b.createdBy,
    content: b.content,
    audience: b.audience as Audience,
    status: b.status,
    recipients: b.recipients,
    createdAt: b.createdAt,
    confirmedAt: b.confirmedAt,
    cancelledAt: b.cancelledAt,
    finishedAt: b.finishedAt,
  }
}
