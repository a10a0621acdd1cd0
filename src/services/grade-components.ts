/**
 * A person's BDTX result as components — ND1, ND2 and the modules of their plan, in plan order —
 * and the rule engine's judgement of them: a class for teachers (TT 26/2012), pass/fail for
 * managers (TT 27/2015). Shared by the preview, the commit's notifications, /scores and /team.
 *
 *   const components = componentsOf(plan)              // nd1, nd2, module:5, module:6, …
 *   judge('teacher', teacherScores(components, [800, 900, 850, null, null, null]), profile)
 */
import {
  classifyManager,
  classifyTeacher,
  type ManagerResult,
  type RegulationProfile,
  type Score,
  scoreFromHundredths,
  type TeacherResult,
  type TeacherScores,
} from '../rules/index.ts'
import { type ComponentKey, moduleComponent, type PlanWithModules } from '../store/grades.ts'
import type { Person, Role } from '../store/people.ts'

/** Teachers get a class (TT 26/2012); managers (CBQL) pass or fail (TT 27/2015). */
export type JudgedAs = 'teacher' | 'manager'

/** One component of a person's plan: ND1, ND2 or one of its ND3 modules. */
export interface GradeComponent {
  key: ComponentKey
  kind: 'nd1' | 'nd2' | 'module'
  /** set for modules */
  moduleId: number | null
  /** the catalogue's spelling ("THPT 17"); null for ND1/ND2 */
  code: string | null
  title: string | null
}

/** Which component an error or an event is about, as far as it is known. */
export type ComponentLabel =
  | { kind: 'nd1' }
  | { kind: 'nd2' }
  | { kind: 'module'; code: string | null; moduleId: number | null }

export interface GradePerson {
  id: number
  fullName: string
  role: Role
  departmentId: number | null
  departmentName: string | null
}

/** Managers (CBQL) are judged pass/fail; everyone else who has a plan gets a class. */
export function judgedAsOf(person: Pick<Person, 'role'>): JudgedAs {
  return person.role === 'manager' ? 'manager' : 'teacher'
}

/** A stored value (whole hundredths) as the rule engine's Score; the store's checks keep it 0–1000. */
export function asScore(hundredths: number): Score {
  const parsed = scoreFromHundredths(hundredths)
  if (!parsed.ok) throw new RangeError(`stored score out of range: ${hundredths}`)
  return parsed.value
}

export function componentsOf(plan: Pick<PlanWithModules, 'modules'>): GradeComponent[] {
  return [
    { key: 'nd1', kind: 'nd1', moduleId: null, code: null, title: null },
    { key: 'nd2', kind: 'nd2', moduleId: null, code: null, title: null },
    ...plan.modules.map((m) => ({
      key: moduleComponent(m.id),
      kind: 'module' as const,
      moduleId: m.id,
      code: m.code,
      title: m.title,
    })),
  ]
}

export function sameComponents(a: GradeComponent[], b: ReadonlyArray<{ key: string }>): boolean {
  return a.length === b.length && a.every((c, i) => c.key === b[i]!.key)
}

export function labelOfComponent(c: GradeComponent): ComponentLabel {
  return c.kind === 'module' ? { kind: 'module', code: c.code, moduleId: c.moduleId } : { kind: c.kind }
}

export function labelOf(
  component: string,
  moduleId: number | null,
  codes: Map<number, string>,
): ComponentLabel {
  if (component === 'nd1' || component === 'nd2') return { kind: component }
  return { kind: 'module', code: moduleId === null ? null : (codes.get(moduleId) ?? null), moduleId }
}

/** The rule engine's input: values in the order of `components` (null: not scored yet). */
export function teacherScores(
  components: GradeComponent[],
  values: ReadonlyArray<number | null>,
): TeacherScores {
  const at = (i: number) => (values[i] === null || values[i] === undefined ? null : asScore(values[i]!))
  return {
    nd1: at(0),
    nd2: at(1),
    modules: components.slice(2).map((_, i) => at(i + 2)),
    moduleCodes: components.slice(2).map((c) => c.code!),
  }
}

export function judge(
  judgedAs: JudgedAs,
  scores: TeacherScores,
  profile: RegulationProfile,
): TeacherResult | ManagerResult {
  return judgedAs === 'manager' ? classifyManager(scores, profile) : classifyTeacher(scores, profile)
}

/** Deep equality of plain data (the rule engine's results), as JSON would compare them. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  for (const k of ka)
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  return true
}

export function personOf(p: Person, departmentName: string | null): GradePerson {
  return { id: p.id, fullName: p.fullName, role: p.role, departmentId: p.departmentId, departmentName }
}
