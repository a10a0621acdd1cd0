/**
 * What the two reminder passes share — the school's (./reminders.ts) and each person's own
 * (./personal-reminders.ts) — so that a pass over a province (100,000 people, 2,000 schools) is a
 * few queries and a few transactions rather than a dozen round trips per school:
 *
 *   const open = await openTasksOfMany(db, due.map((r) => ({ deadline: r.deadline, schoolId: r.schoolId })))
 *   for (const part of inParts(ready, (r) => r.recipients.length)) await stores.transaction(…)
 */
import type { Db } from '../db/connection.ts'
import type { SystemBatch } from '../services/broadcasts.ts'
import { type OpenTask, openTasksOf } from '../services/open-tasks.ts'
import { daysUntil, deadlineEndsAt } from '../services/vietnam-days.ts'
import { CalendarStore, type Deadline } from '../store/calendar.ts'
import { CalendarFacts } from '../store/calendar-facts.ts'
import type { BroadcastContent } from '../store/outbox.ts'
import { Stores } from '../store/stores.ts'

/**
 * Recipients written per transaction: each commits on its own, so a failure costs only its part,
 * and on SQLite the bot's updates get the connection between two parts.
 */
export const RECIPIENTS_PER_TRANSACTION = 5_000

/** A person a reminder reaches, with their message. */
export interface ReminderRecipient {
  person: OpenTask
  content: BroadcastContent
}

/**
 * A reminder's outbox batch: what it is for (`audience`; the people reminded are added), and its
 * recipients (one at least), each with their message; the first one's is the batch's.
 */
export function reminderBatch(
  schoolId: number,
  audience: Record<string, unknown>,
  recipients: readonly ReminderRecipient[],
): SystemBatch {
  return {
    kind: 'reminder',
    schoolId,
    content: recipients[0]!.content,
    audience: { ...audience, personIds: recipients.map((r) => r.person.personId) },
    recipients: recipients.map((r) => ({
      chatId: r.person.telegramId,
      personId: r.person.personId,
      content: r.content,
    })),
  }
}

/**
 * Transactions written side by side: on PostgreSQL each has a connection of the pool (4 of its 10:
 * the bot's updates keep the others) and a server process of its own, and the server's writing of
 * 100,000 outbox rows and deliveries is most of a pass. SQLite runs them one after the other on its
 * one connection.
 */
export const TRANSACTIONS_AT_ONCE = 4

/**
 * Work handed over as it comes, at most `limit` at once, in the order given; each handles its own
 * failures. `done()` when all that was handed over is.
 */
export function lanes(limit = TRANSACTIONS_AT_ONCE) {
  const waiting: Array<() => void> = []
  const all: Array<Promise<void>> = []
  let running = 0
  const next = () => {
    const go = running < limit ? waiting.shift() : undefined
    if (!go) return
    running++
    go()
  }
  return {
    add(work: () => Promise<void>): void {
      const turn = new Promise<void>((resolve) => waiting.push(resolve))
      all.push(
        turn.then(work).finally(() => {
          running--
          next()
        }),
      )
      next()
    },
    async done(): Promise<void> {
      await Promise.all(all)
    },
  }
}

/** `work` for each item, at most `limit` at once; `work` handles its own failures. */
export async function eachAtOnce<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
  limit = TRANSACTIONS_AT_ONCE,
): Promise<void> {
  const writes = lanes(limit)
  for (const item of items) writes.add(() => work(item))
  await writes.done()
}

/** openTasksOf of each deadline in its school, the facts of all the schools read in a few queries. */
export async function openTasksOfMany(
  db: Db,
  items: ReadonlyArray<{ deadline: Deadline; schoolId: number }>,
): Promise<OpenTask[][]> {
  if (items.length === 0) return []
  const facts = await CalendarFacts.load(db, {
    schoolIds: items.map((i) => i.schoolId),
    schoolYearIds: items.map((i) => i.deadline.schoolYearId),
    grades: items.some((i) => i.deadline.task === 'grades-entered'),
  })
  const stores = new Stores(db)
  const calendar = new CalendarStore(db, facts)
  const out: OpenTask[][] = []
  for (const { deadline, schoolId } of items)
    out.push(await openTasksOf(stores, deadline, schoolId, calendar))
  return out
}

/** The items in order, in parts of about `max` by their weight (an item heavier than that alone). */
export function inParts<T>(
  items: readonly T[],
  weight: (item: T) => number,
  max = RECIPIENTS_PER_TRANSACTION,
): T[][] {
  const parts: T[][] = []
  let part: T[] = []
  let sum = 0
  for (const item of items) {
    const w = weight(item)
    if (part.length > 0 && sum + w > max) {
      parts.push(part)
      part = []
      sum = 0
    }
    part.push(item)
    sum += w
  }
  if (part.length > 0) parts.push(part)
  return parts
}

/**
 * deadlineEndsAt and daysUntil for a pass at `now`, each worked out once per due date (and time):
 * they go through the time zone, which is slow, and a pass asks them of thousands of deadlines.
 */
export function deadlineClock(now: Date) {
  const ends = new Map<string, string>()
  const days = new Map<string, number>()
  return {
    endsAt(d: Pick<Deadline, 'dueDate' | 'dueTime'>): string {
      const key = `${d.dueDate} ${d.dueTime}`
      const endsAt = ends.get(key) ?? deadlineEndsAt(d)
      ends.set(key, endsAt)
      return endsAt
    },
    daysLeft(dueDate: string): number {
      const left = days.get(dueDate) ?? daysUntil(dueDate, now)
      days.set(dueDate, left)
      return left
    },
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
