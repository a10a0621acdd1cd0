/**
 * Reads a course budget table as people paste it from Excel or a plan document: one course a line,
 * cells separated by tabs (or `|` or `;`) — tên lớp, số lớp, số người, kinh phí/người, and the
 * printed thành tiền if the document has one. A leading STT column and a header line are skipped;
 * a "Tổng cộng" line gives the printed totals, which the rule engine checks (seed 000 §III.5).
 *
 *   parseCourseTable('Bồi dưỡng công tác chủ nhiệm\t1\t100\t1.000.000\t100.000.000\nTổng cộng\t1\t100\t\t100.000.000')
 *   // { lines: [{ name, classes: 1, seats: 100, feePerPerson: 1000000, printedAmount: 100000000 }],
 *   //   printed: { classes: 1, seats: 100, amount: 100000000 }, errors: [] }
 */
import { type BudgetTotals, type CourseLine, parseDong } from '../rules/budget.ts'
import { fold } from '../store/text.ts'

export type CourseColumn = 'name' | 'classes' | 'seats' | 'fee' | 'amount'

export interface CourseTableError {
  /** the line of the pasted text, from 1 */
  readonly line: number
  readonly column: CourseColumn
  readonly code: 'missing' | 'not-a-number' | 'zero' | 'too-many-cells'
  readonly input: string
}

export interface CourseTable {
  readonly lines: CourseLine[]
  readonly printed: Partial<BudgetTotals>
  readonly errors: CourseTableError[]
}

/** past this a paste is not a course plan (seed 000's has 12 lines) */
export const MAX_COURSE_LINES = 200
const NAME_MAX = 200

const COLUMNS: readonly CourseColumn[] = ['name', 'classes', 'seats', 'fee', 'amount']

function cellsOf(line: string): string[] {
  const separator = line.includes('\t') ? '\t' : line.includes('|') ? '|' : ';'
  const cells = line.split(separator).map((c) => c.trim())
  // "| a | b |" leaves empty cells at both ends
  if (separator === '|' && cells[0] === '') cells.shift()
  if (separator === '|' && cells.at(-1) === '') cells.pop()
  return cells
}

const isNumberish = (cell: string) => /^\d[\d.,\s]*$/u.test(cell)

export function parseCourseTable(text: string): CourseTable {
  const lines: CourseLine[] = []
  const errors: CourseTableError[] = []
  let printed: Partial<BudgetTotals> = {}
  const rows = text.split(/\r?\n/)
  for (const [index, raw] of rows.entries()) {
    const lineNo = index + 1
    if (raw.trim() === '') continue
    let cells = cellsOf(raw)
    // STT: a number (or nothing, on a total line) before a name
    if (
      cells.length >= 2 &&
      /^(\d{1,4}\.?)?$/.test(cells[0]!) &&
      cells[1] !== '' &&
      !isNumberish(cells[1]!)
    ) {
      cells = cells.slice(1)
    }
    // a header: no number anywhere
    if (!cells.slice(1).some(isNumberish) && lines.length === 0 && errors.length === 0) continue
    const total = /^tong( cong)?\b/.test(fold(cells[0] ?? ''))
    if (cells.length > COLUMNS.length) {
      errors.push({ line: lineNo, column: 'amount', code: 'too-many-cells', input: cells.slice(5).join(' ') })
      continue
    }
    const read = (column: CourseColumn, optional: boolean): number | undefined => {
      const input = cells[COLUMNS.indexOf(column)] ?? ''
      if (input === '') {
        if (!optional) errors.push({ line: lineNo, column, code: 'missing', input })
        return undefined
      }
      const value = parseDong(input)
      if (!value.ok) {
        errors.push({ line: lineNo, column, code: 'not-a-number', input })
        return undefined
      }
      if (value.value === 0 && column !== 'amount') {
        errors.push({ line: lineNo, column, code: 'zero', input })
        return undefined
      }
      return value.value
    }
    if (total) {
      const classes = read('classes', true)
      const seats = read('seats', true)
      const amount = read('amount', true)
      printed = {
        ...(classes !== undefined ? { classes } : {}),
        ...(seats !== undefined ? { seats } : {}),
        ...(amount !== undefined ? { amount } : {}),
      }
      continue
    }
    const name = (cells[0] ?? '').slice(0, NAME_MAX)
    if (name === '') errors.push({ line: lineNo, column: 'name', code: 'missing', input: '' })
    const before = errors.length
    const classes = read('classes', false)
    const seats = read('seats', false)
    const feePerPerson = read('fee', false)
    const printedAmount = read('amount', true)
    if (errors.length > before || name === '') continue
    lines.push({
      name,
      classes: classes!,
      seats: seats!,
      feePerPerson: feePerPerson!,
      ...(printedAmount !== undefined ? { printedAmount } : {}),
    })
  }
  return { lines, printed, errors }
}
