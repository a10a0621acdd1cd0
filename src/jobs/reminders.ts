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
import {
  BroadcastService,
  type CheckedSystemBatch,
  checkSystemBatch,
  type SystemBatch,
} from '../services/broadcasts.ts'
import { type DeadlineView, deadlineTitle, taskButtonData } from '../services/deadline-views.ts'
import type { OpenTask } from '../services/open-tasks.ts'
import { vietnameseDate } from '../services/vietnam-days.ts'
import { CalendarStore, type DueReminder, type SkipReason } from '../store/calendar.ts'
import { LeaseStore } from '../store/leases.ts'
import {
  DEFAULT_SETTINGS,
  type NotificationSettings,
  NotificationSettingsStore,
  wantsReminder,
} from '../store/notification-settings.ts'
import type { BroadcastContent } from '../store/outbox.ts'
import { ReminderDeliveryStore } from '../store/reminder-deliveries.ts'
import { Stores } from '../store/stores.ts'
import { arrivalsAt, runPersonalReminders } from './personal-reminders.ts'
import {
  deadlineClock,
  errorText,
  inParts,
  lanes,
  openTasksOfMany,
  type ReminderRecipient,
  reminderBatch,
} from './reminder-batches.ts'

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
 * Reminders whose people and messages are worked out at once (their schools' facts read together):
 * a province's 2,000 in four or so groups, each written while the next is worked out.
 */
const REMINDERS_PER_GROUP = 500

/**
 * One tick at `now`: every pending reminder with fire_at ≤ now is enqueued (or skipped). A few
 * queries for a group of them find who still has the task open, their settings and what they were
 * given already; then each reminder is claimed together with its outbox rows, in transactions of
 * a few thousand recipients, while the next group is worked out.
 */
export async function runDueReminders(options: ReminderJobOptions, now: Date): Promise<ReminderTick> {
  const logger = options.logger ?? silentLogger
  const stores = new Stores(options.db)
  const at = now.toISOString()
  const calendar = new CalendarStore(options.db)
  const due = await calendar.dueReminders(at, options.batch ?? 200)
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
  const outcomes = new Map<number, Outcome>()
  const fail = (reminder: DueReminder, error: unknown) => {
    outcomes.set(reminder.id, { failed: errorText(error) })
    logger.error('reminder not enqueued; it stays pending', { reminderId: reminder.id, error })
  }
  const clock = deadlineClock(now)
  const going = await skipThoseNotToGo(calendar, due, at, clock, outcomes, fail)
  // a group's people and messages are worked out while the groups before it are being written
  const writes = lanes()
  for (const group of inParts(going, () => 1, REMINDERS_PER_GROUP)) {
    const { ready, settings } = await whoAndWhat(options.db, group, now, clock, options.text, fail).catch(
      (error: unknown) => {
        for (const reminder of group) fail(reminder, error)
        return { ready: [], settings: new Map() }
      },
    )
    for (const part of inParts(ready, (r) => r.recipients.length))
      writes.add(async () => {
        try {
          const done = await stores.transaction((tx) => enqueuePart(tx, part, settings, now))
          for (const outcome of done) {
            outcomes.set(outcome.reminderId, outcome)
            logger.info('reminder enqueued', { ...outcome })
            options.onEnqueued?.(outcome)
          }
        } catch (error) {
          for (const { reminder } of part) fail(reminder, error)
        }
      })
  }
  await writes.done()
  const tick: ReminderTick = { enqueued: [], skipped: [], failed: [] }
  for (const r of due) {
    const outcome = outcomes.get(r.id)
    if (outcome === undefined) continue // another tick took it first
    if ('reason' in outcome) tick.skipped.push(outcome)
    else if ('failed' in outcome)
      tick.failed.push({ reminderId: r.id, deadlineId: r.deadlineId, error: outcome.failed })
    else tick.enqueued.push(outcome)
  }
  return tick
}

type Outcome =
  | EnqueuedReminder
  | { reminderId: number; deadlineId: number; reason: SkipReason }
  | { failed: string }

/**
 * Skips the due reminders that do not go — their deadline is over, their year is not the school's
 * current one, or a later reminder of their deadline is due too — and returns the others.
 */
async function skipThoseNotToGo(
  calendar: CalendarStore,
  due: readonly DueReminder[],
  at: string,
  clock: ReturnType<typeof deadlineClock>,
  outcomes: Map<number, Outcome>,
  fail: (reminder: DueReminder, error: unknown) => void,
): Promise<DueReminder[]> {
  let superseded: Set<number>
  try {
    superseded = await calendar.superseded(due, at)
  } catch (error) {
    for (const r of due) fail(r, error)
    return []
  }
  const reasons = new Map<number, SkipReason>()
  for (const r of due) {
    if (at >= clock.endsAt(r.deadline)) reasons.set(r.id, 'deadline-passed')
    else if (!r.yearIsCurrent) reasons.set(r.id, 'not-current-year')
    else if (superseded.has(r.id)) reasons.set(r.id, 'superseded')
  }
  for (const reason of new Set(reasons.values())) {
    const these = due.filter((r) => reasons.get(r.id) === reason)
    try {
      const skipped = await calendar.skip(
        these.map((r) => r.id),
        reason,
        at,
      )
      for (const r of these)
        if (skipped.has(r.id)) outcomes.set(r.id, { reminderId: r.id, deadlineId: r.deadlineId, reason })
    } catch (error) {
      for (const r of these) fail(r, error)
    }
  }
  return due.filter((r) => !reasons.has(r.id))
}

/** A reminder ready to go: the people it reaches, each with their message. */
interface ReadyReminder {
  reminder: DueReminder
  recipients: ReminderRecipient[]
  /** its outbox batch, checked; none when nobody is left to remind */
  batch?: CheckedSystemBatch
}

/**
 * Whom each reminder reaches — their task is open, they want the school's reminders of these days
 * (/settings), and nothing of it or later was given to them by their own schedule — and what it
 * tells each of them, in their language, as of when it arrives. A reminder whose text fails is
 * left out (and stays pending). With the settings of the schools' people (for their quiet hours).
 */
async function whoAndWhat(
  db: Db,
  going: readonly DueReminder[],
  now: Date,
  clock: ReturnType<typeof deadlineClock>,
  text: ReminderText,
  fail: (reminder: DueReminder, error: unknown) => void,
): Promise<{ ready: ReadyReminder[]; settings: Map<number, NotificationSettings> }> {
  if (going.length === 0) return { ready: [], settings: new Map() }
  const open = await openTasksOfMany(db, going)
  const settings = await new NotificationSettingsStore(db).ofSchools(going.map((r) => r.schoolId))
  const given = await new ReminderDeliveryStore(db).givenUpTo(going.map((r) => r.id))
  const onArrival = arrivalsAt(now)
  const ready: ReadyReminder[] = []
  for (const [i, reminder] of going.entries()) {
    const d = reminder.deadline
    const deadline: ReminderDeadline = {
      ...d,
      schoolId: reminder.schoolId,
      endsAt: clock.endsAt(d),
      passed: false,
      daysLeft: clock.daysLeft(d.dueDate),
      reminderId: reminder.id,
      offsetDays: reminder.offsetDays,
    }
    const already = given.get(reminder.id)
    try {
      const recipients: ReadyReminder['recipients'] = []
      for (const person of open[i]!) {
        const s = settings.get(person.telegramId) ?? DEFAULT_SETTINGS
        if (!wantsReminder(s, reminder.offsetDays) || already?.has(person.telegramId)) continue
        recipients.push({ person, content: contentOf(await text(person, onArrival(deadline, s))) })
      }
      const checked = recipients.length > 0 ? checkSystemBatch(batchOf(reminder, recipients)) : undefined
      if (checked && !checked.ok)
        throw new Error(`outbox refused the reminder: ${JSON.stringify(checked.error)}`)
      ready.push({ reminder, recipients, batch: checked?.value })
    } catch (error) {
      fail(reminder, error)
    }
  }
  return { ready, settings }
}

/** A reminder's outbox batch (one recipient at least). */
function batchOf(reminder: DueReminder, recipients: readonly ReminderRecipient[]): SystemBatch {
  const d = reminder.deadline
  return reminderBatch(
    reminder.schoolId,
    { deadlineId: d.id, reminderId: reminder.id, offsetDays: reminder.offsetDays, task: d.task },
    recipients,
  )
}

/**
 * Some reminders, in the caller's transaction: claimed (those another instance took are left
 * alone), their outbox rows and batches written, and a delivery for each person reminded.
 */
async function enqueuePart(
  tx: Stores,
  part: readonly ReadyReminder[],
  settings: ReadonlyMap<number, NotificationSettings>,
  now: Date,
): Promise<EnqueuedReminder[]> {
  const at = now.toISOString()
  const calendar = new CalendarStore(tx.db)
  const claimed = await calendar.claim(
    part.map((r) => r.reminder.id),
    at,
  )
  const mine = part.filter((r) => claimed.has(r.reminder.id))
  const sending = mine.filter((r) => r.batch !== undefined)
  const written = await new BroadcastService({ stores: tx, now: () => now }).enqueueCheckedMany(
    sending.map((r) => r.batch!),
    settings,
  )
  const batches = new Map(sending.map((r, i) => [r.reminder.id, written[i]!]))
  const done = mine.map(({ reminder }) => ({
    reminderId: reminder.id,
    deadlineId: reminder.deadlineId,
    broadcastId: batches.get(reminder.id)?.broadcastId ?? null,
    recipients: batches.get(reminder.id)?.enqueued ?? 0,
  }))
  await calendar.recordEnqueued(
    done.map((d) => ({ id: d.reminderId, broadcastId: d.broadcastId, recipients: d.recipients })),
    at,
  )
  await new ReminderDeliveryStore(tx.db).recordBatches(
    sending.map(({ reminder }) => ({
      broadcastId: batches.get(reminder.id)!.broadcastId,
      deadlineId: reminder.deadlineId,
      dueDate: reminder.deadline.dueDate,
      offsetDays: reminder.offsetDays,
    })),
    at,
  )
  return done
}

/** The outbox content of one person's reminder, from the bot's text (a reminder missed while blocked). */
export function reminderContent(
  text: ReminderText,
): (person: OpenTask, deadline: ReminderDeadline) => Promise<BroadcastContent> {
  return async (person, deadline) => contentOf(await text(person, deadline))
}

/** The content of each message object made into one (a text shared by many people gives one content). */
const contents = new WeakMap<ReminderMessage, BroadcastContent>()

function contentOf(message: ReminderMessage): BroadcastContent {
  let content = contents.get(message)
  if (content) return content
  if (message.buttonText === undefined) content = { type: 'text', html: message.html }
  else {
    const data = message.buttonData ?? 'go:deadlines'
    if (Buffer.byteLength(data, 'utf8') > BUTTON_DATA_MAX_BYTES)
      throw new Error(`reminder button data over ${BUTTON_DATA_MAX_BYTES} bytes: ${data}`)
    content = {
      type: 'text',
      html: message.html,
      reply_markup: { inline_keyboard: [[{ text: message.buttonText, callback_data: data }]] },
    }
  }
  contents.set(message, content)
  return content
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
 *
 * The message depends on nothing else: for one deadline object (a pass gives everyone the same),
 * everyone with the same language and count gets the same message object back, made once.
 */
export function reminderTextFromLocales(t: Translate): ReminderText {
  const made = new WeakMap<ReminderDeadline, Map<string, ReminderMessage>>()
  return (recipient, deadline) => {
    let forDeadline = made.get(deadline)
    if (!forDeadline) {
      forDeadline = new Map()
      made.set(deadline, forDeadline)
    }
    const key = `${recipient.language} ${recipient.task?.pending ?? 1}`
    const known = forDeadline.get(key)
    if (known) return known
    const message = messageOf(recipient, deadline)
    forDeadline.set(key, message)
    return message
  }

  function messageOf(recipient: OpenTask, deadline: ReminderDeadline): ReminderMessage {
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
