/**
 * A header line of grades: which cells are the name (one, or "Họ và tên đệm" and "Tên"), the `Mã`,
 * ND1, ND2 and each module; the lines below it are read by these columns (grade-names.ts,
 * grade-values.ts). A module the catalogue does not know, a column named twice, or no name column
 * is a line error.
 *
 *   const { header, info, errors } = readHeader(raw, knownCodeKeys)
 */
import type { ComponentLabel } from './grade-components.ts'
import type { GradeLineError } from './grade-line-errors.ts'
import { columnRole, isNumberKey, type RawLine } from './grade-lines.ts'

export type HeaderColumnRole = 'name' | 'id' | 'ignored' | 'nd1' | 'nd2' | 'module' | 'unknown'

export interface HeaderInfo {
  line: number
  sheet: string | null
  columns: Array<{ column: number; input: string; role: HeaderColumnRole; code: string | null }>
}

/** A header as the lines under it are read. */
export interface Header {
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

/** A header line: which cells are the name, the id, and each value column. */
export function readHeader(
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
  // the catalogue's module codes are filled in later (buildPreview), once for all such errors
  const unknownColumn = (index: number, input: string): GradeLineError => ({
    ...base,
    column: index + 1,
    component: null,
    input,
    code: 'unknown-column',
    moduleCodes: [],
  })
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
        errors.push(unknownColumn(index, input))
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
      errors.push(unknownColumn(index, input))
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
