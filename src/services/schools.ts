/**
 * Schools, their current school year and its deadlines, and their departments (tổ).
 *
 *   // an owner
 *   const r = await deps.schools.createSchool(actor, { name: 'THPT Nguyễn Du' })
 *   r.value.adminInvite.code   // → startLink(bot, code) for the school's first admin
 *   // its admin
 *   await deps.schools.createDepartment(actor, { schoolId, name: 'Tổ Toán' })
 */
import { z } from 'zod'
import { defaultProfileFor } from '../rules/index.ts'
import type { Department, School, SchoolYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, isAdminOf, isMemberOf, whoIs } from './access.ts'
import { type InviteView, issueInvite } from './invites.ts'
import type { ServiceContext } from './options.ts'
import {
  type Forbidden,
  fail,
  forbidden,
  type InvalidInput,
  type NotFound,
  notFound,
  ok,
  parseInput,
  type Result,
} from './result.ts'
import { isDay, schoolYearAt } from './vietnam-days.ts'
import {
  ensureCalendar,
  firstYearCalendar,
  type RegulationDay,
  regulationDay,
  syncYearDeadlines,
} from './year-calendar.ts'

/** A school or department name is taken (compared without diacritics or case). */
export type DuplicateName = { readonly code: 'duplicate-name'; readonly name: string }
/** The plan deadline falls after the approval deadline. */
export type DeadlineOrder = {
  readonly code: 'deadline-order'
  readonly planDeadline: string
  readonly approvalDeadline: string
}

/** A department cannot be joined into itself. */
export type MergeSelf = { readonly code: 'merge-self'; readonly name: string }

const name = z.string().trim().min(2).max(120)
const id = z.number().int().positive()
const day = z.string().trim().refine(isDay, { message: 'YYYY-MM-DD' })

export interface SchoolOverview {
  school: School
  currentYear: SchoolYear | null
  departments: Department[]
}

export class SchoolService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  /**
   * An owner creates a school with its current school year (its regulation's calendar moved to
   * this year — seed 004's under TT 26/2012: teachers' plans until 7 September, the school's
   * approval until 14 September; under TT 19/2019 two weeks from today, its 31 May being past) and an
   * invite for its first admin — for a named person when `adminName` is given.
   */
  async createSchool(
    actor: Actor,
    input: { name: string; adminName?: string; inviteDays?: number },
  ): Promise<
    Result<
      {
        school: School
        year: SchoolYear
        adminInvite: InviteView
        /** the calendar's plan deadline, when it had passed and the year's was set later */
        planDeadlineMovedFrom: string | null
        /** the day the year's regulation sets for approving its plans (TT 19/2019: 31 May before it), if any */
        approvalByRegulation: RegulationDay | null
      },
      Forbidden | InvalidInput | DuplicateName
    >
  > {
    const parsed = parseInput(
      z.object({
        name,
        adminName: z.string().trim().min(2).max(100).optional(),
        inviteDays: z.number().int().min(1).max(90).optional(),
      }),
      input,
    )
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    if (!who.isOwner) return forbidden()
    const nowDate = this.ctx.now()
    const now = nowDate.toISOString()
    // the regulation in force when the year starts; the admin may switch it before any result
    const profile = (this.ctx.profileFor ?? defaultProfileFor)(schoolYearAt(nowDate).startYear)
    const { planDeadlineMovedFrom, ...calendar } = firstYearCalendar(nowDate, profile)
    return this.stores.transaction(async (tx) => {
      if (await tx.schools.nameTaken(parsed.value.name)) {
        return fail({ code: 'duplicate-name' as const, name: parsed.value.name })
      }
      const school = await tx.schools.create(parsed.value.name, who.telegramId, now)
      const year = await tx.schools.createYear(
        {
          schoolId: school.id,
          ...calendar,
          profileId: profile.id,
          requiredNd3Hours: profile.hours.nd3.hours,
        },
        true,
        now,
      )
      // the year's calendar: its regulation's standard deadlines with their reminders
      await ensureCalendar(tx, year, profile, nowDate)
      const admin = parsed.value.adminName
        ? await tx.people.create(
            {
              schoolId: school.id,
              fullName: parsed.value.adminName,
              role: 'admin',
              departmentId: null,
              level: null,
              subject: null,
            },
            now,
          )
        : undefined
      const adminInvite = await issueInvite(
        tx,
        {
          schoolId: school.id,
          role: 'admin',
          departmentId: null,
          personId: admin?.id ?? null,
          kind: 'single',
          days: parsed.value.inviteDays,
          createdBy: who.telegramId,
        },
        nowDate,
      )
      await tx.audit.record(
        who.telegramId,
        'school.create',
        { schoolId: school.id, name: school.name, year: year.name, adminInviteId: adminInvite.id },
        now,
      )
      const approvalByRegulation = regulationDay({ key: 'plan-school-approval' }, year, profile)
      return ok({ school, year, adminInvite, planDeadlineMovedFrom, approvalByRegulation })
    })
  }

  /** Owners: every school; anyone else: their own. */
  async listSchools(actor: Actor): Promise<Result<School[], never>> {
    const who = await whoIs(this.stores, actor)
    if (who.isOwner) return ok(await this.stores.schools.list())
    return ok(who.person ? await this.stores.schools.list([who.person.schoolId]) : [])
  }

  /** The school, its current year and departments: for its members and owners. */
  async getSchool(
    actor: Actor,
    input: { schoolId: number },
  ): Promise<Result<SchoolOverview, Forbidden | NotFound | InvalidInput>> {
    const parsed = parseInput(z.object({ schoolId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(parsed.value.schoolId)
    if (!school) return notFound('school')
    if (!isMemberOf(who, school.id)) return forbidden()
    return ok({
      school,
      currentYear: (await this.stores.schools.currentYear(school.id)) ?? null,
      departments: await this.stores.schools.listDepartments(school.id),
    })
  }

  /** The current school year of a school, for its members and owners. */
  async currentYear(
    actor: Actor,
    input: { schoolId: number },
  ): Promise<Result<SchoolYear, Forbidden | NotFound | InvalidInput>> {
    const overview = await this.getSchool(actor, input)
    if (!overview.ok) return overview
    return overview.value.currentYear ? ok(overview.value.currentYear) : notFound('school-year')
  }

  /** An admin sets the year's deadlines (YYYY-MM-DD, inclusive; the plan deadline first). */
  async setDeadlines(
    actor: Actor,
    input: { schoolYearId: number; planDeadline?: string; approvalDeadline?: string },
  ): Promise<Result<SchoolYear, Forbidden | NotFound | InvalidInput | DeadlineOrder>> {
    const parsed = parseInput(
      z.object({ schoolYearId: id, planDeadline: day.optional(), approvalDeadline: day.optional() }),
      input,
    )
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const year = await this.stores.schools.getYear(parsed.value.schoolYearId)
    if (!year) return notFound('school-year')
    if (!isAdminOf(who, year.schoolId)) return forbidden()
    const planDeadline = parsed.value.planDeadline ?? year.planDeadline
    const approvalDeadline = parsed.value.approvalDeadline ?? year.approvalDeadline
    // approval closes after submission, never on the same day or before
    if (planDeadline >= approvalDeadline)
      return fail({ code: 'deadline-order' as const, planDeadline, approvalDeadline })
    const now = this.ctx.now().toISOString()
    const updated = await this.stores.transaction(async (tx) => {
      const updated = await tx.schools.setDeadlines(year.id, { planDeadline, approvalDeadline }, now)
      // the calendar's plan and approval deadlines (and their reminders) follow
      if (updated) await syncYearDeadlines(tx, updated, this.ctx.now())
      await tx.audit.record(
        who.telegramId,
        'school-year.deadlines',
        {
          schoolYearId: year.id,
          from: [year.planDeadline, year.approvalDeadline],
          to: [planDeadline, approvalDeadline],
        },
        now,
      )
      return updated
    })
    return updated ? ok(updated) : notFound('school-year')
  }

  async createDepartment(
    actor: Actor,
    input: { schoolId: number; name: string },
  ): Promise<Result<Department, Forbidden | NotFound | InvalidInput | DuplicateName>> {
    const parsed = parseInput(z.object({ schoolId: id, name }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(parsed.value.schoolId)
    if (!school) return notFound('school')
    if (!isAdminOf(who, school.id)) return forbidden()
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      if (await tx.schools.departmentByName(school.id, parsed.value.name)) {
        return fail({ code: 'duplicate-name' as const, name: parsed.value.name })
      }
      const department = await tx.schools.createDepartment(school.id, parsed.value.name, now)
      await tx.audit.record(
        who.telegramId,
        'department.create',
        { schoolId: school.id, departmentId: department.id, name: department.name },
        now,
      )
      return ok(department)
    })
  }

  async renameDepartment(
    actor: Actor,
    input: { departmentId: number; name: string },
  ): Promise<Result<Department, Forbidden | NotFound | InvalidInput | DuplicateName>> {
    const parsed = parseInput(z.object({ departmentId: id, name }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const department = await this.stores.schools.getDepartment(parsed.value.departmentId)
    if (!department) return notFound('department')
    if (!isAdminOf(who, department.schoolId)) return forbidden()
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      const clash = await tx.schools.departmentByName(department.schoolId, parsed.value.name)
      if (clash && clash.id !== department.id)
        return fail({ code: 'duplicate-name' as const, name: parsed.value.name })
      const renamed = await tx.schools.renameDepartment(department.id, parsed.value.name, now)
      if (!renamed) return notFound('department')
      await tx.audit.record(
        who.telegramId,
        'department.rename',
        { departmentId: department.id, from: department.name, to: renamed.name },
        now,
      )
      return ok(renamed)
    })
  }

  /**
   * Admins: joins one department into another of the school (two names for one tổ, or two tổ made
   * one); its people and everything they have go with them. A department cannot join itself.
   */
  async mergeDepartments(
    actor: Actor,
    input: { fromId: number; intoId: number },
  ): Promise<
    Result<
      { into: Department; from: Department; moved: number },
      Forbidden | NotFound | InvalidInput | MergeSelf
    >
  > {
    const parsed = parseInput(z.object({ fromId: id, intoId: id }), input)
    if (!parsed.ok) return parsed
    const { fromId, intoId } = parsed.value
    const who = await whoIs(this.stores, actor)
    const from = await this.stores.schools.getDepartment(fromId)
    const into = await this.stores.schools.getDepartment(intoId)
    if (!from || !into) return notFound('department')
    if (!isAdminOf(who, from.schoolId) || into.schoolId !== from.schoolId) return forbidden()
    if (from.id === into.id) return fail({ code: 'merge-self' as const, name: from.name })
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      if (!(await tx.schools.getDepartment(from.id))) return notFound('department')
      const moved = await tx.schools.mergeDepartment(from.id, into.id, from.schoolId, now)
      await tx.audit.record(
        who.telegramId,
        'department.merge',
        { from: { id: from.id, name: from.name }, into: { id: into.id, name: into.name }, moved },
        now,
      )
      return ok({ into, from, moved })
    })
  }

  async listDepartments(
    actor: Actor,
    input: { schoolId: number },
  ): Promise<Result<Department[], Forbidden | NotFound | InvalidInput>> {
    const overview = await this.getSchool(actor, input)
    return overview.ok ? ok(overview.value.departments) : overview
  }
}
