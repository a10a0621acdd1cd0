/**
 * The components a BDTX result is made of: ND1, ND2 and one score per ND3 module of the person's
 * plan. They are named fields, never positions, so ND1 cannot be passed where a module score is
 * meant; `ComponentRef` names one of them in answers ("module 2, THPT 19, is under 7").
 *
 *   const scores: TeacherScores = { nd1: s8, nd2: s9, modules: [s8, null], moduleCodes: ['THPT 17', 'THPT 19'] }
 *   missingComponents(scores)   // [{ kind: 'module', index: 1, code: 'THPT 19' }]
 */
import type { Score } from './score.ts'

export interface TeacherScores {
  readonly nd1: Score | null
  readonly nd2: Score | null
  /** one entry per ND3 module of the plan, in plan order; null while a module is not scored */
  readonly modules: ReadonlyArray<Score | null>
  /** the plan's module codes in the same order, so answers can name the module */
  readonly moduleCodes?: ReadonlyArray<string>
}

/** Managers are scored on the same three contents (TT 27/2015); only the verdict differs. */
export type ManagerScores = TeacherScores

export type ComponentRef =
  | { readonly kind: 'nd1' }
  | { readonly kind: 'nd2' }
  | { readonly kind: 'module'; readonly index: number; readonly code?: string }

export const ND1: ComponentRef = { kind: 'nd1' }
export const ND2: ComponentRef = { kind: 'nd2' }

export function moduleRef(scores: TeacherScores, index: number): ComponentRef {
  const code = scores.moduleCodes?.[index]
  return code === undefined ? { kind: 'module', index } : { kind: 'module', index, code }
}

/** Every component of the plan, in reading order: ND1, ND2, then the modules. */
export function componentRefs(scores: TeacherScores): ComponentRef[] {
  return [ND1, ND2, ...scores.modules.map((_, index) => moduleRef(scores, index))]
}

/** The score a reference points at: null when not scored yet, undefined when there is no such module. */
export function scoreAt(scores: TeacherScores, ref: ComponentRef): Score | null | undefined {
  if (ref.kind === 'nd1') return scores.nd1
  if (ref.kind === 'nd2') return scores.nd2
  return scores.modules[ref.index]
}

/** A copy with one component set (or cleared with null). A module index past the end is an error. */
export function withScore(scores: TeacherScores, ref: ComponentRef, score: Score | null): TeacherScores {
  if (ref.kind === 'nd1') return { ...scores, nd1: score }
  if (ref.kind === 'nd2') return { ...scores, nd2: score }
  if (!Number.isInteger(ref.index) || ref.index < 0 || ref.index >= scores.modules.length) {
    throw new RangeError(`no module ${ref.index} in a plan of ${scores.modules.length}`)
  }
  return { ...scores, modules: scores.modules.map((s, i) => (i === ref.index ? score : s)) }
}

/** The components still without a score. */
export function missingComponents(scores: TeacherScores): ComponentRef[] {
  const missing: ComponentRef[] = []
  if (scores.nd1 === null) missing.push(ND1)
  if (scores.nd2 === null) missing.push(ND2)
  scores.modules.forEach((s, i) => {
    if (s === null) missing.push(moduleRef(scores, i))
  })
  return missing
}

export function sameComponent(a: ComponentRef, b: ComponentRef): boolean {
  return a.kind === b.kind && (a.kind !== 'module' || (b.kind === 'module' && a.index === b.index))
}
