/**
 * The owner's view of every school at once (issue 12 §5): each school's current year and its /team
 * rows — the same rows `TeamTableService.teamTable` gives for `{ schoolId }`, judged by the same
 * `scoresView` and the year's regulation — read in a handful of queries for the whole deployment
 * (years, departments, people, plans, plan modules, scores) instead of a dozen per school.
 *
 * Nothing is kept between calls: every call reads the store as it is.
 */
import type { CatalogueId, RegulationProfile } from '../rules/index.ts'
import type { ComponentKey, PlanWithModules, StoredScore } from '../store/grades.ts'
import { type Person, toPerson } from '../store/people.ts'
import type { PlanStatus } from '../store/plans.ts'
import { type School, type SchoolYear, toYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { profileOfYear } from './regulation.ts'
import { scoresView } from './scores.ts'
import { summaryOf, type TeamRow } from './team-table.ts'

export interface SchoolTeam {
  school: School
  /** null: the school has no current year (nothing to count) */
  year: { year: SchoolYear; profile: RegulationProfile; rows: TeamRow[] } | null
}

/** A person's plan or scores of one year. */
const keyOf = (personId: number, schoolYearId: number) => `${personId}:${schoolYearId}`

/**
 * Every school (in the order of `schools.list()`) with its current year's /team rows, school-wide,
 * given to `each` one school at a time; the results of `each`, in that order.
 */
export async function everySchoolTeam<T>(stores: Stores, each: (team: SchoolTeam) => T): Promise<T[]> {
  const db = stores.db
  const schools = await stores.schools.list()
  const years = new Map(
    (await db.selectFrom('school_years').selectAll().where('is_current', '=', 1).execute()).map((r) => {
      const y = toYear(r)
      return [y.schoolId, y] as const
    }),
  )
  const departments = new Map(
    (await db.selectFrom('departments').select(['id', 'name']).execute()).map((d) => [d.id, d.name]),
  )
  // as people.list: by name, then id, within each school; staff are not graded
  const people = (
    await db
      .selectFrom('people')
      .selectAll()
      .where('role', '!=', 'staff')
      .orderBy('name_key')
      .orderBy('id')
      .execute()
  ).map(toPerson)

  const plans = new Map<string, PlanWithModules>()
  const byPlan = new Map<number, PlanWithModules>()
  const planRows = await db
    .selectFrom('plans')
    .innerJoin('school_years', 'school_years.id', 'plans.school_year_id')
    .select(['plans.id', 'plans.person_id', 'plans.status', 'plans.school_year_id'])
    .where('school_years.is_current', '=', 1)
    .execute()
  for (const p of planRows) {
    const plan: PlanWithModules = {
      planId: p.id,
      personId: p.person_id,
      status: p.status as PlanStatus,
      modules: [],
    }
    byPlan.set(p.id, plan)
    plans.set(keyOf(p.person_id, p.school_year_id), plan)
  }
  if (byPlan.size > 0) {
    const moduleRows = await db
      .selectFrom('plan_modules')
      .innerJoin('plans', 'plans.id', 'plan_modules.plan_id')
      .innerJoin('school_years', 'school_years.id', 'plans.school_year_id')
      .innerJoin('modules', 'modules.id', 'plan_modules.module_id')
      .select([
        'plan_modules.plan_id',
        'modules.id',
        'modules.code',
        'modules.code_key',
        'modules.title',
        'modules.level',
      ])
      .where('school_years.is_current', '=', 1)
      .orderBy('plan_modules.plan_id')
      .orderBy('plan_modules.position')
      .execute()
    for (const r of moduleRows)
      byPlan.get(r.plan_id)?.modules.push({
        id: r.id,
        code: r.code,
        codeKey: r.code_key,
        title: r.title,
        level: r.level as CatalogueId,
      })
  }

  const scores = new Map<string, Map<ComponentKey, StoredScore>>()
  const scoreRows = await db
    .selectFrom('scores')
    .innerJoin('school_years', 'school_years.id', 'scores.school_year_id')
    .select([
      'scores.person_id',
      'scores.school_year_id',
      'scores.component',
      'scores.value',
      'scores.updated_at',
      'scores.updated_by',
      'scores.batch_id',
    ])
    .where('school_years.is_current', '=', 1)
    .execute()
  for (const r of scoreRows) {
    const key = keyOf(r.person_id, r.school_year_id)
    let mine = scores.get(key)
    if (!mine) {
      mine = new Map()
      scores.set(key, mine)
    }
    mine.set(r.component as ComponentKey, {
      value: r.value,
      updatedAt: r.updated_at,
      updatedBy: Number(r.updated_by),
      batchId: r.batch_id,
    })
  }

  const peopleOf = new Map<number, Person[]>()
  for (const p of people) {
    const mine = peopleOf.get(p.schoolId)
    if (mine) mine.push(p)
    else peopleOf.set(p.schoolId, [p])
  }
  // one school's rows at a time, handed to `each` and let go: 40,000 rows kept together until the
  // end cost more in garbage collection than building them
  return schools.map((school) => {
    const year = years.get(school.id)
    if (!year) return each({ school, year: null })
    const profile = profileOfYear(year)
    const rows = (peopleOf.get(school.id) ?? []).map((p): TeamRow => {
      const key = keyOf(p.id, year.id)
      const departmentName = p.departmentId === null ? null : (departments.get(p.departmentId) ?? null)
      const view = scoresView(p, departmentName, year, plans.get(key), scores.get(key), profile)
      return { ...view, summary: summaryOf(view) }
    })
    return each({ school, year: { year, profile, rows } })
  })
}
