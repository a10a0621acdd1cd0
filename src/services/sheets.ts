/**
 * Reading a spreadsheet sent to the chat (.xlsx with exceljs, .csv with csv-parse) into rows of
 * text cells, and finding its header row by Vietnamese or English column names, without regard to
 * diacritics, case or punctuation ("Họ và tên", "HO VA TEN", "Họ và tên:" are one column).
 *
 *   const sheet = await readSheet('danh-sach.xlsx', bytes)
 *   const header = findHeader(sheet.value.tables[0].rows, STAFF_COLUMNS)
 */
import { Worker } from 'node:worker_threads'
import { fold } from '../store/text.ts'
import { fail, ok, type Result } from './result.ts'
import type { ReadOutcome, ReadRefusal, SheetFormat, SheetRow, SheetTable } from './sheet-parse.ts'
import { bytesPerMb, UPLOAD_LIMITS } from './upload-limits.ts'

export type { SheetFormat, SheetRow, SheetTable } from './sheet-parse.ts'

export const MAX_FILE_BYTES = UPLOAD_LIMITS.fileBytes
export const MAX_ROWS = UPLOAD_LIMITS.rows

export type SheetError =
  | {
      readonly code: 'file-unsupported'
      readonly fileName: string
      readonly expected: readonly SheetFormat[]
    }
  | { readonly code: 'file-too-large'; readonly maxBytes: number; readonly maxMb: number }
  | { readonly code: 'file-empty' }
  | { readonly code: 'file-too-heavy'; readonly seconds: number; readonly heapMb: number }
  | ReadRefusal

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

export const fileTooLarge = (): SheetError => ({
  code: 'file-too-large',
  maxBytes: UPLOAD_LIMITS.fileBytes,
  maxMb: Math.round(UPLOAD_LIMITS.fileBytes / bytesPerMb),
})

/**
 * Whether a file Telegram describes may be downloaded at all: its stated size within the cap and
 * a name a spreadsheet can have (a name without an extension is judged by its bytes later).
 */
export function uploadRefusal(file: {
  fileName: string
  fileSize: number | undefined
}): SheetError | undefined {
  if ((file.fileSize ?? 0) > UPLOAD_LIMITS.fileBytes) return fileTooLarge()
  const name = file.fileName.toLowerCase()
  if (/\.\w+$/.test(name) && !/\.(xlsx|csv|txt)$/.test(name))
    return { code: 'file-unsupported', fileName: file.fileName, expected: ['xlsx', 'csv'] }
  return undefined
}

export async function readSheet(
  fileName: string,
  data: Uint8Array,
): Promise<Result<{ format: SheetFormat; tables: SheetTable[] }, SheetError>> {
  if (data.byteLength > UPLOAD_LIMITS.fileBytes) return fail(fileTooLarge())
  const format = formatOf(fileName, data)
  if (!format) return fail({ code: 'file-unsupported', fileName, expected: ['xlsx', 'csv'] })
  const read = await reader.read(format, data)
  if (!read.ok) return fail(read.error)
  const tables = read.tables.filter((t) => t.rows.length > 0)
  if (tables.length === 0) return fail({ code: 'file-empty' })
  return ok({ format, tables })
}

const WORKER = new URL('./sheet-worker.mjs', import.meta.url)
/** a reader left idle this long is stopped (its memory returned); the next file starts another */
const IDLE_MS = 5 * 60_000

type Outcome = ReadOutcome | { ok: false; error: SheetError }

/**
 * Reads files in one worker thread with its own capped heap, one file at a time, each under a
 * deadline, so that no file, however large or hostile, stalls the answers everybody else is
 * waiting for. The worker is started on the first file (starting it and loading exceljs takes about
 * a second) and kept for the next; running out of memory or time is a refusal like any other cap,
 * and the next file gets a fresh worker.
 */
class SheetReader {
  private worker: Worker | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private idle: NodeJS.Timeout | undefined
  private sent = 0

  read(format: SheetFormat, data: Uint8Array): Promise<Outcome> {
    const turn = this.queue.then(() => this.run(format, data))
    this.queue = turn.catch(() => {})
    return turn
  }

  private stop(): void {
    void this.worker?.terminate()
    this.worker = undefined
  }

  private run(format: SheetFormat, data: Uint8Array): Promise<Outcome> {
    clearTimeout(this.idle)
    const { fileBytes: _, workerHeapMb, readMs, ...limits } = UPLOAD_LIMITS
    const tooHeavy = {
      ok: false as const,
      error: { code: 'file-too-heavy' as const, seconds: readMs / 1000, heapMb: workerHeapMb },
    }
    if (!this.worker) {
      this.worker = new Worker(WORKER, {
        resourceLimits: { maxOldGenerationSizeMb: workerHeapMb, maxYoungGenerationSizeMb: 32 },
      })
      // a reader waiting for files does not keep the process alive
      this.worker.unref()
      // one that stopped (crashed, or was stopped) is replaced at the next file
      const started = this.worker
      started.once('exit', () => {
        if (this.worker === started) this.worker = undefined
      })
    }
    const worker = this.worker
    const id = ++this.sent
    return new Promise<Outcome>((resolve, reject) => {
      const finish = (outcome: Outcome | Error, healthy: boolean) => {
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('exit', onExit)
        if (!healthy) this.stop()
        else this.idle = setTimeout(() => this.stop(), IDLE_MS).unref()
        if (outcome instanceof Error) reject(outcome)
        else resolve(outcome)
      }
      const onMessage = (message: { id: number; outcome: ReadOutcome }) => {
        if (message.id === id) finish(message.outcome, true)
      }
      // out of memory (ERR_WORKER_OUT_OF_MEMORY) is the file's fault; anything else is the bot's
      const onError = (error: Error & { code?: string }) =>
        finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooHeavy : error, false)
      const onExit = (code: number) =>
        finish(new Error(`the sheet worker stopped (exit code ${code})`), false)
      const timer = setTimeout(() => finish(tooHeavy, false), readMs)
      worker.on('message', onMessage)
      worker.once('error', onError)
      worker.once('exit', onExit)
      // a view is sent with its whole buffer: a view into a larger one is copied to its own first
      const bytes = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice()
      worker.postMessage({ id, format, data: bytes, limits })
    })
  }
}

const reader = new SheetReader()

function formatOf(fileName: string, data: Uint8Array): SheetFormat | undefined {
  const name = fileName.toLowerCase()
  if (name.endsWith('.xlsx')) return 'xlsx'
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv'
  // a name without a known extension: a zip (xlsx) by its magic bytes, else not ours
  if (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04 && !/\.\w+$/.test(name))
    return 'xlsx'
  return undefined
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
