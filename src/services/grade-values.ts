/**
 * The second pass over lines of grades: the named person's approved plan, each value to ND1, ND2
 * or a module of that plan — by its header's column, or without a header by position — and then
 * the rule engine on the stored and on the new scores. A line read without error is a PreviewLine.
 *
 *   const line = readValues(scope, named, plans, stored, errors)   // null: the line has errors
 */
import type { ManagerResult, RegulationProfile, Score, TeacherResult } from '../rules/index.ts'
import type { ComponentKey, PlanWithModules, StoredScore } from '../store/grades.ts'
import {
  asScore,
  type ComponentLabel,
  componentsOf,
  type GradeComponent,
  type GradePerson,
  judge,
  judgedAsOf,
  labelOfComponent,
  personOf,
  sameData,
  teacherScores,
} from './grade-components.ts'
import type { Header } from './grade-headers.ts'
import type { GradeLineError } from './grade-line-errors.ts'
import { isPlaceholder, planModuleIndex, readValue } from './grade-lines.ts'
import type { NamedLine, PreviewScope } from './grade-names.ts'

export interface PreviewComponent extends GradeComponent {
  /** stored before this batch (hundredths); null: no score yet */
  stored: Score | null
  /** what the line gives; null: nothing given (left unchanged) */
  read: Score | null
  /** after the batch */
  next: Score | null
  changed: boolean
}

export interface ScoreChange {
  key: ComponentKey
  kind: GradeComponent['kind']
  code: string | null
  old: Score | null
  new: Score
}

interface PreviewLineBase {
  /** 1-based line of the message, or row of the sheet */
  line: number
  sheet: string | null
  person: GradePerson
  planId: number
  /** ND1, ND2 and the plan's modules, in plan order */
  components: PreviewComponent[]
  changes: ScoreChange[]
  /** the rule engine's results with the stored and with the new scores differ */
  resultChanged: boolean
}

/** A line read without error: one person's scores and the rule engine's results. */
export type PreviewLine = PreviewLineBase &
  (
    | { judgedAs: 'teacher'; before: TeacherResult; after: TeacherResult }
    | { judgedAs: 'manager'; before: ManagerResult; after: ManagerResult }
  )

/** Second pass: the person's plan, each value to its component, then the rule engine. */
export function readValues(
  scope: PreviewScope,
  named: NamedLine,
  plans: Map<number, PlanWithModules>,
  stored: Map<number, Map<ComponentKey, StoredScore>>,
  errors: GradeLineError[],
): PreviewLine | null {
  const before = errors.length
  const { raw, person } = named
  const base = { line: raw.line, sheet: raw.sheet }
  const plan = person ? plans.get(person.id) : undefined
  if (person && plan?.status !== 'approved') {
    errors.push({
      ...base,
      column: null,
      component: null,
      input: named.name,
      code: 'no-approved-plan',
      personId: person.id,
      planStatus: plan?.status ?? null,
    })
  }
  const usable = person && plan?.status === 'approved' ? plan : undefined
  const components = usable ? componentsOf(usable) : undefined
  const slots = named.header
    ? headerSlots(named, named.header, usable, components, errors)
    : positionSlots(named, components, errors)
  const read = new Map<ComponentKey, Score>()
  for (const slot of slots) {
    const value = readValue(slot.cell)
    if (value.kind === 'bad')
      errors.push({
        ...base,
        column: slot.index + 1,
        component: slot.label,
        input: slot.cell,
        code: 'bad-score',
        error: value.error,
      })
    else if (value.kind === 'score' && slot.component) read.set(slot.component.key, asScore(value.value))
  }
  if (errors.length > before || !person || !usable || !components) return null
  return buildLine(
    base,
    personOf(person, scope.departmentName(person)),
    usable,
    components,
    stored.get(person.id),
    read,
    scope.profile,
  )
}

interface Slot {
  index: number
  cell: string
  component: GradeComponent | null
  label: ComponentLabel | null
}

/** Under a header: each value cell is the component its column names. */
function headerSlots(
  named: NamedLine,
  header: Header,
  plan: PlanWithModules | undefined,
  components: GradeComponent[] | undefined,
  errors: GradeLineError[],
): Slot[] {
  const base = { line: named.raw.line, sheet: named.raw.sheet }
  const moduleComponent = (codeKey: string) => {
    const i = planModuleIndex(codeKey, plan?.modules ?? [])
    return i < 0 ? undefined : components?.[i + 2]
  }
  const byIndex = new Map(header.values.map((v) => [v.index, v]))
  const slots: Slot[] = []
  let extra = 0
  for (const v of named.values) {
    const column = byIndex.get(v.index)
    if (!column) {
      // a cell past the header's last column
      if (!isPlaceholder(v.cell)) extra++
      slots.push({ ...v, component: null, label: null })
      continue
    }
    const label: ComponentLabel =
      column.kind === 'module'
        ? { kind: 'module', code: column.label, moduleId: null }
        : { kind: column.kind }
    const component =
      column.kind === 'module'
        ? moduleComponent(column.codeKey!)
        : components?.find((c) => c.kind === column.kind)
    if (components && !component && !isPlaceholder(v.cell) && column.kind === 'module') {
      errors.push({
        ...base,
        column: v.index + 1,
        component: label,
        input: v.cell,
        code: 'module-not-in-plan',
        personId: named.person!.id,
        planModules: components.filter((c) => c.kind === 'module').map((c) => c.code!),
      })
    }
    slots.push({ ...v, component: component ?? null, label: component ? labelOfComponent(component) : label })
  }
  if (extra > 0) {
    errors.push({
      ...base,
      column: null,
      component: null,
      input: named.raw.text,
      code: 'too-many-scores',
      expected: header.values.length,
      got: named.values.length,
      columns: header.values.map((v) => v.label),
    })
  }
  return slots
}

/** Without a header: ND1, ND2, then the plan's modules in plan order. */
function positionSlots(
  named: NamedLine,
  components: GradeComponent[] | undefined,
  errors: GradeLineError[],
): Slot[] {
  const slots = named.values.map((v, position): Slot => {
    const component = components?.[position] ?? null
    const label: ComponentLabel | null = component
      ? labelOfComponent(component)
      : position === 0
        ? { kind: 'nd1' }
        : position === 1
          ? { kind: 'nd2' }
          : null
    return { ...v, component, label }
  })
  if (components && named.values.length !== components.length) {
    errors.push({
      line: named.raw.line,
      sheet: named.raw.sheet,
      column: null,
      component: null,
      input: named.raw.text,
      code: named.values.length > components.length ? 'too-many-scores' : 'too-few-scores',
      expected: components.length,
      got: named.values.length,
      columns: components.map((c) => c.code ?? c.kind.toUpperCase()),
    })
  }
  return slots
}

function buildLine(
  base: { line: number; sheet: string | null },
  person: GradePerson,
  plan: PlanWithModules,
  components: GradeComponent[],
  stored: Map<ComponentKey, StoredScore> | undefined,
  read: Map<ComponentKey, Score>,
  profile: RegulationProfile,
): PreviewLine {
  const rows: PreviewComponent[] = components.map((c) => {
    const s = stored?.get(c.key)
    const storedValue = s === undefined ? null : asScore(s.value)
    const readValue = read.get(c.key) ?? null
    const next = readValue ?? storedValue
    return {
      key: c.key,
      kind: c.kind,
      moduleId: c.moduleId,
      code: c.code,
      title: c.title,
      stored: storedValue,
      read: readValue,
      next,
      changed: next !== storedValue,
    }
  })
  const changes: ScoreChange[] = rows
    .filter((r) => r.changed)
    .map((r) => ({ key: r.key, kind: r.kind, code: r.code, old: r.stored, new: r.next! }))
  const judgedAs = judgedAsOf(person)
  const judged = (scores: Array<Score | null>) => judge(judgedAs, teacherScores(components, scores), profile)
  const before = judged(rows.map((r) => r.stored))
  const after = judged(rows.map((r) => r.next))
  const line = {
    ...base,
    person,
    planId: plan.planId,
    components: rows,
    changes,
    resultChanged: !sameData(before, after),
  }
  return judgedAs === 'manager'
    ? { ...line, judgedAs, before: before as ManagerResult, after: after as ManagerResult }
    : { ...line, judgedAs, before: before as TeacherResult, after: after as TeacherResult }
}
