/**
 * The year's deadlines as the bot's users meet them (issue 6): admins list, add, move, rename and
 * remove them and set their reminders; everyone sees the ones that concern them; admins see whose
 * task is still open. The standard deadlines come from the year's calendar (year-calendar.ts);
 * what an admin may type is checked by deadline-input.ts; reminders follow every move
 * (deadline-reminders.ts).
 *
 *   await deps.calendar.deadlinesFor(actor)                      // mine, next first, open or not
 *   await deps.calendar.move(admin, { deadlineId, dueDate: '2025-09-10' })   // reminders follow
 *   await deps.calendar.whoIsOpen(admin, { deadlineId })         // who still has it to do
 *
 * Errors are values: `invalid-input`, `not-linked`, `forbidden`, `not-found` (entity: 'deadline' |
 * 'school-year' | 'school' | 'department', ids), `no-current-year` (schoolId), `outside-year`
 * (date, from, to), `date-order` (opensOn, dueDate), `deadline-order` (planDeadline,
 * approvalDeadline), `deadline-required` (key).
 */
import { z } from 'zod'
import { CalendarStore, type Deadline } from '../store/calendar.ts'
import type { SchoolYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, type ActorInfo, isAdminOf, whoIs } from './access.ts'
import {
  type AddDeadlineInput,
  addInput,
  byDeadline,
  checkDates,
  type DateOrder,
  id,
  moveInput,
  type OutsideYear,
  remindersInput,
  renameInput,
} from './deadline-input.ts'
import {
  DEFAULT_REMINDER_OFFSETS,
  DEFAULT_REMINDER_TIME,
  movePatch,
  syncReminders,
} from './deadline-reminders.ts'
import {
  type AdminDeadlineView,
  adminView,
  adminViews,
  type DeadlineView,
  deadlineView,
  type MyDeadline,
} from './deadline-views.ts'
import { concerns, linkedOnly, type OpenTask, openPeople, openTasksOf, YearFacts } from './open-tasks.ts'
import type { ServiceContext } from './options.ts'
import { profileOfYear } from './regulation.ts'
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
import { ensureCalendar, LINKED, type LinkedKey } from './year-calendar.ts'

/** No deadline / year / school / department with this id (`ids`: which of a list). */
export type CalendarNotFound = {
  readonly code: 'not-found'
  readonly entity: 'deadline' | 'school-year' | 'school' | 'department'
  readonly ids?: readonly number[]
}
/** Departments of another school in a deadline's audience. */
export type CalendarWrongSchool = {
  readonly code: 'wrong-school'
  readonly entity: 'department'
  readonly ids: readonly number[]
}
export type NoCurrentYear = { readonly code: 'no-current-year'; readonly schoolId: number }
/** The plan deadline would fall after the approval deadline. */
export type PlanDeadlineOrder = {
  readonly code: 'deadline-order'
  readonly planDeadline: string
  readonly approvalDeadline: string
}
/** The plan and approval deadlines hold the year's (plans lock on them): they can move, not go. */
export type DeadlineRequired = { readonly code: 'deadline-required'; readonly key: string }

type Loaded = { who: ActorInfo; deadline: Deadline; year: SchoolYear }

export class CalendarService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  /** The year's standard calendar, made if missing (idempotent; for years made elsewhere). */
  async ensureCalendar(
    schoolYearId: number,
  ): Promise<Result<DeadlineView[], CalendarNotFound | InvalidInput>> {
    const parsed = parseInput(id, schoolYearId)
    if (!parsed.ok) return parsed
    const year = await this.stores.schools.getYear(parsed.value)
    if (!year) return fail({ code: 'not-found' as const, entity: 'school-year' as const })
    const now = this.ctx.now()
    const made = await this.stores.transaction((tx) => ensureCalendar(tx, year, profileOfYear(year), now))
    return ok(made.map((d) => deadlineView(d, year.schoolId, now)))
  }

  /** Admins: the year's deadlines (the current year of `schoolId` when no year is given), with reminders. */
  async list(
    actor: Actor,
    input: { schoolYearId?: number; schoolId?: number },
  ): Promise<Result<AdminDeadlineView[], InvalidInput | Forbidden | CalendarNotFound | NoCurrentYear>> {
    const parsed = parseInput(
      z
        .object({ schoolYearId: id.optional(), schoolId: id.optional() })
        .refine((v) => v.schoolYearId !== undefined || v.schoolId !== undefined, {
          message: 'schoolYearId or schoolId',
          path: ['schoolYearId'],
        }),
      input,
    )
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    let year: SchoolYear | undefined
    if (parsed.value.schoolYearId !== undefined) {
      year = await this.stores.schools.getYear(parsed.value.schoolYearId)
      if (!year) return fail({ code: 'not-found' as const, entity: 'school-year' as const })
    } else {
      const schoolId = parsed.value.schoolId as number
      if (!(await this.stores.schools.get(schoolId)))
        return fail({ code: 'not-found' as const, entity: 'school' as const })
      if (!isAdminOf(who, schoolId)) return forbidden()
      year = await this.stores.schools.currentYear(schoolId)
      if (!year) return fail({ code: 'no-current-year' as const, schoolId })
    }
    if (!isAdminOf(who, year.schoolId)) return forbidden()
    return ok(await adminViews(this.stores, year, this.ctx.now()))
  }

  /** Admins: a deadline of their own (reminders 7 and 1 days before at 08:00 unless told otherwise). */
  async add(
    actor: Actor,
    input: AddDeadlineInput,
  ): Promise<
    Result<
      AdminDeadlineView,
      InvalidInput | Forbidden | CalendarNotFound | CalendarWrongSchool | OutsideYear | DateOrder
    >
  > {
    const parsed = parseInput(addInput, input)
    if (!parsed.ok) return parsed
    const v = parsed.value
    const who = await whoIs(this.stores, actor)
    const year = await this.stores.schools.getYear(v.schoolYearId)
    if (!year) return fail({ code: 'not-found' as const, entity: 'school-year' as const })
    if (!isAdminOf(who, year.schoolId)) return forbidden()
    const dates = checkDates(year, v.dueDate, v.opensOn ?? null)
    if (dates) return fail(dates)
    const departments = await this.checkDepartments(year.schoolId, v.departmentIds ?? null)
    if (departments) return fail(departments)
    const now = this.ctx.now()
    const at = now.toISOString()
    return this.stores.transaction(async (tx) => {
      const calendar = new CalendarStore(tx.db)
      const made = await calendar.insertDeadline(
        {
          schoolYearId: year.id,
          key: null,
          titleVi: v.titleVi,
          titleEn: v.titleEn ?? v.titleVi,
          opensOn: v.opensOn ?? null,
          dueDate: v.dueDate,
          dueTime: v.dueTime ?? null,
          roles: v.roles,
          departmentIds: v.departmentIds ?? null,
          task: v.task ?? null,
          sortOrder: (await calendar.maxSortOrder(year.id)) + 10,
        },
        at,
      )
      await syncReminders(calendar, made, now, {
        offsets: v.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS,
        atTime: v.reminderTime ?? DEFAULT_REMINDER_TIME,
      })
      await tx.audit.record(
        who.telegramId,
        'deadline.add',
        { deadlineId: made.id, schoolYearId: year.id, title: made.titleVi, dueDate: made.dueDate },
        at,
      )
      return ok(await adminView(calendar, made, year.schoolId, now))
    })
  }

  /**
   * Admins: a new due date (and time); its reminders follow. The plan and approval deadlines move
   * the year's own (school_years), which lock the plans.
   */
  async move(
    actor: Actor,
    input: { deadlineId: number; dueDate: string; dueTime?: string | null; opensOn?: string | null },
  ): Promise<
    Result<
      AdminDeadlineView,
      InvalidInput | Forbidden | CalendarNotFound | OutsideYear | DateOrder | PlanDeadlineOrder
    >
  > {
    const parsed = parseInput(moveInput, input)
    if (!parsed.ok) return parsed
    const v = parsed.value
    const loaded = await this.load(actor, v.deadlineId)
    if (!loaded.ok) return loaded
    const { who, deadline, year } = loaded.value
    const patch = movePatch(deadline, v.dueDate, v.opensOn)
    if (v.dueTime !== undefined) patch.dueTime = v.dueTime
    const dates = checkDates(year, v.dueDate, patch.opensOn ?? null)
    if (dates) return fail(dates)
    const linked = deadline.key !== null && deadline.key in LINKED ? LINKED[deadline.key as LinkedKey] : null
    const yearDeadlines = {
      planDeadline: linked === 'planDeadline' ? v.dueDate : year.planDeadline,
      approvalDeadline: linked === 'approvalDeadline' ? v.dueDate : year.approvalDeadline,
    }
    if (linked && yearDeadlines.planDeadline >= yearDeadlines.approvalDeadline)
      return fail({ code: 'deadline-order' as const, ...yearDeadlines })
    const now = this.ctx.now()
    const at = now.toISOString()
    return this.stores.transaction(async (tx) => {
      const calendar = new CalendarStore(tx.db)
      const moved = await calendar.updateDeadline(deadline.id, patch, at)
      if (!moved) return fail({ code: 'not-found' as const, entity: 'deadline' as const })
      await syncReminders(calendar, moved, now)
      if (linked) await tx.schools.setDeadlines(year.id, yearDeadlines, at)
      await tx.audit.record(
        who.telegramId,
        'deadline.move',
        {
          deadlineId: deadline.id,
          from: [deadline.dueDate, deadline.dueTime],
          to: [moved.dueDate, moved.dueTime],
        },
        at,
      )
      return ok(await adminView(calendar, moved, year.schoolId, now))
    })
  }

  /** Admins: new titles (either or both). */
  async rename(
    actor: Actor,
    input: { deadlineId: number; titleVi?: string; titleEn?: string },
  ): Promise<Result<AdminDeadlineView, InvalidInput | Forbidden | CalendarNotFound>> {
    const parsed = parseInput(renameInput, input)
    if (!parsed.ok) return parsed
    const v = parsed.value
    const loaded = await this.load(actor, v.deadlineId)
    if (!loaded.ok) return loaded
    const { who, deadline, year } = loaded.value
    const now = this.ctx.now()
    const at = now.toISOString()
    return this.stores.transaction(async (tx) => {
      const calendar = new CalendarStore(tx.db)
      const renamed = await calendar.updateDeadline(
        deadline.id,
        {
          ...(v.titleVi !== undefined ? { titleVi: v.titleVi } : {}),
          ...(v.titleEn !== undefined ? { titleEn: v.titleEn } : {}),
        },
        at,
      )
      // a title is read when a reminder is sent: its reminders need no change
      if (!renamed) return fail({ code: 'not-found' as const, entity: 'deadline' as const })
      await tx.audit.record(
        who.telegramId,
        'deadline.rename',
        {
          deadlineId: deadline.id,
          from: [deadline.titleVi, deadline.titleEn],
          to: [renamed.titleVi, renamed.titleEn],
        },
        at,
      )
      return ok(await adminView(calendar, renamed, year.schoolId, now))
    })
  }

  /** Admins: the deadline goes (kept for the history); its pending reminders are cancelled. */
  async remove(
    actor: Actor,
    input: { deadlineId: number },
  ): Promise<
    Result<
      { deadlineId: number; cancelledReminders: number },
      InvalidInput | Forbidden | CalendarNotFound | DeadlineRequired
    >
  > {
    const parsed = parseInput(byDeadline, input)
    if (!parsed.ok) return parsed
    const loaded = await this.load(actor, parsed.value.deadlineId)
    if (!loaded.ok) return loaded
    const { who, deadline } = loaded.value
    if (deadline.key !== null && deadline.key in LINKED)
      return fail({ code: 'deadline-required' as const, key: deadline.key })
    const at = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      const calendar = new CalendarStore(tx.db)
      if (!(await calendar.removeDeadline(deadline.id, at)))
        return fail({ code: 'not-found' as const, entity: 'deadline' as const })
      const cancelled = await calendar.cancelReminders(deadline.id, at)
      await tx.audit.record(
        who.telegramId,
        'deadline.remove',
        {
          deadlineId: deadline.id,
          title: deadline.titleVi,
          dueDate: deadline.dueDate,
          cancelledReminders: cancelled,
        },
        at,
      )
      return ok({ deadlineId: deadline.id, cancelledReminders: cancelled })
    })
  }

  /** Admins: which days before (0 = the day itself) and at what time its reminders go. */
  async setReminders(
    actor: Actor,
    input: { deadlineId: number; offsets: number[]; atTime?: string },
  ): Promise<Result<AdminDeadlineView, InvalidInput | Forbidden | CalendarNotFound>> {
    const parsed = parseInput(remindersInput, input)
    if (!parsed.ok) return parsed
    const v = parsed.value
    const loaded = await this.load(actor, v.deadlineId)
    if (!loaded.ok) return loaded
    const { who, deadline, year } = loaded.value
    const now = this.ctx.now()
    const at = now.toISOString()
    return this.stores.transaction(async (tx) => {
      const calendar = new CalendarStore(tx.db)
      await syncReminders(calendar, deadline, now, {
        offsets: v.offsets,
        atTime: v.atTime ?? DEFAULT_REMINDER_TIME,
      })
      await tx.audit.record(
        who.telegramId,
        'deadline.reminders',
        { deadlineId: deadline.id, offsets: v.offsets, atTime: v.atTime ?? DEFAULT_REMINDER_TIME },
        at,
      )
      return ok(await adminView(calendar, deadline, year.schoolId, now))
    })
  }

  /**
   * The deadlines of the current year that concern the actor (by role and department): the coming
   * ones first (soonest first), then the past ones (latest first); each with whether their task is
   * still open (their plan not submitted; plans waiting for them; people still without grades).
   */
  async deadlinesFor(actor: Actor): Promise<Result<MyDeadline[], NotLinked | NoCurrentYear>> {
    const who = await whoIs(this.stores, actor)
    const person = who.person
    if (!person) return notLinked()
    const year = await this.stores.schools.currentYear(person.schoolId)
    if (!year) return fail({ code: 'no-current-year' as const, schoolId: person.schoolId })
    const calendar = new CalendarStore(this.stores.db)
    const [me] = await calendar.people(person.schoolId, { personId: person.id })
    if (!me) return notLinked()
    const facts = new YearFacts(calendar, person.schoolId, year.id)
    const now = this.ctx.now()
    const out: MyDeadline[] = []
    for (const d of await calendar.listDeadlines(year.id)) {
      if (!concerns(d, me)) continue
      const task = d.task === null ? null : await facts.taskOf(d.task, me)
      out.push({
        ...deadlineView(d, person.schoolId, now),
        task: task?.task ?? null,
        open: task ? task.open : null,
        pending: task?.pending ?? 0,
      })
    }
    const coming = out.filter((d) => !d.passed)
    const past = out.filter((d) => d.passed).reverse()
    return ok([...coming, ...past])
  }

  /**
   * The people whose task for this deadline is still open — exactly them — with a linked Telegram
   * account and their language (for reminders; no actor: the system asks).
   */
  async openTasks(deadlineId: number): Promise<OpenTask[]> {
    const deadline = await new CalendarStore(this.stores.db).getDeadline(deadlineId)
    if (!deadline || deadline.removedAt !== null) return []
    const year = await this.stores.schools.getYear(deadline.schoolYearId)
    if (!year) return []
    return openTasksOf(this.stores, deadline, year.schoolId)
  }

  /**
   * Admins: who still has this deadline's task open — those a reminder reaches and those without a
   * Telegram account yet (e.g. for a broadcast to "those whose task is still open": `personIds`).
   */
  async whoIsOpen(
    actor: Actor,
    input: { deadlineId: number },
  ): Promise<
    Result<
      {
        deadlineId: number
        linked: OpenTask[]
        withoutTelegram: Array<{ personId: number; fullName: string }>
      },
      InvalidInput | Forbidden | CalendarNotFound
    >
  > {
    const parsed = parseInput(byDeadline, input)
    if (!parsed.ok) return parsed
    const loaded = await this.load(actor, parsed.value.deadlineId)
    if (!loaded.ok) return loaded
    const { deadline, year } = loaded.value
    const open = await openPeople(this.stores, deadline, year.schoolId)
    return ok({
      deadlineId: deadline.id,
      linked: linkedOnly(open),
      withoutTelegram: open
        .filter((o) => o.person.telegramId === null)
        .map((o) => ({ personId: o.person.id, fullName: o.person.fullName })),
    })
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  /** A deadline (not removed), its year, and the actor — an admin of its school. */
  private async load(
    actor: Actor,
    deadlineId: number,
  ): Promise<Result<Loaded, Forbidden | CalendarNotFound>> {
    const who = await whoIs(this.stores, actor)
    const deadline = await new CalendarStore(this.stores.db).getDeadline(deadlineId)
    if (!deadline || deadline.removedAt !== null) return fail({ code: 'not-found', entity: 'deadline' })
    const year = await this.stores.schools.getYear(deadline.schoolYearId)
    if (!year) return fail({ code: 'not-found', entity: 'school-year' })
    if (!isAdminOf(who, year.schoolId)) return forbidden()
    return ok({ who, deadline, year })
  }

  private async checkDepartments(
    schoolId: number,
    ids: readonly number[] | null,
  ): Promise<CalendarNotFound | CalendarWrongSchool | undefined> {
    if (ids === null) return undefined
    const missing: number[] = []
    const elsewhere: number[] = []
    for (const departmentId of ids) {
      const d = await this.stores.schools.getDepartment(departmentId)
      if (!d) missing.push(departmentId)
      else if (d.schoolId !== schoolId) elsewhere.push(departmentId)
    }
    if (missing.length) return { code: 'not-found', entity: 'department', ids: missing }
    if (elsewhere.length) return { code: 'wrong-school', entity: 'department', ids: elsewhere }
    return undefined
  }
}
