/**
 * The CEFR equivalence table of seed 000 (§II.5) as data, each cell with its legal source, and
 * what level an exam result proves on it.
 *
 *   const r = parseExamScore('toeic', ['850', '170', '160'])   // { ok: true, value: { exam: 'toeic', … } }
 *   cefrLevel(r.value)
 *   // { kind: 'level', level: 'B2', framework: 4, limitedBy: ['writing'], source: 'TT 05/2012/…', … }
 *
 * Scales, as each exam reports them (inputs outside them are impossible scores, and rejected):
 * - IELTS: overall band 0–9 in steps of 0.5.
 * - TOEFL iBT: total 0–120, whole numbers.
 * - FCE: 0–100, whole numbers. The table's rows 0 / 35 / 45 / 60 / 80 only make sense on the
 *   0–100 standardised score FCE reported before 2015 (60 = pass at B2, 80 = grade A at C1), so
 *   that is the scale taken. A result on today's Cambridge English Scale (140–190) is rejected with
 *   a hint saying so: the table gives no conversion, and inventing one would not be the law's.
 * - TOEIC (four skills, all three parts needed): Listening & Reading 10–990 in steps of 5;
 *   Speaking and Writing 0–200 in steps of 10, as ETS reports them. The table's minima 105
 *   (Speaking B1) and 165 (Writing C1) fall between steps, so in practice they mean 110 and 170:
 *   the table keeps the figures as the documents write them, and examMinimums answers with the
 *   scores a person can have, saying which parts differ.
 */
import { fail, ok, type Parsed } from './parsed.ts'
import { type Citation, SOURCES } from './sources.ts'

/**
 * vstep: VSTEP.3-5, the Vietnamese test of bậc 3–5 (0–10 in steps of 0.5);
 * framework: a certificate that states its level on the 6-level framework itself (bậc 1–6).
 */
export type Exam = 'ielts' | 'toefl' | 'fce' | 'toeic' | 'vstep' | 'framework'
export const EXAMS: ReadonlyArray<Exam> = ['ielts', 'toefl', 'fce', 'toeic', 'vstep', 'framework']

/** 'overall' for single-score exams; TOEIC's three parts otherwise. */
export type ExamPart = 'overall' | 'listeningReading' | 'speaking' | 'writing'

export type CefrLevel = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2'
/** The 6-level framework (KNLNN): A1 … C2 = 1 … 6. */
export type FrameworkLevel = 1 | 2 | 3 | 4 | 5 | 6

export type ExamScore =
  | { readonly exam: Exclude<Exam, 'toeic'>; readonly overall: number }
  | {
      readonly exam: 'toeic'
      readonly listeningReading: number
      readonly speaking: number
      readonly writing: number
    }

export interface PartScale {
  readonly part: ExamPart
  readonly min: number
  readonly max: number
  readonly step: number
}

export const EXAM_SCALES: Readonly<Record<Exam, ReadonlyArray<PartScale>>> = {
  ielts: [{ part: 'overall', min: 0, max: 9, step: 0.5 }],
  toefl: [{ part: 'overall', min: 0, max: 120, step: 1 }],
  fce: [{ part: 'overall', min: 0, max: 100, step: 1 }],
  toeic: [
    { part: 'listeningReading', min: 10, max: 990, step: 5 },
    { part: 'speaking', min: 0, max: 200, step: 10 },
    { part: 'writing', min: 0, max: 200, step: 10 },
  ],
  vstep: [{ part: 'overall', min: 0, max: 10, step: 0.5 }],
  framework: [{ part: 'overall', min: 1, max: 6, step: 1 }],
}

export interface CefrCell {
  readonly minimum: number
  readonly source: Citation
}

export interface CefrRow {
  readonly level: CefrLevel
  readonly framework: FrameworkLevel
  /** per exam, per part; null where the table has no figure (TOEFL at A1) */
  readonly cells: Readonly<Record<Exam, Readonly<Partial<Record<ExamPart, CefrCell>>> | null>>
}

const tt05 = (minimum: number): CefrCell => ({ minimum, source: SOURCES.tt05 })
const cv1311 = (minimum: number): CefrCell => ({ minimum, source: SOURCES.cv1311 })
const fce = (minimum: number): CefrCell => ({ minimum, source: SOURCES.cv901 })
const plan = (minimum: number): CefrCell => ({ minimum, source: SOURCES.soPlan })
const vstep = (minimum: number) => single({ minimum, source: SOURCES.vstep })
const framework = (minimum: number) => single({ minimum, source: SOURCES.framework })
const single = (cell: CefrCell) => ({ overall: cell })
const toeic = (listeningReading: CefrCell, speaking: CefrCell, writing: CefrCell) => ({
  listeningReading,
  speaking,
  writing,
})

/**
 * Seed 000's table, lowest level first. (*) cells: TT 05/2012 Điều 3 khoản 1 điểm a; (**) cells:
 * công văn 1311/BGDĐT-ĐANN Điều 4 điểm a; the FCE column (***): công văn 901/CV-CESOL; unmarked
 * cells: the Sở's plan itself.
 */
export const CEFR_TABLE: ReadonlyArray<CefrRow> = [
  {
    level: 'A1',
    framework: 1,
    cells: {
      ielts: single(plan(2)),
      toefl: null,
      fce: single(fce(0)),
      toeic: toeic(plan(120), plan(50), plan(30)),
      vstep: null,
      framework: framework(1),
    },
  },
  {
    level: 'A2',
    framework: 2,
    cells: {
      ielts: single(plan(3)),
      toefl: single(plan(40)),
      fce: single(fce(35)),
      toeic: toeic(plan(225), plan(70), plan(50)),
      vstep: null,
      framework: framework(2),
    },
  },
  {
    level: 'B1',
    framework: 3,
    cells: {
      ielts: single(tt05(4.5)),
      toefl: single(tt05(45)),
      fce: single(fce(45)),
      toeic: toeic(tt05(450), plan(105), plan(90)),
      vstep: vstep(4),
      framework: framework(3),
    },
  },
  {
    level: 'B2',
    framework: 4,
    cells: {
      ielts: single(tt05(5.5)),
      toefl: single(tt05(61)),
      fce: single(fce(60)),
      toeic: toeic(tt05(600), plan(140), plan(130)),
      vstep: vstep(6),
      framework: framework(4),
    },
  },
  {
    level: 'C1',
    framework: 5,
    cells: {
      ielts: single(plan(6.5)),
      toefl: single(cv1311(90)),
      fce: single(fce(80)),
      toeic: toeic(cv1311(850), plan(170), plan(165)),
      vstep: vstep(8.5),
      framework: framework(5),
    },
  },
  {
    // seed 000's table stops at C1; only the framework's own bậc 6 certifies C2
    level: 'C2',
    framework: 6,
    cells: { ielts: null, toefl: null, fce: null, toeic: null, vstep: null, framework: framework(6) },
  },
]

export const examParts = (exam: Exam): ExamPart[] => EXAM_SCALES[exam].map((s) => s.part)

/** The value of one part of a score (undefined for a part the exam does not have). */
export function partValue(score: ExamScore, part: ExamPart): number | undefined {
  return (score as Partial<Record<ExamPart, number>>)[part]
}

// ---------------------------------------------------------------------------------------------
// Reading exam names and scores

export type ExamNameError = {
  /**
   * unknown: not an exam we know; unsupported: a TOEFL the table does not cover (ITP, PBT, CBT);
   * toeic-bridge: a different test on other scales, which the table's TOEIC rows do not cover
   */
  readonly code: 'unknown-exam' | 'unsupported-exam' | 'toeic-bridge'
  readonly input: string
  readonly known: ReadonlyArray<Exam>
}

/** Reads an exam name leniently: "IELTS", "toefl ibt", "iBT", "FCE", "B2 First", "TOEIC 4 kỹ năng". */
export function parseExam(text: string): Parsed<Exam, ExamNameError> {
  const key = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
  const error = (code: ExamNameError['code']) => fail({ code, input: text, known: EXAMS })
  if (key.includes('ielts')) return ok('ielts')
  if (key.includes('toefl') || key === 'ibt') {
    return /itp|pbt|cbt|paper|computer/.test(key) ? error('unsupported-exam') : ok('toefl')
  }
  if (key.includes('toeic')) return key.includes('bridge') ? error('toeic-bridge') : ok('toeic')
  if (key.includes('vstep')) return ok('vstep')
  if (['framework', 'bac', 'khung', 'knlnn', 'nlnn', 'khungnlnn', 'khung6bac', 'level'].includes(key)) {
    return ok('framework')
  }
  if (
    key === 'fce' ||
    key.includes('firstcertificate') ||
    key === 'first' ||
    key === 'b2first' ||
    key === 'cambridgefirst' ||
    key === 'cambridgefce' ||
    key === 'cambridgeb2first'
  ) {
    return ok('fce')
  }
  return error('unknown-exam')
}

export type ExamScoreError =
  | {
      readonly code: 'not-a-number' | 'out-of-range' | 'wrong-step'
      readonly exam: Exam
      readonly part: ExamPart
      readonly input: string
      readonly min: number
      readonly max: number
      readonly step: number
      /** an FCE score on the Cambridge English Scale (140–190), which the table does not use */
      readonly hint?: 'cambridge-english-scale'
    }
  | {
      readonly code: 'wrong-part-count'
      readonly exam: Exam
      readonly expected: number
      readonly got: number
      readonly parts: ReadonlyArray<ExamPart>
    }

const DECIMAL = /^([+-]?)(\d*)(?:[.,](\d*))?$/

/**
 * Reads an exam result from its parts as typed: one for IELTS / TOEFL / FCE, three for TOEIC
 * (Listening & Reading, Speaking, Writing — also accepted as one string "850 + 170 + 165").
 * IELTS accepts "6,5" as well as "6.5".
 */
export function parseExamScore(exam: Exam, parts: ReadonlyArray<string>): Parsed<ExamScore, ExamScoreError> {
  const scales = EXAM_SCALES[exam]
  let inputs = parts
  if (scales.length > 1 && parts.length === 1) inputs = (parts[0] ?? '').trim().split(/[\s+/;,|&]+/)
  if (inputs.length !== scales.length) {
    return fail({
      code: 'wrong-part-count',
      exam,
      expected: scales.length,
      got: inputs.length,
      parts: scales.map((s) => s.part),
    })
  }
  const values: Partial<Record<ExamPart, number>> = {}
  for (const [i, scale] of scales.entries()) {
    const input = inputs[i] ?? ''
    const read = readPart(exam, scale, input)
    if (!read.ok) return read
    values[scale.part] = read.value
  }
  if (exam === 'toeic') {
    return ok({
      exam,
      listeningReading: values.listeningReading ?? 0,
      speaking: values.speaking ?? 0,
      writing: values.writing ?? 0,
    })
  }
  return ok({ exam, overall: values.overall ?? 0 })
}

function readPart(exam: Exam, scale: PartScale, input: string): Parsed<number, ExamScoreError> {
  const error = (code: 'not-a-number' | 'out-of-range' | 'wrong-step', hint?: 'cambridge-english-scale') =>
    fail<ExamScoreError>({
      code,
      exam,
      part: scale.part,
      input,
      min: scale.min,
      max: scale.max,
      step: scale.step,
      ...(hint ? { hint } : {}),
    })
  const match = DECIMAL.exec(input.trim())
  const [, sign = '', whole = '', fraction = ''] = match ?? []
  if (!match || (whole === '' && fraction === '')) return error('not-a-number')
  const significant = fraction.replace(/0+$/, '')
  const wholeValue = Number(whole || '0')
  const isZero = wholeValue === 0 && significant === ''
  // min and max are whole numbers, so comparing the whole part decides the range exactly
  const below = (sign === '-' && !isZero) || wholeValue < scale.min
  const above = sign !== '-' && (wholeValue > scale.max || (wholeValue === scale.max && significant !== ''))
  if (below || above) {
    const cambridge = exam === 'fce' && sign !== '-' && wholeValue >= 140 && wholeValue <= 190
    return error('out-of-range', cambridge ? 'cambridge-english-scale' : undefined)
  }
  // every step here is a multiple of 0.5, so a second significant decimal is always off-step
  if (significant.length > 1) return error('wrong-step')
  const valueTenths = wholeValue * 10 + Number(significant || '0')
  if (valueTenths % Math.round(scale.step * 10) !== 0) return error('wrong-step')
  return ok(valueTenths / 10)
}

// ---------------------------------------------------------------------------------------------
// Which level a result proves

export type CefrResult =
  | {
      readonly kind: 'level'
      readonly exam: Exam
      readonly level: CefrLevel
      readonly framework: FrameworkLevel
      /** the citation of the row's cell (TOEIC: of the Listening & Reading cell) */
      readonly source: Citation
      /** every distinct citation of the cells used, in part order */
      readonly sources: Citation[]
      /** TOEIC: the parts that hold the level down (empty when all three reach the same row) */
      readonly limitedBy: ExamPart[]
      /** each part's own level on its column (null: under the column's lowest figure) */
      readonly partLevels: Partial<Record<ExamPart, CefrLevel | null>>
    }
  | {
      readonly kind: 'below-table'
      readonly exam: Exam
      /** the lowest level the table gives for this exam (TOEFL: A2) */
      readonly lowestLevel: CefrLevel
      readonly lowestFramework: FrameworkLevel
      /** that level's minimum on this exam */
      readonly lowestScore: ExamScore
      /** the parts under that minimum */
      readonly belowParts: ExamPart[]
      readonly source: Citation
      readonly sources: Citation[]
    }

/** The highest row whose figures every part of the result reaches (TOEIC: the lowest part decides). */
export function cefrLevel(score: ExamScore): CefrResult {
  const parts = examParts(score.exam)
  const partLevels: Partial<Record<ExamPart, CefrLevel | null>> = {}
  const partIndex = new Map<ExamPart, number>()
  for (const part of parts) {
    const index = highestRow(score.exam, part, partValue(score, part) ?? Number.NEGATIVE_INFINITY)
    partIndex.set(part, index)
    partLevels[part] = CEFR_TABLE[index]?.level ?? null
  }
  let overall = -1
  for (let i = CEFR_TABLE.length - 1; i >= 0; i--) {
    if (rowMet(CEFR_TABLE[i]!, score)) {
      overall = i
      break
    }
  }
  if (overall < 0) {
    const lowest = CEFR_TABLE.findIndex((row) => row.cells[score.exam] !== null)
    const row = CEFR_TABLE[lowest]!
    const sources = rowSources(row, score.exam)
    return {
      kind: 'below-table',
      exam: score.exam,
      lowestLevel: row.level,
      lowestFramework: row.framework,
      lowestScore: rowMinimum(row, score.exam)!,
      belowParts: parts.filter(
        (p) => (partValue(score, p) ?? 0) < (row.cells[score.exam]?.[p]?.minimum ?? 0),
      ),
      source: sources[0]!,
      sources,
    }
  }
  const row = CEFR_TABLE[overall]!
  const anyHigher = parts.some((p) => (partIndex.get(p) ?? -1) > overall)
  const sources = rowSources(row, score.exam)
  return {
    kind: 'level',
    exam: score.exam,
    level: row.level,
    framework: row.framework,
    source: sources[0]!,
    sources,
    limitedBy: anyHigher ? parts.filter((p) => partIndex.get(p) === overall) : [],
    partLevels,
  }
}

function rowMet(row: CefrRow, score: ExamScore): boolean {
  const cells = row.cells[score.exam]
  if (!cells) return false
  return examParts(score.exam).every((p) => {
    const cell = cells[p]
    const value = partValue(score, p)
    return cell !== undefined && value !== undefined && value >= cell.minimum
  })
}

function highestRow(exam: Exam, part: ExamPart, value: number): number {
  for (let i = CEFR_TABLE.length - 1; i >= 0; i--) {
    const cell = CEFR_TABLE[i]!.cells[exam]?.[part]
    if (cell && value >= cell.minimum) return i
  }
  return -1
}

function rowSources(row: CefrRow, exam: Exam): Citation[] {
  const cells = row.cells[exam]
  const sources: Citation[] = []
  for (const part of examParts(exam)) {
    const source = cells?.[part]?.source
    if (source !== undefined && !sources.includes(source)) sources.push(source)
  }
  return sources
}

/** A row's minimum on one exam as a score-shaped value, or null where the table has no figure. */
export function rowMinimum(row: CefrRow, exam: Exam): ExamScore | null {
  const cells = row.cells[exam]
  if (!cells) return null
  if (exam === 'toeic') {
    const { listeningReading, speaking, writing } = cells
    if (!listeningReading || !speaking || !writing) return null
    return {
      exam,
      listeningReading: listeningReading.minimum,
      speaking: speaking.minimum,
      writing: writing.minimum,
    }
  }
  return cells.overall ? { exam, overall: cells.overall.minimum } : null
}

export interface ExamMinimum {
  readonly exam: Exam
  readonly level: CefrLevel
  readonly framework: FrameworkLevel
  /**
   * the lowest score a person can have that reaches the row: the table's figure, or where that
   * falls between an exam's steps the next step up (TOEIC Speaking B1 105 → 110, Writing C1 165 → 170)
   */
  readonly minimum: ExamScore
  /** the row's figures as the documents write them */
  readonly asWritten: ExamScore
  /** the parts whose figure is off the exam's steps, so that `minimum` differs from `asWritten` */
  readonly offStep: ReadonlyArray<ExamPart>
  /** the citation of the row's cell (TOEIC: of Listening & Reading) */
  readonly source: Citation
  readonly sources: ReadonlyArray<{ readonly part: ExamPart; readonly source: Citation }>
}

/**
 * What each exam needs for a level, as scores a person can have: for C1, IELTS 6.5, TOEFL iBT 90,
 * FCE 80, TOEIC 850 + 170 + 170 (the table writes Writing 165; TOEIC reports it in steps of 10).
 */
export function examMinimums(level: CefrLevel): ExamMinimum[] {
  const row = CEFR_TABLE.find((r) => r.level === level)
  if (!row) return []
  const minimums: ExamMinimum[] = []
  for (const exam of EXAMS) {
    const asWritten = rowMinimum(row, exam)
    if (!asWritten) continue
    const sources = examParts(exam).map((part) => ({ part, source: row.cells[exam]![part]!.source }))
    const reachable: Partial<Record<ExamPart, number>> = {}
    const offStep: ExamPart[] = []
    for (const scale of EXAM_SCALES[exam]) {
      const written = partValue(asWritten, scale.part)!
      const up = nextStep(written, scale)
      reachable[scale.part] = up
      if (up !== written) offStep.push(scale.part)
    }
    minimums.push({
      exam,
      level: row.level,
      framework: row.framework,
      minimum: { ...asWritten, ...reachable } as ExamScore,
      asWritten,
      offStep,
      source: sources[0]!.source,
      sources,
    })
  }
  return minimums
}

/** The lowest score on the scale's steps that is at least `value` (steps are multiples of 0.5: exact in tenths). */
function nextStep(value: number, scale: PartScale): number {
  const tenths = Math.round(value * 10)
  const step = Math.round(scale.step * 10)
  const start = Math.round(scale.min * 10)
  return (start + Math.ceil((tenths - start) / step) * step) / 10
}

/** A part's value for people: 6.5 → "6.5" or, with ',', "6,5". */
export function formatExamValue(value: number, decimalSeparator = '.'): string {
  return String(value).replace('.', decimalSeparator)
}
