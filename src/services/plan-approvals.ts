/**
 * Approving plans: the head of the owner's department approves a submitted plan, an admin gives
 * the school's final approval (directly when the tổ has no other head); either sends a waiting
 * plan back with a reason (`returnPlan`), and an approval can be taken back (`reopen`). `waiting`
 * lists what awaits the actor. Nobody approves their own plan. Each step answers with the plan's
 * view and whom to tell (plan-transition.ts).
 *
 *   const approved = await deps.planApprovals.approve(actor, { planId })
 *   if (approved.ok) for (const r of approved.value.transition.notify) send(r.telegramId, r.language, …)
 */
import { z } from 'zod'
import type { Person } from '../store/people.ts'
import type { Plan, PlanStatus } from '../store/plans.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, type ActorInfo, isAdminOf, isHeadOf, isSelf, whoIs } from './access.ts'
import type { ServiceContext } from './options.ts'
import { adminNotices, headNotices, type Notified, ownerNotice } from './plan-notices.ts'
import { movePlan, type PlanTransition, type WrongStatus } from './plan-transition.ts'
import {
  headStep,
  type LoadedPlan,
  loadPlan,
  type PlanPerson,
  type PlanView,
  planModules,
} from './plan-view.ts'
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

export interface WaitingItem {
  planId: number
  status: PlanStatus
  /** 'head': a head's approval is awaited; 'school': the admin's final approval */
  step: 'head' | 'school'
  person: PlanPerson
  schoolId: number
  schoolYearId: number
  moduleCodes: string[]
  totalHours: number
  updatedAt: string
}

type Moved = Result<
  { view: PlanView; transition: PlanTransition },
  Forbidden | NotFound | InvalidInput | WrongStatus
>

const id = z.number().int().positive()
const reason = z.string().trim().min(1).max(1000)

export class PlanApprovalService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  /**
   * The head of the owner's department approves a submitted plan; an admin gives the final
   * approval of a head-approved plan (or of a submitted one when the tổ has no other head).
   */
  async approve(actor: Actor, input: { planId: number }): Promise<Moved> {
    const parsed = parseInput(z.object({ planId: id }), input)
    if (!parsed.ok) return parsed
    const approver = await this.approver(actor, parsed.value.planId)
    if (!approver.ok) return approver
    const { who, loaded, role } = approver.value
    const owner = loaded.owner
    const status = loaded.plan.status
    if (role === 'head') {
      if (status !== 'submitted')
        return fail({ code: 'wrong-status' as const, status, expected: ['submitted'] })
      return movePlan(this.ctx, who, loaded, 'approve', ['submitted'], 'head_approved', null, async () => [
        ...(await ownerNotice(this.stores, owner)),
        ...(await adminNotices(this.stores, owner)),
      ])
    }
    const from: PlanStatus[] = (await headStep(this.stores, owner))
      ? ['head_approved']
      : ['submitted', 'head_approved']
    if (!from.includes(status)) return fail({ code: 'wrong-status' as const, status, expected: from })
    return movePlan(this.ctx, who, loaded, 'approve', from, 'approved', null, async () =>
      ownerNotice(this.stores, owner),
    )
  }

  /** Returns a waiting plan to its owner with a reason: a head (submitted) or an admin (either step). */
  async returnPlan(actor: Actor, input: { planId: number; reason: string }): Promise<Moved> {
    return this.sendBack(
      actor,
      input,
      'return',
      (role) => (role === 'head' ? ['submitted'] : ['submitted', 'head_approved']),
      // a head who had approved it hears that the school sent it back
      async (owner, plan) => [
        ...(await ownerNotice(this.stores, owner)),
        ...(plan.status === 'head_approved' ? await headNotices(this.stores, owner) : []),
      ],
    )
  }

  /**
   * Takes an approval back, with a reason, so the owner can change the plan again: an admin for
   * an approved plan, the head (or an admin) for a head-approved one. The plan becomes 'returned'.
   */
  async reopen(actor: Actor, input: { planId: number; reason: string }): Promise<Moved> {
    return this.sendBack(
      actor,
      input,
      'reopen',
      (role) => (role === 'head' ? ['head_approved'] : ['head_approved', 'approved']),
      (owner) => ownerNotice(this.stores, owner),
    )
  }

  /** The plans that await this actor: a head's tổ's submitted plans; an admin's (owner's) schools'. */
  async waiting(
    actor: Actor,
    input: { schoolId?: number } = {},
  ): Promise<Result<WaitingItem[], InvalidInput>> {
    const parsed = parseInput(z.object({ schoolId: id.optional() }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const items: WaitingItem[] = []
    const person = who.person
    if (person?.role === 'head' && person.departmentId !== null) {
      const year = await this.stores.schools.currentYear(person.schoolId)
      if (year) {
        const found = await this.stores.plans.list({
          schoolYearIds: [year.id],
          statuses: ['submitted'],
          departmentId: person.departmentId,
        })
        for (const f of found) if (f.person.id !== person.id) items.push(await this.item(f, 'head'))
      }
    }
    const schoolIds: number[] = []
    if (who.isOwner) {
      const schools = await this.stores.schools.list()
      schoolIds.push(
        ...schools
          .map((s) => s.id)
          .filter((s) => parsed.value.schoolId === undefined || s === parsed.value.schoolId),
      )
    } else if (person?.role === 'admin') {
      schoolIds.push(person.schoolId)
    }
    for (const schoolId of schoolIds) {
      const year = await this.stores.schools.currentYear(schoolId)
      if (!year) continue
      const found = await this.stores.plans.list({
        schoolYearIds: [year.id],
        statuses: ['submitted', 'head_approved'],
      })
      const headed = await this.headedDepartments(schoolId)
      for (const f of found) {
        if (f.person.id === person?.id) continue
        if (f.plan.status === 'submitted') {
          const headFirst =
            f.person.departmentId !== null &&
            (headed.get(f.person.departmentId) ?? []).some((h) => h !== f.person.id)
          if (headFirst) continue
        }
        items.push(await this.item(f, 'school'))
      }
    }
    return ok(items)
  }

  /** return and reopen: an approver sends the plan back to its owner as 'returned', with a reason. */
  private async sendBack(
    actor: Actor,
    input: { planId: number; reason: string },
    action: 'return' | 'reopen',
    fromFor: (role: 'head' | 'admin') => PlanStatus[],
    recipients: (owner: Person, plan: Plan) => Promise<Notified[]>,
  ): Promise<Moved> {
    const parsed = parseInput(z.object({ planId: id, reason }), input)
    if (!parsed.ok) return parsed
    const approver = await this.approver(actor, parsed.value.planId)
    if (!approver.ok) return approver
    const { who, loaded, role } = approver.value
    const { plan, owner } = loaded
    const from = fromFor(role)
    if (!from.includes(plan.status))
      return fail({ code: 'wrong-status' as const, status: plan.status, expected: from })
    return movePlan(this.ctx, who, loaded, action, from, 'returned', parsed.value.reason, () =>
      recipients(owner, plan),
    )
  }

  /** The plan and the actor's part in approving it: its owner's head, or their school's admin. */
  private async approver(
    actor: Actor,
    planId: number,
  ): Promise<Result<{ who: ActorInfo; loaded: LoadedPlan; role: 'head' | 'admin' }, Forbidden | NotFound>> {
    const who = await whoIs(this.stores, actor)
    const loaded = await loadPlan(this.stores, planId)
    if (!loaded) return notFound('plan')
    const role = approverRole(who, loaded.owner)
    if (!role) return forbidden()
    return ok({ who, loaded, role })
  }

  private async headedDepartments(schoolId: number): Promise<Map<number, number[]>> {
    const heads = await this.stores.people.list({ schoolId, role: 'head' })
    const map = new Map<number, number[]>()
    for (const h of heads)
      if (h.departmentId !== null) map.set(h.departmentId, [...(map.get(h.departmentId) ?? []), h.id])
    return map
  }

  private async item(
    found: {
      plan: Plan
      person: {
        id: number
        fullName: string
        role: string
        departmentId: number | null
        level: string | null
      }
      schoolId: number
    },
    step: 'head' | 'school',
  ): Promise<WaitingItem> {
    const modules = await planModules(this.stores, found.plan.id)
    const department =
      found.person.departmentId === null
        ? undefined
        : await this.stores.schools.getDepartment(found.person.departmentId)
    return {
      planId: found.plan.id,
      status: found.plan.status,
      step,
      person: { ...found.person, schoolId: found.schoolId, departmentName: department?.name ?? null },
      schoolId: found.schoolId,
      schoolYearId: found.plan.schoolYearId,
      moduleCodes: modules.map((m) => m.code),
      totalHours: modules.reduce((sum, m) => sum + m.hoursTotal, 0),
      updatedAt: found.plan.updatedAt,
    }
  }
}

/** 'head' for the owner's head, 'admin' for their school's admins and owners, else null; never oneself. */
function approverRole(who: ActorInfo, owner: Person): 'head' | 'admin' | null {
  if (isSelf(who, owner.id)) return null
  if (isAdminOf(who, owner.schoolId)) return 'admin'
  if (isHeadOf(who, owner.departmentId) && who.person?.schoolId === owner.schoolId) return 'head'
  return null
}
