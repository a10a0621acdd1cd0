/**
 * Component scores and averages as exact integers, so binary floating point can never decide a
 * 0.05 edge. A `Score` is a whole number of hundredths (8.25 → 825); a `Tenths` is a whole number
 * of tenths (an ĐTB of 9.0 → 90). Both are branded: a raw number is a compile error.
 *
 *   parseScore('8,5')            // { ok: true, value: 850 }
 *   formatScore(850 as Score)    // '8.5'  (the bot passes ',' for Vietnamese: '8,5')
 *   formatTenths(90 as Tenths)   // '9.0'
 */
import { fail, ok, type Parsed } from './parsed.ts'

declare const scoreBrand: unique symbol
declare const tenthsBrand: unique symbol

/** A component score, 0–10, in whole hundredths (0–1000). */
export type Score = number & { readonly [scoreBrand]: 'Score' }
/** An average (ĐTB), already rounded, in whole tenths (0–100). */
export type Tenths = number & { readonly [tenthsBrand]: 'Tenths' }

export const SCORE_MIN_HUNDREDTHS = 0
export const SCORE_MAX_HUNDREDTHS = 1000
export const SCORE_MAX_DECIMALS = 2

export type ScoreError = {
  readonly code: 'not-a-number' | 'out-of-range' | 'too-many-decimals'
  /** what was typed, untrimmed */
  readonly input: string
  readonly min: 0
  readonly max: 10
  readonly maxDecimals: 2
}

const scoreError = (code: ScoreError['code'], input: string): ScoreError => ({
  code,
  input,
  min: 0,
  max: 10,
  maxDecimals: 2,
})

const NUMBER = /^([+-]?)(\d*)(?:[.,](\d*))?$/

/**
 * Reads a component score as a person types it: "8", "8.5", "8,5", "8.25", " 9 ". Trailing zeros
 * after the second decimal are harmless ("8.500" is 8.5); a third significant decimal is not.
 */
export function parseScore(text: string): Parsed<Score, ScoreError> {
  const match = NUMBER.exec(text.trim())
  const [, sign = '', whole = '', fraction = ''] = match ?? []
  if (!match || (whole === '' && fraction === '')) return fail(scoreError('not-a-number', text))
  const significant = fraction.replace(/0+$/, '')
  const wholeValue = Number(whole || '0')
  const isZero = wholeValue === 0 && significant === ''
  if ((sign === '-' && !isZero) || wholeValue > 10 || (wholeValue === 10 && significant !== '')) {
    return fail(scoreError('out-of-range', text))
  }
  if (significant.length > SCORE_MAX_DECIMALS) return fail(scoreError('too-many-decimals', text))
  return ok((wholeValue * 100 + Number(significant.padEnd(2, '0'))) as Score)
}

/**
 * A score from stored whole hundredths (a database column, a spreadsheet cell already scaled).
 * 8.5 is `scoreFromHundredths(850)`.
 */
export function scoreFromHundredths(hundredths: number): Parsed<Score, ScoreError> {
  const input = String(hundredths)
  if (!Number.isFinite(hundredths)) return fail(scoreError('not-a-number', input))
  if (hundredths < SCORE_MIN_HUNDREDTHS || hundredths > SCORE_MAX_HUNDREDTHS) {
    return fail(scoreError('out-of-range', input))
  }
  if (!Number.isInteger(hundredths)) return fail(scoreError('too-many-decimals', input))
  return ok(hundredths as Score)
}

/**
 * A score written for people: as few decimals as it needs (at least `minDecimals`), with the
 * caller's decimal separator. 850 → "8.5", 800 → "8", 825 → "8.25"; minDecimals 1: 800 → "8.0".
 */
export function formatScore(score: Score, decimalSeparator = '.', minDecimals: 0 | 1 | 2 = 0): string {
  const whole = Math.trunc(score / 100)
  let fraction = String(score % 100)
    .padStart(2, '0')
    .replace(/0+$/, '')
  if (fraction.length < minDecimals) fraction = fraction.padEnd(minDecimals, '0')
  return fraction === '' ? String(whole) : `${whole}${decimalSeparator}${fraction}`
}

/** An average written with exactly one decimal: 90 → "9.0", 87 → "8.7" (',' gives "8,7"). */
export function formatTenths(tenths: Tenths, decimalSeparator = '.'): string {
  return `${Math.trunc(tenths / 10)}${decimalSeparator}${tenths % 10}`
}

/** A whole number of tenths as a score (6.0 → 600): how a "need" answer is stated as a score. */
export const tenthsToScore = (tenths: Tenths): Score => (tenths * 10) as Score

/**
 * Internal constructors for values this module's own data and arithmetic produce; callers outside
 * `src/rules` go through `parseScore` / `scoreFromHundredths`.
 */
export const hundredths = (n: number): Score => n as Score
export const tenths = (n: number): Tenths => n as Tenths
