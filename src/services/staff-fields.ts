/**
 * The columns of a staff-record spreadsheet and the words people write in them, read into the
 * rule engine's codes. One reader serves the import (a row of the file) and the chat (lines of
 * "Trình độ: thạc sĩ"), so a value the file accepts the chat accepts too, with the same errors.
 *
 *   readRecordFields((f) => row.get(f), (f) => header.has(f), EMPTY_RECORD)
 *   // { data: { ...EMPTY_RECORD, qualification: 'thac-si', … }, certificate: null, errors: [] }
 *
 * A column the file does not have (a line the message does not write) keeps what the record
 * holds; an empty cell clears it.
 */
import { type Exam, parseExam, parseExamScore, readDay } from '../rules/index.ts'
import type { ItLevel, PoliticalTheory, Qualification } from '../rules/standards.ts'
import type { LanguageCertificate, RecordPost, StaffRecordData } from '../store/staff-records.ts'
import { fold, tidy } from '../store/text.ts'
import type { ColumnSpec } from './sheets.ts'

export type RecordField =
  | 'fullName'
  | 'department'
  | 'qualification'
  | 'subject'
  | 'politicalTheory'
  | 'stateManagement'
  | 'educationManagement'
  | 'ttcmTraining'
  | 'it'
  | 'pipeline'
  | 'post'
  | 'exam'
  | 'score'
  | 'takenOn'

/** The columns in the template's order; `example` is the template's header. */
export const RECORD_COLUMNS: readonly ColumnSpec<RecordField>[] = [
  {
    field: 'fullName',
    aliases: ['ho va ten', 'ho ten', 'ten can bo', 'ten giao vien', 'full name', 'name'],
    required: true,
    example: 'Họ và tên',
  },
  {
    field: 'department',
    aliases: ['to', 'to chuyen mon', 'to cm', 'department'],
    required: false,
    example: 'Tổ',
  },
  {
    field: 'qualification',
    aliases: ['trinh do chuyen mon', 'trinh do dao tao', 'trinh do cm', 'trinh do', 'qualification'],
    required: false,
    example: 'Trình độ chuyên môn',
  },
  {
    field: 'subject',
    aliases: ['chuyen nganh', 'chuyen nganh dao tao', 'nganh', 'subject', 'major'],
    required: false,
    example: 'Chuyên ngành',
  },
  {
    field: 'politicalTheory',
    aliases: ['ly luan chinh tri', 'llct', 'trinh do llct', 'political theory'],
    required: false,
    example: 'Lý luận chính trị',
  },
  {
    field: 'stateManagement',
    aliases: ['qlnn', 'chung chi qlnn', 'quan ly nha nuoc', 'state management'],
    required: false,
    example: 'Chứng chỉ QLNN',
  },
  {
    field: 'educationManagement',
    aliases: ['qlgd', 'chung chi qlgd', 'quan ly giao duc', 'education management'],
    required: false,
    example: 'Chứng chỉ QLGD',
  },
  {
    field: 'ttcmTraining',
    aliases: ['boi duong ttcm', 'ttcm', 'boi duong to truong', 'ttcm training'],
    required: false,
    example: 'Bồi dưỡng TTCM',
  },
  {
    field: 'it',
    aliases: ['tin hoc', 'trinh do tin hoc', 'cntt', 'it'],
    required: false,
    example: 'Tin học',
  },
  {
    field: 'pipeline',
    aliases: ['quy hoach', 'dien quy hoach', 'quy hoach cbql', 'pipeline', 'planning'],
    required: false,
    example: 'Quy hoạch',
  },
  {
    field: 'post',
    aliases: ['vi tri', 'vi tri viec lam', 'chuc vu', 'chuc danh', 'post'],
    required: false,
    example: 'Vị trí',
  },
  {
    field: 'exam',
    aliases: ['chung chi ngoai ngu', 'ngoai ngu', 'ky thi', 'exam', 'language certificate'],
    required: false,
    example: 'Chứng chỉ ngoại ngữ',
  },
  { field: 'score', aliases: ['diem', 'diem thi', 'ket qua', 'score'], required: false, example: 'Điểm' },
  {
    field: 'takenOn',
    aliases: ['ngay cap', 'ngay thi', 'ngay', 'date'],
    required: false,
    example: 'Ngày cấp',
  },
]

export interface RecordFieldError {
  field: RecordField
  code:
    | 'required'
    | 'too-long'
    | 'unknown-value'
    | 'unknown-exam'
    | 'bad-score'
    | 'score-required'
    | 'exam-required'
    | 'bad-date'
    | 'score-with-clear'
  value: string
  /** the words that would be accepted */
  expected?: readonly string[]
  max?: number
  /** bad-score: the exam's scale, as the CEFR engine gives it */
  min?: number
  step?: number
}

export const MAX_SUBJECT = 80

const words = <T extends string>(table: Record<string, T>) =>
  new Map(Object.entries(table).map(([w, v]) => [w, v] as const))

const QUALIFICATION_WORDS = words<Qualification>({
  'trung cap': 'trung-cap',
  tc: 'trung-cap',
  'cao dang': 'cao-dang',
  cd: 'cao-dang',
  'dai hoc': 'dai-hoc',
  dh: 'dai-hoc',
  'cu nhan': 'dai-hoc',
  'ky su': 'dai-hoc',
  'thac si': 'thac-si',
  ths: 'thac-si',
  'tien si': 'tien-si',
  ts: 'tien-si',
  phd: 'tien-si',
})
const POLITICAL_WORDS = words<PoliticalTheory>({
  'so cap': 'so-cap',
  'trung cap': 'trung-cap',
  'cao cap': 'cao-cap',
  'cu nhan': 'cu-nhan',
  'cu nhan chinh tri': 'cu-nhan',
})
const IT_WORDS = words<ItLevel>({
  'co ban': 'basic',
  'ung dung cntt co ban': 'basic',
  a: 'basic',
  b: 'basic',
  basic: 'basic',
  'quan ly': 'management',
  'ung dung quan ly': 'management',
  'nang cao': 'management',
  'ung dung cntt nang cao': 'management',
  management: 'management',
})
const POST_WORDS = words<RecordPost>({
  'hieu truong': 'principal',
  ht: 'principal',
  principal: 'principal',
  'pho hieu truong': 'vice-principal',
  'hieu pho': 'vice-principal',
  pht: 'vice-principal',
  'vice principal': 'vice-principal',
  'van thu': 'van-thu',
  'ke toan': 'ke-toan',
  'y te': 'y-te',
  'thu vien': 'thu-vien',
  'thiet bi': 'thiet-bi',
  'bao ve': 'bao-ve',
})
const CLEAR = new Set(['xoa', 'xoa het', 'xoa tat ca', 'clear', 'delete'])
const YES = new Set(['co', 'x', 'yes', 'y', '1', 'da co', 'roi', 'dat', 'true'])
const NONE = new Set(['', 'khong', 'chua', 'chua co', 'no', 'n', '0', 'none', 'false', '-'])

/** Exams as their certificates name them, and as parseExam reads them back (the template). */
export const EXAM_NAMES: Readonly<Record<Exam, string>> = {
  ielts: 'IELTS',
  toefl: 'TOEFL iBT',
  fce: 'FCE',
  toeic: 'TOEIC',
  vstep: 'VSTEP',
  framework: 'Bậc',
}

/** The words the reply suggests for each kind of value (Vietnamese, as people write them). */
export const RECORD_EXAMPLES = {
  qualification: ['trung cấp', 'cao đẳng', 'đại học', 'thạc sĩ', 'tiến sĩ'],
  politicalTheory: ['sơ cấp', 'trung cấp', 'cao cấp', 'cử nhân'],
  yesNo: ['có', 'không'],
  it: ['không', 'cơ bản', 'ứng dụng quản lý'],
  post: ['hiệu trưởng', 'phó hiệu trưởng', 'văn thư', 'kế toán', 'y tế', 'thư viện', 'thiết bị', 'bảo vệ'],
  exam: ['IELTS', 'TOEFL iBT', 'FCE', 'TOEIC', 'VSTEP', 'Bậc'],
} as const

const key = (text: string) =>
  fold(text)
    .replace(/[.,;:()/\\_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** The score as stored: the engine's reading, parts separated by a space ('850 170 160'). */
export function scoreText(
  exam: Exam,
  text: string,
): { ok: true; value: string } | { ok: false; min: number; max: number; step: number } {
  const parsed = parseExamScore(exam, [text])
  if (parsed.ok) {
    const s = parsed.value
    return {
      ok: true,
      value: s.exam === 'toeic' ? `${s.listeningReading} ${s.speaking} ${s.writing}` : String(s.overall),
    }
  }
  const e = parsed.error
  return 'min' in e
    ? { ok: false, min: e.min, max: e.max, step: e.step }
    : { ok: false, min: 0, max: 0, step: 0 }
}

/**
 * Reads the record fields of one row (or message) over what the record holds now. Name and
 * department only find the person; the caller reads them.
 */
export function readRecordFields(
  get: (field: RecordField) => string,
  has: (field: RecordField) => boolean,
  current: StaffRecordData,
): {
  data: StaffRecordData
  certificate: LanguageCertificate | null
  /** "xóa" in the exam's place: the person's certificates are removed (a wrong one cannot stay) */
  clearCertificates: boolean
  errors: RecordFieldError[]
} {
  const errors: RecordFieldError[] = []
  const data: StaffRecordData = { ...current }
  const pick = <T>(
    field: RecordField,
    table: Map<string, T>,
    expected: readonly string[],
  ): T | null | undefined => {
    if (!has(field)) return undefined
    const text = get(field)
    const k = key(text)
    if (NONE.has(k)) return null
    const value = table.get(k)
    if (value === undefined) errors.push({ field, code: 'unknown-value', value: text, expected })
    return value
  }
  const flag = (field: RecordField): boolean | undefined => {
    if (!has(field)) return undefined
    const k = key(get(field))
    if (NONE.has(k)) return false
    if (YES.has(k)) return true
    errors.push({ field, code: 'unknown-value', value: get(field), expected: RECORD_EXAMPLES.yesNo })
    return undefined
  }

  const qualification = pick('qualification', QUALIFICATION_WORDS, RECORD_EXAMPLES.qualification)
  if (qualification !== undefined) data.qualification = qualification
  if (has('subject')) {
    const subject = tidy(get('subject'))
    if (subject.length > MAX_SUBJECT)
      errors.push({ field: 'subject', code: 'too-long', value: subject, max: MAX_SUBJECT })
    else data.qualificationSubject = subject === '' ? null : subject
  }
  const political = pick('politicalTheory', POLITICAL_WORDS, RECORD_EXAMPLES.politicalTheory)
  if (political !== undefined) data.politicalTheory = political
  const state = flag('stateManagement')
  if (state !== undefined) data.stateManagement = state
  const education = flag('educationManagement')
  if (education !== undefined) data.educationManagement = education
  const ttcm = flag('ttcmTraining')
  if (ttcm !== undefined) data.ttcmTraining = ttcm
  const it = pick('it', IT_WORDS, RECORD_EXAMPLES.it)
  if (it !== undefined) data.it = it ?? 'none'
  const pipeline = flag('pipeline')
  if (pipeline !== undefined) data.pipeline = pipeline
  const post = pick('post', POST_WORDS, RECORD_EXAMPLES.post)
  if (post !== undefined) data.post = post

  let certificate: LanguageCertificate | null = null
  const examText = has('exam') ? get('exam') : ''
  const score = has('score') ? get('score').trim() : ''
  const dateText = has('takenOn') ? get('takenOn').trim() : ''
  const clearCertificates = CLEAR.has(key(examText))
  if (clearCertificates) {
    if (score !== '') errors.push({ field: 'score', code: 'score-with-clear', value: score })
  } else if (examText.trim() !== '') {
    const exam = parseExam(examText)
    if (!exam.ok) {
      errors.push({ field: 'exam', code: 'unknown-exam', value: examText, expected: RECORD_EXAMPLES.exam })
    } else if (score === '') {
      errors.push({ field: 'score', code: 'score-required', value: '' })
    } else {
      const read = scoreText(exam.value, score)
      const takenOn = dateText === '' ? null : readDay(dateText)
      if (!read.ok)
        errors.push({
          field: 'score',
          code: 'bad-score',
          value: score,
          min: read.min,
          max: read.max,
          step: read.step,
          expected: [EXAM_NAMES[exam.value]],
        })
      if (takenOn === null && dateText !== '')
        errors.push({ field: 'takenOn', code: 'bad-date', value: dateText })
      if (read.ok && (takenOn !== null || dateText === ''))
        certificate = { exam: exam.value, score: read.value, takenOn }
    }
  } else if (score !== '') {
    errors.push({ field: 'exam', code: 'exam-required', value: '', expected: RECORD_EXAMPLES.exam })
  }
  return { data, certificate, clearCertificates, errors }
}
