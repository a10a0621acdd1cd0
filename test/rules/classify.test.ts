import { describe, expect, it } from 'vitest'
import {
  classifyManager,
  classifyTeacher,
  type RegulationProfile,
  SOURCES,
  TT26_2012,
  teacherAverage,
} from '../../src/rules/index.ts'
import { set, t } from './support.ts'

const ART13 = 'TT 26/2012/TT-BGDĐT Điều 13'

describe('classifyTeacher: the class table of BDTX.md (TT 26/2012 Điều 13)', () => {
  it.each([
    // Giỏi: ĐTB 9 to 10, no component below 7
    ['Giỏi at the bottom of its band', ['9', '9', ['9']], 90, 'Gioi'],
    ['Giỏi at the top of its band', ['10', '10', ['10']], 100, 'Gioi'],
    ['Giỏi with a component exactly 7', ['10', '10', ['7']], 90, 'Gioi'],
    // Khá: 7 to under 9, no component below 6
    ['Khá at the bottom of its band', ['7', '7', ['7']], 70, 'Kha'],
    ['Khá at the top of its band', ['9', '9', ['8.7']], 89, 'Kha'],
    ['Khá with a component exactly 6', ['10', '10', ['6']], 87, 'Kha'],
    // Trung bình: 5 to under 7, no component below 5
    ['Trung bình at the bottom of its band', ['5', '5', ['5']], 50, 'TrungBinh'],
    ['Trung bình at the top of its band', ['7', '7', ['6.7']], 69, 'TrungBinh'],
    ['Trung bình with a component exactly 5', ['10', '10', ['5']], 83, 'TrungBinh'],
    // every other case: không hoàn thành
    ['a component under 5', ['10', '10', ['4.99']], 83, 'KhongHoanThanh'],
    ['everything at 0', ['0', '0', ['0']], 0, 'KhongHoanThanh'],
  ] as const)('%s', (_, [nd1, nd2, modules], average, grade) => {
    const result = classifyTeacher(set(nd1, nd2, modules))
    expect(result).toMatchObject({ kind: 'final', average, grade })
  })

  it("fills the table's gap monotonically: ĐTB 9.2 with a component 6.5 is Khá, and says why not Giỏi", () => {
    expect(classifyTeacher(set('10', '10', ['6.5', '8.7']))).toEqual({
      kind: 'final',
      average: 92,
      grade: 'Kha',
      reasons: [
        {
          code: 'component-below-minimum',
          component: { kind: 'module', index: 0 },
          score: 650,
          minimum: 700,
          shortBy: 50,
          blocks: 'Gioi',
          source: ART13,
        },
      ],
    })
  })
})

describe("classifyTeacher: the issue's examples", () => {
  it('8.95, 8.95, [8.95] is 9.0 and Giỏi (floating point with toFixed says 8.9)', () => {
    expect(((8.95 + 8.95 + 8.95) / 3).toFixed(1)).toBe('8.9')
    expect(classifyTeacher(set('8.95', '8.95', ['8.95']))).toEqual({
      kind: 'final',
      average: 90,
      grade: 'Gioi',
      reasons: [],
    })
  })

  it('9.5, 9.5, [9.5, 6.5] averages 9.0 and is Khá, because module 2 is under 7', () => {
    expect(classifyTeacher(set('9.5', '9.5', ['9.5', '6.5']))).toEqual({
      kind: 'final',
      average: 90,
      grade: 'Kha',
      reasons: [
        {
          code: 'component-below-minimum',
          component: { kind: 'module', index: 1 },
          score: 650,
          minimum: 700,
          shortBy: 50,
          blocks: 'Gioi',
          source: ART13,
        },
      ],
    })
  })
})

describe('classifyTeacher: edges', () => {
  it('exactly 9.0 after rounding (8.95) is Giỏi; 8.9467 rounds to 8.9 and is Khá, 0.1 short', () => {
    expect(classifyTeacher(set('9', '9', ['8.85']))).toMatchObject({ average: 90, grade: 'Gioi' })
    expect(classifyTeacher(set('9', '9', ['8.84']))).toEqual({
      kind: 'final',
      average: 89,
      grade: 'Kha',
      reasons: [
        { code: 'average-below', average: 89, threshold: 90, shortBy: 1, blocks: 'Gioi', source: ART13 },
      ],
    })
  })

  it('exactly 7.0 after rounding (6.95) is Khá; 6.9467 is Trung bình', () => {
    expect(classifyTeacher(set('7', '7', ['6.85']))).toMatchObject({ average: 70, grade: 'Kha' })
    expect(classifyTeacher(set('7', '7', ['6.84']))).toEqual({
      kind: 'final',
      average: 69,
      grade: 'TrungBinh',
      reasons: [
        { code: 'average-below', average: 69, threshold: 70, shortBy: 1, blocks: 'Kha', source: ART13 },
      ],
    })
  })

  it('exactly 5.0 after rounding (4.95) is not enough with a component under 5', () => {
    expect(classifyTeacher(set('5', '5', ['5']))).toMatchObject({ average: 50, grade: 'TrungBinh' })
    expect(classifyTeacher(set('5', '5', ['4.85']))).toEqual({
      kind: 'final',
      average: 50,
      grade: 'KhongHoanThanh',
      reasons: [
        {
          code: 'component-below-minimum',
          component: { kind: 'module', index: 0 },
          score: 485,
          minimum: 500,
          shortBy: 15,
          blocks: 'TrungBinh',
          source: ART13,
        },
      ],
    })
  })

  it.each([
    ['8.05', 81],
    ['7.25', 73],
    ['6.45', 65],
    ['8.15', 82],
    ['5.55', 56],
    ['9.95', 100],
  ])('rounds x.x5 up: %s everywhere averages %d tenths', (x, average) => {
    expect(teacherAverage(set(x, x, [x]))).toBe(average)
  })

  it('rounds on the exact value, not on a rounded module mean', () => {
    // module mean 8.845 (not rounded), ĐTB 26.845 / 3 = 8.94833… → 8.9
    expect(teacherAverage(set('9', '9', ['8.8', '8.89']))).toBe(89)
    // module mean 8.85, ĐTB exactly 8.95 → 9.0
    expect(teacherAverage(set('9', '9', ['9', '8.7']))).toBe(90)
    // 1/3 and 2/3 endings
    expect(teacherAverage(set('8', '8', ['8.1']))).toBe(80)
    expect(teacherAverage(set('8', '8', ['8.2']))).toBe(81)
  })

  it.each([
    ['7', 'Gioi', null],
    ['6.99', 'Kha', { minimum: 700, shortBy: 1, blocks: 'Gioi' }],
    ['6', 'Kha', { minimum: 700, shortBy: 100, blocks: 'Gioi' }],
    ['5.99', 'TrungBinh', { minimum: 600, shortBy: 1, blocks: 'Kha' }],
    ['5', 'TrungBinh', { minimum: 600, shortBy: 100, blocks: 'Kha' }],
    ['4.99', 'KhongHoanThanh', { minimum: 500, shortBy: 1, blocks: 'TrungBinh' }],
  ] as const)('a component of %s with everything else 10 gives %s', (x, grade, reason) => {
    const result = classifyTeacher(set('10', '10', ['10', x]))
    expect(result).toMatchObject({ kind: 'final', grade })
    if (result.kind !== 'final') return
    if (reason === null) expect(result.reasons).toEqual([])
    else {
      expect(result.reasons).toEqual([
        {
          code: 'component-below-minimum',
          component: { kind: 'module', index: 1 },
          score: Math.round(Number(x) * 100),
          ...reason,
          source: ART13,
        },
      ])
    }
  })

  it('an empty module list means the plan is not completed, with no ĐTB', () => {
    expect(classifyTeacher(set('10', '10', []))).toEqual({
      kind: 'final',
      average: null,
      grade: 'KhongHoanThanh',
      reasons: [{ code: 'no-modules', blocks: 'TrungBinh', source: ART13 }],
    })
    expect(teacherAverage(set('10', '10', []))).toBeNull()
  })

  it('a missing component keeps the result pending and lists what is missing', () => {
    expect(classifyTeacher(set('9', null, ['9', null]))).toEqual({
      kind: 'pending',
      missing: [{ kind: 'nd2' }, { kind: 'module', index: 1 }],
      bestPossible: 'Gioi',
      reasons: [],
    })
    expect(teacherAverage(set('9', null, ['9']))).toBeNull()
  })

  it('a pending result says what already holds the best case down', () => {
    expect(classifyTeacher(set(null, '6.5', ['8']))).toEqual({
      kind: 'pending',
      missing: [{ kind: 'nd1' }],
      bestPossible: 'Kha',
      reasons: [
        {
          code: 'component-below-minimum',
          component: { kind: 'nd2' },
          score: 650,
          minimum: 700,
          shortBy: 50,
          blocks: 'Gioi',
          source: ART13,
        },
        // best case 10, 6.5, [8] → 8.2
        {
          code: 'best-average-below',
          bestAverage: 82,
          threshold: 90,
          shortBy: 8,
          blocks: 'Gioi',
          source: ART13,
        },
      ],
    })
    // best case 8, 8, [8, 10] → (16 + 9) / 3 = 8.33… → 8.3: under 9 even with 10
    expect(classifyTeacher(set('8', '8', ['8', null]))).toMatchObject({
      kind: 'pending',
      bestPossible: 'Kha',
      reasons: [{ code: 'best-average-below', bestAverage: 83, threshold: 90, shortBy: 7, blocks: 'Gioi' }],
    })
  })

  it('names modules by code when the plan gives them', () => {
    const scores = { ...set('10', '10', ['10', '6.5']), moduleCodes: ['THPT 17', 'THPT 19'] }
    const result = classifyTeacher(scores)
    expect(result.kind === 'final' && result.reasons[0]).toMatchObject({
      component: { kind: 'module', index: 1, code: 'THPT 19' },
    })
    expect(classifyTeacher({ ...scores, modules: [scores.modules[0]!, null] })).toMatchObject({
      missing: [{ kind: 'module', index: 1, code: 'THPT 19' }],
    })
  })

  it('lists every component that holds the class down, ND1 and ND2 included', () => {
    const result = classifyTeacher(set('6.5', '6', ['9', '6.9', '10']))
    expect(result).toMatchObject({ kind: 'final', grade: 'Kha' })
    // (6.5 + 6 + 8.633…) / 3 = 7.04… → 7.0
    expect(result).toMatchObject({ average: 70 })
    const reasons = result.kind === 'final' ? result.reasons : []
    expect(reasons.map((r) => (r.code === 'component-below-minimum' ? r.component : r.code))).toEqual([
      { kind: 'nd1' },
      { kind: 'nd2' },
      { kind: 'module', index: 1 },
      'average-below',
    ])
  })
})

describe('classifyManager (TT 27/2015 Điều 7 khoản 2)', () => {
  const SOURCE = SOURCES.tt27Managers
  it('passes when the ĐTB and every component are at least 5', () => {
    expect(classifyManager(set('5', '5', ['5', '5']))).toEqual({
      kind: 'final',
      average: 50,
      verdict: 'Dat',
      reasons: [],
    })
    // (9.5 + 9 + 7.25) / 3 = 8.583… → 8.6
    expect(classifyManager(set('9.5', '9', ['8', '6.5']))).toMatchObject({ average: 86, verdict: 'Dat' })
  })

  it('fails with a component under 5, saying which and by how much', () => {
    expect(classifyManager(set('8', '4.5', ['7']))).toEqual({
      kind: 'final',
      average: 65,
      verdict: 'KhongDat',
      reasons: [
        {
          code: 'component-below-minimum',
          component: { kind: 'nd2' },
          score: 450,
          minimum: 500,
          shortBy: 50,
          blocks: 'Dat',
          source: SOURCE,
        },
      ],
    })
  })

  it('fails on the average too, when it is under 5', () => {
    const result = classifyManager(set('4', '4', ['4']))
    expect(result).toMatchObject({ verdict: 'KhongDat', average: 40 })
    expect(result.kind === 'final' && result.reasons.at(-1)).toEqual({
      code: 'average-below',
      average: 40,
      threshold: 50,
      shortBy: 10,
      blocks: 'Dat',
      source: SOURCE,
    })
  })

  it('is pending while a component is missing, and fails a plan with no module', () => {
    expect(classifyManager(set('8', null, ['7']))).toEqual({
      kind: 'pending',
      missing: [{ kind: 'nd2' }],
      bestPossible: 'Dat',
      reasons: [],
    })
    expect(classifyManager(set('4', null, ['7']))).toMatchObject({
      kind: 'pending',
      bestPossible: 'KhongDat',
    })
    expect(classifyManager(set('8', '8', []))).toEqual({
      kind: 'final',
      average: null,
      verdict: 'KhongDat',
      reasons: [{ code: 'no-modules', blocks: 'Dat', source: SOURCE }],
    })
  })
})

describe('profiles are parameters', () => {
  it('a different profile moves the thresholds without code changes', () => {
    const lenient: RegulationProfile = {
      ...TT26_2012,
      id: 'test-lenient',
      teacher: {
        ...TT26_2012.teacher,
        classes: TT26_2012.teacher.classes.map((c) =>
          c.grade === 'Gioi' ? { ...c, minimumAverage: t(85), source: 'test' } : c,
        ),
      },
    }
    const scores = set('8.5', '8.5', ['8.5'])
    expect(classifyTeacher(scores)).toMatchObject({ grade: 'Kha' })
    expect(classifyTeacher(scores, lenient)).toMatchObject({ grade: 'Gioi' })
  })

  it('a class never goes under the completion minimum, whatever the class row says', () => {
    const odd: RegulationProfile = {
      ...TT26_2012,
      id: 'test-odd',
      teacher: {
        ...TT26_2012.teacher,
        classes: TT26_2012.teacher.classes.map((c) =>
          c.grade === 'TrungBinh' ? { ...c, minimumComponent: 0 as never } : c,
        ),
      },
    }
    expect(classifyTeacher(set('10', '10', ['4.99']), odd)).toMatchObject({ grade: 'KhongHoanThanh' })
  })
})
