/**
 * A plan as whoever opens it sees it: its owner, year and ND3 modules, the hours and the rule
 * engine's judgement (`validatePlan` on the year's regulation profile), the deadline, and what this
 * actor may do now. Both the owner's use cases (plans.ts) and the approvers' (plan-approvals.ts)
 * load a plan and answer with this view.
 *
 *   const loaded = await loadPlan(stores, planId)
 *   if (loaded && canView(who, loaded.owner)) return ok(await planView(ctx, who, loaded))
 */
import {
  type CatalogueId,
  managerProgrammeCovers,
  type PlanCheck,
  type RegulationProfile,
  validatePlan,
} from '../rules/index.ts'
import type { Module } from '../store/modules.ts'
import type { Person } from '../store/people.ts'
import type { Plan, PlanStatus } from '../store/plans.ts'
import type { SchoolYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { type ActorInfo, isAdminOf, isSelf } from './access.ts'
import { fitsProfile, toCatalogueModule } from './catalogue.ts'
import type { ServiceContext } from './options.ts'
import { profileOfYear } from './regulation.ts'
import { deadlinePassed } from './vietnam-days.ts'

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

/** A plan with its owner and school year, as every plan use case starts from it. */
export interface LoadedPlan {
  plan: Plan
  owner: Person
  year: SchoolYear
}

/** Modules change, and a plan is submitted, only in these states. */
export const EDITABLE: readonly PlanStatus[] = ['draft', 'returned']

export async function loadPlan(stores: Stores, planId: number): Promise<LoadedPlan | undefined> {
  const plan = await stores.plans.get(planId)
  if (!plan) return undefined
  const owner = await stores.people.get(plan.personId)
  const year = await stores.schools.getYear(plan.schoolYearId)
  if (!owner || !year) return undefined
  return { plan, owner, year }
}

/** The plan's ND3 modules, in the order chosen. */
export async function planModules(stores: Stores, planId: number): Promise<Module[]> {
  const ids = await stores.plans.moduleIds(planId)
  const byId = new Map((await stores.modules.byIds(ids)).map((m) => [m.id, m]))
  return ids.map((i) => byId.get(i)).filter((m) => m !== undefined)
}

/** The rule engine on the plan's modules plus `extraCodes`, against `known` modules. */
export function checkPlan(
  loaded: LoadedPlan,
  modules: Module[],
  extraCodes: string[],
  known: Module[],
): PlanCheck {
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
        (m) => fitsProfile(m, profile.id) && (m.profile === null || !outsideManagerProgramme(owner, profile)),
      )
      .map(toCatalogueModule),
    profile,
    { requiredHours: year.requiredNd3Hours },
  )
}

export async function planView(ctx: ServiceContext, who: ActorInfo, loaded: LoadedPlan): Promise<PlanView> {
  const { stores } = ctx
  const { plan, owner, year } = loaded
  const modules = await planModules(stores, plan.id)
  const catalogue = catalogueOf(owner)
  const check = catalogue === null ? null : checkPlan(loaded, modules, [], modules)
  const profile = profileOfYear(year)
  const nd3 = check?.totalHours ?? 0
  const passed = deadlinePassed(year.planDeadline, ctx.now())
  const admin = isAdminOf(who, owner.schoolId)
  const mayAct = isSelf(who, owner.id) || admin
  const editable = mayAct && EDITABLE.includes(plan.status) && (admin || !passed)
  const department =
    owner.departmentId === null ? undefined : await stores.schools.getDepartment(owner.departmentId)
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
    headStep: await headStep(stores, owner),
  }
}

/** Whether someone other than the owner heads the owner's department. */
export async function headStep(stores: Stores, owner: Person): Promise<boolean> {
  if (owner.departmentId === null) return false
  return (await stores.people.heads(owner.departmentId)).some((h) => h.id !== owner.id)
}

/** The catalogue a person picks from: the managers' for managers, else their level's (null if unknown). */
export function catalogueOf(person: Pick<Person, 'role' | 'level'>): CatalogueId | null {
  if (person.role === 'manager') return 'QL'
  return person.level
}

/** A manager of a school level the year's managers' programme is not written for. */
function outsideManagerProgramme(owner: Pick<Person, 'role' | 'level'>, profile: RegulationProfile): boolean {
  return owner.role === 'manager' && !managerProgrammeCovers(profile, owner.level)
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
