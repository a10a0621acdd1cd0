/**
 * Whom an actor may grade or list — the scope the grade use cases start from (grades.ts and its
 * template, grade-undo.ts, team-table.ts) — and the errors it gives. Entering grades also needs
 * the year's results unlocked (results-lock.ts).
 *
 *   const scope = await writableScope(stores, actor, { departmentId })   // to enter grades
 *   if (scope.ok) for (const p of scope.value.people) if (gradable(scope.value, p) === null) …
 */
import { z } from 'zod'
import type { RegulationProfile } from '../rules/index.ts'
import type { Person } from '../store/people.ts'
import type { School, SchoolYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, type ActorInfo, isAdminOf, whoIs } from './access.ts'
import type { NotGradable } from './grade-line-errors.ts'
import { profileOfYear } from './regulation.ts'
import {
  type Entity,
  type Forbidden,
  fail,
  forbidden,
  type NotLinked,
  notFound,
  notLinked,
  ok,
  type Result,
} from './result.ts'

export type NoCurrentYear = { readonly code: 'no-current-year'; readonly schoolId: number }
/** An owner who belongs to no school must say which school or department. */
export type SchoolRequired = { readonly code: 'school-required' }
export type ResultsLocked = {
  readonly code: 'results-locked'
  readonly schoolYearId: number
  readonly schoolYearName: string
}
export type GradeNotFound = { readonly code: 'not-found'; readonly entity: Entity | 'grade-batch' }

export type ScopeError = Forbidden | NotLinked | GradeNotFound | NoCurrentYear | SchoolRequired

const id = z.number().int().positive()
/** The input that names a scope; all optional (see `gradeScope`). */
export const scopeInput = {
  schoolId: id.optional(),
  departmentId: id.optional(),
  schoolYearId: id.optional(),
}

export interface GradeScope {
  who: ActorInfo
  as: 'head' | 'admin' | 'owner'
  school: School
  year: SchoolYear
  profile: RegulationProfile
  departmentId: number | null
  departmentName: string | null
  departments: Map<number, string>
  /** everyone of the school */
  people: Person[]
}

/**
 * Who the actor may grade or list: a head — their department; an admin — their school, or one
 * department of it; an owner — the named school or department (their own school by default).
 */
export async function gradeScope(
  stores: Stores,
  actor: Actor,
  input: { schoolId?: number; departmentId?: number; schoolYearId?: number },
): Promise<Result<GradeScope, ScopeError>> {
  const who = await whoIs(stores, actor)
  const department =
    input.departmentId === undefined ? undefined : await stores.schools.getDepartment(input.departmentId)
  if (input.departmentId !== undefined && !department) return notFound('department')
  const schoolId = input.schoolId ?? department?.schoolId ?? who.person?.schoolId
  if (schoolId === undefined) return who.isOwner ? fail({ code: 'school-required' as const }) : notLinked()
  if (department && department.schoolId !== schoolId) return forbidden()
  let as: GradeScope['as']
  let departmentId: number | null
  if (isAdminOf(who, schoolId)) {
    as = who.isOwner ? 'owner' : 'admin'
    departmentId = department?.id ?? null
  } else if (
    who.person?.role === 'head' &&
    who.person.schoolId === schoolId &&
    who.person.departmentId !== null &&
    (!department || department.id === who.person.departmentId)
  ) {
    as = 'head'
    departmentId = who.person.departmentId
  } else {
    return who.person || who.isOwner ? forbidden() : notLinked()
  }
  const school = await stores.schools.get(schoolId)
  if (!school) return notFound('school')
  const year = await yearOf(stores, schoolId, input.schoolYearId)
  if (!year.ok) return year
  const departments = new Map((await stores.schools.listDepartments(schoolId)).map((d) => [d.id, d.name]))
  return ok({
    who,
    as,
    school,
    year: year.value,
    profile: profileOfYear(year.value),
    departmentId,
    departmentName: departmentId === null ? null : (departments.get(departmentId) ?? null),
    departments,
    people: await stores.people.list({ schoolId }),
  })
}

/** The scope for entering grades: also refused while the year's results are locked. */
export async function writableScope(
  stores: Stores,
  actor: Actor,
  input: { schoolId?: number; departmentId?: number; schoolYearId?: number },
): Promise<Result<GradeScope, ScopeError | ResultsLocked>> {
  const scope = await gradeScope(stores, actor, input)
  if (!scope.ok) return scope
  if (scope.value.year.resultsLocked) return fail(locked(scope.value.year))
  return scope
}

/** The school's year `schoolYearId`, or its current year when none is named. */
export async function yearOf(
  stores: Stores,
  schoolId: number,
  schoolYearId: number | undefined,
): Promise<Result<SchoolYear, GradeNotFound | NoCurrentYear>> {
  if (schoolYearId !== undefined) {
    const year = await stores.schools.getYear(schoolYearId)
    if (!year || year.schoolId !== schoolId) return notFound('school-year')
    return ok(year)
  }
  const year = await stores.schools.currentYear(schoolId)
  return year ? ok(year) : fail({ code: 'no-current-year' as const, schoolId })
}

export function inScope(scope: GradeScope, person: Person): boolean {
  return scope.departmentId === null || person.departmentId === scope.departmentId
}

/** Why the actor may not grade this person (a line error code), or null when they may. */
export function gradable(scope: GradeScope, person: Person): NotGradable | null {
  if (person.schoolId !== scope.school.id || !inScope(scope, person)) return 'not-in-your-department'
  if (person.role === 'staff') return 'not-gradable'
  if (scope.as === 'head' && (person.role === 'manager' || person.role === 'admin')) return 'not-gradable'
  if (scope.who.person?.id === person.id) return 'own-scores'
  return null
}

export function departmentNameOf(scope: GradeScope, p: Person): string | null {
  return p.departmentId === null ? null : (scope.departments.get(p.departmentId) ?? null)
}

export function locked(year: SchoolYear): ResultsLocked {
  return { code: 'results-locked', schoolYearId: year.id, schoolYearName: year.name }
}
