/**
 * What a person gets and when: their /settings (reminders, result notices, quiet hours), and
 * what follows when they block or unblock the bot.
 *
 *   await deps.notifications.update({ telegramId }, { quietFrom: 22, quietTo: 6 })
 *   await deps.notifications.blocked(telegramId)                  // my_chat_member: kicked
 *   await deps.notifications.unblocked(telegramId, reminderContent) // member again, or /start
 *
 * Quiet hours themselves are applied where every message is enqueued (OutboxStore.enqueue).
 */
import { z } from 'zod'
import { deadlineOnArrival } from '../jobs/personal-reminders.ts'
import { CalendarStore } from '../store/calendar.ts'
import {
  DEFAULT_SETTINGS,
  type NotificationSettings,
  NotificationSettingsStore,
  quietUntil,
  REMINDER_DAY_CHOICES,
} from '../store/notification-settings.ts'
import { type BroadcastContent, OutboxStore } from '../store/outbox.ts'
import type { Stores } from '../store/stores.ts'
import type { Actor } from './access.ts'
import { BroadcastService } from './broadcasts.ts'
import type { DeadlineView } from './deadline-views.ts'
import { type OpenTask, openTasksOf } from './open-tasks.ts'
import type { ServiceContext } from './options.ts'
import { type InvalidInput, ok, parseInput, type Result } from './result.ts'
import { daysUntil, deadlineEndsAt } from './vietnam-days.ts'

export type { NotificationSettings } from '../store/notification-settings.ts'
export { DEFAULT_SETTINGS, REMINDER_DAY_CHOICES } from '../store/notification-settings.ts'

/** The deadline a resent reminder tells of (the reminder scheduler's ReminderDeadline). */
export type MissedDeadline = DeadlineView & { reminderId: number; offsetDays: number }
/** Builds one person's reminder (the bot's text, in their language). */
export type ReminderContent = (person: OpenTask, deadline: MissedDeadline) => Promise<BroadcastContent>

const hour = z.number().int().min(0).max(23)
const patchSchema = z.object({
  reminders: z.boolean().optional(),
  reminderDays: z.enum(REMINDER_DAY_CHOICES).optional(),
  results: z.boolean().optional(),
  quietFrom: hour.optional(),
  quietTo: hour.optional(),
  reminderHour: hour.nullable().optional(),
})

export class NotificationService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  async settings(actor: Actor): Promise<NotificationSettings> {
    return new NotificationSettingsStore(this.stores.db).get(actor.telegramId)
  }

  /** Changes some settings; an hour outside 0–23 or an unknown choice changes nothing. */
  async update(
    actor: Actor,
    patch: Partial<NotificationSettings>,
  ): Promise<Result<NotificationSettings, InvalidInput>> {
    const parsed = parseInput(patchSchema, patch)
    if (!parsed.ok) return parsed
    const store = new NotificationSettingsStore(this.stores.db)
    const next = { ...(await store.get(actor.telegramId)), ...definedOnly(parsed.value) }
    await store.save(actor.telegramId, next, this.ctx.now().toISOString())
    return ok(next)
  }

  /** Those of these accounts who turned result notices off (a new score, a plan approved or returned). */
  async mutedResults(telegramIds: readonly number[]): Promise<Set<number>> {
    const settings = await new NotificationSettingsStore(this.stores.db).many(telegramIds)
    return new Set([...settings].filter(([, s]) => !s.results).map(([id]) => id))
  }

  /**
   * Of these accounts, those now in their quiet hours, with the instant the hours end. A direct
   * notice to one of them waits in the outbox (`hold`) instead of going at once.
   */
  async inQuietHours(telegramIds: readonly number[]): Promise<Map<number, Date>> {
    const now = this.ctx.now()
    const settings = await new NotificationSettingsStore(this.stores.db).many(telegramIds)
    const out = new Map<number, Date>()
    for (const id of new Set(telegramIds)) {
      const until = quietUntil(now, settings.get(id) ?? DEFAULT_SETTINGS)
      if (until) out.set(id, until)
    }
    return out
  }

  /**
   * Direct notices (a new score, a plan's step) to people in their quiet hours: they wait in the
   * outbox and go, once, when the hours end; the outbox worker sends them.
   */
  async hold(
    messages: ReadonlyArray<{ chatId: number; personId: number | null; content: BroadcastContent }>,
  ): Promise<{ held: number }> {
    if (messages.length === 0) return { held: 0 }
    // the bot's own kind of batch (no sender, no progress); `notice` in its audience says what it is
    const enqueued = await new BroadcastService(this.ctx).enqueueSystem({
      kind: 'reminder',
      schoolId: null,
      content: messages[0]!.content,
      audience: { notice: true, chatIds: messages.map((m) => m.chatId) },
      recipients: messages.map((m) => ({ chatId: m.chatId, personId: m.personId, content: m.content })),
    })
    if (!enqueued.ok) throw new Error(`outbox refused the notices: ${JSON.stringify(enqueued.error)}`)
    return { held: enqueued.value.enqueued }
  }

  /** Those of these accounts who blocked the bot (my_chat_member), as far as the bot knows. */
  async blockedAmong(telegramIds: readonly number[]): Promise<Set<number>> {
    const out = new Set<number>()
    const ids = [...new Set(telegramIds)]
    for (let i = 0; i < ids.length; i += 10_000) {
      const rows = await this.stores.db
        .selectFrom('telegram_users')
        .select('telegram_id')
        .where('telegram_id', 'in', ids.slice(i, i + 10_000))
        .where('blocked_at', 'is not', null)
        .execute()
      for (const r of rows) out.add(Number(r.telegram_id))
    }
    return out
  }

  /** They blocked the bot: what still waits for them is not sent (it ends unreachable). */
  async blocked(telegramId: number): Promise<{ dropped: number }> {
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      const dropped = await new OutboxStore(tx.db).dropBlocked(telegramId)
      await tx.audit.record(telegramId, 'telegram.blocked', { dropped }, now)
      return { dropped }
    })
  }

  /**
   * They unblocked the bot (or wrote to it again): the reminders they missed while blocked are
   * sent again once — only the latest of each deadline, only while the deadline is ahead and their
   * task is still open, and only if they still want reminders.
   */
  async unblocked(telegramId: number, content: ReminderContent): Promise<{ resent: number }> {
    const now = this.ctx.now()
    const at = now.toISOString()
    return this.stores.transaction(async (tx) => {
      const outbox = new OutboxStore(tx.db)
      const missed = await outbox.takeMissedReminders(telegramId)
      const settings = await new NotificationSettingsStore(tx.db).get(telegramId)
      let resent = 0
      const calendar = new CalendarStore(tx.db)
      const seen = new Set<number>()
      for (const m of missed) {
        if (!settings.reminders || seen.has(m.deadlineId)) continue
        seen.add(m.deadlineId) // newest first: one per deadline
        const d = await calendar.getDeadline(m.deadlineId)
        if (!d || d.removedAt !== null) continue
        const endsAt = deadlineEndsAt(d)
        if (at >= endsAt) continue
        const person = (await openTasksOf(tx, d, m.schoolId)).find((p) => p.telegramId === telegramId)
        if (!person) continue
        // days left as of when it arrives (in the morning, if they unblocked at night)
        const deadline: MissedDeadline = deadlineOnArrival(
          {
            ...d,
            schoolId: m.schoolId,
            endsAt,
            passed: false,
            daysLeft: daysUntil(d.dueDate, now),
            reminderId: m.reminderId,
            offsetDays: m.offsetDays,
          },
          settings,
          now,
        )
        const message = await content(person, deadline)
        const enqueued = await new BroadcastService({ stores: tx, now: () => now }).enqueueSystem({
          kind: 'reminder',
          schoolId: m.schoolId,
          content: message,
          audience: {
            deadlineId: d.id,
            reminderId: m.reminderId,
            resentAfterUnblock: true,
            personIds: [person.personId],
          },
          recipients: [{ chatId: telegramId, personId: person.personId, content: message }],
        })
        if (enqueued.ok) resent += enqueued.value.enqueued
      }
      await tx.audit.record(telegramId, 'telegram.unblocked', { resent }, at)
      return { resent }
    })
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
