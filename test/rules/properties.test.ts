/**
 * Property-based checks over random score sets (fast-check). Each property states a rule a head
 * of department would check by hand, against an independent reference where there is one.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  averageTenths,
  type ComponentRef,
  cefrLevel,
  classifyManager,
  classifyTeacher,
  componentRefs,
  type ExamScore,
  gradeRank,
  parseExamScore,
  type Requirement,
  requiredManagerScores,
  requiredScores,
  type Score,
  scoreAt,
  type TeacherClass,
  type TeacherGrade,
  type TeacherScores,
  teacherAverage,
  withScore,
} from '../../src/rules/index.ts'
import { arbCompleteScores, arbPartialScores, h } from './support.ts'

const RUNS = { numRuns: 2000 }

/** ĐTB in tenths by BigInt rationals over points: (a + b + Σm/n) / 3, rounded half up. */
function referenceAverage(scores: TeacherScores): bigint {
  const n = BigInt(scores.modules.length)
  const a = BigInt(scores.nd1!)
  const b = BigInt(scores.nd2!)
  const sum = scores.modules.reduce((acc: bigint, m) => acc + BigInt(m!), 0n)
  // value in points = p / q with p = (a + b)·n + Σm and q = 3·n·100
  const p = (a + b) * n + sum
  const q = 3n * n * 100n
  // tenths = ⌊10·p/q + 1/2⌋ = ⌊(20p + q) / 2q⌋
  return (20n * p + q) / (2n * q)
}

/** The class table of TT 26/2012 Điều 13 read literally (bands with upper bounds, no gap filling). */
function literalTable(average: number, components: ReadonlyArray<number>): TeacherGrade {
  const lowest = Math.min(...components)
  if (average >= 90 && average <= 100 && lowest >= 700) return 'Gioi'
  if (average >= 70 && average < 90 && lowest >= 600) return 'Kha'
  if (average >= 50 && average < 70 && lowest >= 500) return 'TrungBinh'
  return 'KhongHoanThanh'
}

const finalGrade = (scores: TeacherScores): TeacherGrade => {
  const r = classifyTeacher(scores)
  if (r.kind !== 'final') throw new Error('expected a final result')
  return r.grade
}

const valuesOf = (scores: TeacherScores): number[] => [
  scores.nd1!,
  scores.nd2!,
  ...(scores.modules as Score[]),
]

/** Every missing component set to `value`. */
function fill(scores: TeacherScores, value: Score): TeacherScores {
  return {
    ...scores,
    nd1: scores.nd1 ?? value,
    nd2: scores.nd2 ?? value,
    modules: scores.modules.map((m) => m ?? value),
  }
}

const arbRaise = arbCompleteScores.chain((scores) =>
  fc.record({
    scores: fc.constant(scores),
    ref: fc.constantFrom<ComponentRef>(...componentRefs(scores)),
    raise: fc.integer({ min: 0, max: 1000 }),
  }),
)

describe('classification', () => {
  it('is monotone: raising any component never lowers the class', () => {
    fc.assert(
      fc.property(arbRaise, ({ scores, ref, raise }) => {
        const before = scoreAt(scores, ref)!
        const raised = withScore(scores, ref, h(Math.min(1000, before + raise)))
        expect(gradeRank(finalGrade(raised))).toBeGreaterThanOrEqual(gradeRank(finalGrade(scores)))
      }),
      RUNS,
    )
  })

  it('is monotone for managers too', () => {
    fc.assert(
      fc.property(arbRaise, ({ scores, ref, raise }) => {
        const before = scoreAt(scores, ref)!
        const raised = withScore(scores, ref, h(Math.min(1000, before + raise)))
        const pass = (s: TeacherScores) => {
          const r = classifyManager(s)
          return r.kind === 'final' && r.verdict === 'Dat'
        }
        if (pass(scores)) expect(pass(raised)).toBe(true)
      }),
      RUNS,
    )
  })

  it('computes the ĐTB exactly: it never differs from a BigInt rational reference', () => {
    fc.assert(
      fc.property(arbCompleteScores, (scores) => {
        expect(BigInt(teacherAverage(scores)!)).toBe(referenceAverage(scores))
        expect(BigInt(averageTenths(scores.nd1!, scores.nd2!, scores.modules as Score[]))).toBe(
          referenceAverage(scores),
        )
        const r = classifyTeacher(scores)
        expect(r.kind === 'final' && BigInt(r.average!)).toBe(referenceAverage(scores))
      }),
      RUNS,
    )
  })

  it('agrees with the literal table wherever the table gives a class, and only ever fills its gap upwards', () => {
    fc.assert(
      fc.property(arbCompleteScores, (scores) => {
        const average = teacherAverage(scores)!
        const literal = literalTable(average, valuesOf(scores))
        const grade = finalGrade(scores)
        if (literal !== 'KhongHoanThanh') expect(grade).toBe(literal)
        else expect(gradeRank(grade)).toBeGreaterThanOrEqual(0)
        // "không hoàn thành" exactly when a component is under 5 (which the ĐTB ≥ 5 then cannot save)
        expect(grade === 'KhongHoanThanh').toBe(Math.min(...valuesOf(scores)) < 500)
      }),
      RUNS,
    )
  })

  it('explains every class short of Giỏi, and every reason is true', () => {
    fc.assert(
      fc.property(arbCompleteScores, (scores) => {
        const r = classifyTeacher(scores)
        if (r.kind !== 'final') return
        expect(r.reasons.length === 0).toBe(r.grade === 'Gioi')
        for (const reason of r.reasons) {
          if (reason.code === 'component-below-minimum') {
            expect(scoreAt(scores, reason.component)).toBe(reason.score)
            expect(reason.score + reason.shortBy).toBe(reason.minimum)
          }
          if (reason.code === 'average-below') expect(reason.average).toBe(r.average)
        }
      }),
      RUNS,
    )
  })

  it("a pending result's best case is what the missing components at 10 give", () => {
    fc.assert(
      fc.property(arbPartialScores, (scores) => {
        const r = classifyTeacher(scores)
        if (r.kind === 'pending') expect(r.bestPossible).toBe(finalGrade(fill(scores, h(1000))))
        else expect(r.grade).toBe(finalGrade(scores))
      }),
      RUNS,
    )
  })
})

const CLASSES: ReadonlyArray<TeacherClass> = ['Gioi', 'Kha', 'TrungBinh']
const reaches = (scores: TeacherScores, grade: TeacherClass) =>
  gradeRank(finalGrade(scores)) >= gradeRank(grade)

describe('requiredScores', () => {
  it('every "need", plugged back in, reaches its class, and 0.1 lower does not', () => {
    fc.assert(
      fc.property(arbPartialScores, (scores) => {
        const answers = requiredScores(scores)
        for (const grade of CLASSES) {
          const answer: Requirement = answers[grade]!
          if (answer.kind !== 'need') continue
          expect(answer.score % 10).toBe(0)
          expect(answer.score).toBeGreaterThan(0)
          expect(reaches(fill(scores, answer.score), grade)).toBe(true)
          expect(reaches(fill(scores, h(answer.score - 10)), grade)).toBe(false)
        }
      }),
      RUNS,
    )
  })

  it('"certain" is certain (everything missing at 0 still reaches it); "out of reach" is (at 10 it does not)', () => {
    fc.assert(
      fc.property(arbPartialScores, (scores) => {
        const answers = requiredScores(scores)
        for (const grade of CLASSES) {
          const answer = answers[grade]!
          if (answer.kind === 'certain') expect(reaches(fill(scores, h(0)), grade)).toBe(true)
          if (answer.kind === 'out-of-reach') {
            expect(reaches(fill(scores, h(1000)), grade)).toBe(false)
            expect(answer.reasons[0]).toBe(answer.reason)
            expect(answer.reasons.every((r) => r.code !== 'no-modules' && r.blocks === grade)).toBe(true)
          }
          if (answer.kind === 'need') expect(answers.unknown.length).toBeGreaterThan(0)
        }
      }),
      RUNS,
    )
  })

  it('with nothing missing, is "certain" exactly for the classes reached', () => {
    fc.assert(
      fc.property(arbCompleteScores, (scores) => {
        const answers = requiredScores(scores)
        for (const grade of CLASSES) {
          expect(answers[grade]!.kind).toBe(reaches(scores, grade) ? 'certain' : 'out-of-reach')
        }
      }),
      RUNS,
    )
  })

  it('asks at least as much for a better class', () => {
    const demand = (r: Requirement) => (r.kind === 'certain' ? -1 : r.kind === 'need' ? r.score : 2000)
    fc.assert(
      fc.property(arbPartialScores, (scores) => {
        const a = requiredScores(scores)
        expect(demand(a.Gioi!)).toBeGreaterThanOrEqual(demand(a.Kha!))
        expect(demand(a.Kha!)).toBeGreaterThanOrEqual(demand(a.TrungBinh!))
      }),
      RUNS,
    )
  })

  it('for managers, the "need" is the smallest passing tenth', () => {
    const passes = (s: TeacherScores) => {
      const r = classifyManager(s)
      return r.kind === 'final' && r.verdict === 'Dat'
    }
    fc.assert(
      fc.property(arbPartialScores, (scores) => {
        const { Dat } = requiredManagerScores(scores)
        if (Dat.kind === 'need') {
          expect(passes(fill(scores, Dat.score))).toBe(true)
          expect(passes(fill(scores, h(Dat.score - 10)))).toBe(false)
        }
        if (Dat.kind === 'certain') expect(passes(fill(scores, h(0)))).toBe(true)
        if (Dat.kind === 'out-of-reach') expect(passes(fill(scores, h(1000)))).toBe(false)
      }),
      RUNS,
    )
  })
})

describe('CEFR', () => {
  const frameworkOf = (s: ExamScore) => {
    const r = cefrLevel(s)
    return r.kind === 'level' ? r.framework : 0
  }

  it('raising any part never lowers the level', () => {
    const arbToeic = fc.record({
      listeningReading: fc.integer({ min: 2, max: 198 }).map((x) => x * 5),
      speaking: fc.integer({ min: 0, max: 20 }).map((x) => x * 10),
      writing: fc.integer({ min: 0, max: 20 }).map((x) => x * 10),
    })
    fc.assert(
      fc.property(
        arbToeic,
        fc.constantFrom('listeningReading', 'speaking', 'writing'),
        fc.nat(200),
        (t, part, up) => {
          const before: ExamScore = { exam: 'toeic', ...t }
          const after: ExamScore = { exam: 'toeic', ...t, [part]: t[part] + up }
          expect(frameworkOf(after)).toBeGreaterThanOrEqual(frameworkOf(before))
        },
      ),
    )
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 18 }), fc.integer({ min: 0, max: 18 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(frameworkOf({ exam: 'ielts', overall: hi / 2 })).toBeGreaterThanOrEqual(
          frameworkOf({ exam: 'ielts', overall: lo / 2 }),
        )
      }),
    )
  })

  it('accepts exactly the scores each scale can report', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 1100 }), (x) => {
        const lr = parseExamScore('toeic', [String(x), '100', '100'])
        expect(lr.ok).toBe(x >= 10 && x <= 990 && x % 5 === 0)
        const sp = parseExamScore('toeic', ['500', String(x), '100'])
        expect(sp.ok).toBe(x >= 0 && x <= 200 && x % 10 === 0)
        const toefl = parseExamScore('toefl', [String(x)])
        expect(toefl.ok).toBe(x >= 0 && x <= 120)
      }),
    )
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 120 }), (tenths) => {
        const ielts = parseExamScore('ielts', [(tenths / 10).toFixed(1)])
        expect(ielts.ok).toBe(tenths >= 0 && tenths <= 90 && tenths % 5 === 0)
      }),
    )
  })
})
