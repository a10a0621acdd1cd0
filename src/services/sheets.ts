/**
 * Reading a spreadsheet sent to the chat (.xlsx with exceljs, .csv with csv-parse) into rows of
 * text cells, and finding its header row by Vietnamese or English column names, without regard to
 * diacritics, case or punctuation ("Họ và tên", "HO VA TEN", "Họ và tên:" are one column).
 *
 *   const sheet = await readSheet('danh-sach.xlsx', bytes)
 *   const header = findHeader(sheet.value.tables[0].rows, STAFF_COLUMNS)
 */
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { fold } from '../store/text.ts'
import { fail, ok, type Result } from './result.ts'

export type SheetFormat = 'xlsx' | 'csv'

export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it */
  row: number
  cells: string[]
}

export interface SheetTable {
  /** the worksheet's name (xlsx) or null (csv) */
  name: string | null
  rows: SheetRow[]
}

export const MAX_FILE_BYTES = 10 * 1024 * 1024
export const MAX_ROWS = 10_000

export type SheetError =
  | {
      readonly code: 'file-unsupported'
      readonly fileName: string
      readonly expected: readonly SheetFormat[]
    }
  | { readonly code: 'file-unreadable'; readonly format: SheetFormat }
  | { readonly code: 'file-too-large'; readonly maxBytes: number }
  | { readonly code: 'file-empty' }
  | { readonly code: 'too-many-rows'; readonly maxRows: number; readonly rows: number }
  /** a CSV saved as UTF-16 ("Unicode Text") or in a legacy code page (Windows-1258): not UTF-8 */
  | { readonly code: 'file-encoding'; readonly encoding: 'utf-16' | 'legacy' }

export interface ColumnSpec<F extends string> {
  field: F
  /** folded header words that name this column */
  aliases: readonly string[]
  required: boolean
  /** how the column is usually headed, to show in an error */
  example: string
}

export interface Header<F extends string> {
  /** 1-based row number of the header */
  row: number
  /** column index and header text as written, per recognised field */
  columns: Map<F, { index: number; header: string }>
}

export type ColumnsMissing<F extends string = string> = {
  readonly code: 'columns-missing'
  readonly missing: readonly F[]
  /** the usual header of each missing column, e.g. "Họ và tên" */
  readonly expected: readonly string[]
}

export async function readSheet(
  fileName: string,
  data: Uint8Array,
): Promise<Result<{ format: SheetFormat; tables: SheetTable[] }, SheetError>> {
  if (data.byteLength > MAX_FILE_BYTES) return fail({ code: 'file-too-large', maxBytes: MAX_FILE_BYTES })
  const format = formatOf(fileName, data)
  if (!format) return fail({ code: 'file-unsupported', fileName, expected: ['xlsx', 'csv'] })
  if (format === 'csv') {
    const encoding = notUtf8(data)
    if (encoding) return fail({ code: 'file-encoding', encoding })
  }
  let tables: SheetTable[]
  try {
    tables = format === 'xlsx' ? await readXlsx(data) : [readCsv(data)]
  } catch {
    return fail({ code: 'file-unreadable', format })
  }
  tables = tables.filter((t) => t.rows.length > 0)
  if (tables.length === 0) return fail({ code: 'file-empty' })
  const rows = Math.max(...tables.map((t) => t.rows.length))
  if (rows > MAX_ROWS + 20) return fail({ code: 'too-many-rows', maxRows: MAX_ROWS, rows })
  return ok({ format, tables })
}

function formatOf(fileName: string, data: Uint8Array): SheetFormat | undefined {
  const name = fileName.toLowerCase()
  if (name.endsWith('.xlsx')) return 'xlsx'
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv'
  // a name without a known extension: a zip (xlsx) by its magic bytes, else not ours
  if (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04 && !/\.\w+$/.test(name))
    return 'xlsx'
  return undefined
}

async function readXlsx(data: Uint8Array): Promise<SheetTable[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as never)
  const tables: SheetTable[] = []
  for (const sheet of workbook.worksheets) {
    const rows: SheetRow[] = []
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[]
      const cells: string[] = []
      // row.values is 1-based
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]))
      if (cells.some((c) => c !== '')) rows.push({ row: rowNumber, cells })
    })
    tables.push({ name: sheet.name, rows })
  }
  return tables
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim()
  if ('hyperlink' in value) return String(value.text ?? '').trim()
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result
    return result === undefined || result === null || typeof result === 'object' ? '' : String(result).trim()
  }
  return ''
}

/**
 * Why a CSV is not UTF-8, if it is not: a UTF-16 byte-order mark or many zero bytes (Excel's
 * "Unicode Text"), or bytes that are not valid UTF-8 (Excel's plain "CSV" on a Vietnamese Windows
 * writes Windows-1258). Read as UTF-8 either would turn every name into garbage.
 */
function notUtf8(data: Uint8Array): 'utf-16' | 'legacy' | null {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) return 'utf-16'
  const head = data.subarray(0, 4096)
  if (head.length >= 2 && head.filter((b) => b === 0).length * 4 >= head.length) return 'utf-16'
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data)
    return null
  } catch {
    return 'legacy'
  }
}

function readCsv(data: Uint8Array): SheetTable {
  const text = new TextDecoder('utf-8').decode(data).replace(/^\uFEFF/, '')
  const records = parse(text, {
    delimiter: delimiterOf(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    trim: true,
    info: true,
  }) as unknown as Array<{ record: string[]; info: { records: number } }>
  const rows: SheetRow[] = []
  for (const { record, info } of records) {
    // the record's number, as a spreadsheet opening the file numbers its rows (a quoted field
    // with line breaks stays one row)
    if (record.some((c) => c !== '')) rows.push({ row: info.records, cells: record })
  }
  return { name: null, rows }
}

/** Excel in Vietnamese locales writes ';' between fields; others ','; some tools a tab. */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '')
  const counts = [',', ';', '\t'].map((d) => [d, outsideQuotes.split(d).length - 1] as const)
  counts.sort((a, b) => b[1] - a[1])
  return counts[0]![1] > 0 ? counts[0]![0] : ','
}

/** A header cell as compared with the aliases: folded, punctuation as spaces. */
export function headerKey(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim()
}

function scoreOf(key: string, alias: string): number {
  if (key === alias) return 1000 + alias.length
  if (key.startsWith(`${alias} `)) return 500 + alias.length
  if (alias.length >= 5 && ` ${key} `.includes(` ${alias} `)) return alias.length
  return 0
}

/** The field a header cell names, with how sure the match is (0: none). */
function matchCell<F extends string>(
  cell: string,
  specs: readonly ColumnSpec<F>[],
): { field: F; score: number } | undefined {
  const key = headerKey(cell)
  if (key === '') return undefined
  let best: { field: F; score: number } | undefined
  for (const spec of specs) {
    for (const alias of spec.aliases) {
      const score = scoreOf(key, alias)
      if (score > 0 && (!best || score > best.score)) best = { field: spec.field, score }
    }
  }
  return best
}

/** The first row (of the first 20) that names every required column. */
export function findHeader<F extends string>(
  rows: readonly SheetRow[],
  specs: readonly ColumnSpec<F>[],
): Result<Header<F>, ColumnsMissing<F>> {
  let bestMissing: F[] | undefined
  for (const row of rows.slice(0, 20)) {
    const chosen = new Map<F, { index: number; header: string; score: number }>()
    row.cells.forEach((cell, index) => {
      const match = matchCell(cell, specs)
      if (!match) return
      const taken = chosen.get(match.field)
      if (!taken || match.score > taken.score)
        chosen.set(match.field, { index, header: cell, score: match.score })
    })
    const missing = specs.filter((s) => s.required && !chosen.has(s.field)).map((s) => s.field)
    if (missing.length === 0) {
      return ok({
        row: row.row,
        columns: new Map([...chosen].map(([field, c]) => [field, { index: c.index, header: c.header }])),
      })
    }
    if (!bestMissing || missing.length < bestMissing.length) bestMissing = missing
  }
  const missing = bestMissing ?? specs.filter((s) => s.required).map((s) => s.field)
  return fail({
    code: 'columns-missing',
    missing,
    expected: missing.map((f) => specs.find((s) => s.field === f)!.example),
  })
}

/** The rows below the header, with a getter for each recognised field. */
export function bodyOf<F extends string>(rows: readonly SheetRow[], header: Header<F>) {
  return rows
    .filter((r) => r.row > header.row)
    .map((r) => ({
      row: r.row,
      get: (field: F): string => {
        const column = header.columns.get(field)
        return column === undefined ? '' : (r.cells[column.index] ?? '').trim()
      },
    }))
}
