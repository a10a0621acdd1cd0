/**
 * Training-course budgets (seed 000 §III.5): each line's amount is seats × fee per person, the
 * totals add the lines, and any total a document prints is checked against them. Money is whole
 * đồng (integers), so a sum can never round; seats and classes are counts.
 *
 *   checkBudget(SEED_000_COURSES, SEED_000_PRINTED_TOTALS)
 *   // { totals: { classes: 14, seats: 1160, amount: 2204000000 },
 *   //   mismatches: [{ field: 'seats', computed: 1160, printed: 1180 }], … }
 *   formatDong(2204000000)   // '2.204.000.000 ₫'
 *
 * Why seats × fee and not classes × seats × fee: seed 000's own rows say so — "Bồi dưỡng chuyên
 * đề tư vấn học đường", 2 classes, 100 people, 2.500.000 → 250.000.000 — the seats are the
 * people of all the line's classes together.
 */
import { fail, ok, type Parsed } from './parsed.ts'
import type { Citation } from './sources.ts'
import { STAFF_SOURCES } from './staff-sources.ts'

/** Whole đồng. */
export type Dong = number

export interface CourseLine {
  readonly name: string
  readonly classes: number
  readonly seats: number
  readonly feePerPerson: Dong
  /** the amount the document prints for this line, if any, to be checked */
  readonly printedAmount?: Dong
}

export interface BudgetTotals {
  readonly classes: number
  readonly seats: number
  readonly amount: Dong
}

export type BudgetField = keyof BudgetTotals

export interface BudgetMismatch {
  readonly field: BudgetField
  readonly computed: number
  readonly printed: number
  /** the line's index when a line's own printed amount disagrees; absent for the totals */
  readonly line?: number
}

export interface BudgetCheck {
  readonly lines: ReadonlyArray<CourseLine & { readonly amount: Dong }>
  readonly totals: BudgetTotals
  readonly mismatches: ReadonlyArray<BudgetMismatch>
}

export function lineAmount(line: Pick<CourseLine, 'seats' | 'feePerPerson'>): Dong {
  const amount = line.seats * line.feePerPerson
  // Beyond 2^53 the product would silently round; no school budget gets there, so say so loudly.
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`amount out of range: ${line.seats} × ${line.feePerPerson}`)
  return amount
}

export function checkBudget(
  lines: ReadonlyArray<CourseLine>,
  printed: Partial<BudgetTotals> = {},
): BudgetCheck {
  const mismatches: BudgetMismatch[] = []
  const computed = lines.map((line, index) => {
    const amount = lineAmount(line)
    if (line.printedAmount !== undefined && line.printedAmount !== amount) {
      mismatches.push({ field: 'amount', computed: amount, printed: line.printedAmount, line: index })
    }
    return { ...line, amount }
  })
  const totals: BudgetTotals = {
    classes: computed.reduce((sum, l) => sum + l.classes, 0),
    seats: computed.reduce((sum, l) => sum + l.seats, 0),
    amount: computed.reduce((sum, l) => sum + l.amount, 0),
  }
  for (const field of ['classes', 'seats', 'amount'] as const) {
    const value = printed[field]
    if (value !== undefined && value !== totals[field]) {
      mismatches.push({ field, computed: totals[field], printed: value })
    }
  }
  return { lines: computed, totals, mismatches }
}

/** 2204000000 → '2.204.000.000 ₫': dots between thousands, the đồng sign after a space. */
export function formatDong(amount: Dong): string {
  const sign = amount < 0 ? '-' : ''
  const digits = String(Math.abs(amount))
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`
}

export type DongError =
  | { readonly code: 'not-a-whole-amount'; readonly input: string }
  | { readonly code: 'too-large'; readonly input: string }

/**
 * What people type for an amount: '2.204.000.000', '2 204 000 000', '2,204,000,000', '1500000đ'.
 * Dots, commas and spaces can only be thousands separators (đồng have no fractions), so a group
 * that is not three digits is a typo, not a decimal, and is refused.
 */
export function parseDong(input: string): Parsed<Dong, DongError> {
  const text = input.trim().replace(/\s*(₫|đồng|đ|vnđ|vnd)$/iu, '')
  if (!/^\d{1,3}([.,\s]\d{3})*$|^\d+$/u.test(text)) return fail({ code: 'not-a-whole-amount', input })
  const value = Number(text.replace(/[.,\s]/gu, ''))
  if (!Number.isSafeInteger(value)) return fail({ code: 'too-large', input })
  return ok(value)
}

/** Seed 000 §III.5, "Dự trù kinh phí các lớp bồi dưỡng nghiệp vụ giai đoạn 2013 – 2015", as printed. */
export const SEED_000_COURSES: ReadonlyArray<CourseLine> = [
  ['Bồi dưỡng nâng cao năng lực kế toán đơn vị HCSN', 1, 100, 1_500_000, 150_000_000],
  ['Bồi dưỡng nâng cao năng lực quản lý tài chính, tài sản trong giáo dục', 1, 100, 2_000_000, 200_000_000],
  ['Bồi dưỡng chuyên đề tư vấn học đường', 2, 100, 2_500_000, 250_000_000],
  ['Bồi dưỡng nhân viên văn thư hành chính trường học', 1, 100, 1_300_000, 130_000_000],
  ['Bồi dưỡng nghiệp vụ thư viện', 1, 100, 1_000_000, 100_000_000],
  ['Bồi dưỡng nghiệp vụ viên chức thiết bị trường học', 1, 100, 1_200_000, 120_000_000],
  ['Bồi dưỡng công tác y tế học đường', 2, 100, 500_000, 50_000_000],
  ['Bồi dưỡng kỹ năng nghiệp vụ cho nhân viên bảo vệ', 1, 100, 1_500_000, 150_000_000],
  ['Bồi dưỡng công tác quản lý cho TTCM', 1, 100, 900_000, 90_000_000],
  ['Bồi dưỡng công tác chủ nhiệm', 1, 100, 1_000_000, 100_000_000],
  ['Bồi dưỡng Hiệu trưởng trường phổ thông', 1, 80, 3_800_000, 304_000_000],
  ['Trung cấp lý luận chính trị - hành chính', 1, 80, 7_000_000, 560_000_000],
].map(([name, classes, seats, feePerPerson, printedAmount]) => ({
  name: name as string,
  classes: classes as number,
  seats: seats as number,
  feePerPerson: feePerPerson as number,
  printedAmount: printedAmount as number,
}))

/** The "TỔNG CỘNG" row of the same table. */
export const SEED_000_PRINTED_TOTALS: BudgetTotals = { classes: 14, seats: 1180, amount: 2_204_000_000 }

export const BUDGET_SOURCE: Citation = STAFF_SOURCES.budget
