/**
 * Who is late for the next deadline (issue 12, /report): the year's next deadline that has a task
 * the bot can check (a plan to submit, plans to approve, grades to enter), and the people of the
 * viewer's scope whose part in it is still open — the same people the scheduled reminder reaches
 * (src/jobs/reminders.ts, `openPeople` of ./open-tasks.ts), plus those without Telegram yet.
 *
 * A reminder sent from /report goes through the outbox like the scheduled ones (a system batch of
 * kind 'reminder', one row per person in their own language), so quiet hours, blocked accounts and
 * the sending pace are the worker's, as for every other message.
 */

import { CalendarStore, type Deadline } from '../store/calendar.ts'
import type { BroadcastContent } from '../store/outbox.ts'
import type { Stores } from '../store/stores.ts'
import { BroadcastService } from './broadcasts.ts'
import type { DeadlineView } from './deadline-views.ts'
import { type OpenTask, openPeople } from './open-tasks.ts'
import { fail, ok, type Result } from './result.ts'
import { daysUntil, deadlineEndsAt } from './vietnam-days.ts'

/** The school, year and department (null: the whole school) a viewer may see. */
export interface LateScope {
  schoolId: number
  schoolYearId: number
  departmentId: number | null
}

export interface LatePerson {
  personId: number
  fullName: string
  departmentName: string | null
  /** has a Telegram account the bot can remind */
  linked: boolean
}

export interface LateList {
  deadline: DeadlineView
  /** by department (the board last), then by name */
  people: LatePerson[]
}

/** The deadline is removed, over, of another year, or has no task to check. */
export type DeadlineNotOpen = { readonly code: 'deadline-not-open' }
/** Nobody (or not this person) in the scope has the task open any more. */
export type NothingToRemind = { readonly code: 'nothing-to-remind' }
/** Everyone to remind has no Telegram account yet. */
export type NoneLinked = { readonly code: 'none-linked'; readonly withoutTelegram: number }
/** Everyone to remind got a reminder of this deadline (pressed or scheduled) in the last hours. */
export type RemindedRecently = { readonly code: 'reminded-recently'; readonly hours: number }

/** A person reminded of a deadline is not reminded of it again from /report within these hours. */
export const REMIND_AGAIN_HOURS = 12

/** The people reminded of `deadlineId` since `since` (any reminder batch of the school: pressed or scheduled). */
async function remindedSince(stores: Stores, schoolId: number, deadlineId: number, since: string) {
  const rows = await stores.db
    .selectFrom('broadcasts')
    .select('audience')
    .where('school_id', '=', schoolId)
    .where('kind', '=', 'reminder')
    .where('created_at', '>=', since)
    .execute()
  const out = new Set<number>()
  for (const row of rows) {
    const audience = JSON.parse(row.audience) as { deadlineId?: number; personIds?: number[] }
    if (audience.deadlineId === deadlineId) for (const id of audience.personIds ?? []) out.add(id)
  }
  return out
}

function view(d: Deadline, schoolId: number, now: Date): DeadlineView {
  const endsAt = deadlineEndsAt(d)
  return { ...d, schoolId, endsAt, passed: now.toISOString() >= endsAt, daysLeft: daysUntil(d.dueDate, now) }
}

/** The open people of one deadline within the scope, the viewer left out (one does not remind oneself). */
async function openInScope(stores: Stores, d: Deadline, scope: LateScope, viewerPersonId: number | null) {
  const open = await openPeople(stores, d, scope.schoolId)
  return open.filter(
    ({ person }) =>
      person.id !== viewerPersonId &&
      (scope.departmentId === null || person.departmentId === scope.departmentId),
  )
}

/** The next deadline with a task and who in the scope still has it open; null when none is ahead. */
export async function lateForNextDeadline(
  stores: Stores,
  now: Date,
  scope: LateScope,
  viewerPersonId: number | null,
): Promise<LateList | null> {
  const deadlines = await new CalendarStore(stores.db).listDeadlines(scope.schoolYearId)
  const at = now.toISOString()
  const next = deadlines.find((d) => d.task !== null && at < deadlineEndsAt(d))
  if (!next) return null
  const departments = new Map(
    (await stores.schools.listDepartments(scope.schoolId)).map((d) => [d.id, d.name] as const),
  )
  const open = await openInScope(stores, next, scope, viewerPersonId)
  const people = open.map(({ person }) => ({
    personId: person.id,
    fullName: person.fullName,
    departmentName: person.departmentId === null ? null : (departments.get(person.departmentId) ?? null),
    linked: person.telegramId !== null,
  }))
  const order = new Intl.Collator('vi', { numeric: true })
  people.sort(
    (a, b) =>
      (a.departmentName === null ? 1 : 0) - (b.departmentName === null ? 1 : 0) ||
      order.compare(a.departmentName ?? '', b.departmentName ?? '') ||
      order.compare(a.fullName, b.fullName),
  )
  return { deadline: view(next, scope.schoolId, now), people }
}

/** One person's reminder as the bot words it (their language, a button to the task). */
export type RemindContent = (
  person: OpenTask,
  deadline: DeadlineView,
) => BroadcastContent | Promise<BroadcastContent>

/**
 * Reminds the late people of `deadlineId` in the scope (or one of them, `personId`) now, through the
 * outbox. The caller has checked that the viewer may see the scope.
 */
export async function remindLate(
  stores: Stores,
  now: Date,
  input: {
    scope: LateScope
    deadlineId: number
    personId?: number
    viewer: { telegramId: number; personId: number | null }
    content: RemindContent
  },
): Promise<
  Result<
    { deadline: DeadlineView; enqueued: number; withoutTelegram: number; remindedRecently: number },
    DeadlineNotOpen | NothingToRemind | NoneLinked | RemindedRecently
  >
> {
  const { scope } = input
  const d = await new CalendarStore(stores.db).getDeadline(input.deadlineId)
  if (!d || d.removedAt !== null || d.schoolYearId !== scope.schoolYearId || d.task === null)
    return fail({ code: 'deadline-not-open' as const })
  const deadline = view(d, scope.schoolId, now)
  if (deadline.passed) return fail({ code: 'deadline-not-open' as const })
  const open = (await openInScope(stores, d, scope, input.viewer.personId)).filter(
    ({ person }) => input.personId === undefined || person.id === input.personId,
  )
  if (open.length === 0) return fail({ code: 'nothing-to-remind' as const })
  const reachable = open.filter(({ person }) => person.telegramId !== null)
  const withoutTelegram = open.length - reachable.length
  if (reachable.length === 0) return fail({ code: 'none-linked' as const, withoutTelegram })
  const since = new Date(now.getTime() - REMIND_AGAIN_HOURS * 3_600_000).toISOString()
  const recent = await remindedSince(stores, scope.schoolId, d.id, since)
  const linked = reachable.filter(({ person }) => !recent.has(person.id))
  const remindedRecently = reachable.length - linked.length
  if (linked.length === 0) return fail({ code: 'reminded-recently' as const, hours: REMIND_AGAIN_HOURS })
  const recipients: Array<{ chatId: number; personId: number; content: BroadcastContent }> = []
  for (const { person, task } of linked) {
    const recipient: OpenTask = {
      personId: person.id,
      telegramId: person.telegramId!,
      fullName: person.fullName,
      role: person.role,
      language: person.language,
      task,
    }
    recipients.push({
      chatId: recipient.telegramId,
      personId: person.id,
      content: await input.content(recipient, deadline),
    })
  }
  const at = now.toISOString()
  return stores.transaction(async (tx) => {
    const enqueued = await new BroadcastService({ stores: tx, now: () => now }).enqueueSystem({
      kind: 'reminder',
      schoolId: scope.schoolId,
      content: recipients[0]!.content,
      audience: {
        deadlineId: d.id,
        task: d.task,
        personIds: recipients.map((r) => r.personId),
        from: 'report',
        by: input.viewer.telegramId,
      },
      recipients,
    })
    if (!enqueued.ok) throw new Error(`outbox refused the reminder: ${JSON.stringify(enqueued.error)}`)
    await tx.audit.record(
      input.viewer.telegramId,
      'report.remind',
      {
        deadlineId: d.id,
        departmentId: scope.departmentId,
        personId: input.personId ?? null,
        sent: enqueued.value.enqueued,
      },
      at,
    )
    return ok({ deadline, enqueued: enqueued.value.enqueued, withoutTelegram, remindedRecently })
  })
}
