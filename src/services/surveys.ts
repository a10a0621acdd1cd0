/**
 * Learning-needs survey (issue 15 item 4, seed 001 §1: schools "tổng hợp nhu cầu học tập, bồi
 * dưỡng của từng giáo viên để xây dựng chương trình, kế hoạch bồi dưỡng"). The admin opens a
 * survey for next school year with a deadline; teachers, heads and managers pick modules of their
 * own catalogue and other training; their answer is saved as they go and may change until the
 * deadline. The admin sees the school's totals, a head their department's.
 *
 *   await deps.surveys.open(admin, { deadline: '2027-05-15' })
 *   await deps.surveys.toggle(teacher, { surveyId, item: 'm:12' })   // or 'o:thac-si'
 *   await deps.surveys.totals(head, { surveyId })
 */
import { z } from 'zod'
import type { Module } from '../store/modules.ts'
import type { Person, Role } from '../store/people.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, isAdminOf, whoIs } from './access.ts'
import type { ServiceContext } from './options.ts'
import { catalogueOf, type PlanView } from './plan-view.ts'
import { PlanService } from './plans.ts'
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
import { seedPlanFromSurvey } from './survey-plan.ts'
import { schoolYearAt, vietnamDay } from './vietnam-days.ts'

/** Other training a person may ask for besides the modules (seed 000 §II: ThS, LLCT, IT, language). */
export const OTHER_TRAINING = ['thac-si', 'llct', 'tin-hoc', 'ngoai-ngu'] as const
export type OtherTraining = (typeof OTHER_TRAINING)[number]
/** Who is asked. */
export const SURVEYED_ROLES: readonly Role[] = ['teacher', 'head', 'manager']

export interface Survey {
  id: number
  schoolId: number
  yearName: string
  deadline: string
}

export type NoSurvey = { readonly code: 'survey-none' }
export type SurveyClosed = { readonly code: 'survey-closed'; readonly deadline: string }
export type DeadlineInPast = { readonly code: 'survey-deadline-past' }
export type NotSurveyed = { readonly code: 'survey-not-for-you' }
export type BadItem = { readonly code: 'survey-bad-item' }

export interface MySurvey {
  survey: Survey
  open: boolean
  modules: Module[]
  chosen: string[]
}

export interface SurveyTotals {
  survey: Survey
  /** the department's name when a head looks, else null (the school) */
  scope: string | null
  surveyed: number
  answered: number
  modules: Array<{ module: Module; count: number }>
  others: Array<{ code: OtherTraining; count: number }>
  departments: Array<{ name: string | null; surveyed: number; answered: number }>
  /** people not answered yet (ids), for reminders */
  missing: number[]
}

const id = z.number().int().positive()
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export class SurveyService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  private today(): string {
    return vietnamDay(this.ctx.now())
  }

  /** The admin opens (or re-dates) the survey for next school year. */
  async open(
    actor: Actor,
    input: { deadline: string },
  ): Promise<Result<Survey, InvalidInput | Forbidden | DeadlineInPast>> {
    const parsed = parseInput(z.object({ deadline: isoDay }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const schoolId = who.person?.schoolId
    if (schoolId === undefined || !isAdminOf(who, schoolId)) return forbidden()
    if (parsed.value.deadline < this.today()) return fail({ code: 'survey-deadline-past' as const })
    const { startYear } = schoolYearAt(this.ctx.now())
    const yearName = `${startYear + 1}-${startYear + 2}`
    const now = this.ctx.now().toISOString()
    const survey = await this.stores.transaction(async (tx) => {
      const existing = await tx.db
        .selectFrom('surveys')
        .select('id')
        .where('school_id', '=', schoolId)
        .where('year_name', '=', yearName)
        .executeTakeFirst()
      if (existing) {
        await tx.db
          .updateTable('surveys')
          .set({ deadline: parsed.value.deadline })
          .where('id', '=', existing.id)
          .execute()
      } else {
        await tx.db
          .insertInto('surveys')
          .values({
            school_id: schoolId,
            year_name: yearName,
            deadline: parsed.value.deadline,
            created_by: actor.telegramId,
            created_at: now,
          })
          .execute()
      }
      await tx.audit.record(actor.telegramId, 'survey.open', { schoolId, yearName }, now)
      return (await latestSurvey(tx, schoolId))!
    })
    return ok(survey)
  }

  /** The school's latest survey, for anyone of the school. */
  async current(actor: Actor): Promise<Result<Survey, NotLinked | NoSurvey>> {
    const who = await whoIs(this.stores, actor)
    if (!who.person) return notLinked()
    const survey = await latestSurvey(this.stores, who.person.schoolId)
    return survey ? ok(survey) : fail({ code: 'survey-none' as const })
  }

  /** A surveyed person's view: the modules they may pick and what they picked. */
  async mine(actor: Actor): Promise<Result<MySurvey, NotLinked | NoSurvey | NotSurveyed>> {
    const who = await whoIs(this.stores, actor)
    if (!who.person) return notLinked()
    const person = who.person
    if (!SURVEYED_ROLES.includes(person.role)) return fail({ code: 'survey-not-for-you' as const })
    const survey = await latestSurvey(this.stores, person.schoolId)
    if (!survey) return fail({ code: 'survey-none' as const })
    return ok({
      survey,
      open: this.today() <= survey.deadline,
      modules: await this.modulesFor(person),
      chosen: await this.itemsOf(this.stores, survey.id, person.id),
    })
  }

  /** Adds or removes one item of the person's answer; refused after the deadline. */
  async toggle(
    actor: Actor,
    input: { surveyId: number; item: string },
  ): Promise<Result<MySurvey, InvalidInput | NotLinked | NoSurvey | NotSurveyed | SurveyClosed | BadItem>> {
    const parsed = parseInput(z.object({ surveyId: id, item: z.string().max(40) }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    if (!who.person) return notLinked()
    const person = who.person
    if (!SURVEYED_ROLES.includes(person.role)) return fail({ code: 'survey-not-for-you' as const })
    const survey = await latestSurvey(this.stores, person.schoolId)
    if (!survey || survey.id !== parsed.value.surveyId) return fail({ code: 'survey-none' as const })
    if (this.today() > survey.deadline)
      return fail({ code: 'survey-closed' as const, deadline: survey.deadline })
    const item = parsed.value.item
    const modules = await this.modulesFor(person)
    const valid = item.startsWith('m:')
      ? modules.some((m) => `m:${m.id}` === item)
      : (OTHER_TRAINING as readonly string[]).some((o) => `o:${o}` === item)
    if (!valid) return fail({ code: 'survey-bad-item' as const })
    const now = this.ctx.now().toISOString()
    await this.stores.transaction(async (tx) => {
      let answer = await tx.db
        .selectFrom('survey_answers')
        .select('id')
        .where('survey_id', '=', survey.id)
        .where('person_id', '=', person.id)
        .executeTakeFirst()
      if (!answer) {
        answer = await tx.db
          .insertInto('survey_answers')
          .values({ survey_id: survey.id, person_id: person.id, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      } else {
        await tx.db
          .updateTable('survey_answers')
          .set({ updated_at: now })
          .where('id', '=', answer.id)
          .execute()
      }
      const removed = await tx.db
        .deleteFrom('survey_items')
        .where('answer_id', '=', answer.id)
        .where('item', '=', item)
        .executeTakeFirst()
      if (Number(removed.numDeletedRows) === 0) {
        await tx.db.insertInto('survey_items').values({ answer_id: answer.id, item }).execute()
      }
    })
    return ok({
      survey,
      open: true,
      modules,
      chosen: await this.itemsOf(this.stores, survey.id, person.id),
    })
  }

  /** Totals for the admin (the school) or a head (their department); nobody else. */
  async totals(
    actor: Actor,
    input: { surveyId: number },
  ): Promise<Result<SurveyTotals, InvalidInput | Forbidden | NoSurvey>> {
    const parsed = parseInput(z.object({ surveyId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const me = who.person
    if (!me) return forbidden()
    const survey = await latestSurvey(this.stores, me.schoolId)
    if (!survey || survey.id !== parsed.value.surveyId) return fail({ code: 'survey-none' as const })
    const admin = isAdminOf(who, me.schoolId)
    const head = me.role === 'head' && me.departmentId !== null
    if (!admin && !head) return forbidden()
    const people = (await this.stores.people.list({ schoolId: me.schoolId }))
      .filter((p) => SURVEYED_ROLES.includes(p.role))
      .filter((p) => admin || p.departmentId === me.departmentId)
    const answers = await this.stores.db
      .selectFrom('survey_answers')
      .leftJoin('survey_items', 'survey_items.answer_id', 'survey_answers.id')
      .select(['survey_answers.person_id as personId', 'survey_items.item as item'])
      .where('survey_answers.survey_id', '=', survey.id)
      .execute()
    const inScope = new Set(people.map((p) => p.id))
    const answered = new Set<number>()
    const counts = new Map<string, number>()
    for (const a of answers) {
      if (!inScope.has(a.personId)) continue
      answered.add(a.personId)
      if (a.item) counts.set(a.item, (counts.get(a.item) ?? 0) + 1)
    }
    const moduleIds = [...counts.keys()].filter((k) => k.startsWith('m:')).map((k) => Number(k.slice(2)))
    const modules = (await Promise.all(moduleIds.map((i) => this.stores.modules.get(i))))
      .filter((m): m is Module => m !== undefined)
      .map((module) => ({ module, count: counts.get(`m:${module.id}`)! }))
      .sort((a, b) => b.count - a.count || a.module.code.localeCompare(b.module.code))
    const others = OTHER_TRAINING.map((code) => ({ code, count: counts.get(`o:${code}`) ?? 0 }))
    const departments = await this.stores.schools.listDepartments(me.schoolId)
    const names = new Map(departments.map((d) => [d.id, d.name]))
    const byDept = new Map<number | null, { surveyed: number; answered: number }>()
    for (const p of people) {
      const row = byDept.get(p.departmentId) ?? { surveyed: 0, answered: 0 }
      row.surveyed++
      if (answered.has(p.id)) row.answered++
      byDept.set(p.departmentId, row)
    }
    return ok({
      survey,
      scope: admin ? null : (names.get(me.departmentId!) ?? null),
      surveyed: people.length,
      answered: answered.size,
      modules,
      others,
      departments: [...byDept.entries()].map(([d, row]) => ({
        name: d === null ? null : (names.get(d) ?? null),
        ...row,
      })),
      missing: people.filter((p) => !answered.has(p.id)).map((p) => p.id),
    })
  }

  /** One's own empty plan, filled from one's survey answer for its year (see survey-plan.ts). */
  async seedPlan(actor: Actor, view: PlanView): Promise<PlanView> {
    const who = await whoIs(this.stores, actor)
    if (who.person?.id !== view.person.id) return view
    return seedPlanFromSurvey(this.stores, new PlanService(this.ctx), actor, view)
  }

  private async modulesFor(person: Person): Promise<Module[]> {
    const catalogue = catalogueOf(person)
    if (catalogue === null) return []
    const year = await this.stores.schools.currentYear(person.schoolId)
    return this.stores.modules.ofLevel(catalogue, year?.profileId)
  }

  private async itemsOf(stores: Stores, surveyId: number, personId: number): Promise<string[]> {
    const rows = await stores.db
      .selectFrom('survey_items')
      .innerJoin('survey_answers', 'survey_answers.id', 'survey_items.answer_id')
      .select('survey_items.item')
      .where('survey_answers.survey_id', '=', surveyId)
      .where('survey_answers.person_id', '=', personId)
      .orderBy('survey_items.id')
      .execute()
    return rows.map((r) => r.item)
  }
}

async function latestSurvey(stores: Stores, schoolId: number): Promise<Survey | undefined> {
  const row = await stores.db
    .selectFrom('surveys')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('year_name', 'desc')
    .executeTakeFirst()
  return row && { id: row.id, schoolId: row.school_id, yearName: row.year_name, deadline: row.deadline }
}
