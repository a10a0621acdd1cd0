/**
 * Training courses and their budget (issue 15, seed 000 §III.5): an admin plans their school's
 * courses, an owner (a Sở or a Phòng) courses for every school, by pasting the budget table; the
 * rule engine computes each line's amount and the totals and checks any printed total. An opened
 * course takes sign-ups from the roles it was opened to, up to its seats, then on a waiting list;
 * a freed seat goes to the first person waiting.
 *
 *   const p = await deps.courses.preview(admin, { schoolId, text })   // lines, totals, mismatches, errors
 *   await deps.courses.save(admin, { schoolId, text })
 *   await deps.courses.open(admin, { courseId, roles: ['teacher'] })
 *   await deps.courses.signUp(teacher, { courseId })                  // { state: 'seat' } or waiting, position
 */
import { z } from 'zod'
import { type BudgetCheck, checkBudget } from '../rules/budget.ts'
import {
  type Course,
  type CourseCounts,
  CourseStore,
  type Signup,
  type SignupState,
} from '../store/courses.ts'
import { type Recipient, ROLES, type Role } from '../store/people.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, type ActorInfo, isAdminOf, whoIs } from './access.ts'
import { type CourseTableError, MAX_COURSE_LINES, parseCourseTable } from './course-table.ts'
import type { ServiceContext } from './options.ts'
import {
  type Forbidden,
  fail,
  forbidden,
  type InvalidInput,
  type NotFound,
  type NotLinked,
  notLinked,
  ok,
  parseInput,
  type Result,
} from './result.ts'
import { StandardsService } from './standards.ts'

export type { Course, CourseCounts, Signup } from '../store/courses.ts'
export type { CourseTableError } from './course-table.ts'

const id = z.number().int().positive()
/** null: the owner's courses, for every school */
const scopeInput = z.object({ schoolId: id.nullable() })
const tableInput = scopeInput.extend({ text: z.string().max(100_000) })

export interface CoursePreview {
  readonly check: BudgetCheck
  readonly errors: CourseTableError[]
}

export interface CourseView extends Course, CourseCounts {
  readonly amount: number
}

export interface CourseList {
  readonly courses: CourseView[]
  readonly check: BudgetCheck
}

export type TableErrors = { readonly code: 'course-table-errors'; readonly count: number }
export type EmptyTable = { readonly code: 'course-table-empty' }
export type TooManyCourses = { readonly code: 'course-table-too-long'; readonly max: number }
export type CourseNotFound = { readonly code: 'not-found'; readonly entity: 'course' }
export type CourseNotOpen = { readonly code: 'course-not-open' }
export type NotInAudience = { readonly code: 'course-not-for-you' }
export type NotSignedUp = { readonly code: 'course-not-signed-up' }
/** Standards are judged per school: the owner's courses for every school open by roles only. */
export type GapSchoolOnly = { readonly code: 'course-gap-school-only' }
export type NobodyShort = { readonly code: 'course-gap-nobody' }

export interface SignUpResult {
  readonly course: Course
  readonly state: SignupState
  /** on the waiting list: the place, from 1 */
  readonly position?: number
  readonly already: boolean
}

export class CourseService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  private courses(stores: Stores = this.stores): CourseStore {
    return new CourseStore(stores.db)
  }

  /** Who plans the courses of a scope: the school's admin, or an owner for the owner's courses. */
  /** A course the actor may plan (its school's admin, or an owner), with who the actor is. */
  private async plannedCourse(
    actor: Actor,
    courseId: number,
  ): Promise<Result<{ who: ActorInfo; course: Course }, Forbidden | CourseNotFound>> {
    const who = await whoIs(this.stores, actor)
    const course = await this.courses().get(courseId)
    if (!course) return fail({ code: 'not-found', entity: 'course' })
    if (!this.mayPlan(who, course.schoolId)) return forbidden()
    return ok({ who, course })
  }

  private mayPlan(who: ActorInfo, schoolId: number | null): boolean {
    return schoolId === null ? who.isOwner : isAdminOf(who, schoolId)
  }

  /** What a pasted table would save: each line's amount, the totals, mismatches and row errors. */
  async preview(
    actor: Actor,
    input: { schoolId: number | null; text: string },
  ): Promise<Result<CoursePreview, InvalidInput | Forbidden | TooManyCourses>> {
    const parsed = parseInput(tableInput, input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    if (!this.mayPlan(who, parsed.value.schoolId)) return forbidden()
    const table = parseCourseTable(parsed.value.text)
    if (table.lines.length > MAX_COURSE_LINES)
      return fail({ code: 'course-table-too-long', max: MAX_COURSE_LINES })
    return ok({ check: checkBudget(table.lines, table.printed), errors: table.errors })
  }

  /** Saves every line of the table, or nothing when any line has an error. */
  async save(
    actor: Actor,
    input: { schoolId: number | null; text: string },
  ): Promise<
    Result<
      { saved: number; check: BudgetCheck },
      InvalidInput | Forbidden | TooManyCourses | TableErrors | EmptyTable
    >
  > {
    const preview = await this.preview(actor, input)
    if (!preview.ok) return preview
    const { check, errors } = preview.value
    if (errors.length > 0) return fail({ code: 'course-table-errors', count: errors.length })
    if (check.lines.length === 0) return fail({ code: 'course-table-empty' })
    const now = this.ctx.now().toISOString()
    const saved = await this.stores.transaction(async (tx) => {
      const count = await this.courses(tx).createMany(
        check.lines.map((l) => ({
          schoolId: input.schoolId,
          name: l.name,
          classes: l.classes,
          seats: l.seats,
          feePerPerson: l.feePerPerson,
        })),
        actor.telegramId,
        now,
      )
      await tx.audit.record(actor.telegramId, 'courses.add', { schoolId: input.schoolId, count }, now)
      return count
    })
    return ok({ saved, check })
  }

  /** The scope's courses with their sign-ups, and the budget of them all. */
  async list(
    actor: Actor,
    input: { schoolId: number | null },
  ): Promise<Result<CourseList, InvalidInput | Forbidden>> {
    const parsed = parseInput(scopeInput, input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    if (!this.mayPlan(who, parsed.value.schoolId)) return forbidden()
    const courses = await this.courses().list(parsed.value.schoolId)
    return ok(await this.withCounts(courses))
  }

  /** The opened courses a person may sign up for (their school's and the owner's), with their own state. */
  async openForMe(
    actor: Actor,
  ): Promise<Result<Array<CourseView & { mine: SignupState | null }>, NotLinked>> {
    const who = await whoIs(this.stores, actor)
    if (!who.person) return notLinked()
    const person = who.person
    const store = this.courses()
    const opened = await store.openFor(person.schoolId)
    const invited = await store.invitedTo(
      person.id,
      opened.map((c) => c.id),
    )
    const open = opened.filter((c) => c.audience?.includes(person.role) || invited.has(c.id))
    const { courses } = await this.withCounts(open)
    const mine = await Promise.all(courses.map((c) => store.signupOf(c.id, person.id)))
    return ok(courses.map((c, i) => ({ ...c, mine: mine[i]?.state ?? null })))
  }

  /** Opens a course to sign-ups from these roles (its scope's people). */
  async open(
    actor: Actor,
    input: { courseId: number; roles: Role[] },
  ): Promise<Result<Course, InvalidInput | Forbidden | CourseNotFound>> {
    const parsed = parseInput(z.object({ courseId: id, roles: z.array(z.enum(ROLES)).min(1) }), input)
    if (!parsed.ok) return parsed
    const planned = await this.plannedCourse(actor, parsed.value.courseId)
    if (!planned.ok) return planned
    const { who, course } = planned.value
    const store = this.courses()
    const now = this.ctx.now().toISOString()
    await store.open(course.id, parsed.value.roles, now)
    await this.stores.audit.record(
      who.telegramId,
      'courses.open',
      { courseId: course.id, roles: parsed.value.roles },
      now,
    )
    return ok({ ...course, audience: parsed.value.roles, openedAt: now })
  }

  /**
   * Opens a school's course to the people who fall short of one standard (by their records, through
   * the rule engine's gaps), invited by name beside any roles it is already open to.
   */
  async openToGap(
    actor: Actor,
    input: { courseId: number; standard: string },
  ): Promise<
    Result<
      { course: Course; personIds: number[] },
      InvalidInput | Forbidden | CourseNotFound | NotFound | GapSchoolOnly | NobodyShort
    >
  > {
    const parsed = parseInput(z.object({ courseId: id, standard: z.string().min(1).max(60) }), input)
    if (!parsed.ok) return parsed
    const planned = await this.plannedCourse(actor, parsed.value.courseId)
    if (!planned.ok) return planned
    const { who, course } = planned.value
    if (course.schoolId === null) return fail({ code: 'course-gap-school-only' })
    const gaps = await new StandardsService(this.ctx).gaps(actor, { schoolId: course.schoolId })
    if (!gaps.ok) return gaps
    const personIds = [
      ...new Set(
        gaps.value.groups
          .filter((g) => g.standard === parsed.value.standard)
          .flatMap((g) => g.people.map((p) => p.personId)),
      ),
    ]
    if (personIds.length === 0) return fail({ code: 'course-gap-nobody' })
    const now = this.ctx.now().toISOString()
    const roles = course.audience ?? []
    await this.stores.transaction(async (tx) => {
      const inTx = this.courses(tx)
      await inTx.open(course.id, roles, now)
      await inTx.invite(course.id, personIds)
      await tx.audit.record(
        who.telegramId,
        'courses.open-gap',
        { courseId: course.id, standard: parsed.value.standard, people: personIds.length },
        now,
      )
    })
    return ok({ course: { ...course, audience: roles, openedAt: now }, personIds })
  }

  /** A seat while there is one, else the waiting list; signing up twice keeps the first place. */
  async signUp(
    actor: Actor,
    input: { courseId: number },
  ): Promise<
    Result<SignUpResult, InvalidInput | NotLinked | CourseNotFound | CourseNotOpen | NotInAudience>
  > {
    const parsed = parseInput(z.object({ courseId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    if (!who.person) return notLinked()
    const person = who.person
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      const store = this.courses(tx)
      // locked first: two people racing for the last seat cannot both get it
      await store.lock(parsed.value.courseId)
      const course = await store.get(parsed.value.courseId)
      if (!course || (course.schoolId !== null && course.schoolId !== person.schoolId)) {
        return fail({ code: 'not-found' as const, entity: 'course' as const })
      }
      if (!course.openedAt) return fail({ code: 'course-not-open' as const })
      const invited = (await store.invitedTo(person.id, [course.id])).has(course.id)
      if (!course.audience?.includes(person.role) && !invited)
        return fail({ code: 'course-not-for-you' as const })
      const existing = await store.signupOf(course.id, person.id)
      if (existing) {
        const position =
          existing.state === 'waiting' ? await store.waitingPosition(course.id, existing.id) : undefined
        return ok({ course, state: existing.state, already: true, ...(position ? { position } : {}) })
      }
      const taken = (await store.counts([course.id])).get(course.id)!.seated
      const state: SignupState = taken < course.seats ? 'seat' : 'waiting'
      const signupId = await store.addSignup(course.id, person.id, state, now)
      const position = state === 'waiting' ? await store.waitingPosition(course.id, signupId) : undefined
      return ok({ course, state, already: false, ...(position ? { position } : {}) })
    })
  }

  /** Leaves a course; a freed seat goes to the first person waiting, returned so they can be told. */
  async withdraw(
    actor: Actor,
    input: { courseId: number },
  ): Promise<
    Result<
      { course: Course; promoted: Recipient | null },
      InvalidInput | NotLinked | CourseNotFound | NotSignedUp
    >
  > {
    const parsed = parseInput(z.object({ courseId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    if (!who.person) return notLinked()
    const person = who.person
    return this.stores.transaction(async (tx) => {
      const store = this.courses(tx)
      await store.lock(parsed.value.courseId)
      const course = await store.get(parsed.value.courseId)
      if (!course) return fail({ code: 'not-found' as const, entity: 'course' as const })
      const existing = await store.signupOf(course.id, person.id)
      if (!existing) return fail({ code: 'course-not-signed-up' as const })
      await store.removeSignup(existing.id)
      const promoted = existing.state === 'seat' ? await store.promoteFirstWaiting(course.id) : undefined
      const [recipient] = promoted === undefined ? [] : await tx.people.recipients([promoted])
      return ok({ course, promoted: recipient ?? null })
    })
  }

  /** Everyone signed up for a course, seats first then the waiting list in order. */
  async signups(
    actor: Actor,
    input: { courseId: number },
  ): Promise<Result<{ course: Course; signups: Signup[] }, InvalidInput | Forbidden | CourseNotFound>> {
    const parsed = parseInput(z.object({ courseId: id }), input)
    if (!parsed.ok) return parsed
    const planned = await this.plannedCourse(actor, parsed.value.courseId)
    if (!planned.ok) return planned
    const { course } = planned.value
    const all = await this.courses().signups(course.id)
    const signups = [...all.filter((s) => s.state === 'seat'), ...all.filter((s) => s.state === 'waiting')]
    return ok({ course, signups })
  }

  private async withCounts(courses: Course[]): Promise<CourseList> {
    const counts = await this.courses().counts(courses.map((c) => c.id))
    const check = checkBudget(courses)
    return {
      courses: courses.map((c, i) => ({ ...c, ...counts.get(c.id)!, amount: check.lines[i]!.amount })),
      check,
    }
  }
}
