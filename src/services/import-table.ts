/**
 * What the two imports share: a file read into the table whose header has the kind's columns, the
 * shape of a preview and of a row's problem, and why a commit is refused.
 */
import { z } from 'zod'
import { fail, ok, type Result } from './result.ts'
import {
  type ColumnSpec,
  type ColumnsMissing,
  findHeader,
  type Header,
  readSheet,
  type SheetError,
  type SheetFormat,
  type SheetTable,
} from './sheets.ts'

/** One problem in one cell (or row) of the file. */
export interface RowError<F extends string = string> {
  /** 1-based row number as the spreadsheet shows it */
  row: number
  field: F | null
  /** the column's header as written in the file; null when the file has no such column */
  column: string | null
  code:
    | 'required'
    | 'too-long'
    | 'too-short'
    | 'unknown-role'
    | 'unknown-level'
    | 'department-required'
    | 'duplicate-row'
    | 'not-a-number'
    | 'out-of-range'
    | 'hours-mismatch'
    | 'invalid-code'
    | 'level-required'
    | 'level-code-mismatch'
    | 'module-exists'
  /** the cell as written */
  value: string
  /** what would be accepted, e.g. the role words or the levels */
  expected?: readonly string[]
  min?: number
  max?: number
  /** for duplicate-row: the row it repeats */
  firstRow?: number
  /** for hours-mismatch */
  total?: number
  sum?: number
}

export interface PreviewBase<F extends string> {
  fileName: string
  format: SheetFormat
  sheet: string | null
  headerRow: number
  /** the header of each recognised column, as written */
  columns: Partial<Record<F, string>>
  errors: RowError<F>[]
}

/** The file could not be read as a table with the needed columns. */
/** Commit refused: the preview has errors (fix the file and send it again). */
export type PreviewHasErrors = { readonly code: 'preview-has-errors'; readonly count: number }
/** Commit refused: the preview is of another school or kind. */
export type PreviewMismatch = { readonly code: 'preview-mismatch' }

export const MAX = {
  name: 100,
  department: 120,
  subject: 60,
  code: 20,
  title: 300,
  text: 4000,
  area: 300,
  source: 120,
}
export const HOURS = { min: 0, max: 300 }

export const fileInput = z.object({
  fileName: z.string().min(1).max(255),
  data: z.instanceof(Uint8Array),
})

export async function readTable<F extends string>(
  fileName: string,
  data: Uint8Array,
  specs: readonly ColumnSpec<F>[],
): Promise<
  Result<{ format: SheetFormat; sheet: SheetTable; header: Header<F> }, SheetError | ColumnsMissing<F>>
> {
  const read = await readSheet(fileName, data)
  if (!read.ok) return read
  let firstMissing: ColumnsMissing<F> | undefined
  for (const sheet of read.value.tables) {
    const header = findHeader(sheet.rows, specs)
    if (header.ok) return ok({ format: read.value.format, sheet, header: header.value })
    firstMissing ??= header.error
  }
  return fail(firstMissing!)
}

/**
 * A preview's row errors and how it records one: each names the file's own header of its field's
 * column (what the person sees in their spreadsheet).
 */
export function rowErrors<F extends string>(header: Header<F>) {
  const errors: RowError<F>[] = []
  const err = (
    row: number,
    field: F,
    code: RowError['code'],
    value: string,
    extra: Partial<RowError<F>> = {},
  ) => errors.push({ row, field, column: header.columns.get(field)?.header ?? null, code, value, ...extra })
  return { errors, err }
}

export function columnsOf<F extends string>(header: Header<F>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {}
  for (const [field, c] of header.columns) out[field] = c.header
  return out
}
