/**
 * /scores: a person's BDTX scores for a year — each component, the ĐTB, the rule engine's class or
 * verdict, and what they still need — and every change of them (who, when, which batch). Oneself
 * by default; another person for whoever may see them (their head, their school's admins, owners).
 *
 *   const mine = await deps.scores.myScores(actor, {})
 *   if (mine.ok && mine.value.required) show(mine.value.required)        // "what do I need"
 */
import { z } from 'zod'
import {
  type ComponentRef,
  classifyManager,
  classifyTeacher,
  type ManagerResult,
  missingComponents,
  type RegulationProfile,
  type RequiredManagerScores,
  type RequiredScores,
  requiredManagerScores,
  requiredScores,
  type Score,
  type TeacherResult,
  type Tenths,
  teacherAverage,
} from '../rules/index.ts'
import { type ComponentKey, GradeStore, type PlanWithModules, type StoredScore } from '../store/grades.ts'
import type { Person } from '../store/people.ts'
import type { PlanStatus } from '../store/plans.ts'
import type { SchoolYear } from '../store/schools.ts'
import { type Actor, canView, whoIs } from './access.ts'
import {
  asScore,
  type ComponentLabel,
  componentsOf,
  type GradeComponent,
  type GradePerson,
  judgedAsOf,
  labelOf,
  personOf,
  teacherScores,
} from './grade-components.ts'
import { type GradeNotFound, type NoCurrentYear, yearOf } from './grade-scope.ts'
import type { ServiceContext } from './options.ts'
import { profileOfYear } from './regulation.ts'
import {
  type Forbidden,
  forbidden,
  type InvalidInput,
  type NotLinked,
  notFound,
  notLinked,
  ok,
  parseInput,
  type Result,
} from './result.ts'

/** One component with its current score, for /scores, /team and notifications. */
export interface ScoreView extends GradeComponent {
  value: Score | null
  updatedAt: string | null
}

interface MyScoresBase {
  person: GradePerson
  schoolYear: { id: number; name: string; resultsLocked: boolean; profileId: string }
  plan: { id: number; status: PlanStatus } | null
  components: ScoreView[]
  /** ĐTB once every component is scored (approved plan), else null */
  average: Tenths | null
  missing: ComponentRef[]
}

/** /scores: the result and "what do I need" are given for an approved plan only (else null). */
export type MyScores = MyScoresBase &
  (
    | { judgedAs: 'teacher'; result: TeacherResult | null; required: RequiredScores | null }
    | { judgedAs: 'manager'; result: ManagerResult | null; required: RequiredManagerScores | null }
  )

export interface HistoryEntry {
  eventId: number
  batchId: number
  at: string
  /** 'set': entered by a batch; 'undo': put back when its batch was undone */
  action: 'set' | 'undo'
  component: ComponentLabel
  old: Score | null
  new: Score | null
  actor: { telegramId: number; personId: number | null; fullName: string | null }
  /** the batch was undone later (its 'set' no longer holds) */
  batchUndone: boolean
}

type WhoseError = Forbidden | NotLinked | GradeNotFound | InvalidInput | NoCurrentYear

const id = z.number().int().positive()

export class ScoreService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * /scores: a person's components for the year (current by default), the rule engine's result
   * and what they still need. Oneself by default; `personId` for whoever may see that person
   * (their head, their school's admins, owners).
   */
  async myScores(
    actor: Actor,
    input: { personId?: number; schoolYearId?: number } = {},
  ): Promise<Result<MyScores, WhoseError>> {
    const whose = await this.whose(actor, input)
    if (!whose.ok) return whose
    const { person, departmentName, year } = whose.value
    const grades = new GradeStore(this.ctx.stores.db)
    const plans = await grades.plansOf(year.id, [person.id])
    const scores = await grades.scoresOf(year.id, [person.id])
    return ok(
      scoresView(
        person,
        departmentName,
        year,
        plans.get(person.id),
        scores.get(person.id),
        profileOfYear(year),
      ),
    )
  }

  /** Every change of one person's scores in a year, oldest first (for whoever may see them). */
  async scoreHistory(
    actor: Actor,
    input: { personId?: number; schoolYearId?: number } = {},
  ): Promise<
    Result<
      { person: GradePerson; schoolYear: { id: number; name: string }; events: HistoryEntry[] },
      WhoseError
    >
  > {
    const whose = await this.whose(actor, input)
    if (!whose.ok) return whose
    const { person, departmentName, year } = whose.value
    const rows = await new GradeStore(this.ctx.stores.db).history(year.id, person.id)
    return ok({
      person: personOf(person, departmentName),
      schoolYear: { id: year.id, name: year.name },
      events: rows.map((r) => ({
        eventId: r.id,
        batchId: r.batchId,
        at: r.at,
        action: r.action,
        component: labelOf(
          r.component,
          r.moduleId,
          new Map(r.moduleId ? [[r.moduleId, r.moduleCode ?? '']] : []),
        ),
        old: r.oldValue === null ? null : asScore(r.oldValue),
        new: r.newValue === null ? null : asScore(r.newValue),
        actor: { telegramId: r.actorTelegramId, personId: r.actorPersonId, fullName: r.actorName },
        batchUndone: r.batchUndoneAt !== null,
      })),
    })
  }

  /** Whose scores, of which year: oneself, or `personId` when the actor may see them. */
  private async whose(
    actor: Actor,
    input: { personId?: number; schoolYearId?: number },
  ): Promise<Result<{ person: Person; departmentName: string | null; year: SchoolYear }, WhoseError>> {
    const parsed = parseInput(z.object({ personId: id.optional(), schoolYearId: id.optional() }), input)
    if (!parsed.ok) return parsed
    const stores = this.ctx.stores
    const who = await whoIs(stores, actor)
    let person: Person | undefined
    if (parsed.value.personId === undefined) {
      if (!who.person) return notLinked()
      person = who.person
    } else {
      person = await stores.people.get(parsed.value.personId)
      if (!person) return notFound('person')
      if (!canView(who, person)) return forbidden()
    }
    const year = await yearOf(stores, person.schoolId, parsed.value.schoolYearId)
    if (!year.ok) return year
    const department =
      person.departmentId === null ? undefined : await stores.schools.getDepartment(person.departmentId)
    return ok({ person, departmentName: department?.name ?? null, year: year.value })
  }
}

/** A person's scores of a year as /scores shows them, judged by `profile` (also each /team row). */
export function scoresView(
  person: Person,
  departmentName: string | null,
  year: SchoolYear,
  plan: PlanWithModules | undefined,
  stored: Map<ComponentKey, StoredScore> | undefined,
  profile: RegulationProfile,
): MyScores {
  const components = componentsOf(plan ?? { modules: [] })
  const view: ScoreView[] = components.map((c) => {
    const s = stored?.get(c.key)
    return { ...c, value: s ? asScore(s.value) : null, updatedAt: s?.updatedAt ?? null }
  })
  const scores = teacherScores(
    components,
    view.map((v) => v.value),
  )
  const approved = plan?.status === 'approved'
  const base: MyScoresBase = {
    person: personOf(person, departmentName),
    schoolYear: {
      id: year.id,
      name: year.name,
      resultsLocked: year.resultsLocked,
      profileId: year.profileId,
    },
    plan: plan ? { id: plan.planId, status: plan.status } : null,
    components: view,
    average: approved ? teacherAverage(scores) : null,
    missing: missingComponents(scores),
  }
  if (judgedAsOf(person) === 'manager')
    return {
      ...base,
      judgedAs: 'manager',
      result: approved ? classifyManager(scores, profile) : null,
      required: approved ? requiredManagerScores(scores, profile) : null,
    }
  return {
    ...base,
    judgedAs: 'teacher',
    result: approved ? classifyTeacher(scores, profile) : null,
    required: approved ? requiredScores(scores, profile) : null,
  }
}
