/**
 * What the task checks (whose task is still open, src/services/open-tasks.ts openPeople) need of many
 * schools, read at once: their people, their years' plans and, for the grading deadline, the
 * approved plans' modules and scores. The reminder pass asks them of thousands of schools a day;
 * one school at a time that is thousands of round trips, here it is a few queries.
 *
 * A CalendarStore given the facts answers `people`, `plans`, `headsByDepartment` and `ungraded` for
 * these schools and years from them, and anything else from the database:
 *
 *   const facts = await CalendarFacts.load(db, { schoolIds, schoolYearIds, grades: true })
 *   const open = await openTasksOf(stores, deadline, schoolId, new CalendarStore(db, facts))   // no query
 *
 * The facts are as they were when read: such a store is for one pass's reading, not for writing.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { chunk, ID_CHUNK } from './bulk.ts'
import type { CalendarPerson, YearPlan } from './calendar.ts'
import type { Role } from './people.ts'
import type { PlanStatus } from './plans.ts'

export type FactPlan = YearPlan & { departmentId: number | null; role: Role; planId: number }

export interface PeopleFilter {
  roles?: readonly Role[]
  departmentIds?: readonly number[] | null
  personId?: number
}

/** What CalendarStore.people reads of a person, and how it reads it. */
export const PERSON_COLUMNS = [
  'people.id',
  'people.full_name',
  'people.role',
  'people.department_id',
  'people.telegram_id',
  'telegram_users.language',
] as const

export function toCalendarPerson(r: {
  id: number
  full_name: string
  role: string
  department_id: number | null
  telegram_id: number | null
  language: string | null
}): CalendarPerson {
  return {
    id: r.id,
    fullName: r.full_name,
    role: r.role as Role,
    departmentId: r.department_id,
    telegramId: r.telegram_id === null ? null : Number(r.telegram_id),
    language: r.language ?? 'vi',
  }
}

/** What CalendarStore.plans reads of a plan (with its owner's department and role). */
export const PLAN_COLUMNS = [
  'plans.id',
  'plans.person_id',
  'plans.status',
  'people.department_id',
  'people.role',
] as const

export function toFactPlan(r: {
  id: number
  person_id: number
  status: string
  department_id: number | null
  role: string
}): FactPlan {
  return {
    planId: r.id,
    personId: r.person_id,
    status: r.status as PlanStatus,
    departmentId: r.department_id,
    role: r.role as Role,
  }
}

/** The approved plans' modules and the scores of their owners, for `ungraded`. */
interface Grading {
  modules: Map<number, number[]>
  /** components scored, by `${schoolYearId}:${personId}` */
  scored: Map<string, Set<string>>
}

export class CalendarFacts {
  private constructor(
    /** by school, in the order of CalendarStore.people (name key, then id) */
    private readonly peopleBySchool: ReadonlyMap<number, CalendarPerson[]>,
    private readonly plansByYear: ReadonlyMap<number, FactPlan[]>,
    private readonly grading: Grading | undefined,
  ) {}

  /** The facts of these schools and years (`grades`: modules and scores too). */
  static async load(
    db: Kysely<Database>,
    scope: { schoolIds: readonly number[]; schoolYearIds: readonly number[]; grades?: boolean },
  ): Promise<CalendarFacts> {
    const people = new Map<number, CalendarPerson[]>()
    for (const part of chunk([...new Set(scope.schoolIds)], ID_CHUNK)) {
      for (const id of part) people.set(id, [])
      const rows = await db
        .selectFrom('people')
        .leftJoin('telegram_users', 'telegram_users.telegram_id', 'people.telegram_id')
        .select(['people.school_id', ...PERSON_COLUMNS])
        .where('people.school_id', 'in', part)
        .orderBy('people.school_id')
        .orderBy('people.name_key')
        .orderBy('people.id')
        .execute()
      for (const r of rows) people.get(r.school_id)!.push(toCalendarPerson(r))
    }
    const plans = new Map<number, FactPlan[]>()
    for (const part of chunk([...new Set(scope.schoolYearIds)], ID_CHUNK)) {
      for (const id of part) plans.set(id, [])
      const rows = await db
        .selectFrom('plans')
        .innerJoin('people', 'people.id', 'plans.person_id')
        .select(['plans.school_year_id', ...PLAN_COLUMNS])
        .where('plans.school_year_id', 'in', part)
        .execute()
      for (const r of rows) plans.get(r.school_year_id)!.push(toFactPlan(r))
    }
    const grading = scope.grades ? await gradingOf(db, plans) : undefined
    return new CalendarFacts(people, plans, grading)
  }

  /** CalendarStore.people from the facts; undefined for a school not read. */
  people(schoolId: number, filter: PeopleFilter): CalendarPerson[] | undefined {
    const all = this.peopleBySchool.get(schoolId)
    if (!all) return undefined
    const { roles, departmentIds, personId } = filter
    return all.filter(
      (p) =>
        (!roles || roles.includes(p.role)) &&
        (!departmentIds || (p.departmentId !== null && departmentIds.includes(p.departmentId))) &&
        (personId === undefined || p.id === personId),
    )
  }

  /** CalendarStore.plans from the facts; undefined for a year not read. */
  plans(schoolYearId: number): FactPlan[] | undefined {
    return this.plansByYear.get(schoolYearId)
  }

  /** CalendarStore.headsByDepartment from the facts; undefined for a school not read. */
  headsByDepartment(schoolId: number): Map<number, number[]> | undefined {
    const all = this.peopleBySchool.get(schoolId)
    if (!all) return undefined
    const out = new Map<number, number[]>()
    for (const p of all)
      if (p.role === 'head' && p.departmentId !== null)
        out.set(p.departmentId, [...(out.get(p.departmentId) ?? []), p.id])
    return out
  }

  /** CalendarStore.ungraded from the facts; undefined when they hold no grading for this year. */
  ungraded(schoolYearId: number, planIds: readonly number[]): Set<number> | undefined {
    const plans = this.plansByYear.get(schoolYearId)
    if (!this.grading || !plans) return undefined
    const personOf = new Map(plans.map((p) => [p.planId, p.personId]))
    const needed = new Map<number, Set<string>>()
    for (const id of planIds) {
      const person = personOf.get(id)
      if (person !== undefined) needed.set(person, new Set(['nd1', 'nd2']))
    }
    for (const id of planIds)
      for (const m of this.grading.modules.get(id) ?? []) needed.get(personOf.get(id)!)?.add(`module:${m}`)
    const out = new Set<number>()
    for (const [personId, components] of needed) {
      const scored = this.grading.scored.get(`${schoolYearId}:${personId}`)
      if ([...components].some((c) => !scored?.has(c))) out.add(personId)
    }
    return out
  }
}

/** Modules of the approved plans, and the scores of their owners in those years. */
async function gradingOf(db: Kysely<Database>, plans: ReadonlyMap<number, FactPlan[]>): Promise<Grading> {
  const approved = [...plans.values()].flat().filter((p) => p.status === 'approved')
  const modules = new Map<number, number[]>()
  for (const part of chunk(
    approved.map((p) => p.planId),
    ID_CHUNK,
  )) {
    const rows = await db
      .selectFrom('plan_modules')
      .select(['plan_id', 'module_id'])
      .where('plan_id', 'in', part)
      .execute()
    for (const r of rows) modules.set(r.plan_id, [...(modules.get(r.plan_id) ?? []), r.module_id])
  }
  const scored = new Map<string, Set<string>>()
  const years = [...plans.keys()]
  for (const part of chunk([...new Set(approved.map((p) => p.personId))], ID_CHUNK - years.length)) {
    const rows = await db
      .selectFrom('scores')
      .select(['school_year_id', 'person_id', 'component'])
      .where('school_year_id', 'in', years)
      .where('person_id', 'in', part)
      .execute()
    for (const r of rows) {
      const key = `${r.school_year_id}:${r.person_id}`
      const set = scored.get(key) ?? new Set<string>()
      set.add(r.component)
      scored.set(key, set)
    }
  }
  return { modules, scored }
}
