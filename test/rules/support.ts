/** Small builders for the rule tests: scores from text, score sets, and fast-check arbitraries. */
import fc from 'fast-check'
import {
  parseScore,
  type Score,
  scoreFromHundredths,
  type TeacherScores,
  type Tenths,
} from '../../src/rules/index.ts'

/** A score from text, failing the test on bad input: s('8.5'). */
export function s(text: string): Score {
  const r = parseScore(text)
  if (!r.ok) throw new Error(`bad score in test: ${text} (${r.error.code})`)
  return r.value
}

/** A score from hundredths: h(850). */
export function h(hundredths: number): Score {
  const r = scoreFromHundredths(hundredths)
  if (!r.ok) throw new Error(`bad hundredths in test: ${hundredths}`)
  return r.value
}

/** Tenths, for comparing averages: t(90) is 9.0. */
export const t = (n: number): Tenths => n as Tenths

/** A score set from text, null or '?' for missing: set('8', '9', ['8', '?']). */
export function set(
  nd1: string | null,
  nd2: string | null,
  modules: ReadonlyArray<string | null>,
): TeacherScores {
  const read = (x: string | null) => (x === null || x === '?' ? null : s(x))
  return { nd1: read(nd1), nd2: read(nd2), modules: modules.map(read) }
}

export const arbScore: fc.Arbitrary<Score> = fc.integer({ min: 0, max: 1000 }).map(h)

/** Scores biased to the interesting region and to round values, so edges come up often. */
export const arbEdgyScore: fc.Arbitrary<Score> = fc.oneof(
  arbScore,
  fc.integer({ min: 0, max: 100 }).map((x) => h(x * 10)),
  fc.integer({ min: 450, max: 1000 }).map(h),
  fc.constantFrom(500, 600, 700, 895, 900, 1000, 0, 495, 595, 695).map(h),
)

export const arbCompleteScores: fc.Arbitrary<TeacherScores> = fc.record({
  nd1: arbEdgyScore,
  nd2: arbEdgyScore,
  modules: fc.array(arbEdgyScore, { minLength: 1, maxLength: 8 }),
})

const maybe = (a: fc.Arbitrary<Score>) => fc.option(a, { nil: null, freq: 3 })

export const arbPartialScores: fc.Arbitrary<TeacherScores> = fc.record({
  nd1: maybe(arbEdgyScore),
  nd2: maybe(arbEdgyScore),
  modules: fc.array(maybe(arbEdgyScore), { minLength: 1, maxLength: 8 }),
})
