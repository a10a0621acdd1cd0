/**
 * The first pass over lines of grades: headers set the columns of the lines below them
 * (grade-headers.ts); each data line's name is matched to one person of the school without regard
 * to diacritics, case or spaces, or by its `Mã` cell — never guessed — and that person must be the
 * actor's to grade, once. A name that matches nobody comes with similar names in scope.
 *
 *   const { named, errors, headers, skipped, unread } = readNames(scope, groups, headerLines, known)
 */
import type { RegulationProfile } from '../rules/index.ts'
import type { Person } from '../store/people.ts'
import { fold } from '../store/text.ts'
import { type Header, type HeaderInfo, readHeader } from './grade-headers.ts'
import type { Candidate, GradeLineError, NotGradable } from './grade-line-errors.ts'
import { isPlaceholder, type RawLine } from './grade-lines.ts'

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

/** A data line after the first pass: its header, name, value cells and the person it names. */
export interface NamedLine {
  raw: RawLine
  header: Header | null
  name: string
  values: Array<{ index: number; cell: string }>
  person: Person | null
}

/** A line with a name but no value at all: nothing to do. */
export interface SkippedLine {
  line: number
  sheet: string | null
  name: string
}

/** A line under a header without a name column (`name-column-missing` on line `header`): not read. */
export interface UnreadLine {
  line: number
  sheet: string | null
  header: number
}

/** First pass: headers, and each data line's name matched to a person the actor may grade. */
export function readNames(
  scope: PreviewScope,
  groups: RawLine[][],
  headerLines: Set<RawLine>,
  known: Set<string>,
): {
  named: NamedLine[]
  errors: GradeLineError[]
  headers: HeaderInfo[]
  skipped: SkippedLine[]
  unread: UnreadLine[]
} {
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
  const skipped: SkippedLine[] = []
  const unread: UnreadLine[] = []
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
