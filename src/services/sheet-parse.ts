/**
 * The reading of one spreadsheet's bytes into rows of text cells, within UPLOAD_LIMITS. It runs in
 * a worker thread (./sheet-worker.ts, started by readSheet in ./sheets.ts), so a large or hostile
 * file never holds up the bot's event loop; the worker sends back plain rows or the cap a file
 * went over. Reading stops at the first cap reached, not after the whole file.
 */
import type ExcelJS from 'exceljs'
import { checkZip, ZipRefused } from './zip-guard.ts'

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

export interface ReadLimits {
  rows: number
  cellsPerRow: number
  cells: number
  cellChars: number
  unpackedBytes: number
  zipEntries: number
}

/** A file over one of the caps, or one that cannot be read at all. */
export type ReadRefusal =
  | { readonly code: 'file-unreadable'; readonly format: SheetFormat }
  | { readonly code: 'too-many-rows'; readonly maxRows: number }
  | { readonly code: 'too-many-columns'; readonly maxColumns: number; readonly row: number }
  | { readonly code: 'too-many-cells'; readonly maxCells: number }
  | { readonly code: 'cell-too-long'; readonly maxChars: number; readonly row: number }
  | { readonly code: 'file-unpacks-too-large'; readonly maxMb: number }
  /** a CSV saved as UTF-16 ("Unicode Text") or in a legacy code page (Windows-1258): not UTF-8 */
  | { readonly code: 'file-encoding'; readonly encoding: 'utf-16' | 'legacy' }

export type ReadOutcome = { ok: true; tables: SheetTable[] } | { ok: false; error: ReadRefusal }

class Refused extends Error {
  constructor(readonly refusal: ReadRefusal) {
    super(refusal.code)
  }
}

export async function parseSheet(
  format: SheetFormat,
  data: Uint8Array,
  limits: ReadLimits,
): Promise<ReadOutcome> {
  try {
    return {
      ok: true,
      tables: format === 'xlsx' ? await readXlsx(data, limits) : [await readCsv(data, limits)],
    }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.refusal }
    const refusal = (error as { refusal?: ReadRefusal }).refusal
    if (refusal) return { ok: false, error: refusal }
    return { ok: false, error: { code: 'file-unreadable', format } }
  }
}

/** Counts the rows and cells a caller reads, and refuses past a cap. */
class Budget {
  private rows = 0
  private cells = 0
  constructor(readonly limits: ReadLimits) {}
  row(): void {
    if (++this.rows > this.limits.rows)
      throw new Refused({ code: 'too-many-rows', maxRows: this.limits.rows })
  }
  cell(row: number, column: number, text: string): void {
    if (column >= this.limits.cellsPerRow)
      throw new Refused({ code: 'too-many-columns', maxColumns: this.limits.cellsPerRow, row })
    if (text.length > this.limits.cellChars)
      throw new Refused({ code: 'cell-too-long', maxChars: this.limits.cellChars, row })
    if (++this.cells > this.limits.cells)
      throw new Refused({ code: 'too-many-cells', maxCells: this.limits.cells })
  }
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/

/** How many times `<tag` opens an element in XML bytes (`<row ` and `<row>`, not `<rowBreaks`). */
function countTags(xml: Buffer, tag: string): number {
  const open = Buffer.from(`<${tag}`)
  let count = 0
  for (let at = xml.indexOf(open); at !== -1; at = xml.indexOf(open, at + open.length)) {
    const next = xml[at + open.length]
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x0a || next === 0x0d || next === 0x09)
      count++
  }
  return count
}

async function readXlsx(data: Uint8Array, limits: ReadLimits): Promise<SheetTable[]> {
  // the zip's parts, unpacked one by one under a ceiling, and every sheet's rows and cells counted
  // in its XML before exceljs builds a single object
  let rows = 0
  let cells = 0
  try {
    checkZip(data, { maxBytes: limits.unpackedBytes, maxEntries: limits.zipEntries }, (name, part) => {
      if (!WORKSHEET.test(name)) return
      rows += countTags(part, 'row')
      cells += countTags(part, 'c')
      if (rows > limits.rows) throw new Refused({ code: 'too-many-rows', maxRows: limits.rows })
      if (cells > limits.cells) throw new Refused({ code: 'too-many-cells', maxCells: limits.cells })
    })
  } catch (error) {
    if (error instanceof ZipRefused && error.problem === 'too-large')
      throw new Refused({
        code: 'file-unpacks-too-large',
        maxMb: Math.round(limits.unpackedBytes / 1024 / 1024),
      })
    throw error
  }
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as never)
  const budget = new Budget(limits)
  const tables: SheetTable[] = []
  for (const sheet of workbook.worksheets) {
    const rows: SheetRow[] = []
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      budget.row()
      const values = row.values as ExcelJS.CellValue[]
      const cells: string[] = []
      // row.values is 1-based, and sparse; trailing empty (styled) cells are not counted
      values.forEach((value, i) => {
        const text = cellText(value)
        if (text === '') return
        while (cells.length < i - 1) cells.push('')
        budget.cell(rowNumber, i - 1, text)
        cells.push(text)
      })
      if (cells.length > 0) rows.push({ row: rowNumber, cells })
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

async function readCsv(data: Uint8Array, limits: ReadLimits): Promise<SheetTable> {
  const encoding = notUtf8(data)
  if (encoding) throw new Refused({ code: 'file-encoding', encoding })
  const { parse } = await import('csv-parse/sync')
  const text = new TextDecoder('utf-8').decode(data).replace(/^\uFEFF/, '')
  const budget = new Budget(limits)
  let records: Array<{ record: string[]; info: { records: number } }>
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
      info: true,
      // one cell without an end (an unclosed quote) stops here, not at the end of the file
      max_record_size: limits.cellsPerRow * limits.cellChars,
      // called for every cell as it is read: the caps stop the reading at once
      cast: (value: string, context: { index: number; records: number }) => {
        if (context.index === 0) budget.row()
        budget.cell(context.records + 1, context.index, value)
        return value
      },
    }) as unknown as Array<{ record: string[]; info: { records: number } }>
  } catch (error) {
    if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
      const row = Number((error as { records?: number }).records ?? 0) + 1
      throw new Refused({ code: 'cell-too-long', maxChars: limits.cellChars, row })
    }
    throw error
  }
  const rows: SheetRow[] = []
  for (const { record, info } of records) {
    // the record's number, as a spreadsheet opening the file numbers its rows (a quoted field
    // with line breaks stays one row)
    if (record.some((c) => c !== '')) rows.push({ row: info.records, cells: record })
  }
  return { name: null, rows }
}

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

/** Excel in Vietnamese locales writes ';' between fields; others ','; some tools a tab. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, 64 * 1024).split(/\r?\n/, 1)[0] ?? ''
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '')
  const counts = [',', ';', '\t'].map((d) => [d, outsideQuotes.split(d).length - 1] as const)
  counts.sort((a, b) => b[1] - a[1])
  return counts[0]![1] > 0 ? counts[0]![0] : ','
}
