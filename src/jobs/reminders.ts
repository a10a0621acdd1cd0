/**
 * The reminder scheduler: reminders are rows (src/store/calendar.ts), and a tick enqueues the ones
 * whose time has come through the outbox, one message per person whose task is still open, each in
 * that person's language (the bot's `text` callback), with a button that opens the right flow. The
 * outbox worker (./outbox-worker.ts) delivers them.
 *
 *   const scheduler = startReminderScheduler({ db, text, intervalMs: 60_000, onEnqueued: () => worker.wake() })
 *   …
 *   await scheduler.stop()
 *
 * Once and only once: each reminder is claimed (pending -> enqueued) in the same transaction that
 * writes its outbox rows, so a crash leaves either both or neither, and a second tick or a second
 * scheduler finds it claimed. A bot that was down at 08:00 enqueues the due reminders at its first
 * tick (the tick runs at start-up) — only the latest of a deadline's due reminders (an earlier one
 * is `superseded`), and none for a deadline already over (`deadline-passed`) or of a year that is no
 * longer the school's current one (`not-current-year`).
 *
 * Several instances on one database: the scheduler's pass runs in one of them at a time, the one
 * holding the `reminder-scheduler` lease (src/store/leases.ts), renewed at each of its ticks; the
 * others' ticks do nothing (`held: false`) until it stops (it gives the lease up) or dies (the
 * lease runs out after `leaseMs`, and the next instance to tick takes it over).
 */
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/connection.ts'
import { type Logger, silentLogger } from '../logger.ts'
import { BroadcastService } from '../services/broadcasts.ts'
import { type DeadlineView, deadlineTitle, taskButtonData } from '../services/deadline-views.ts'
import { type OpenTask, openTasksOf } from '../services/open-tasks.ts'
import { daysUntil, deadlineEndsAt, vietnameseDate } from '../services/vietnam-days.ts'
import { CalendarStore, type DueReminder, type SkipReason } from '../store/calendar.ts'
import { LeaseStore } from '../store/leases.ts'
import { DEFAULT_SETTINGS, NotificationSettingsStore, wantsReminder } from '../store/notification-settings.ts'
import type { BroadcastContent } from '../store/outbox.ts'
import { ReminderDeliveryStore } from '../store/reminder-deliveries.ts'
import { Stores } from '../store/stores.ts'
import { deadlineOnArrival, runPersonalReminders } from './personal-reminders.ts'

/** What a reminder says to one person: HTML text and, optionally, one button. */
export interface ReminderMessage {
  /** Telegram HTML (escape what you insert) */
  html: string
  /** the button's label (≤ 64 characters); no button without it */
  buttonText?: string
  /** its callback data, ≤ 64 bytes, e.g. taskButtonData(deadline.task) → 'go:plan' */
  buttonData?: string
}

/** The deadline as a reminder tells of it: which reminder this is, and how many days are left now. */
export interface ReminderDeadline extends DeadlineView {
  reminderId: number
  /** days before the due date the reminder was meant for (7, 1 …) */
  offsetDays: number
}

/**
 * Builds one person's message (the bot translates into `recipient.language`). Runs inside the
 * reminder's transaction: it must not use the store. A throw leaves the reminder pending.
 */
export type ReminderText = (
  recipient: OpenTask,
  deadline: ReminderDeadline,
) => ReminderMessage | Promise<ReminderMessage>

export interface ReminderJobOptions {
  db: Db
  text: ReminderText
  logger?: Logger
  /** reminders looked at per tick; the rest wait for the next tick. Default 200. */
  batch?: number
  /** after a reminder's outbox rows are written (e.g. `() => worker.wake()`) */
  onEnqueued?: (done: EnqueuedReminder) => void
}

export interface EnqueuedReminder {
  reminderId: number
  deadlineId: number
  /** the outbox batch; null when nobody had anything left to do */
  broadcastId: number | null
  recipients: number
}

export interface ReminderTick {
  /** a scheduler's tick only: false when another instance holds the pass (nothing was done here) */
  held?: boolean
  enqueued: EnqueuedReminder[]
  skipped: Array<{ reminderId: number; deadlineId: number; reason: SkipReason }>
  /** the text callback or the outbox refused: the reminder stays pending for the next tick */
  failed: Array<{ reminderId: number; deadlineId: number; error: string }>
}

const BUTTON_DATA_MAX_BYTES = 64

/**
 * One tick at `now`: every pending reminder with fire_at ≤ now is enqueued (or skipped), each in
 * its own transaction with its outbox rows.
 */
export async function runDueReminders(options: ReminderJobOptions, now: Date): Promise<ReminderTick> {
  const logger = options.logger ?? silentLogger
  const stores = new Stores(options.db)
  const at = now.toISOString()
  const tick: ReminderTick = { enqueued: [], skipped: [], failed: [] }
  const due = await new CalendarStore(options.db).dueReminders(at, options.batch ?? 200)
  try {
    // first those with their own hour or days (/settings): at the school's hour, the school's rows
    // then leave out whoever already had theirs
    const own = await runPersonalReminders(stores, now, reminderContent(options.text))
    for (const f of own.failed)
      logger.error('personal reminders of a deadline not enqueued; tried again next tick', { ...f })
    for (const done of own.enqueued) {
      logger.info('personal reminders enqueued', { ...done })
      if (done.broadcastId !== null) options.onEnqueued?.({ reminderId: 0, ...done })
    }
  } catch (error) {
    logger.error('personal reminders not enqueued; they are tried again next tick', { error })
  }
  for (const reminder of due) {
    try {
      const outcome = await runOne(stores, reminder, now, options.text)
      if (outcome === undefined) continue
      if ('reason' in outcome) tick.skipped.push(outcome)
      else {
        tick.enqueued.push(outcome)
        logger.info('reminder enqueued', { ...outcome })
        options.onEnqueued?.(outcome)
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      tick.failed.push({ reminderId: reminder.id, deadlineId: reminder.deadlineId, error: message })
      logger.error('reminder not enqueued; it stays pending', { reminderId: reminder.id, error })
    }
  }
  return tick
}

/** One due reminder: skipped, or claimed and enqueued; undefined when another tick took it first. */
async function runOne(
  stores: Stores,
  reminder: DueReminder,
  now: Date,
  text: ReminderText,
): Promise<EnqueuedReminder | { reminderId: number; deadlineId: number; reason: SkipReason } | undefined> {
  const at = now.toISOString()
  const calendar = new CalendarStore(stores.db)
  const skip = async (reason: SkipReason) =>
    (await calendar.skip(reminder.id, reason, at))
      ? { reminderId: reminder.id, deadlineId: reminder.deadlineId, reason }
      : undefined
  const d = reminder.deadline
  const endsAt = deadlineEndsAt(d)
  if (at >= endsAt) return skip('deadline-passed')
  if (!reminder.yearIsCurrent) return skip('not-current-year')
  if (await calendar.laterDue(reminder, at)) return skip('superseded')
  const deadline: ReminderDeadline = {
    ...d,
    schoolId: reminder.schoolId,
    endsAt,
    passed: false,
    daysLeft: daysUntil(d.dueDate, now),
    reminderId: reminder.id,
    offsetDays: reminder.offsetDays,
  }
  return stores.transaction(async (tx) => {
    const txCalendar = new CalendarStore(tx.db)
    if (!(await txCalendar.claim(reminder.id, at))) return undefined
    // those who turned reminders off, or want only the day-before one, are left out (/settings)
    // and so is anyone already given this reminder or a later one (by their own schedule, before
    // they went back to the school's)
    const open = await openTasksOf(tx, d, reminder.schoolId)
    const settings = await new NotificationSettingsStore(tx.db).many(open.map((p) => p.telegramId))
    const deliveries = new ReminderDeliveryStore(tx.db)
    const given = await deliveries.latestOf(
      d,
      open.map((p) => p.telegramId),
    )
    const people = open.filter(
      (p) =>
        wantsReminder(settings.get(p.telegramId) ?? DEFAULT_SETTINGS, reminder.offsetDays) &&
        !((given.get(p.telegramId) ?? Number.POSITIVE_INFINITY) <= reminder.offsetDays),
    )
    const done = {
      reminderId: reminder.id,
      deadlineId: d.id,
      broadcastId: null as number | null,
      recipients: 0,
    }
    if (people.length === 0) {
      await txCalendar.recordEnqueued(reminder.id, null, 0, at)
      return done
    }
    const recipients: Array<{ chatId: number; personId: number; content: BroadcastContent }> = []
    for (const person of people) {
      recipients.push({
        chatId: person.telegramId,
        personId: person.personId,
        content: contentOf(
          await text(
            person,
            deadlineOnArrival(deadline, settings.get(person.telegramId) ?? DEFAULT_SETTINGS, now),
          ),
        ),
      })
    }
    const broadcasts = new BroadcastService({ stores: tx, now: () => now })
    const enqueued = await broadcasts.enqueueSystem({
      kind: 'reminder',
      schoolId: reminder.schoolId,
      content: recipients[0]!.content,
      audience: {
        deadlineId: d.id,
        reminderId: reminder.id,
        offsetDays: reminder.offsetDays,
        task: d.task,
        personIds: people.map((p) => p.personId),
      },
      recipients,
    })
    if (!enqueued.ok) throw new Error(`outbox refused the reminder: ${JSON.stringify(enqueued.error)}`)
    await txCalendar.recordEnqueued(reminder.id, enqueued.value.broadcastId, enqueued.value.enqueued, at)
    await deliveries.record(
      people.map((p) => ({
        deadlineId: d.id,
        dueDate: d.dueDate,
        telegramId: p.telegramId,
        offsetDays: reminder.offsetDays,
        state: 'sent' as const,
        broadcastId: enqueued.value.broadcastId,
      })),
      at,
    )
    return { ...done, broadcastId: enqueued.value.broadcastId, recipients: enqueued.value.enqueued }
  })
}

/** The outbox content of one person's reminder, from the bot's text (a reminder missed while blocked). */
export function reminderContent(
  text: ReminderText,
): (person: OpenTask, deadline: ReminderDeadline) => Promise<BroadcastContent> {
  return async (person, deadline) => contentOf(await text(person, deadline))
}

function contentOf(message: ReminderMessage): BroadcastContent {
  if (message.buttonText === undefined) return { type: 'text', html: message.html }
  const data = message.buttonData ?? 'go:deadlines'
  if (Buffer.byteLength(data, 'utf8') > BUTTON_DATA_MAX_BYTES)
    throw new Error(`reminder button data over ${BUTTON_DATA_MAX_BYTES} bytes: ${data}`)
  return {
    type: 'text',
    html: message.html,
    reply_markup: { inline_keyboard: [[{ text: message.buttonText, callback_data: data }]] },
  }
}

/** A translation function: (language, Fluent key, variables) → text; `{key}` when the key is missing. */
export type Translate = (language: string, key: string, vars: Record<string, string | number>) => string

/**
 * The bot's reminder text on its locales. Keys (vi.ftl and en.ftl):
 * - `reminder-text` with $title (HTML-escaped, in the person's language), $date (dd/mm/yyyy),
 *   $time (HH:mm, or '' for the whole day), $days (days left: 0 today, 1 tomorrow …), $pending (how
 *   many things are still open for them: 1 for one's own plan, plans waiting, people without
 *   grades), $task ('plan-submitted' | 'plan-head-approved' | 'plan-approved-by-school' |
 *   'grades-entered' | 'none');
 * - `reminder-button-plan`, `reminder-button-approve`, `reminder-button-grades`,
 *   `reminder-button-deadlines`: the button's label; its data is taskButtonData(task) ('go:plan',
 *   'go:approve', 'go:grades', 'go:deadlines').
 * Until the keys exist, the message is the title and the date alone, with a '→' button.
 */
export function reminderTextFromLocales(t: Translate): ReminderText {
  return (recipient, deadline) => {
    const language = recipient.language
    const title = escapeHtml(deadlineTitle(deadline, language))
    const date = vietnameseDate(deadline.dueDate)
    const vars = {
      title,
      date,
      time: deadline.dueTime ?? '',
      days: deadline.daysLeft,
      pending: recipient.task?.pending ?? 1,
      task: deadline.task ?? 'none',
    }
    const data = taskButtonData(deadline.task)
    const buttonKey = `reminder-button-${data.slice('go:'.length)}`
    const html = t(language, 'reminder-text', vars)
    const buttonText = t(language, buttonKey, vars)
    return {
      html:
        html === '{reminder-text}'
          ? `<b>${title}</b>\n${date}${deadline.dueTime ? ` ${deadline.dueTime}` : ''}`
          : html,
      buttonText: buttonText === `{${buttonKey}}` ? '→' : buttonText,
      buttonData: data,
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export interface ReminderScheduler {
  /** the tick that runs at start-up */
  readonly started: Promise<ReminderTick>
  /** runs a tick now (after the one in progress, if any) */
  tick(): Promise<ReminderTick>
  /** no more ticks; waits for the one in progress */
  stop(): Promise<void>
}

/**
 * Ticks at start-up and then every `intervalMs` (default one minute) on the given clock; ticks never
 * overlap. A failed tick is logged and the next one tries again.
 */
export const SCHEDULER_LEASE = 'reminder-scheduler'

export function startReminderScheduler(
  options: ReminderJobOptions & {
    intervalMs?: number
    /** the clock (default: the system's) */
    now?: () => Date
    /** this instance's name in the lease (default: pid and a random suffix) */
    instance?: string
    /** how long the pass stays this instance's without a tick (default: three intervals) */
    leaseMs?: number
  },
): ReminderScheduler {
  const logger = options.logger ?? silentLogger
  const intervalMs = options.intervalMs ?? 60_000
  const leaseMs = options.leaseMs ?? 3 * intervalMs
  const now = options.now ?? (() => new Date())
  const me = options.instance ?? `${process.pid}-${randomBytes(4).toString('hex')}`
  const leases = new LeaseStore(options.db)
  let held = false
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const empty = (): ReminderTick => ({ enqueued: [], skipped: [], failed: [] })
  let running: Promise<ReminderTick> = Promise.resolve(empty())
  const tick = (): Promise<ReminderTick> => {
    running = running
      .catch(() => empty())
      .then(async () => {
        if (stopped) return empty()
        try {
          const at = now()
          const until = new Date(at.getTime() + leaseMs).toISOString()
          const holding = await leases.hold(SCHEDULER_LEASE, me, at.toISOString(), until)
          if (holding !== held)
            logger.info(holding ? 'reminder pass: this instance' : 'reminder pass: another instance')
          held = holding
          if (!holding) return { ...empty(), held: false }
          return { ...(await runDueReminders(options, at)), held: true }
        } catch (error) {
          logger.error('reminder tick failed', { error })
          return empty()
        }
      })
    return running
  }
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      void tick().finally(schedule)
    }, intervalMs)
    timer.unref?.()
  }
  const started = tick()
  void started.finally(schedule)
  return {
    started,
    tick,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running.catch(() => undefined)
      // another instance takes the pass over at its next tick, not after the lease runs out
      if (held) await leases.release(SCHEDULER_LEASE, me).catch(() => undefined)
    },
  }
}
