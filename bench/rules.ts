/**
 * How fast the rule engine judges, on one core: `rules.classify_per_s` classifies pre-built random
 * teachers (ND1, ND2, 3–6 modules); `rules.need_per_s` answers "what do I need" for teachers with
 * one to three components missing. A province of 100,000 teachers must take well under a second.
 */
import {
  classifyTeacher,
  requiredScores,
  type Score,
  scoreFromHundredths,
  type TeacherScores,
} from '../src/rules/index.ts'
import type { BenchSuite } from './suites.ts'

const SETS = 200_000
const NEED_SETS = 50_000
const ROUNDS = 5

/** mulberry32: a small seeded PRNG, so every run measures the same work. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function scoreSets(count: number, seed: number, missing: boolean): TeacherScores[] {
  const random = prng(seed)
  // mostly 5–10 with a tail under 5, as real results are, in steps of 0.25
  const score = (): Score => {
    const r = scoreFromHundredths(
      random() < 0.9 ? 500 + Math.floor(random() * 21) * 25 : Math.floor(random() * 500),
    )
    if (!r.ok) throw new Error('bad bench score')
    return r.value
  }
  const sets: TeacherScores[] = []
  for (let i = 0; i < count; i++) {
    const modules = Array.from({ length: 3 + Math.floor(random() * 4) }, score)
    const set: { nd1: Score | null; nd2: Score | null; modules: (Score | null)[] } = {
      nd1: score(),
      nd2: score(),
      modules,
    }
    if (missing) {
      const holes = 1 + Math.floor(random() * 3)
      for (let k = 0; k < holes; k++) {
        const at = Math.floor(random() * (modules.length + 2))
        if (at === 0) set.nd1 = null
        else if (at === 1) set.nd2 = null
        else set.modules[at - 2] = null
      }
    }
    sets.push(set)
  }
  return sets
}

/** Best-of-ROUNDS throughput of `judge` over `sets`, after one warm-up pass. */
function perSecond(sets: ReadonlyArray<TeacherScores>, judge: (s: TeacherScores) => number): number {
  let sink = 0
  for (const s of sets) sink += judge(s)
  let best = Number.POSITIVE_INFINITY
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now()
    for (const s of sets) sink += judge(s)
    best = Math.min(best, performance.now() - start)
  }
  if (sink === -1) process.stdout.write('') // keeps the work observable
  return Math.round((sets.length / best) * 1000)
}

export const rulesSuite: BenchSuite = {
  name: 'rules',
  async run() {
    const complete = scoreSets(SETS, 2012, false)
    const partial = scoreSets(NEED_SETS, 2015, true)
    const classify_per_s = perSecond(complete, (s) => {
      const r = classifyTeacher(s)
      return r.kind === 'final' ? r.reasons.length + (r.average ?? 0) : 0
    })
    const need_per_s = perSecond(partial, (s) => {
      const r = requiredScores(s)
      return r.Gioi!.kind.length + r.Kha!.kind.length + r.TrungBinh!.kind.length
    })
    return { classify_per_s, need_per_s }
  },
}
