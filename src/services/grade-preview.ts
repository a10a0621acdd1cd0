/**
 * From split lines (./grade-lines.ts) to the preview a head confirms: headers set the columns of
 * the lines below them; each line's name is matched to one person without regard to diacritics,
 * case or spaces (never guessed); the person must be the actor's to grade and have an approved
 * plan; each value goes to ND1, ND2 or a module of that plan; then the rule engine judges the
 * stored and the new scores. Every problem is a `GradeLineError` (a code and its parameters);
 * the data it needs comes through `PreviewLoaders`, so this module reads no database itself.
 *
 *   const preview = await buildPreview(scope, [splitMessage(text)], { source: 'message', … }, loaders, now)
 *   preview.errors   // [{ line: 8, column: 3, component: { kind: 'nd2' }, code: 'bad-score', … }]
 */
import type { ManagerResult, RegulationProfile, Score, ScoreError, TeacherResult } from '../rules/index.ts'
import type { ComponentKey, PlanWithModules, StoredScore } from '../store/grades.ts'
import type { Person, Role } from '../store/people.ts'
import type { PlanStatus } from '../store/plans.ts'
import { fold } from '../store/text.ts'
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
import {
  columnRole,
  isHeader,
  isNumberKey,
  isPlaceholder,
  planModuleIndex,
  type RawLine,
  readValue,
} from './grade-lines.ts'

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

export interface Candidate {
  personId: number
  fullName: string
  role: Role
  departmentName: string | null
}

interface LineErrorBase {
  line: number
  sheet: string | null
  /** 1-based cell of the line (1 = first cell), as counted after splitting; null: the whole line */
  column: number | null
  component: ComponentLabel | null
  /** the cell as written, or the whole line as written for a line-level error */
  input: string
}

/**
 * One problem of one line (or header), as a code and the parameters a message needs:
 *
 * - missing-name: values with no name before them
 * - unknown-name {suggestions}: nobody of that name in the school; similar names in scope
 * - ambiguous-name {candidates}: several people of that name in scope; never guessed
 * - duplicate-teacher {personId, firstLine, firstSheet}: the same person on an earlier line
 * - not-in-your-department {personId, departmentName}: of the school, not of the department graded
 * - not-gradable {personId, role}: staff have no BDTX; managers and admins are the admin's to grade
 * - own-scores {personId}: nobody enters their own scores
 * - unknown-id: the `Mã` cell names nobody of the school
 * - name-id-mismatch {personId, fullName}: the `Mã` cell and the name disagree
 * - no-approved-plan {personId, planStatus}: scores go with an approved plan (null: no plan)
 * - too-many-scores {expected, got, columns}: more values than columns (ND1, ND2, the plan's modules)
 * - too-few-scores {expected, got, columns}: without a header, fewer (write `-` to leave one as is)
 * - bad-score {error}: not a score; `error` is the rule engine's ScoreError (0–10, 2 decimals)
 * - unknown-column {moduleCodes}: a header cell that names nothing known; the plans' modules
 * - duplicate-column {firstColumn}: a header names a component twice; the later one is ignored
 * - name-column-missing: a header without a name column; the lines under it are not read
 * - module-not-in-plan {personId, planModules}: a value under a module the plan does not have
 */
export type GradeLineError = LineErrorBase &
  (
    | { code: 'missing-name' }
    | { code: 'unknown-name'; suggestions: Candidate[] }
    | { code: 'ambiguous-name'; candidates: Candidate[] }
    | { code: 'duplicate-teacher'; personId: number; firstLine: number; firstSheet: string | null }
    | { code: 'not-in-your-department'; personId: number; departmentName: string | null }
    | { code: 'not-gradable'; personId: number; role: Role }
    | { code: 'own-scores'; personId: number }
    | { code: 'unknown-id' }
    | { code: 'name-id-mismatch'; personId: number; fullName: string }
    | { code: 'no-approved-plan'; personId: number; planStatus: PlanStatus | null }
    | { code: 'too-many-scores'; expected: number; got: number; columns: string[] }
    | { code: 'too-few-scores'; expected: number; got: number; columns: string[] }
    | { code: 'bad-score'; error: ScoreError }
    | { code: 'unknown-column'; moduleCodes: string[] }
    | { code: 'duplicate-column'; firstColumn: number }
    | { code: 'name-column-missing' }
    | { code: 'module-not-in-plan'; personId: number; planModules: string[] }
  )

export type GradeLineErrorCode = GradeLineError['code']

export type HeaderColumnRole = 'name' | 'id' | 'ignored' | 'nd1' | 'nd2' | 'module' | 'unknown'

export interface HeaderInfo {
  line: number
  sheet: string | null
  columns: Array<{ column: number; input: string; role: HeaderColumnRole; code: string | null }>
}

export interface GradePreview {
  kind: 'grades'
  version: 1
  schoolId: number
  schoolYearId: number
  schoolYearName: string
  /** the department the batch is for; null: the school (an admin's batch) */
  departmentId: number | null
  actorTelegramId: number
  source: 'message' | 'file'
  fileName: string | null
  format: 'text' | 'xlsx' | 'csv'
  createdAt: string
  headers: HeaderInfo[]
  /** the lines read without error, in input order */
  lines: PreviewLine[]
  /** lines with a name but no value at all: nothing to do */
  skipped: Array<{ line: number; sheet: string | null; name: string }>
  /** lines under a header without a name column (`name-column-missing` on line `header`): not read */
  unread: Array<{ line: number; sheet: string | null; header: number }>
  /** every error, by sheet, line and column; commit refuses while there is any */
  errors: GradeLineError[]
  counts: {
    /** data lines read (headers, skipped and unread lines not counted) */
    lines: number
    /** lines read without error */
    ok: number
    /** of those, lines that change something */
    changed: number
    unchanged: number
    /** component scores that change */
    changes: number
    errors: number
    linesWithErrors: number
  }
}

/** Why the actor may not grade a person, as a line error code; null when they may. */
export type NotGradable = 'not-in-your-department' | 'not-gradable' | 'own-scores'

/** Who the lines may name, and how they are judged. */
export interface PreviewScope {
  schoolId: number
  year: { id: number; name: string }
  profile: RegulationProfile
  departmentId: number | null
  actorTelegramId: number
  /** everyone of the school */
  people: Person[]
  /** the department graded (or the whole school): names are looked for here first */
  inScope(person: Person): boolean
  gradable(person: Person): NotGradable | null
  departmentName(person: Person): string | null
}

/** What the preview reads from the store, asked for only when needed. */
export interface PreviewLoaders {
  /** which of these module code keys the catalogue knows */
  knownCodeKeys(keys: string[]): Promise<Set<string>>
  plans(personIds: number[]): Promise<Map<number, PlanWithModules>>
  scores(personIds: number[]): Promise<Map<number, Map<ComponentKey, StoredScore>>>
  /** the module codes of the approved plans in scope, for `unknown-column` */
  moduleCodesInScope(): Promise<string[]>
}

interface Header {
  line: number
  /** the cells that make the name: one, or "Họ và tên đệm" and "Tên" */
  nameColumns: number[]
  idColumn: number | null
  /** value columns: ND1, ND2 or a module code key */
  values: Array<{ index: number; kind: 'nd1' | 'nd2' | 'module'; codeKey: string | null; label: string }>
  /** the columns that hold no value (name, id, ignored, unknown) */
  other: Set<number>
  /** no name column: the lines under it are not read */
  broken: boolean
}

/** A data line after the first pass: its header, name, value cells and the person it names. */
interface NamedLine {
  raw: RawLine
  header: Header | null
  name: string
  values: Array<{ index: number; cell: string }>
  person: Person | null
}

export async function buildPreview(
  scope: PreviewScope,
  groups: RawLine[][],
  source: Pick<GradePreview, 'source' | 'fileName' | 'format'>,
  loaders: PreviewLoaders,
  now: string,
): Promise<GradePreview> {
  const headerLines = new Set(groups.flat().filter(isHeader))
  const known = await loaders.knownCodeKeys(
    [...headerLines].flatMap((l) =>
      l.headerCells.map(columnRole).flatMap((r) => (r.kind === 'module' ? [r.codeKey] : [])),
    ),
  )
  const first = readNames(scope, groups, headerLines, known)
  if (first.errors.some((e) => e.code === 'unknown-column')) {
    const moduleCodes = await loaders.moduleCodesInScope()
    for (const e of first.errors) if (e.code === 'unknown-column') e.moduleCodes = moduleCodes
  }
  const ids = first.named.flatMap((n) => (n.person ? [n.person.id] : []))
  const plans = await loaders.plans(ids)
  const stored = await loaders.scores(ids)
  const errors = first.errors
  const lines: PreviewLine[] = []
  for (const named of first.named) {
    const line = readValues(scope, named, plans, stored, errors)
    if (line) lines.push(line)
  }
  const sheets = groups.map((g) => g[0]?.sheet ?? null)
  const sheetOrder = (sheet: string | null) => Math.max(sheets.indexOf(sheet), 0)
  errors.sort(
    (a, b) =>
      sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0),
  )
  const changed = lines.filter((l) => l.changes.length > 0).length
  return {
    kind: 'grades',
    version: 1,
    schoolId: scope.schoolId,
    schoolYearId: scope.year.id,
    schoolYearName: scope.year.name,
    departmentId: scope.departmentId,
    actorTelegramId: scope.actorTelegramId,
    ...source,
    createdAt: now,
    headers: first.headers,
    lines,
    skipped: first.skipped,
    unread: first.unread,
    errors,
    counts: {
      lines: first.named.length,
      ok: lines.length,
      changed,
      unchanged: lines.length - changed,
      changes: lines.reduce((n, l) => n + l.changes.length, 0),
      errors: errors.length,
      linesWithErrors: new Set(errors.map((e) => `${e.sheet ?? ''}|${e.line}`)).size,
    },
  }
}

/** First pass: headers, and each data line's name matched to a person the actor may grade. */
function readNames(scope: PreviewScope, groups: RawLine[][], headerLines: Set<RawLine>, known: Set<string>) {
  const byName = new Map<string, Person[]>()
  const byId = new Map<number, Person>()
  for (const p of scope.people) {
    byId.set(p.id, p)
    const key = fold(p.fullName)
    const list = byName.get(key)
    if (list) list.push(p)
    else byName.set(key, [p])
  }
  const errors: GradeLineError[] = []
  const headers: HeaderInfo[] = []
  const skipped: GradePreview['skipped'] = []
  const unread: GradePreview['unread'] = []
  const named: NamedLine[] = []
  const firstSeen = new Map<number, { line: number; sheet: string | null }>()
  for (const group of groups) {
    let header: Header | null = null
    for (const raw of group) {
      if (headerLines.has(raw)) {
        const read = readHeader(raw, known)
        header = read.header
        headers.push(read.info)
        errors.push(...read.errors)
        continue
      }
      if (header?.broken) {
        unread.push({ line: raw.line, sheet: raw.sheet, header: header.line })
        continue
      }
      const nameColumns = header?.nameColumns ?? [0]
      const name = nameColumns
        .map((i) => raw.cells[i] ?? '')
        .join(' ')
        .replace(/:\s*$/, '')
        .replace(/\s+/g, ' ')
        .trim()
      const values = raw.cells
        .map((cell, index) => ({ index, cell }))
        .filter(({ index }) => (header ? !header.other.has(index) : index !== 0))
      if (values.every((v) => isPlaceholder(v.cell))) {
        skipped.push({ line: raw.line, sheet: raw.sheet, name })
        continue
      }
      const at = {
        line: raw.line,
        sheet: raw.sheet,
        column: nameColumns[nameColumns.length - 1]! + 1,
        component: null,
        input: name,
      }
      let person: Person | null = null
      if (name === '') {
        errors.push({ ...at, input: raw.text, code: 'missing-name' })
      } else {
        const idCell = header?.idColumn == null ? '' : (raw.cells[header.idColumn] ?? '')
        const found = resolve(scope, name, idCell, byName, byId)
        if ('error' in found) errors.push({ ...at, ...found.error })
        else {
          const p = found.person
          const why = scope.gradable(p)
          const seen = firstSeen.get(p.id)
          if (why === 'not-in-your-department')
            errors.push({ ...at, code: why, personId: p.id, departmentName: scope.departmentName(p) })
          else if (why === 'not-gradable') errors.push({ ...at, code: why, personId: p.id, role: p.role })
          else if (why === 'own-scores') errors.push({ ...at, code: why, personId: p.id })
          else if (seen)
            errors.push({
              ...at,
              code: 'duplicate-teacher',
              personId: p.id,
              firstLine: seen.line,
              firstSheet: seen.sheet,
            })
          else {
            firstSeen.set(p.id, { line: raw.line, sheet: raw.sheet })
            person = p
          }
        }
      }
      named.push({ raw, header, name, values, person })
    }
  }
  return { named, errors, headers, skipped, unread }
}

/** The person a line names: by the `Mã` cell when given, else by the folded full name. */
function resolve(
  scope: PreviewScope,
  name: string,
  idCell: string,
  byName: Map<string, Person[]>,
  byId: Map<number, Person>,
):
  | { person: Person }
  | {
      error:
        | { code: 'unknown-id' }
        | { code: 'name-id-mismatch'; personId: number; fullName: string }
        | { code: 'ambiguous-name'; candidates: Candidate[] }
        | { code: 'unknown-name'; suggestions: Candidate[] }
    } {
  const key = fold(name)
  if (idCell !== '') {
    const person = /^\d{1,9}$/.test(idCell) ? byId.get(Number(idCell)) : undefined
    if (!person) return { error: { code: 'unknown-id' } }
    if (fold(person.fullName) !== key)
      return { error: { code: 'name-id-mismatch', personId: person.id, fullName: person.fullName } }
    return { person }
  }
  const all = byName.get(key) ?? []
  const inScope = all.filter((p) => scope.inScope(p))
  if (inScope.length === 1) return { person: inScope[0]! }
  if (inScope.length > 1)
    return { error: { code: 'ambiguous-name', candidates: inScope.map((p) => candidate(scope, p)) } }
  // someone of the school outside the scope: gradable() says why not
  if (all.length >= 1) return { person: all[0]! }
  return { error: { code: 'unknown-name', suggestions: suggestions(scope, key) } }
}

/** People the actor may grade whose name ends with the same given name, or contains what was typed. */
function suggestions(scope: PreviewScope, key: string): Candidate[] {
  const given = key.split(' ').pop() ?? ''
  if (given === '') return []
  return scope.people
    .filter((p) => scope.gradable(p) === null)
    .filter((p) => {
      const k = fold(p.fullName)
      return k.endsWith(` ${given}`) || k === given || (key.length >= 3 && k.includes(key))
    })
    .slice(0, 5)
    .map((p) => candidate(scope, p))
}

function candidate(scope: PreviewScope, p: Person): Candidate {
  return { personId: p.id, fullName: p.fullName, role: p.role, departmentName: scope.departmentName(p) }
}

/** Second pass: the person's plan, each value to its component, then the rule engine. */
function readValues(
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
  const before = judge(
    judgedAs,
    teacherScores(
      components,
      rows.map((r) => r.stored),
    ),
    profile,
  )
  const after = judge(
    judgedAs,
    teacherScores(
      components,
      rows.map((r) => r.next),
    ),
    profile,
  )
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

/** A header line: which cells are the name, the id, and each value column. */
function readHeader(
  raw: RawLine,
  known: Set<string>,
): { header: Header; info: HeaderInfo; errors: GradeLineError[] } {
  const cells = raw.headerCells
  const roles = cells.map(columnRole)
  const base = { line: raw.line, sheet: raw.sheet }
  const errors: GradeLineError[] = []
  const info: HeaderInfo = { ...base, columns: [] }
  const nameAt = roles.findIndex((r) => r.kind === 'name')
  const surnameAt = roles.findIndex((r) => r.kind === 'surname')
  const nameColumns =
    nameAt >= 0 ? (surnameAt >= 0 ? [surnameAt, nameAt] : [nameAt]) : roles[0]?.kind === 'unknown' ? [0] : []
  const header: Header = {
    line: raw.line,
    nameColumns,
    idColumn: null,
    values: [],
    other: new Set(),
    broken: nameColumns.length === 0,
  }
  const firstOf = new Map<string, number>()
  roles.forEach((role, index) => {
    const input = cells[index]!
    const column = {
      column: index + 1,
      input,
      role: role.kind as HeaderColumnRole,
      code: null as string | null,
    }
    info.columns.push(column)
    if (nameColumns.includes(index)) {
      column.role = 'name'
    } else if (role.kind === 'id' && header.idColumn === null) {
      header.idColumn = index
    } else if (role.kind === 'nd1' || role.kind === 'nd2' || role.kind === 'module') {
      const key = role.kind === 'module' ? role.codeKey : role.kind
      const component: ComponentLabel =
        role.kind === 'module' ? { kind: 'module', code: input, moduleId: null } : { kind: role.kind }
      // a bare number ("Mô đun 19") is looked for in each teacher's plan, not the catalogue
      if (role.kind === 'module' && !isNumberKey(role.codeKey) && !known.has(role.codeKey)) {
        column.role = 'unknown'
        errors.push({
          ...base,
          column: index + 1,
          component: null,
          input,
          code: 'unknown-column',
          moduleCodes: [],
        })
      } else if (firstOf.has(key)) {
        errors.push({
          ...base,
          column: index + 1,
          component,
          input,
          code: 'duplicate-column',
          firstColumn: firstOf.get(key)! + 1,
        })
      } else {
        firstOf.set(key, index)
        column.code = role.kind === 'module' ? input : null
        header.values.push({
          index,
          kind: role.kind,
          codeKey: role.kind === 'module' ? role.codeKey : null,
          label: role.kind === 'module' ? input : role.kind.toUpperCase(),
        })
      }
    } else if (role.kind === 'unknown' && input !== '') {
      errors.push({
        ...base,
        column: index + 1,
        component: null,
        input,
        code: 'unknown-column',
        moduleCodes: [],
      })
    } else if (role.kind !== 'unknown') {
      column.role = 'ignored'
    }
  })
  if (header.broken)
    errors.push({ ...base, column: null, component: null, input: raw.text, code: 'name-column-missing' })
  const valueIndexes = new Set(header.values.map((v) => v.index))
  cells.forEach((_, index) => {
    if (!valueIndexes.has(index)) header.other.add(index)
  })
  return { header, info, errors }
}
