/**
 * The few integers every judgement needs, gathered in one pass over the scores: sums and counts of
 * the known and missing components, and the lowest known score. With them the ĐTB and the lowest
 * component "if every missing component scored u" cost a handful of integer operations, which is
 * what lets "what do I need" try candidate scores exactly instead of solving inequalities.
 * Internal to src/rules.
 */
import { averageFromSums } from './average.ts'
import { componentRefs, type TeacherScores } from './components.ts'
import type { ClassRule, RegulationProfile } from './profile.ts'
import type { ComponentBelowMinimum } from './reasons.ts'
import { hundredths, type Score, type Tenths } from './score.ts'

export interface Tally {
  readonly ndKnownSum: number
  readonly ndMissing: number
  readonly moduleKnownSum: number
  readonly moduleMissing: number
  readonly moduleCount: number
  /** lowest known component, Infinity when none is known */
  readonly knownMin: number
}

export function tally(scores: TeacherScores): Tally {
  let ndKnownSum = 0
  let ndMissing = 0
  let knownMin = Number.POSITIVE_INFINITY
  for (const s of [scores.nd1, scores.nd2]) {
    if (s === null) ndMissing++
    else {
      ndKnownSum += s
      if (s < knownMin) knownMin = s
    }
  }
  let moduleKnownSum = 0
  let moduleMissing = 0
  for (const s of scores.modules) {
    if (s === null) moduleMissing++
    else {
      moduleKnownSum += s
      if (s < knownMin) knownMin = s
    }
  }
  return {
    ndKnownSum,
    ndMissing,
    moduleKnownSum,
    moduleMissing,
    moduleCount: scores.modules.length,
    knownMin,
  }
}

export const missingCount = (t: Tally): number => t.ndMissing + t.moduleMissing

/** ĐTB if every missing component scored `u` hundredths. Needs at least one module. */
export function averageIf(t: Tally, u: number): Tenths {
  return averageFromSums(
    t.ndKnownSum + t.ndMissing * u,
    t.moduleKnownSum + t.moduleMissing * u,
    t.moduleCount,
  )
}

/** Lowest component if every missing component scored `u` hundredths. */
export function minimumIf(t: Tally, u: number): number {
  return missingCount(t) > 0 && u < t.knownMin ? u : t.knownMin
}

/** A class's component minimum, never under the completion minimum (a class implies completion). */
export function effectiveMinimum(profile: RegulationProfile, rule: ClassRule): Score {
  const completion = profile.teacher.completion.minimumComponent
  return hundredths(Math.max(rule.minimumComponent, completion))
}

/** Index of the best class reached, or classes.length for "không hoàn thành". */
export function classIndex(profile: RegulationProfile, average: number, minimum: number): number {
  const classes = profile.teacher.classes
  for (let i = 0; i < classes.length; i++) {
    const rule = classes[i]!
    if (average >= rule.minimumAverage && minimum >= effectiveMinimum(profile, rule)) return i
  }
  return classes.length
}

/** Known components under `minimum`, each as a reason. */
export function componentsBelow(
  scores: TeacherScores,
  minimum: Score,
  blocks: ComponentBelowMinimum['blocks'],
  source: string,
): ComponentBelowMinimum[] {
  const reasons: ComponentBelowMinimum[] = []
  const refs = componentRefs(scores)
  const values = [scores.nd1, scores.nd2, ...scores.modules]
  values.forEach((score, i) => {
    if (score !== null && score < minimum) {
      reasons.push({
        code: 'component-below-minimum',
        component: refs[i]!,
        score,
        minimum,
        shortBy: hundredths(minimum - score),
        blocks,
        source,
      })
    }
  })
  return reasons
}
