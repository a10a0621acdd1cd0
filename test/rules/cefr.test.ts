import { describe, expect, it } from 'vitest'
import {
  CEFR_TABLE,
  cefrLevel,
  EXAMS,
  type Exam,
  type ExamScore,
  examMinimums,
  examParts,
  formatExamValue,
  parseExam,
  parseExamScore,
  partValue,
  SOURCES,
} from '../../src/rules/index.ts'

const P = SOURCES.soPlan
const T05 = SOURCES.tt05
const C1311 = SOURCES.cv1311
const F901 = SOURCES.cv901
const V729 = SOURCES.vstep
const K01 = SOURCES.framework

// The table of BDTX.md / seed 000 §II.5, written out independently of the data:
// level, framework, IELTS, TOEFL iBT, FCE, TOEIC L&R, S, W — each [minimum, source] — then
// VSTEP.3-5 (QĐ 729/QĐ-BGDĐT: 4.0 B1, 6.0 B2, 8.5 C1) and the framework's own bậc (TT 01/2014).
type Cell = readonly [number, string] | null
const TABLE: ReadonlyArray<readonly [string, number, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell]> = [
  ['A1', 1, [2, P], null, [0, F901], [120, P], [50, P], [30, P], null, [1, K01]],
  ['A2', 2, [3, P], [40, P], [35, F901], [225, P], [70, P], [50, P], null, [2, K01]],
  ['B1', 3, [4.5, T05], [45, T05], [45, F901], [450, T05], [105, P], [90, P], [4, V729], [3, K01]],
  ['B2', 4, [5.5, T05], [61, T05], [60, F901], [600, T05], [140, P], [130, P], [6, V729], [4, K01]],
  ['C1', 5, [6.5, P], [90, C1311], [80, F901], [850, C1311], [170, P], [165, P], [8.5, V729], [5, K01]],
  ['C2', 6, null, null, null, null, null, null, null, [6, K01]],
]

const cell = (c: Cell) => (c === null ? null : { minimum: c[0], source: c[1] })

describe("CEFR_TABLE is seed 000's table, each cell with its source", () => {
  const overall = (c: Cell) => (c === null ? null : { overall: cell(c) })
  it.each(TABLE)('row %s (framework %d)', (level, framework, ielts, toefl, fce, lr, sp, wr, vstep, bac) => {
    const row = CEFR_TABLE.find((r) => r.level === level)
    expect(row).toEqual({
      level,
      framework,
      cells: {
        ielts: overall(ielts),
        toefl: overall(toefl),
        fce: overall(fce),
        toeic: lr === null ? null : { listeningReading: cell(lr), speaking: cell(sp), writing: cell(wr) },
        vstep: overall(vstep),
        framework: overall(bac),
      },
    })
  })
  it('has the six rows, lowest first, and every column rises', () => {
    expect(CEFR_TABLE.map((r) => r.level)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2'])
    for (let i = 1; i < CEFR_TABLE.length; i++) {
      const [lo, hi] = [CEFR_TABLE[i - 1]!, CEFR_TABLE[i]!]
      for (const exam of EXAMS) {
        for (const [part, c] of Object.entries(hi.cells[exam] ?? {})) {
          const below = lo.cells[exam]?.[part as 'overall']
          if (below) expect(c.minimum).toBeGreaterThan(below.minimum)
        }
      }
    }
  })
})

const single = (exam: Exclude<Exam, 'toeic'>, overall: number): ExamScore => ({ exam, overall })
const toeic = (listeningReading: number, speaking: number, writing: number): ExamScore => ({
  exam: 'toeic',
  listeningReading,
  speaking,
  writing,
})
const levelOf = (score: ExamScore) => {
  const r = cefrLevel(score)
  return r.kind === 'level' ? r.level : 'below'
}

describe('cefrLevel: each exam at each row, and one step under it', () => {
  it.each([
    // exam, the row's minimum → level, one step under → level
    ['ielts', 2, 'A1', 1.5, 'below'],
    ['ielts', 3, 'A2', 2.5, 'A1'],
    ['ielts', 4.5, 'B1', 4, 'A2'],
    ['ielts', 5.5, 'B2', 5, 'B1'],
    ['ielts', 6.5, 'C1', 6, 'B2'],
    ['toefl', 40, 'A2', 39, 'below'],
    ['toefl', 45, 'B1', 44, 'A2'],
    ['toefl', 61, 'B2', 60, 'B1'],
    ['toefl', 90, 'C1', 89, 'B2'],
    ['fce', 0, 'A1', null, null],
    ['fce', 35, 'A2', 34, 'A1'],
    ['fce', 45, 'B1', 44, 'A2'],
    ['fce', 60, 'B2', 59, 'B1'],
    ['fce', 80, 'C1', 79, 'B2'],
    ['vstep', 4, 'B1', 3.5, 'below'],
    ['vstep', 6, 'B2', 5.5, 'B1'],
    ['vstep', 8.5, 'C1', 8, 'B2'],
    ['framework', 1, 'A1', null, null],
    ['framework', 2, 'A2', 1, 'A1'],
    ['framework', 4, 'B2', 3, 'B1'],
    ['framework', 6, 'C2', 5, 'C1'],
  ] as const)('%s %d is %s; %d is %s', (exam, at, level, under, levelUnder) => {
    expect(levelOf(single(exam, at))).toBe(level)
    if (under !== null) expect(levelOf(single(exam, under))).toBe(levelUnder)
  })

  it.each([
    // the row's figures (S and W as the table writes them), then each part one real step under
    [[120, 50, 30], 'A1', [115, 40, 20], 'below'],
    [[225, 70, 50], 'A2', [220, 60, 40], 'A1'],
    [[450, 105, 90], 'B1', [445, 100, 80], 'A2'],
    [[600, 140, 130], 'B2', [595, 130, 120], 'B1'],
    [[850, 170, 165], 'C1', [845, 160, 160], 'B2'],
  ] as const)(
    'TOEIC %j is %s; each part a step under (%j) is %s',
    ([lr, sp, wr], level, [lr2, sp2, wr2], under) => {
      expect(levelOf(toeic(lr, sp, wr))).toBe(level)
      expect(levelOf(toeic(lr2, sp, wr))).toBe(under)
      expect(levelOf(toeic(lr, sp2, wr))).toBe(under)
      expect(levelOf(toeic(lr, sp, wr2))).toBe(under)
    },
  )

  it('TOEIC on real 10-point steps: Speaking 105 means 110, Writing 165 means 170', () => {
    expect(levelOf(toeic(450, 110, 90))).toBe('B1')
    expect(levelOf(toeic(450, 100, 90))).toBe('A2')
    expect(levelOf(toeic(850, 170, 170))).toBe('C1')
    expect(levelOf(toeic(850, 170, 160))).toBe('B2')
  })

  it('tops out at C1, the highest row the table gives', () => {
    expect(cefrLevel(single('ielts', 9))).toMatchObject({ level: 'C1', framework: 5 })
    expect(cefrLevel(single('toefl', 120))).toMatchObject({ level: 'C1', framework: 5 })
    expect(cefrLevel(toeic(990, 200, 200))).toMatchObject({ level: 'C1', framework: 5, limitedBy: [] })
  })

  it("cites the row's source", () => {
    expect(cefrLevel(single('ielts', 6))).toEqual({
      kind: 'level',
      exam: 'ielts',
      level: 'B2',
      framework: 4,
      source: T05,
      sources: [T05],
      limitedBy: [],
      partLevels: { overall: 'B2' },
    })
    expect(cefrLevel(single('toefl', 95))).toMatchObject({ level: 'C1', source: C1311 })
    expect(cefrLevel(single('fce', 70))).toMatchObject({ level: 'B2', source: F901 })
    expect(cefrLevel(single('ielts', 7))).toMatchObject({ level: 'C1', source: P })
    expect(cefrLevel(toeic(650, 150, 140))).toMatchObject({ level: 'B2', source: T05, sources: [T05, P] })
  })

  it('TOEIC: the lowest part decides, and the answer names it', () => {
    expect(cefrLevel(toeic(900, 180, 140))).toEqual({
      kind: 'level',
      exam: 'toeic',
      level: 'B2',
      framework: 4,
      source: T05,
      sources: [T05, P],
      limitedBy: ['writing'],
      partLevels: { listeningReading: 'C1', speaking: 'C1', writing: 'B2' },
    })
    expect(cefrLevel(toeic(460, 200, 90))).toMatchObject({
      level: 'B1',
      limitedBy: ['listeningReading', 'writing'],
    })
  })

  it('below the table: names the lowest level, its minimum and the parts under it', () => {
    expect(cefrLevel(single('toefl', 39))).toEqual({
      kind: 'below-table',
      exam: 'toefl',
      lowestLevel: 'A2',
      lowestFramework: 2,
      lowestScore: { exam: 'toefl', overall: 40 },
      belowParts: ['overall'],
      source: P,
      sources: [P],
    })
    expect(cefrLevel(single('ielts', 1.5))).toMatchObject({
      kind: 'below-table',
      lowestLevel: 'A1',
      lowestScore: { exam: 'ielts', overall: 2 },
    })
    expect(cefrLevel(toeic(100, 200, 200))).toMatchObject({
      kind: 'below-table',
      lowestLevel: 'A1',
      lowestScore: { exam: 'toeic', listeningReading: 120, speaking: 50, writing: 30 },
      belowParts: ['listeningReading'],
    })
  })
})

describe('examMinimums', () => {
  it('C1: IELTS 6.5, TOEFL iBT 90, FCE 80, TOEIC 850 + 170 + 170 (the table writes Writing 165)', () => {
    expect(examMinimums('C1').map((m) => m.minimum)).toEqual([
      { exam: 'ielts', overall: 6.5 },
      { exam: 'toefl', overall: 90 },
      { exam: 'fce', overall: 80 },
      { exam: 'toeic', listeningReading: 850, speaking: 170, writing: 170 },
      { exam: 'vstep', overall: 8.5 },
      { exam: 'framework', overall: 5 },
    ])
    const toeicC1 = examMinimums('C1').find((m) => m.exam === 'toeic')
    expect(toeicC1?.asWritten).toEqual({ exam: 'toeic', listeningReading: 850, speaking: 170, writing: 165 })
    expect(toeicC1?.offStep).toEqual(['writing'])
    expect(examMinimums('C1').find((m) => m.exam === 'toeic')?.sources).toEqual([
      { part: 'listeningReading', source: C1311 },
      { part: 'speaking', source: P },
      { part: 'writing', source: P },
    ])
  })
  it('every minimum is a score a person can have, and reaches its level', () => {
    for (const level of ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const) {
      for (const m of examMinimums(level)) {
        const parts = examParts(m.exam).map((p) => String(partValue(m.minimum, p)))
        const read = parseExamScore(m.exam, parts)
        expect(read.ok, `${level} ${m.exam} ${parts}`).toBe(true)
        if (read.ok) expect(cefrLevel(read.value)).toMatchObject({ kind: 'level', level })
      }
    }
    expect(examMinimums('B1').find((m) => m.exam === 'toeic')?.minimum).toMatchObject({ speaking: 110 })
  })
  it('A1 has no TOEFL or VSTEP figure, and only the framework certifies C2', () => {
    expect(examMinimums('A1').map((m) => m.exam)).toEqual(['ielts', 'fce', 'toeic', 'framework'])
    expect(examMinimums('C2').map((m) => m.minimum)).toEqual([{ exam: 'framework', overall: 6 }])
  })
})

describe('parseExam', () => {
  it.each([
    ['IELTS', 'ielts'],
    ['ielts academic', 'ielts'],
    ['TOEFL', 'toefl'],
    ['toefl ibt', 'toefl'],
    ['TOEFL iBT', 'toefl'],
    ['iBT', 'toefl'],
    ['FCE', 'fce'],
    ['B2 First', 'fce'],
    ['Cambridge First Certificate', 'fce'],
    ['toeic', 'toeic'],
    ['TOEIC 4 kỹ năng', 'toeic'],
    ['TOEIC 4 skills', 'toeic'],
    ['VSTEP', 'vstep'],
    ['vstep.3-5', 'vstep'],
    ['bậc', 'framework'],
    ['Khung NLNN', 'framework'],
  ] as const)('%j → %s', (text, exam) => {
    expect(parseExam(text)).toEqual({ ok: true, value: exam })
  })
  it.each([
    ['TOEFL ITP', 'unsupported-exam'],
    ['toefl pbt', 'unsupported-exam'],
    ['TOEIC Bridge', 'toeic-bridge'],
    ['toeic-bridge', 'toeic-bridge'],
    ['TOEFL ITP', 'unsupported-exam'],
    ['', 'unknown-exam'],
  ] as const)('%j → %s', (text, code) => {
    expect(parseExam(text)).toEqual({ ok: false, error: { code, input: text, known: EXAMS } })
  })
})

describe('parseExamScore', () => {
  it.each([
    ['ielts', ['6.5'], { exam: 'ielts', overall: 6.5 }],
    ['ielts', ['6,5'], { exam: 'ielts', overall: 6.5 }],
    ['ielts', ['7'], { exam: 'ielts', overall: 7 }],
    ['ielts', ['0'], { exam: 'ielts', overall: 0 }],
    ['ielts', ['9.0'], { exam: 'ielts', overall: 9 }],
    ['toefl', ['90'], { exam: 'toefl', overall: 90 }],
    ['toefl', ['120'], { exam: 'toefl', overall: 120 }],
    ['fce', ['80'], { exam: 'fce', overall: 80 }],
    ['toeic', ['850', '170', '160'], { exam: 'toeic', listeningReading: 850, speaking: 170, writing: 160 }],
    ['toeic', ['850 + 170 + 160'], { exam: 'toeic', listeningReading: 850, speaking: 170, writing: 160 }],
    ['toeic', ['10', '0', '0'], { exam: 'toeic', listeningReading: 10, speaking: 0, writing: 0 }],
    ['toeic', ['990', '200', '200'], { exam: 'toeic', listeningReading: 990, speaking: 200, writing: 200 }],
  ] as const)('%s %j', (exam, parts, value) => {
    expect(parseExamScore(exam, parts)).toEqual({ ok: true, value })
  })

  const scale = {
    ielts: { part: 'overall', min: 0, max: 9, step: 0.5 },
    toefl: { part: 'overall', min: 0, max: 120, step: 1 },
    fce: { part: 'overall', min: 0, max: 100, step: 1 },
    lr: { part: 'listeningReading', min: 10, max: 990, step: 5 },
    sp: { part: 'speaking', min: 0, max: 200, step: 10 },
    wr: { part: 'writing', min: 0, max: 200, step: 10 },
  } as const

  it.each([
    ['ielts', ['6.3'], 'wrong-step', '6.3', scale.ielts],
    ['ielts', ['6.25'], 'wrong-step', '6.25', scale.ielts],
    ['ielts', ['10'], 'out-of-range', '10', scale.ielts],
    ['ielts', ['9.5'], 'out-of-range', '9.5', scale.ielts],
    ['ielts', ['-1'], 'out-of-range', '-1', scale.ielts],
    ['ielts', ['six'], 'not-a-number', 'six', scale.ielts],
    ['toefl', ['121'], 'out-of-range', '121', scale.toefl],
    ['toefl', ['90.5'], 'wrong-step', '90.5', scale.toefl],
    ['fce', ['101'], 'out-of-range', '101', scale.fce],
    ['toeic', ['1000', '170', '160'], 'out-of-range', '1000', scale.lr],
    ['toeic', ['653', '170', '160'], 'wrong-step', '653', scale.lr],
    ['toeic', ['5', '170', '160'], 'out-of-range', '5', scale.lr],
    ['toeic', ['850', '165', '160'], 'wrong-step', '165', scale.sp],
    ['toeic', ['850', '210', '160'], 'out-of-range', '210', scale.sp],
    ['toeic', ['850', '170', '165'], 'wrong-step', '165', scale.wr],
    ['toeic', ['850', '170', ''], 'not-a-number', '', scale.wr],
  ] as const)('%s %j: %s, with the valid range', (exam, parts, code, input, range) => {
    expect(parseExamScore(exam as Exam, parts)).toEqual({ ok: false, error: { code, exam, input, ...range } })
  })

  it('hints that an FCE score of 140–190 is on the Cambridge English Scale, which the table does not use', () => {
    expect(parseExamScore('fce', ['175'])).toEqual({
      ok: false,
      error: {
        code: 'out-of-range',
        exam: 'fce',
        input: '175',
        ...scale.fce,
        hint: 'cambridge-english-scale',
      },
    })
  })

  it('asks for all three TOEIC parts, and one part for the others', () => {
    expect(parseExamScore('toeic', ['850', '170'])).toEqual({
      ok: false,
      error: {
        code: 'wrong-part-count',
        exam: 'toeic',
        expected: 3,
        got: 2,
        parts: ['listeningReading', 'speaking', 'writing'],
      },
    })
    expect(parseExamScore('toeic', ['850'])).toMatchObject({
      ok: false,
      error: { code: 'wrong-part-count', got: 1 },
    })
    expect(parseExamScore('ielts', ['6', '7'])).toMatchObject({
      ok: false,
      error: { code: 'wrong-part-count', expected: 1, got: 2 },
    })
  })

  it("formats a part with the caller's separator", () => {
    expect(formatExamValue(6.5, ',')).toBe('6,5')
    expect(formatExamValue(850, ',')).toBe('850')
  })
})
