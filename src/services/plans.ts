/**
 * A teacher's own BDTX plan for the current school year: made on first use, ND3 modules added and
 * removed, submitted to the approvers (plan-approvals.ts). ND1 and ND2 are in every plan; the
 * person picks ND3 modules from their level's catalogue (managers: the managers' catalogue); the
 * rule engine judges the plan (plan-view.ts). The way of a plan is drawn in plan-transition.ts.
 *
 * Modules change only in draft or returned, and only until the year's plan deadline unless the
 * actor is an admin. Every change is a plan_event with who and when, and an audit_log row; a submit
 * returns the approvers to notify, with their language.
 *
 *   const plan = await deps.plans.getOrCreate(actor, {})
 *   await deps.plans.addModule(actor, { planId, code: 'thpt17' })
 *   const sent = await deps.plans.submit(actor, { planId })
 *   for (const r of sent.value.transition.notify) send(r.telegramId, r.language, …)
 */
import { z } from 'zod'
import { type CatalogueId, normalizeModuleCode, type PlanError } from '../rules/index.ts'
import type { Module } from '../store/modules.ts'
import type { Person } from '../store/people.ts'
import type { PlanEvent, PlanStatus } from '../store/plans.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, type ActorInfo, canView, isAdminOf, isSelf, whoIs } from './access.ts'
import { fitsProfile, modulesForTyped } from './catalogue.ts'
import type { ServiceContext } from './options.ts'
import { adminNotices, headNotices } from './plan-notices.ts'
import { movePlan, type PlanTransition, recordPlanEvent, type WrongStatus } from './plan-transition.ts'
import {
  catalogueOf,
  checkPlan,
  EDITABLE,
  headStep,
  type LoadedPlan,
  loadPlan,
  type PlanView,
  planModules,
  planView,
} from './plan-view.ts'
import { profileOfYear } from './regulation.ts'
import {
  type Forbidden,
  fail,
  forbidden,
  type InvalidInput,
  type NotFound,
  type NotLinked,
  notFound,
  notLinked,
  ok,
  parseInput,
  type Result,
} from './result.ts'
import { deadlinePassed } from './vietnam-days.ts'

/** Staff have no BDTX plan. */
export type NoPlanForRole = { readonly code: 'no-plan-for-role'; readonly role: string }
/** The school has no current school year. */
export type NoCurrentYear = { readonly code: 'no-current-year'; readonly schoolId: number }
/** A teacher's level is needed to know their catalogue (people.setProfile). */
export type LevelMissing = { readonly code: 'level-missing'; readonly personId: number }
/** Modules change only while the plan is a draft or returned. */
export type PlanLocked = { readonly code: 'plan-locked'; readonly status: PlanStatus }
/** The year's plan deadline (inclusive, Vietnam time) is over; only an admin may change the plan. */
export type DeadlinePassed = { readonly code: 'deadline-passed'; readonly deadline: string }
export type ModuleNotInPlan = { readonly code: 'module-not-in-plan'; readonly moduleId: number }
/** The rule engine's verdict: why the plan cannot be submitted. */
export type PlanInvalid = {
  readonly code: 'plan-invalid'
  readonly totalHours: number
  readonly requiredHours: number
  readonly errors: ReadonlyArray<PlanError>
}

export interface PlanEventView extends PlanEvent {
  actorName: string | null
  moduleCode: string | null
}

const id = z.number().int().positive()

export class PlanService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  /**
   * This person's plan for the current school year, made on first use. `personId` defaults to the
   * actor; an admin may open anyone's of their school.
   */
  async getOrCreate(
    actor: Actor,
    input: { personId?: number } = {},
  ): Promise<
    Result<PlanView, Forbidden | NotFound | NotLinked | InvalidInput | NoPlanForRole | NoCurrentYear>
  > {
    const parsed = parseInput(z.object({ personId: id.optional() }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    let owner: Person | undefined
    if (parsed.value.personId === undefined) {
      if (!who.person) return notLinked()
      owner = who.person
    } else {
      owner = await this.stores.people.get(parsed.value.personId)
      if (!owner) return notFound('person')
    }
    if (!isSelf(who, owner.id) && !isAdminOf(who, owner.schoolId)) return forbidden()
    if (owner.role === 'staff') return fail({ code: 'no-plan-for-role' as const, role: owner.role })
    const year = await this.stores.schools.currentYear(owner.schoolId)
    if (!year) return fail({ code: 'no-current-year' as const, schoolId: owner.schoolId })
    const now = this.ctx.now().toISOString()
    const person = owner
    const plan = await this.stores.transaction(async (tx) => {
      const existing = await tx.plans.byPersonYear(person.id, year.id)
      if (existing) return existing
      const plan = await tx.plans.create(person.id, year.id, now)
      await recordPlanEvent(tx, who, plan.id, 'create', null, 'draft', null, null, now)
      return plan
    })
    return ok(await planView(this.ctx, who, { plan, owner, year }))
  }

  /** A plan by id, for whoever may see it (its owner, their head, their school's admins). */
  async get(
    actor: Actor,
    input: { planId: number },
  ): Promise<Result<PlanView, Forbidden | NotFound | InvalidInput>> {
    const parsed = parseInput(z.object({ planId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const loaded = await loadPlan(this.stores, parsed.value.planId)
    if (!loaded) return notFound('plan')
    if (!canView(who, loaded.owner)) return forbidden()
    return ok(await planView(this.ctx, who, loaded))
  }

  /**
   * Adds an ND3 module by id (a button) or by code as typed ("thpt17"). Refused with the rule
   * engine's own error when the module is unknown, of another catalogue, or already in the plan.
   */
  async addModule(
    actor: Actor,
    input: { planId: number; moduleId?: number; code?: string },
  ): Promise<
    Result<
      PlanView,
      Forbidden | NotFound | InvalidInput | PlanLocked | DeadlinePassed | LevelMissing | PlanError
    >
  > {
    const parsed = parseInput(
      z
        .object({ planId: id, moduleId: id.optional(), code: z.string().trim().min(1).max(40).optional() })
        .refine((v) => (v.moduleId === undefined) !== (v.code === undefined), {
          message: 'moduleId or code',
          path: ['code'],
        }),
      input,
    )
    if (!parsed.ok) return parsed
    const gate = await this.editGate(actor, parsed.value.planId)
    if (!gate.ok) return gate
    const { who, loaded, catalogue } = gate.value
    let candidates: Module[]
    let typed: string
    const profileId = profileOfYear(loaded.year).id
    if (parsed.value.moduleId !== undefined) {
      const module = await this.stores.modules.get(parsed.value.moduleId)
      if (!module) return notFound('module')
      // a module of another regulation's programme is not in this year's catalogue
      candidates = fitsProfile(module, profileId) ? [module] : []
      typed = module.code
    } else {
      typed = parsed.value.code!
      candidates = await modulesForTyped(this.stores, typed, catalogue, profileId)
      // a variant numbering ("Mô đun 19") named one module: check it by the catalogue's code
      const [only] = candidates
      if (only && candidates.length === 1 && normalizeModuleCode(only.code) !== normalizeModuleCode(typed))
        typed = only.code
    }
    const current = await planModules(this.stores, loaded.plan.id)
    const check = checkPlan(loaded, current, [typed], [...current, ...candidates])
    const index = current.length
    const refusal = check.errors.find((e) => e.code !== 'hours-below-required' && e.index === index)
    if (refusal) return fail(refusal)
    const module = candidates.find((m) => m.level === catalogue)
    if (!module)
      return fail({ code: 'unknown-module', index, moduleCode: typed, catalogue: catalogue!, source: '' })
    const now = this.ctx.now().toISOString()
    const locked = await this.stores.transaction(async (tx) => {
      const locked = await this.lockedNow(tx, loaded.plan.id, now)
      if (locked) return locked
      await tx.plans.addModule(loaded.plan.id, module.id, now)
      const status = loaded.plan.status
      await recordPlanEvent(tx, who, loaded.plan.id, 'add-module', status, status, null, module.id, now)
      return null
    })
    if (locked) return fail(locked)
    return ok(await planView(this.ctx, who, { ...loaded, plan: { ...loaded.plan, updatedAt: now } }))
  }

  async removeModule(
    actor: Actor,
    input: { planId: number; moduleId: number },
  ): Promise<
    Result<
      PlanView,
      Forbidden | NotFound | InvalidInput | PlanLocked | DeadlinePassed | LevelMissing | ModuleNotInPlan
    >
  > {
    const parsed = parseInput(z.object({ planId: id, moduleId: id }), input)
    if (!parsed.ok) return parsed
    const gate = await this.editGate(actor, parsed.value.planId, { needCatalogue: false })
    if (!gate.ok) return gate
    const { who, loaded } = gate.value
    const now = this.ctx.now().toISOString()
    const removed = await this.stores.transaction(async (tx) => {
      const locked = await this.lockedNow(tx, loaded.plan.id, now)
      if (locked) return locked
      if (!(await tx.plans.removeModule(loaded.plan.id, parsed.value.moduleId))) return false
      const status = loaded.plan.status
      await recordPlanEvent(
        tx,
        who,
        loaded.plan.id,
        'remove-module',
        status,
        status,
        null,
        parsed.value.moduleId,
        now,
      )
      return true
    })
    if (removed !== true && removed !== false) return fail(removed)
    if (!removed) return fail({ code: 'module-not-in-plan' as const, moduleId: parsed.value.moduleId })
    return ok(await planView(this.ctx, who, { ...loaded, plan: { ...loaded.plan, updatedAt: now } }))
  }

  /**
   * Sends the plan for approval: to the head of the department, or straight to the school's admins
   * when the tổ has no other head. The plan must be valid per the rule engine.
   */
  async submit(
    actor: Actor,
    input: { planId: number },
  ): Promise<
    Result<
      { view: PlanView; transition: PlanTransition },
      Forbidden | NotFound | InvalidInput | WrongStatus | DeadlinePassed | LevelMissing | PlanInvalid
    >
  > {
    const parsed = parseInput(z.object({ planId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const loaded = await loadPlan(this.stores, parsed.value.planId)
    if (!loaded) return notFound('plan')
    const { plan, owner, year } = loaded
    const admin = isAdminOf(who, owner.schoolId)
    if (!isSelf(who, owner.id) && !admin) return forbidden()
    if (!EDITABLE.includes(plan.status)) {
      return fail({ code: 'wrong-status' as const, status: plan.status, expected: EDITABLE })
    }
    if (!admin && deadlinePassed(year.planDeadline, this.ctx.now())) {
      return fail({ code: 'deadline-passed' as const, deadline: year.planDeadline })
    }
    if (catalogueOf(owner) === null) return fail({ code: 'level-missing' as const, personId: owner.id })
    const toHead = await headStep(this.stores, owner)
    // the modules are judged in the transaction that submits them: an edit racing the submit
    // lands wholly before (and is judged) or wholly after (and is refused: the plan is locked)
    const judged = async (tx: Stores): Promise<PlanInvalid | null> => {
      const modules = await planModules(tx, plan.id)
      const check = checkPlan(loaded, modules, [], modules)
      if (check.valid) return null
      return {
        code: 'plan-invalid' as const,
        totalHours: check.totalHours,
        requiredHours: check.requiredHours,
        errors: check.errors,
      }
    }
    return movePlan(
      this.ctx,
      who,
      loaded,
      'submit',
      EDITABLE,
      'submitted',
      null,
      async () => (toHead ? headNotices(this.stores, owner) : adminNotices(this.stores, owner)),
      judged,
    )
  }

  /** Every change of a plan, oldest first, with who made it. */
  async events(
    actor: Actor,
    input: { planId: number },
  ): Promise<Result<PlanEventView[], Forbidden | NotFound | InvalidInput>> {
    const parsed = parseInput(z.object({ planId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const loaded = await loadPlan(this.stores, parsed.value.planId)
    if (!loaded) return notFound('plan')
    if (!canView(who, loaded.owner)) return forbidden()
    const events = await this.stores.plans.events(loaded.plan.id)
    const people = new Map<number, string>()
    for (const personId of new Set(events.map((e) => e.actorPersonId).filter((p) => p !== null))) {
      const p = await this.stores.people.get(personId)
      if (p) people.set(p.id, p.fullName)
    }
    const modules = new Map(
      (
        await this.stores.modules.byIds([...new Set(events.map((e) => e.moduleId).filter((m) => m !== null))])
      ).map((m) => [m.id, m.code]),
    )
    return ok(
      events.map((e) => ({
        ...e,
        actorName: e.actorPersonId === null ? null : (people.get(e.actorPersonId) ?? null),
        moduleCode: e.moduleId === null ? null : (modules.get(e.moduleId) ?? null),
      })),
    )
  }

  /** The checks before a module changes: who, status, deadline, catalogue. */
  private async editGate(
    actor: Actor,
    planId: number,
    options: { needCatalogue: boolean } = { needCatalogue: true },
  ): Promise<
    Result<
      { who: ActorInfo; loaded: LoadedPlan; catalogue: CatalogueId | null },
      Forbidden | NotFound | PlanLocked | DeadlinePassed | LevelMissing
    >
  > {
    const who = await whoIs(this.stores, actor)
    const loaded = await loadPlan(this.stores, planId)
    if (!loaded) return notFound('plan')
    const { plan, owner, year } = loaded
    const admin = isAdminOf(who, owner.schoolId)
    if (!isSelf(who, owner.id) && !admin) return forbidden()
    if (!EDITABLE.includes(plan.status)) return fail({ code: 'plan-locked' as const, status: plan.status })
    if (!admin && deadlinePassed(year.planDeadline, this.ctx.now())) {
      return fail({ code: 'deadline-passed' as const, deadline: year.planDeadline })
    }
    const catalogue = catalogueOf(owner)
    if (options.needCatalogue && catalogue === null)
      return fail({ code: 'level-missing' as const, personId: owner.id })
    return ok({ who, loaded, catalogue })
  }

  /**
   * Marks the plan edited, in the edit's own transaction, only while it is still editable: a plan
   * submitted meanwhile is locked (and the row stays locked for the rest of the edit).
   */
  private async lockedNow(tx: Stores, planId: number, now: string): Promise<PlanLocked | null> {
    if (await tx.plans.touchIf(planId, EDITABLE, now)) return null
    return { code: 'plan-locked' as const, status: (await tx.plans.get(planId))?.status ?? 'draft' }
  }
}
