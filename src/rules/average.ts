/**
 * ĐTB = (ND1 + ND2 + mean of the ND3 module scores) / 3, rounded half up to one decimal
 * (TT 26/2012 Điều 12), computed on integers only. With n modules summing to M hundredths the exact
 * ĐTB is ((ND1 + ND2)·n + M) / (3n) hundredths; it is rounded once, at the end, never the module
 * mean on its own.
 *
 *   averageTenths(895, 895, [895])   // 90, i.e. 9.0 — floating point with toFixed says 8.9
 */
import { type Score, type Tenths, tenths } from './score.ts'

/** An exact ĐTB in hundredths of a point: numerator / denominator. */
export interface ExactAverage {
  readonly numerator: number
  readonly denominator: number
}

export function exactAverage(nd1: Score, nd2: Score, modules: ReadonlyArray<Score>): ExactAverage {
  const n = modules.length
  if (n === 0) throw new RangeError('the ND3 mean needs at least one module')
  let moduleSum = 0
  for (const m of modules) moduleSum += m
  return { numerator: (nd1 + nd2) * n + moduleSum, denominator: 3 * n }
}

/** Integer division of non-negative safe integers, with no floating-point quotient involved. */
const floorDiv = (a: number, b: number): number => (a - (a % b)) / b

/**
 * N/D hundredths rounded half up to whole tenths: ⌊N/(10D) + 1/2⌋ = ⌊(2N + 10D) / (20D)⌋.
 * Every quantity is a small non-negative integer (N ≤ 3000·n).
 */
const roundTenths = (numerator: number, denominator: number): Tenths =>
  tenths(floorDiv(2 * numerator + 10 * denominator, 20 * denominator))

export function roundHalfUpToTenths(average: ExactAverage): Tenths {
  return roundTenths(average.numerator, average.denominator)
}

/** The ĐTB from the sum of ND1 and ND2, the sum of the module scores and their count (n ≥ 1). */
export function averageFromSums(ndSum: number, moduleSum: number, moduleCount: number): Tenths {
  return roundTenths(ndSum * moduleCount + moduleSum, 3 * moduleCount)
}

export function averageTenths(nd1: Score, nd2: Score, modules: ReadonlyArray<Score>): Tenths {
  return roundHalfUpToTenths(exactAverage(nd1, nd2, modules))
}
