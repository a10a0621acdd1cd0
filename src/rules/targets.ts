/**
 * Qualification ratios against the targets of seed 000 §II.2 (by 2015, per kind of school, for
 * managers and for teachers, the share holding a master's and a doctorate) and seed 003 §II.2 (a
 * primary school: 95 % of teachers above the trained standard). Shares are compared exactly, in
 * integers: count × 10 000 ≥ target (basis points) × total, so 0.3 % of 1 000 teachers is 3, never
 * 2.9999.
 *
 *   ratioAgainstTarget({ count: 30, total: 100 }, 3300)   // { meets: false, shortBy: 4, … }
 *
 * Counting: a person counts for the master's share when their highest qualification is a
 * master's, for the doctorate share when it is a doctorate — the disjoint categories the
 * statistics reports use, which is how the plan's "hiện tại chiếm" figures were made.
 */
import type { Level } from './profile.ts'
import type { Citation } from './sources.ts'
import { STAFF_SOURCES } from './staff-sources.ts'
import { QUALIFICATIONS, type Qualification, trainedStandard } from './standards.ts'

/** hundredths of a percent: 33 % = 3300, 0.3 % = 30 */
export type BasisPoints = number

export type TargetGroup = 'managers' | 'teachers'
export type TargetMeasure = 'thac-si' | 'tien-si' | 'above-standard'

export interface QualificationTarget {
  readonly group: TargetGroup
  readonly measure: TargetMeasure
  readonly target: BasisPoints
  /** the share the plan reports as current ("hiện tại chiếm"), where it gives one */
  readonly baseline: BasisPoints | null
  readonly source: Citation
}

const so = STAFF_SOURCES.so('II.2')
const target = (
  group: TargetGroup,
  measure: TargetMeasure,
  target: BasisPoints,
  baseline: BasisPoints | null,
  source: Citation = so,
): QualificationTarget => ({ group, measure, target, baseline, source })

/** Per kind of school; kinds the plans set no target for have none. CĐ and TCCN share one line. */
export const QUALIFICATION_TARGETS: Readonly<Partial<Record<Level, ReadonlyArray<QualificationTarget>>>> = {
  CD: [
    target('managers', 'tien-si', 800, 551),
    target('managers', 'thac-si', 5000, 3590),
    target('teachers', 'tien-si', 500, 344),
    target('teachers', 'thac-si', 5000, 2199),
  ],
  TCCN: [
    target('managers', 'tien-si', 800, 551),
    target('managers', 'thac-si', 5000, 3590),
    target('teachers', 'tien-si', 500, 344),
    target('teachers', 'thac-si', 5000, 2199),
  ],
  GDTX: [
    target('managers', 'tien-si', 200, null),
    target('managers', 'thac-si', 2000, 1060),
    target('teachers', 'tien-si', 50, null),
    target('teachers', 'thac-si', 1200, 862),
  ],
  THPT: [
    target('managers', 'tien-si', 400, 270),
    target('managers', 'thac-si', 3300, 2640),
    target('teachers', 'tien-si', 30, 20),
    target('teachers', 'thac-si', 1200, 1090),
  ],
  TH: [target('teachers', 'above-standard', 9500, null, STAFF_SOURCES.school('II.2'))],
}

export interface RatioCheck {
  readonly count: number
  readonly total: number
  readonly target: BasisPoints
  readonly meets: boolean
  /** how many more people it takes to reach the target (0 when met) */
  readonly shortBy: number
}

export function ratioAgainstTarget(
  share: { readonly count: number; readonly total: number },
  target: BasisPoints,
): RatioCheck {
  const { count, total } = share
  // people are whole: the target's share of `total`, rounded up, in integers only
  const needed = ceilDiv(target * total, 10_000)
  const meets = count * 10_000 >= target * total
  return { count, total, target, meets, shortBy: meets ? 0 : needed - count }
}

/** ⌈a / b⌉ for non-negative integers a and b > 0, without a fractional intermediate. */
export function ceilDiv(a: number, b: number): number {
  const remainder = a % b
  return (a - remainder) / b + (remainder === 0 ? 0 : 1)
}

/** A share in basis points, rounded half up: for display only, never for a decision. */
export function shareBasisPoints(count: number, total: number): BasisPoints {
  return total === 0 ? 0 : Math.floor((count * 10_000 * 2 + total) / (total * 2))
}

/** "33 %", "0,3 %", "26,4 %": basis points in the Vietnamese way. */
export function formatPercent(bp: BasisPoints, decimalSeparator = ','): string {
  const whole = Math.floor(bp / 100)
  const fraction = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/u, '')
  return `${whole}${fraction === '' ? '' : decimalSeparator + fraction} %`
}

/** Whether one person's highest qualification counts for a measure at a kind of school. */
export function countsFor(
  measure: TargetMeasure,
  qualification: Qualification | null,
  level: Level,
): boolean {
  if (qualification === null) return false
  if (measure === 'above-standard') {
    return QUALIFICATIONS.indexOf(qualification) > QUALIFICATIONS.indexOf(trainedStandard(level))
  }
  return qualification === measure
}
