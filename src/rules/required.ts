/**
 * "What score do I need": for each class, the smallest one-decimal score that, reached by every
 * component still missing, gives at least that class; or that the class is already certain (even
 * 0 everywhere still reaches it), or out of reach (even 10 everywhere does not, with the reason).
 *
 * Candidates are tried with the exact classifier rather than by solving the inequalities: the
 * result only rises with the candidate score, so a binary search over 0.0 … 10.0 finds the
 * smallest one, and it is right by construction.
 *
 *   requiredScores({ nd1: 900, nd2: 900, modules: [null] })
 *   // { Gioi: { kind: 'need', score: 890, tenths: 89 }, Kha: { kind: 'need', score: 600, … },
 *   //   TrungBinh: { kind: 'need', score: 500, … }, unknown: [{ kind: 'module', index: 0 }] }
 */
import { averageReason } from './classify.ts'
import { type ComponentRef, missingComponents, type TeacherScores } from './components.ts'
import { type RegulationProfile, type TeacherClass, TT26_2012 } from './profile.ts'
import type { Reason, Target } from './reasons.ts'
import { SCORE_MAX_HUNDREDTHS, type Score, type Tenths, tenths, tenthsToScore } from './score.ts'
import {
  averageIf,
  componentsBelow,
  effectiveMinimum,
  minimumIf,
  missingCount,
  type Tally,
  tally,
} from './tally.ts'

export type Requirement =
  | { readonly kind: 'certain' }
  | {
      readonly kind: 'need'
      /**
       * the smallest one-decimal score that, reached by every missing component, gives at least
       * the class; 0.1 lower everywhere does not (always > 0: 0 everywhere would be "certain")
       */
      readonly score: Score
      /** the same value in tenths, for `formatTenths` ("6.0") */
      readonly tenths: Tenths
    }
  | {
      readonly kind: 'out-of-reach'
      /** the first reason: a known component under the minimum, else the average */
      readonly reason: Reason
      readonly reasons: Reason[]
    }

/** One answer per class of the profile (TT 26/2012: Gioi, Kha, TrungBinh; TT 19/2019: HoanThanh). */
export type RequiredScores = { readonly [grade in TeacherClass]?: Requirement } & {
  /** the components the answers are about */
  readonly unknown: ComponentRef[]
}

export interface RequiredManagerScores {
  readonly Dat: Requirement
  readonly unknown: ComponentRef[]
}

interface Goal {
  readonly blocks: Target
  readonly minimumAverage: Tenths
  readonly minimumComponent: Score
  readonly source: string
}

export function requiredScores(
  scores: TeacherScores,
  profile: RegulationProfile = TT26_2012,
): RequiredScores {
  const t = scores.modules.length === 0 ? null : tally(scores)
  const noModulesSource = profile.teacher.completion.source
  const answers: { [grade in TeacherClass]?: Requirement } = {}
  for (const rule of profile.teacher.classes) {
    const goal: Goal = {
      blocks: rule.grade,
      minimumAverage: rule.minimumAverage,
      minimumComponent: effectiveMinimum(profile, rule),
      source: rule.source,
    }
    answers[rule.grade] = requirementFor(scores, t, goal, noModulesSource)
  }
  return { ...answers, unknown: missingComponents(scores) }
}

/** The same question for a manager's "đạt yêu cầu" (TT 27/2015). */
export function requiredManagerScores(
  scores: TeacherScores,
  profile: RegulationProfile = TT26_2012,
): RequiredManagerScores {
  const rule = profile.manager
  const goal: Goal = {
    blocks: 'Dat',
    minimumAverage: rule.minimumAverage,
    minimumComponent: rule.minimumComponent,
    source: rule.source,
  }
  const t = scores.modules.length === 0 ? null : tally(scores)
  return { Dat: requirementFor(scores, t, goal, rule.source), unknown: missingComponents(scores) }
}

/** `t` is the tally of `scores`, null when the plan has no module (and so no ND3 mean). */
function requirementFor(
  scores: TeacherScores,
  t: Tally | null,
  goal: Goal,
  noModulesSource: string,
): Requirement {
  if (t === null) {
    const reason: Reason = { code: 'no-modules', blocks: goal.blocks, source: noModulesSource }
    return { kind: 'out-of-reach', reason, reasons: [reason] }
  }
  const reaches = (u: number): boolean =>
    averageIf(t, u) >= goal.minimumAverage && minimumIf(t, u) >= goal.minimumComponent
  if (reaches(0)) return { kind: 'certain' }
  if (missingCount(t) === 0 || !reaches(SCORE_MAX_HUNDREDTHS)) return outOfReach(scores, t, goal)
  // reaches(0.0) is false and reaches(10.0) is true: find the first tenth where it turns true.
  let below = 0
  let at = 100
  while (at - below > 1) {
    const mid = (below + at) >> 1
    if (reaches(mid * 10)) at = mid
    else below = mid
  }
  return { kind: 'need', score: tenthsToScore(tenths(at)), tenths: tenths(at) }
}

function outOfReach(scores: TeacherScores, t: Tally, goal: Goal): Requirement {
  const pending = missingCount(t) > 0
  const reasons: Reason[] = componentsBelow(scores, goal.minimumComponent, goal.blocks, goal.source)
  const average = averageReason(
    averageIf(t, pending ? SCORE_MAX_HUNDREDTHS : 0),
    goal.minimumAverage,
    goal.blocks,
    goal.source,
    pending,
  )
  if (average) reasons.push(average)
  const [reason] = reasons
  if (!reason) throw new Error('out of reach without a reason: the search and the reasons disagree')
  return { kind: 'out-of-reach', reason, reasons }
}
