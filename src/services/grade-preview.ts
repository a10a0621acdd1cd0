/**
 * From split lines (./grade-lines.ts) to the preview a head confirms: headers set the columns of
 * the lines below them; each line's name is matched to one person without regard to diacritics,
 * case or spaces (never guessed); the person must be the actor's to grade and have an approved
 * plan (grade-names.ts, with the headers of grade-headers.ts); each value goes to ND1, ND2 or a
 * module of that plan; then the rule engine judges the stored and the new scores (grade-values.ts).
 * Every problem is a `GradeLineError` (grade-line-errors.ts); the data it needs comes through
 * `PreviewLoaders`, so this module reads no database itself.
 *
 *   const preview = await buildPreview(scope, [splitMessage(text)], { source: 'message', … }, loaders, now)
 *   preview.errors   // [{ line: 8, column: 3, component: { kind: 'nd2' }, code: 'bad-score', … }]
 */
import type { ComponentKey, PlanWithModules, StoredScore } from '../store/grades.ts'
import type { HeaderInfo } from './grade-headers.ts'
import type { GradeLineError } from './grade-line-errors.ts'
import { columnRole, isHeader, type RawLine } from './grade-lines.ts'
import { type PreviewScope, readNames, type SkippedLine, type UnreadLine } from './grade-names.ts'
import { type PreviewLine, readValues } from './grade-values.ts'

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
  skipped: SkippedLine[]
  /** lines under a header without a name column (`name-column-missing` on line `header`): not read */
  unread: UnreadLine[]
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

/** What the preview reads from the store, asked for only when needed. */
export interface PreviewLoaders {
  /** which of these module code keys the catalogue knows */
  knownCodeKeys(keys: string[]): Promise<Set<string>>
  plans(personIds: number[]): Promise<Map<number, PlanWithModules>>
  scores(personIds: number[]): Promise<Map<number, Map<ComponentKey, StoredScore>>>
  /** the module codes of the approved plans in scope, for `unknown-column` */
  moduleCodesInScope(): Promise<string[]>
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
