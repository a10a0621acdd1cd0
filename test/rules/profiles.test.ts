/**
 * Every regulation profile: the properties a head checks by hand (monotone, exact ĐTB, every
 * "need" plugged back in reaches its class and 0.1 lower does not), then each TT 19/2019 threshold
 * and hour against the line of docs/regulations.md it restates.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  classifyManager,
  classifyTeacher,
  componentRefs,
  defaultProfileFor,
  gradeRank,
  PROFILES,
  profileById,
  type RegulationProfile,
  requiredManagerScores,
  requiredScores,
  scoreAt,
  type TeacherClass,
  type TeacherScores,
  TT19_2019,
  TT26_2012,
  withScore,
  withSettings,
} from '../../src/rules/index.ts'
import { arbCompleteScores, arbPartialScores, h, set } from './support.ts'

const RUNS = { numRuns: 1000 }

const fill = (scores: TeacherScores, value: number): TeacherScores => ({
  nd1: scores.nd1 ?? h(value),
  nd2: scores.nd2 ?? h(value),
  modules: scores.modules.map((m) => m ?? h(value)),
})

/** TT 19 as a school that grades completed plans like TT 26 and splits 01/02 as 30 + 50. */
const SCHOOL_SETTINGS = profileById('tt19-2019?classes=tt26&nd1=30&nd2=50')!

describe.each([...Object.values(PROFILES), SCHOOL_SETTINGS])('profile $id', (profile: RegulationProfile) => {
  const grade = (scores: TeacherScores) => {
    const r = classifyTeacher(scores, profile)
    if (r.kind !== 'final') throw new Error('expected a final result')
    return r.grade
  }
  const reaches = (scores: TeacherScores, target: TeacherClass) =>
    gradeRank(grade(scores)) >= gradeRank(target)

  it('is monotone: raising a component never lowers the class or loses a pass', () => {
    const arb = arbCompleteScores.chain((scores) =>
      fc.tuple(fc.constant(scores), fc.constantFrom(...componentRefs(scores)), fc.nat(1000)),
    )
    fc.assert(
      fc.property(arb, ([scores, ref, up]) => {
        const raised = withScore(scores, ref, h(Math.min(1000, scoreAt(scores, ref)! + up)))
        expect(gradeRank(grade(raised))).toBeGreaterThanOrEqual(gradeRank(grade(scores)))
        const pass = (s: TeacherScores) => {
          const r = classifyManager(s, profile)
          return r.kind === 'final' && r.verdict === 'Dat'
        }
        if (pass(scores)) expect(pass(raised)).toBe(true)
      }),
      RUNS,
    )
  })

  it('gives only its own classes, and "not completed" exactly when a component is under the completion minimum', () => {
    const own = new Set<string>([...profile.teacher.classes.map((c) => c.grade), 'KhongHoanThanh'])
    fc.assert(
      fc.property(arbCompleteScores, (scores) => {
        const g = grade(scores)
        expect(own.has(g)).toBe(true)
        const lowest = Math.min(scores.nd1!, scores.nd2!, ...scores.modules.map(Number))
        expect(g === 'KhongHoanThanh').toBe(lowest < profile.teacher.completion.minimumComponent)
      }),
      RUNS,
    )
  })

  it('every "need", plugged back in, reaches its class and 0.1 lower does not; "certain" and "out of reach" are', () => {
    fc.assert(
      fc.property(arbPartialScores, (scores) => {
        const answers = requiredScores(scores, profile)
        expect(Object.keys(answers).filter((k) => k !== 'unknown')).toEqual(
          profile.teacher.classes.map((c) => c.grade),
        )
        for (const { grade: target } of profile.teacher.classes) {
          const answer = answers[target]!
          if (answer.kind === 'need') {
            expect(reaches(fill(scores, answer.score), target)).toBe(true)
            expect(reaches(fill(scores, answer.score - 10), target)).toBe(false)
          }
          if (answer.kind === 'certain') expect(reaches(fill(scores, 0), target)).toBe(true)
          if (answer.kind === 'out-of-reach') expect(reaches(fill(scores, 1000), target)).toBe(false)
        }
        const { Dat } = requiredManagerScores(scores, profile)
        const passes = (s: TeacherScores) => {
          const r = classifyManager(s, profile)
          return r.kind === 'final' && r.verdict === 'Dat'
        }
        if (Dat.kind === 'need') {
          expect(passes(fill(scores, Dat.score))).toBe(true)
          expect(passes(fill(scores, Dat.score - 10))).toBe(false)
        }
      }),
      RUNS,
    )
  })

  it('adds its hours up to the yearly total, and cites every rule', () => {
    const { nd1, nd2, nd3, total } = profile.hours
    expect(nd1.hours + nd2.hours + nd3.hours).toBe(total.hours)
    for (const rule of [profile.scale, profile.average, profile.manager, ...profile.teacher.classes]) {
      expect(rule.source.length).toBeGreaterThan(0)
    }
  })
})

describe('TT 19/2019 (docs/regulations.md)', () => {
  // "120 tiết/năm học … chương trình bồi dưỡng 01 … khoảng 40 tiết, 02 … khoảng 40 tiết, 03 … 40 tiết"
  it('asks 120 tiết a year, 40 + 40 + 40', () => {
    expect(TT19_2019.hours.total.hours).toBe(120)
    expect([TT19_2019.hours.nd1.hours, TT19_2019.hours.nd2.hours, TT19_2019.hours.nd3.hours]).toEqual([
      40, 40, 40,
    ])
  })

  // "chấm theo thang điểm 10 … đạt khi từ 5 điểm trở lên"; no Giỏi / Khá / Trung bình
  it('scores on 10 and a component is "đạt" from 5; a teacher completes or does not, nothing finer', () => {
    expect(TT19_2019.scale.max).toBe(1000)
    expect(classifyTeacher(set('5', '5', ['5']), TT19_2019)).toMatchObject({ grade: 'HoanThanh' })
    expect(classifyTeacher(set('10', '10', ['10']), TT19_2019)).toMatchObject({ grade: 'HoanThanh' })
    expect(classifyTeacher(set('10', '10', ['4.99']), TT19_2019)).toMatchObject({
      grade: 'KhongHoanThanh',
    })
    expect(classifyManager(set('5', '5', ['5']), TT19_2019)).toMatchObject({ verdict: 'Dat' })
    expect(classifyManager(set('9', '4.5', ['9']), TT19_2019)).toMatchObject({ verdict: 'KhongDat' })
  })

  it('tells a teacher the score each remaining module needs to be "đạt"', () => {
    expect(requiredScores(set('9', '4', [null]), TT19_2019).HoanThanh).toMatchObject({
      kind: 'out-of-reach',
    })
    expect(requiredScores(set('9', '9', [null, '6']), TT19_2019).HoanThanh).toEqual({
      kind: 'need',
      score: 500,
      tenths: 50,
    })
  })

  it('leaves to the school what no source settles', () => {
    expect(TT19_2019.unverified).toContain('completion-rule')
    expect(TT26_2012.unverified).toEqual([])
  })

  // TT 19/2019 was issued 12/11/2019; the seeds' 2017-2018 year is TT 26/2012's
  it('is the default from the 2019–2020 school year', () => {
    expect(defaultProfileFor(2017)).toBe(TT26_2012)
    expect(defaultProfileFor(2018)).toBe(TT26_2012)
    expect(defaultProfileFor(2019)).toBe(TT19_2019)
    expect(defaultProfileFor(2026)).toBe(TT19_2019)
  })
})

describe("a year's settings of TT 19's open points", () => {
  it('round-trip through the id a school year stores', () => {
    expect(SCHOOL_SETTINGS.teacher.classes.map((c) => c.grade)).toEqual(['Gioi', 'Kha', 'TrungBinh'])
    expect(SCHOOL_SETTINGS.teacher.classes[0]?.source).toBe(
      'TT 26/2012/TT-BGDĐT Điều 13 (áp dụng theo hướng dẫn của trường)',
    )
    expect([
      SCHOOL_SETTINGS.hours.nd1.hours,
      SCHOOL_SETTINGS.hours.nd2.hours,
      SCHOOL_SETTINGS.hours.nd3.hours,
    ]).toEqual([30, 50, 40])
    const again = withSettings(TT19_2019, { classes: 'tt26', nd1: 30, nd2: 50 })
    expect(again.ok && again.value.id).toBe(SCHOOL_SETTINGS.id)
    const back = withSettings(SCHOOL_SETTINGS, { classes: 'completion', nd1: 40, nd2: 40 })
    expect(back.ok && back.value).toBe(TT19_2019)
  })

  it('refuses hours that do not add up, settings of a closed regulation, and ids it cannot read', () => {
    expect(withSettings(TT19_2019, { nd1: 30, nd2: 60 })).toEqual({ ok: false, error: 'hours' })
    expect(withSettings(TT19_2019, { nd1: -10, nd2: 90 })).toEqual({ ok: false, error: 'hours' })
    expect(withSettings(TT26_2012, { classes: 'completion' })).toEqual({ ok: false, error: 'not-open' })
    expect(profileById('tt19-2019?classes=giỏi')).toBeUndefined()
    expect(profileById('tt19-2019?nd1=1e3&nd2=0')).toBeUndefined()
    expect(profileById('tt26-2012?classes=completion')).toBeUndefined()
  })
})
