/**
 * Personal BDTX plans for the current school year. ND1 and ND2 are in every plan; the person picks
 * ND3 modules from their level's catalogue (managers: the managers' catalogue); the rule engine
 * (`validatePlan`) judges the plan. The way of a plan:
 *
 *   draft ──submit──▶ submitted ──head approves──▶ head_approved ──admin approves──▶ approved
 *     ▲                  │ │                           │                               │
 *     │                  │ └─(no head in the tổ: the admin approves directly)──────────▶
 *     └── returned ◀─────┴── return (head or admin) ───┴── return (admin) ◀── reopen ───┘
 *
 * Modules change only in draft or returned, and only until the year's plan deadline unless the
 * actor is an admin. Every change is a plan_event with who and when, and an audit_log row. Each
 * transition returns the people to notify, with their language.
 *
 *   const plan = await deps.plans.getOrCreate(actor, {})
 *   await deps.plans.addModule(actor, { planId, code: 'thpt17' })
 *   const sent = await deps.plans.submit(actor, { planId })
 *   for (const r of sent.value.transition.notify) send(r.telegramId, r.language, …)
 */
import { z } from 'zod'
import {
  type CatalogueId,
  managerProgrammeCovers,
  normalizeModuleCode,
  type PlanCheck,
  type PlanError,
  type RegulationProfile,
  validatePlan,
} from '../rules/index.ts'
import type { Module } from '../store/modules.ts'
import type { Person, Recipient } from '../store/people.ts'
import type { Plan, PlanAction, PlanEvent, PlanStatus } from '../store/plans.ts'
import type { SchoolYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, type ActorInfo, canView, isAdminOf, isHeadOf, isSelf, whoIs } from './access.ts'
import { fitsProfile, modulesForTyped, toCatalogueModule } from './catalogue.ts'
import type { ServiceContext } from './options.ts'
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
/** The plan is not in a state this action applies to (e.g. approved twice, or still with the head). */
export type WrongStatus = {
  readonly code: 'wrong-status'
  readonly status: PlanStatus
  readonly expected: ReadonlyArray<PlanStatus>
}

export interface PlanPerson {
  id: number
  schoolId: number
  fullName: string
  role: string
  departmentId: number | null
  departmentName: string | null
  level: string | null
}

export interface PlanView {
  plan: Plan
  person: PlanPerson
  year: SchoolYear
  /** the catalogue this person picks from; null while their level is unknown */
  catalogue: CatalogueId | null
  /**
   * a manager of a school the year's managers' programme is not written for (TT 27/2015: THCS and
   * THPT only): that programme's modules are not theirs, only modules the deployment imported
   */
  managerProgrammeMissing: boolean
  /** the ND3 modules, in the order chosen */
  modules: Module[]
  hours: {
    nd1: number
    nd2: number
    /** the ND3 hours that count (rule engine) */
    nd3: number
    requiredNd3: number
    total: number
    requiredTotal: number
  }
  /** the rule engine's judgement; null while the catalogue is unknown */
  check: PlanCheck | null
  deadline: string
  deadlinePassed: boolean
  /** whether this actor may add or remove modules now */
  editable: boolean
  /** whether this actor's submit would be accepted now */
  canSubmit: boolean
  /** whether a head of department approves before the school (false: no other head in the tổ) */
  headStep: boolean
}

export type Audience = 'owner' | 'head' | 'admin'

export interface PlanTransition {
  planId: number
  action: 'submit' | 'approve' | 'return' | 'reopen'
  from: PlanStatus
  to: PlanStatus
  reason: string | null
  at: string
  actor: { telegramId: number; personId: number | null; fullName: string | null }
  owner: { personId: number; fullName: string }
  /** who to tell, in their language; the actor is never among them */
  notify: Array<Recipient & { audience: Audience }>
}

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

export interface PlanEventView extends PlanEvent {
  actorName: string | null
  moduleCode: string | null
}

const id = z.number().int().positive()
const reason = z.string().trim().min(1).max(1000)
const EDITABLE: readonly PlanStatus[] = ['draft', 'returned']

interface Loaded {
  plan: Plan
  owner: Person
  year: SchoolYear
}

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
      await this.record(tx, who, plan.id, 'create', null, 'draft', null, null, now)
      return plan
    })
    return ok(await this.build(who, { plan, owner, year }))
  }

  /** A plan by id, for whoever may see it (its owner, their head, their school's admins). */
  async get(
    actor: Actor,
    input: { planId: number },
  ): Promise<Result<PlanView, Forbidden | NotFound | InvalidInput>> {
    const parsed = parseInput(z.object({ planId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const loaded = await this.load(parsed.value.planId)
    if (!loaded) return notFound('plan')
    if (!canView(who, loaded.owner)) return forbidden()
    return ok(await this.build(who, loaded))
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
    const current = await this.modulesOf(loaded.plan.id)
    const check = this.check(loaded, current, [typed], [...current, ...candidates])
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
      await this.record(tx, who, loaded.plan.id, 'add-module', status, status, null, module.id, now)
      return null
    })
    if (locked) return fail(locked)
    return ok(await this.build(who, { ...loaded, plan: { ...loaded.plan, updatedAt: now } }))
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
      await this.record(
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
    return ok(await this.build(who, { ...loaded, plan: { ...loaded.plan, updatedAt: now } }))
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
    const loaded = await this.load(parsed.value.planId)
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
    const headStep = await this.headStep(this.stores, owner)
    // the modules are judged in the transaction that submits them: an edit racing the submit
    // lands wholly before (and is judged) or wholly after (and is refused: the plan is locked)
    const judged = async (tx: Stores): Promise<PlanInvalid | null> => {
      const modules = await this.modulesOf(plan.id, tx)
      const check = this.check(loaded, modules, [], modules)
      if (check.valid) return null
      return {
        code: 'plan-invalid' as const,
        totalHours: check.totalHours,
        requiredHours: check.requiredHours,
        errors: check.errors,
      }
    }
    return this.move(
      who,
      loaded,
      'submit',
      EDITABLE,
      'submitted',
      null,
      async () => (headStep ? this.heads(owner) : this.admins(owner)),
      judged,
    )
  }

  /**
   * The head of the owner's department approves a submitted plan; an admin gives the final
   * approval of a head-approved plan (or of a submitted one when the tổ has no other head).
   */
  async approve(
    actor: Actor,
    input: { planId: number },
  ): Promise<
    Result<{ view: PlanView; transition: PlanTransition }, Forbidden | NotFound | InvalidInput | WrongStatus>
  > {
    const parsed = parseInput(z.object({ planId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const loaded = await this.load(parsed.value.planId)
    if (!loaded) return notFound('plan')
    const { plan, owner } = loaded
    const role = approverRole(who, owner)
    if (!role) return forbidden()
    const status = plan.status
    if (role === 'head') {
      if (status !== 'submitted')
        return fail({ code: 'wrong-status' as const, status, expected: ['submitted'] })
      return this.move(who, loaded, 'approve', ['submitted'], 'head_approved', null, async () => [
        ...(await this.owner(owner)),
        ...(await this.admins(owner)),
      ])
    }
    const headStep = await this.headStep(this.stores, owner)
    const from: PlanStatus[] = headStep ? ['head_approved'] : ['submitted', 'head_approved']
    if (!from.includes(status)) return fail({ code: 'wrong-status' as const, status, expected: from })
    return this.move(who, loaded, 'approve', from, 'approved', null, async () => this.owner(owner))
  }

  /** Returns a waiting plan to its owner with a reason: a head (submitted) or an admin (either step). */
  async returnPlan(
    actor: Actor,
    input: { planId: number; reason: string },
  ): Promise<
    Result<{ view: PlanView; transition: PlanTransition }, Forbidden | NotFound | InvalidInput | WrongStatus>
  > {
    return this.sendBack(
      actor,
      input,
      'return',
      (role) => (role === 'head' ? ['submitted'] : ['submitted', 'head_approved']),
      // a head who had approved it hears that the school sent it back
      async (owner, plan) => [
        ...(await this.owner(owner)),
        ...(plan.status === 'head_approved' ? await this.heads(owner) : []),
      ],
    )
  }

  /**
   * Takes an approval back, with a reason, so the owner can change the plan again: an admin for
   * an approved plan, the head (or an admin) for a head-approved one. The plan becomes 'returned'.
   */
  async reopen(
    actor: Actor,
    input: { planId: number; reason: string },
  ): Promise<
    Result<{ view: PlanView; transition: PlanTransition }, Forbidden | NotFound | InvalidInput | WrongStatus>
  > {
    return this.sendBack(
      actor,
      input,
      'reopen',
      (role) => (role === 'head' ? ['head_approved'] : ['head_approved', 'approved']),
      (owner) => this.owner(owner),
    )
  }

  /** return and reopen: an approver sends the plan back to its owner as 'returned', with a reason. */
  private async sendBack(
    actor: Actor,
    input: { planId: number; reason: string },
    action: 'return' | 'reopen',
    fromFor: (role: 'head' | 'admin') => PlanStatus[],
    recipients: (owner: Person, plan: Plan) => ReturnType<PlanService['owner']>,
  ): Promise<
    Result<{ view: PlanView; transition: PlanTransition }, Forbidden | NotFound | InvalidInput | WrongStatus>
  > {
    const parsed = parseInput(z.object({ planId: id, reason }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const loaded = await this.load(parsed.value.planId)
    if (!loaded) return notFound('plan')
    const { plan, owner } = loaded
    const role = approverRole(who, owner)
    if (!role) return forbidden()
    const from = fromFor(role)
    if (!from.includes(plan.status))
      return fail({ code: 'wrong-status' as const, status: plan.status, expected: from })
    return this.move(who, loaded, action, from, 'returned', parsed.value.reason, () =>
      recipients(owner, plan),
    )
  }

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
          const headStep =
            f.person.departmentId !== null &&
            (headed.get(f.person.departmentId) ?? []).some((h) => h !== f.person.id)
          if (headStep) continue
        }
        items.push(await this.item(f, 'school'))
      }
    }
    return ok(items)
  }

  /** Every change of a plan, oldest first, with who made it. */
  async events(
    actor: Actor,
    input: { planId: number },
  ): Promise<Result<PlanEventView[], Forbidden | NotFound | InvalidInput>> {
    const parsed = parseInput(z.object({ planId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const loaded = await this.load(parsed.value.planId)
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

  // internals

  private async load(planId: number): Promise<Loaded | undefined> {
    const plan = await this.stores.plans.get(planId)
    if (!plan) return undefined
    const owner = await this.stores.people.get(plan.personId)
    const year = await this.stores.schools.getYear(plan.schoolYearId)
    if (!owner || !year) return undefined
    return { plan, owner, year }
  }

  /** The checks before a module changes: who, status, deadline, catalogue. */
  private async editGate(
    actor: Actor,
    planId: number,
    options: { needCatalogue: boolean } = { needCatalogue: true },
  ): Promise<
    Result<
      { who: ActorInfo; loaded: Loaded; catalogue: CatalogueId | null },
      Forbidden | NotFound | PlanLocked | DeadlinePassed | LevelMissing
    >
  > {
    const who = await whoIs(this.stores, actor)
    const loaded = await this.load(planId)
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

  private async modulesOf(planId: number, stores: Stores = this.stores): Promise<Module[]> {
    const ids = await stores.plans.moduleIds(planId)
    const byId = new Map((await stores.modules.byIds(ids)).map((m) => [m.id, m]))
    return ids.map((i) => byId.get(i)).filter((m) => m !== undefined)
  }

  /** The rule engine on the plan's modules plus `extraCodes`, against `known` modules. */
  private check(loaded: Loaded, modules: Module[], extraCodes: string[], known: Module[]): PlanCheck {
    const { owner, year } = loaded
    const profile = profileOfYear(year)
    return validatePlan(
      {
        // managers choose from the managers' catalogue whatever their level
        level: owner.level ?? 'THPT',
        isManager: owner.role === 'manager',
        moduleCodes: [...modules.map((m) => m.code), ...extraCodes],
      },
      // a module of the other regulation's programme (the year switched since) no longer counts,
      // nor the managers' programme for a manager it is not written for
      known
        .filter(
          (m) =>
            fitsProfile(m, profile.id) && (m.profile === null || !outsideManagerProgramme(owner, profile)),
        )
        .map(toCatalogueModule),
      profile,
      { requiredHours: year.requiredNd3Hours },
    )
  }

  private async build(who: ActorInfo, loaded: Loaded): Promise<PlanView> {
    const { plan, owner, year } = loaded
    const modules = await this.modulesOf(plan.id)
    const catalogue = catalogueOf(owner)
    const check = catalogue === null ? null : this.check(loaded, modules, [], modules)
    const profile = profileOfYear(year)
    const nd3 = check?.totalHours ?? 0
    const passed = deadlinePassed(year.planDeadline, this.ctx.now())
    const admin = isAdminOf(who, owner.schoolId)
    const mayAct = isSelf(who, owner.id) || admin
    const editable = mayAct && EDITABLE.includes(plan.status) && (admin || !passed)
    const department =
      owner.departmentId === null ? undefined : await this.stores.schools.getDepartment(owner.departmentId)
    return {
      plan,
      person: personOf(owner, department?.name ?? null),
      year,
      catalogue,
      managerProgrammeMissing: outsideManagerProgramme(owner, profile),
      modules,
      hours: {
        nd1: profile.hours.nd1.hours,
        nd2: profile.hours.nd2.hours,
        nd3,
        requiredNd3: year.requiredNd3Hours,
        total: profile.hours.nd1.hours + profile.hours.nd2.hours + nd3,
        requiredTotal: profile.hours.nd1.hours + profile.hours.nd2.hours + year.requiredNd3Hours,
      },
      check,
      deadline: year.planDeadline,
      deadlinePassed: passed,
      editable,
      canSubmit: editable && check?.valid === true,
      headStep: await this.headStep(this.stores, owner),
    }
  }

  /** Whether someone other than the owner heads the owner's department. */
  private async headStep(stores: Stores, owner: Person): Promise<boolean> {
    if (owner.departmentId === null) return false
    return (await stores.people.heads(owner.departmentId)).some((h) => h.id !== owner.id)
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
    const modules = await this.modulesOf(found.plan.id)
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

  private async owner(owner: Person) {
    return tag(await this.stores.people.recipients([owner.id]), 'owner')
  }

  private async heads(owner: Person) {
    if (owner.departmentId === null) return []
    const heads = (await this.stores.people.heads(owner.departmentId)).filter((h) => h.id !== owner.id)
    return tag(await this.stores.people.recipients(heads.map((h) => h.id)), 'head')
  }

  private async admins(owner: Person) {
    const admins = (await this.stores.people.admins(owner.schoolId)).filter((a) => a.id !== owner.id)
    return tag(await this.stores.people.recipients(admins.map((a) => a.id)), 'admin')
  }

  /** One state change: conditional update, event, audit; then the view and whom to tell. */
  private async move<E = never>(
    who: ActorInfo,
    loaded: Loaded,
    action: PlanTransition['action'],
    from: readonly PlanStatus[],
    to: PlanStatus,
    reasonText: string | null,
    recipients: () => Promise<Array<Recipient & { audience: Audience }>>,
    guard?: (tx: Stores) => Promise<E | null>,
  ): Promise<Result<{ view: PlanView; transition: PlanTransition }, WrongStatus | E>> {
    const now = this.ctx.now().toISOString()
    const before = loaded.plan.status
    // the transition comes first: it locks the plan's row, so the guard judges what is committed
    // once no edit of this plan is under way, and its refusal rolls the transition back
    const moved = await this.stores
      .transaction(async (tx) => {
        if (
          !(await tx.plans.transition(loaded.plan.id, from, to, to === 'returned' ? reasonText : null, now))
        )
          return false
        const refused = await guard?.(tx)
        if (refused) throw new Refused(refused)
        await this.record(tx, who, loaded.plan.id, action, before, to, reasonText, null, now)
        await tx.audit.record(
          who.telegramId,
          `plan.${action}`,
          { planId: loaded.plan.id, personId: loaded.owner.id, from: before, to, reason: reasonText },
          now,
        )
        return true
      })
      .catch((error: unknown) => {
        if (error instanceof Refused) return error.refusal as E
        throw error
      })
    if (moved !== true && moved !== false) return fail(moved)
    if (!moved) {
      const current = (await this.stores.plans.get(loaded.plan.id))?.status ?? before
      return fail({ code: 'wrong-status', status: current, expected: from })
    }
    const plan = (await this.stores.plans.get(loaded.plan.id))!
    const seen = new Set<number>([who.telegramId])
    const notify = (await recipients()).filter((r) => !seen.has(r.telegramId) && seen.add(r.telegramId))
    return ok({
      view: await this.build(who, { ...loaded, plan }),
      transition: {
        planId: plan.id,
        action,
        from: before,
        to,
        reason: reasonText,
        at: now,
        actor: {
          telegramId: who.telegramId,
          personId: who.person?.id ?? null,
          fullName: who.person?.fullName ?? null,
        },
        owner: { personId: loaded.owner.id, fullName: loaded.owner.fullName },
        notify,
      },
    })
  }

  private async record(
    tx: Stores,
    who: ActorInfo,
    planId: number,
    action: PlanAction,
    from: PlanStatus | null,
    to: PlanStatus | null,
    reasonText: string | null,
    moduleId: number | null,
    now: string,
  ): Promise<void> {
    await tx.plans.addEvent({
      planId,
      at: now,
      actorTelegramId: who.telegramId,
      actorPersonId: who.person?.id ?? null,
      action,
      fromStatus: from,
      toStatus: to,
      reason: reasonText,
      moduleId,
    })
    if (action === 'add-module' || action === 'remove-module' || action === 'create') {
      await tx.audit.record(who.telegramId, `plan.${action}`, { planId, moduleId }, now)
    }
  }
}

/** A guard's refusal inside a transaction: thrown to roll it back, caught to return it. */
class Refused extends Error {
  constructor(readonly refusal: unknown) {
    super('refused inside the transaction')
  }
}

/** A manager of a school level the year's managers' programme is not written for. */
function outsideManagerProgramme(owner: Pick<Person, 'role' | 'level'>, profile: RegulationProfile): boolean {
  return owner.role === 'manager' && !managerProgrammeCovers(profile, owner.level)
}

/** The catalogue a person picks from: the managers' for managers, else their level's (null if unknown). */
export function catalogueOf(person: Pick<Person, 'role' | 'level'>): CatalogueId | null {
  if (person.role === 'manager') return 'QL'
  return person.level
}

/** 'head' for the owner's head, 'admin' for their school's admins and owners, else null; never oneself. */
function approverRole(who: ActorInfo, owner: Person): 'head' | 'admin' | null {
  if (isSelf(who, owner.id)) return null
  if (isAdminOf(who, owner.schoolId)) return 'admin'
  if (isHeadOf(who, owner.departmentId) && who.person?.schoolId === owner.schoolId) return 'head'
  return null
}

function personOf(owner: Person, departmentName: string | null): PlanPerson {
  return {
    id: owner.id,
    schoolId: owner.schoolId,
    fullName: owner.fullName,
    role: owner.role,
    departmentId: owner.departmentId,
    departmentName,
    level: owner.level,
  }
}

function tag(recipients: Recipient[], audience: Audience): Array<Recipient & { audience: Audience }> {
  return recipients.map((r) => ({ ...r, audience }))
}
