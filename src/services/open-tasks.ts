/**
 * Whose task is still open for a deadline: the people it concerns (by role and department) whose
 * plan is not submitted, whose plans wait for them, or whose teachers still lack grades — checked
 * against the year's plans and scores, never stored.
 *
 *   await openTasksOf(stores, deadline, schoolId)     // reminder recipients (linked accounts)
 *   await openPeople(stores, deadline, schoolId)      // everyone, linked or not
 */
import { type CalendarPerson, CalendarStore, type Deadline, type Task } from '../store/calendar.ts'
import type { Role } from '../store/people.ts'
import type { Stores } from '../store/stores.ts'

/** A person's part in a deadline's task: open or done, and how many things are left. */
export interface TaskState {
  task: Task
  open: boolean
  /** 1 for one's own plan; plans waiting for the head / the school; people still without full grades */
  pending: number
}

/** A person to remind: their task is open and they have a linked Telegram account. */
export interface OpenTask {
  personId: number
  telegramId: number
  fullName: string
  role: Role
  /** telegram_users.language, else 'vi' */
  language: string
  /** null for a deadline without a task the bot can check (everyone it concerns is reminded) */
  task: TaskState | null
}

/** What the task checks know of a year: its plans, heads, and (when needed) who lacks grades. */
export class YearFacts {
  private plans?: Awaited<ReturnType<CalendarStore['plans']>>
  private heads?: Map<number, number[]>
  private ungradedPeople?: Set<number>

  constructor(
    private readonly calendar: CalendarStore,
    private readonly schoolId: number,
    private readonly schoolYearId: number,
  ) {}

  private async allPlans() {
    this.plans ??= await this.calendar.plans(this.schoolYearId)
    return this.plans
  }

  private async headsOf() {
    this.heads ??= await this.calendar.headsByDepartment(this.schoolId)
    return this.heads
  }

  private async ungraded() {
    if (!this.ungradedPeople) {
      const approved = (await this.allPlans()).filter((p) => p.status === 'approved').map((p) => p.planId)
      this.ungradedPeople = await this.calendar.ungraded(this.schoolYearId, approved)
    }
    return this.ungradedPeople
  }

  /** The person's part in `task`, or null when the task is not theirs (e.g. a teacher's for a head). */
  async taskOf(task: Task, person: CalendarPerson): Promise<TaskState | null> {
    const state = (pending: number): TaskState => ({ task, open: pending > 0, pending })
    switch (task) {
      case 'plan-submitted': {
        if (person.role === 'staff') return null
        const plan = (await this.allPlans()).find((p) => p.personId === person.id)
        return state(!plan || plan.status === 'draft' || plan.status === 'returned' ? 1 : 0)
      }
      case 'plan-head-approved': {
        if (person.role !== 'head' || person.departmentId === null) return null
        const waiting = (await this.allPlans()).filter(
          (p) =>
            p.status === 'submitted' && p.departmentId === person.departmentId && p.personId !== person.id,
        )
        return state(waiting.length)
      }
      case 'plan-approved-by-school': {
        if (person.role !== 'admin') return null
        const heads = await this.headsOf()
        const waiting = (await this.allPlans()).filter((p) => {
          if (p.personId === person.id) return false
          if (p.status === 'head_approved') return true
          // a submitted plan no head will see goes straight to the school (PlanApprovalService.waiting)
          const headStep =
            p.departmentId !== null && (heads.get(p.departmentId) ?? []).some((h) => h !== p.personId)
          return p.status === 'submitted' && !headStep
        })
        return state(waiting.length)
      }
      case 'grades-entered': {
        const ungraded = await this.ungraded()
        const plans = await this.allPlans()
        if (person.role === 'head' && person.departmentId !== null) {
          return state(
            plans.filter(
              (p) =>
                ungraded.has(p.personId) &&
                p.personId !== person.id &&
                p.departmentId === person.departmentId &&
                (p.role === 'teacher' || p.role === 'head'),
            ).length,
          )
        }
        if (person.role === 'admin')
          return state(plans.filter((p) => ungraded.has(p.personId) && p.personId !== person.id).length)
        return null
      }
    }
  }
}

export function concerns(d: Deadline, person: { role: Role; departmentId: number | null }): boolean {
  if (!d.roles.includes(person.role)) return false
  if (d.departmentIds === null) return true
  return person.departmentId !== null && d.departmentIds.includes(person.departmentId)
}

/**
 * The people a deadline concerns whose task is still open (everyone it concerns when it has no task
 * the bot can check), linked or not. Works inside a transaction: pass `tx`.
 */
export async function openPeople(
  stores: Stores,
  deadline: Deadline,
  schoolId: number,
  /** a store with facts read beforehand (the reminder pass's); by default one on `stores` */
  calendar = new CalendarStore(stores.db),
): Promise<Array<{ person: CalendarPerson; task: TaskState | null }>> {
  const people = await calendar.people(schoolId, {
    roles: deadline.roles,
    departmentIds: deadline.departmentIds,
  })
  if (deadline.task === null) return people.map((person) => ({ person, task: null }))
  const facts = new YearFacts(calendar, schoolId, deadline.schoolYearId)
  const out: Array<{ person: CalendarPerson; task: TaskState | null }> = []
  for (const person of people) {
    const task = await facts.taskOf(deadline.task, person)
    if (task?.open) out.push({ person, task })
  }
  return out
}

/** openPeople, only those with a linked Telegram account, as reminder recipients. */
export async function openTasksOf(
  stores: Stores,
  deadline: Deadline,
  schoolId: number,
  calendar?: CalendarStore,
): Promise<OpenTask[]> {
  return linkedOnly(await openPeople(stores, deadline, schoolId, calendar))
}

export function linkedOnly(
  open: ReadonlyArray<{ person: CalendarPerson; task: TaskState | null }>,
): OpenTask[] {
  return open.flatMap(({ person, task }) =>
    person.telegramId === null
      ? []
      : [
          {
            personId: person.id,
            telegramId: person.telegramId,
            fullName: person.fullName,
            role: person.role,
            language: person.language,
            task,
          },
        ],
  )
}
