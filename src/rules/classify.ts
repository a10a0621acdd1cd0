/**
 * A teacher's class (TT 26/2012 Điều 13) and a manager's verdict (TT 27/2015 Điều 7 khoản 2).
 *
 * The class table read literally has a gap: ĐTB 9.2 with a component 6.5 is neither Giỏi (a
 * component under 7) nor Khá (ĐTB not under 9). Reading "every other case" as "không hoàn thành"
 * would give a better score a worse class, so a teacher gets the best class whose ĐTB lower bound
 * and component minimum are both met; the band's upper bound is not a condition. The reasons then
 * say what keeps the teacher out of the class just above.
 *
 *   classifyTeacher({ nd1: 950, nd2: 950, modules: [950, 650] })
 *   // { kind: 'final', average: 90, grade: 'Kha', reasons: [{ code: 'component-below-minimum',
 *   //   component: { kind: 'module', index: 1 }, score: 650, minimum: 700, shortBy: 50, blocks: 'Gioi', … }] }
 */
import { type ComponentRef, missingComponents, type TeacherScores } from './components.ts'
import { type ManagerVerdict, type RegulationProfile, type TeacherGrade, TT26_2012 } from './profile.ts'
import type { AverageBelow, BestAverageBelow, Reason, Target } from './reasons.ts'
import { SCORE_MAX_HUNDREDTHS, type Tenths, tenths } from './score.ts'
import {
  averageIf,
  classIndex,
  componentsBelow,
  effectiveMinimum,
  minimumIf,
  missingCount,
  type Tally,
  tally,
} from './tally.ts'

export type TeacherResult =
  | {
      readonly kind: 'pending'
      /** components of the plan still without a score */
      readonly missing: ComponentRef[]
      /** the class reached if every missing component scored 10 */
      readonly bestPossible: TeacherGrade
      /** what keeps even that best case out of the class above it */
      readonly reasons: Reason[]
    }
  | {
      readonly kind: 'final'
      /** ĐTB in tenths (90 = 9.0); null only when the plan has no ND3 module */
      readonly average: Tenths | null
      readonly grade: TeacherGrade
      /** what keeps the teacher out of the class just above; empty for Giỏi */
      readonly reasons: Reason[]
    }

export type ManagerResult =
  | {
      readonly kind: 'pending'
      readonly missing: ComponentRef[]
      readonly bestPossible: ManagerVerdict
      readonly reasons: Reason[]
    }
  | {
      readonly kind: 'final'
      readonly average: Tenths | null
      readonly verdict: ManagerVerdict
      /** empty for Dat */
      readonly reasons: Reason[]
    }

export function classifyTeacher(
  scores: TeacherScores,
  profile: RegulationProfile = TT26_2012,
): TeacherResult {
  const classes = profile.teacher.classes
  if (scores.modules.length === 0) {
    const lowest = classes[classes.length - 1]!
    return {
      kind: 'final',
      average: null,
      grade: 'KhongHoanThanh',
      reasons: [{ code: 'no-modules', blocks: lowest.grade, source: profile.teacher.completion.source }],
    }
  }
  const t = tally(scores)
  const pending = missingCount(t) > 0
  const u = pending ? SCORE_MAX_HUNDREDTHS : 0
  const average = averageIf(t, u)
  const index = classIndex(profile, average, minimumIf(t, u))
  const grade: TeacherGrade = classes[index]?.grade ?? 'KhongHoanThanh'
  const reasons: Reason[] = []
  if (index > 0) {
    const above = classes[index - 1]!
    reasons.push(...componentsBelow(scores, effectiveMinimum(profile, above), above.grade, above.source))
    const reason = averageReason(average, above.minimumAverage, above.grade, above.source, pending)
    if (reason) reasons.push(reason)
  }
  return pending
    ? { kind: 'pending', missing: missingComponents(scores), bestPossible: grade, reasons }
    : { kind: 'final', average, grade, reasons }
}

export function classifyManager(
  scores: TeacherScores,
  profile: RegulationProfile = TT26_2012,
): ManagerResult {
  const rule = profile.manager
  if (scores.modules.length === 0) {
    return {
      kind: 'final',
      average: null,
      verdict: 'KhongDat',
      reasons: [{ code: 'no-modules', blocks: 'Dat', source: rule.source }],
    }
  }
  const t = tally(scores)
  const pending = missingCount(t) > 0
  const u = pending ? SCORE_MAX_HUNDREDTHS : 0
  const average = averageIf(t, u)
  const passes = average >= rule.minimumAverage && minimumIf(t, u) >= rule.minimumComponent
  const verdict: ManagerVerdict = passes ? 'Dat' : 'KhongDat'
  const reasons: Reason[] = []
  if (!passes) {
    reasons.push(...componentsBelow(scores, rule.minimumComponent, 'Dat', rule.source))
    const reason = averageReason(average, rule.minimumAverage, 'Dat', rule.source, pending)
    if (reason) reasons.push(reason)
  }
  return pending
    ? { kind: 'pending', missing: missingComponents(scores), bestPossible: verdict, reasons }
    : { kind: 'final', average, verdict, reasons }
}

/** The ĐTB when every component is known, else null (also null for a plan with no module). */
export function teacherAverage(scores: TeacherScores): Tenths | null {
  if (scores.modules.length === 0) return null
  const t: Tally = tally(scores)
  return missingCount(t) > 0 ? null : averageIf(t, 0)
}

/**
 * Giỏi > Khá > Trung bình > không hoàn thành, as 3 > 2 > 1 > 0, for comparing grades; TT 19's
 * "hoàn thành" ranks with the lowest completed class (grades of one profile are never mixed).
 */
export function gradeRank(grade: TeacherGrade): number {
  return { Gioi: 3, Kha: 2, TrungBinh: 1, HoanThanh: 1, KhongHoanThanh: 0 }[grade]
}

export function averageReason(
  average: Tenths,
  threshold: Tenths,
  blocks: Target,
  source: string,
  best: boolean,
): AverageBelow | BestAverageBelow | null {
  if (average >= threshold) return null
  const shortBy = tenths(threshold - average)
  return best
    ? { code: 'best-average-below', bestAverage: average, threshold, shortBy, blocks, source }
    : { code: 'average-below', average, threshold, shortBy, blocks, source }
}
