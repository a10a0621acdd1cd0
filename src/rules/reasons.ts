/**
 * Why a result is what it is, as data the bot translates (one Fluent message per `code`, the
 * other fields as its variables). Every reason names the class or verdict it stands in the way of
 * (`blocks`) and the text that sets the rule (`source`).
 *
 *   { code: 'component-below-minimum', component: { kind: 'module', index: 1 }, score: 650,
 *     minimum: 700, shortBy: 50, blocks: 'Gioi', source: 'TT 26/2012/TT-BGDĐT Điều 13' }
 *   → "Mô-đun 2: 6,5 < 7 nên chưa đạt loại Giỏi (TT 26/2012/TT-BGDĐT Điều 13)"
 */
import type { ComponentRef } from './components.ts'
import type { ManagerVerdict, TeacherClass } from './profile.ts'
import type { Score, Tenths } from './score.ts'
import type { Citation } from './sources.ts'

/** What a reason stands in the way of: a teacher class, or a manager's "đạt yêu cầu". */
export type Target = TeacherClass | Extract<ManagerVerdict, 'Dat'>

/** A component is under the minimum the target requires. */
export interface ComponentBelowMinimum {
  readonly code: 'component-below-minimum'
  readonly component: ComponentRef
  readonly score: Score
  readonly minimum: Score
  /** minimum − score, > 0 */
  readonly shortBy: Score
  readonly blocks: Target
  readonly source: Citation
}

/** The (rounded) ĐTB is under the target's lower bound. */
export interface AverageBelow {
  readonly code: 'average-below'
  readonly average: Tenths
  readonly threshold: Tenths
  /** threshold − average, > 0 */
  readonly shortBy: Tenths
  readonly blocks: Target
  readonly source: Citation
}

/**
 * Even with 10 in every component still missing, the ĐTB stays under the target's lower bound
 * (only while something is missing: "what do I need", and the best case of a pending result).
 */
export interface BestAverageBelow {
  readonly code: 'best-average-below'
  readonly bestAverage: Tenths
  readonly threshold: Tenths
  readonly shortBy: Tenths
  readonly blocks: Target
  readonly source: Citation
}

/** The plan has no ND3 module: the plan cannot be completed, and there is no ND3 mean. */
export interface NoModules {
  readonly code: 'no-modules'
  readonly blocks: Target
  readonly source: Citation
}

export type Reason = ComponentBelowMinimum | AverageBelow | BestAverageBelow | NoModules
export type ReasonCode = Reason['code']
