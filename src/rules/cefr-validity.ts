/**
 * How long an English certificate counts, and who says so. No Vietnamese regulation gives IELTS,
 * TOEFL iBT or TOEIC a term: their owners report results as valid for two years from the test day,
 * and the bot says that it is their rule. Cambridge certificates (FCE) carry no expiry date. For a
 * certificate on the 6-level framework (VSTEP and the others) the body that uses it decides.
 *
 *   const day = readTestDate('12/3/2025', '2026-11-29')          // { ok: true, value: '2025-03-12' }
 *   certificateValidity('ielts', '2025-03-12', '2026-11-29')
 *   // { kind: 'years', years: 2, testDate: '2025-03-12', lastValidDay: '2027-03-11',
 *   //   expiredFrom: '2027-03-12', valid: true, source: 'British Council, IDP (IELTS): …' }
 *
 * Days are calendar days (YYYY-MM-DD, Vietnam's: the caller gives today as Asia/Ho_Chi_Minh has
 * it), counted in whole numbers — the rule engine reads no clock and needs no date library.
 * "Two years from the test day" ends the day before its second anniversary; a test on 29/02 has
 * its anniversary on 01/03.
 */
import type { Exam } from './cefr.ts'
import { fail, ok, type Parsed } from './parsed.ts'
import { type Citation, SOURCES } from './sources.ts'

export type ValidityRule =
  | { readonly kind: 'years'; readonly years: number; readonly source: Citation }
  | { readonly kind: 'no-expiry'; readonly source: Citation }
  | { readonly kind: 'user-decides'; readonly source: Citation }

export const EXAM_VALIDITY: Readonly<Record<Exam, ValidityRule>> = {
  ielts: { kind: 'years', years: 2, source: SOURCES.ieltsValidity },
  toefl: { kind: 'years', years: 2, source: SOURCES.toeflValidity },
  toeic: { kind: 'years', years: 2, source: SOURCES.toeicValidity },
  fce: { kind: 'no-expiry', source: SOURCES.fceValidity },
  vstep: { kind: 'user-decides', source: SOURCES.frameworkValidity },
  framework: { kind: 'user-decides', source: SOURCES.frameworkValidity },
}

export type CertificateValidity =
  | {
      readonly kind: 'years'
      readonly years: number
      readonly testDate: string
      /** the last day the result counts */
      readonly lastValidDay: string
      /** the first day it no longer does (the anniversary) */
      readonly expiredFrom: string
      /** whether today is on or before lastValidDay */
      readonly valid: boolean
      readonly source: Citation
    }
  | { readonly kind: 'no-expiry' | 'user-decides'; readonly testDate: string; readonly source: Citation }

/** What a certificate taken on `testDate` is worth on `today` (both YYYY-MM-DD). */
export function certificateValidity(exam: Exam, testDate: string, today: string): CertificateValidity {
  const rule = EXAM_VALIDITY[exam]
  if (rule.kind !== 'years') return { kind: rule.kind, testDate, source: rule.source }
  const expiredFrom = anniversary(testDate, rule.years)
  const lastValidDay = dayBefore(expiredFrom)
  return {
    kind: 'years',
    years: rule.years,
    testDate,
    lastValidDay,
    expiredFrom,
    valid: today < expiredFrom,
    source: rule.source,
  }
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const daysInMonth = (y: number, m: number) =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
const parts = (day: string) => day.split('-').map(Number) as [number, number, number]

/** The same day `years` later; 29/02 on a year without it moves to 01/03. */
function anniversary(day: string, years: number): string {
  const [y, m, d] = parts(day)
  return d > daysInMonth(y + years, m) ? iso(y + years, m + 1, 1) : iso(y + years, m, d)
}

function dayBefore(day: string): string {
  const [y, m, d] = parts(day)
  if (d > 1) return iso(y, m, d - 1)
  return m > 1 ? iso(y, m - 1, daysInMonth(y, m - 1)) : iso(y - 1, 12, 31)
}

export type TestDateError =
  | { readonly code: 'not-a-date'; readonly input: string }
  | { readonly code: 'future-date'; readonly date: string; readonly today: string }

/** A typed day that looks like a date, whether or not it is one: 12/3/2025, 12.03.2025, 12-3-2025, 2025-03-12. */
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/

export function looksLikeDate(text: string): boolean {
  const t = text.trim()
  return DAY_MONTH_YEAR.test(t) || ISO_DAY.test(t)
}

/** A typed day, Vietnamese order first ("12/5/2023", "12.5.2023", "2023-05-12" → "2023-05-12"); null when no such day exists. */
export function readDay(text: string): string | null {
  const t = text.trim()
  const vn = DAY_MONTH_YEAR.exec(t)
  const isoDay = ISO_DAY.exec(t)
  const [y, m, d] = (vn ? [vn[3], vn[2], vn[1]] : isoDay ? [isoDay[1], isoDay[2], isoDay[3]] : []).map(Number)
  if (y === undefined || m === undefined || d === undefined) return null
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null
  return iso(y, m, d)
}

/** Reads a test day; refuses a day that does not exist or has not come yet. */
export function readTestDate(text: string, today: string): Parsed<string, TestDateError> {
  const day = readDay(text)
  if (day === null) return fail({ code: 'not-a-date', input: text.trim() })
  if (day > today) return fail({ code: 'future-date', date: day, today })
  return ok(day)
}

/** The words that may introduce the day: "ngày thi 12/3/2025", "thi ngày …", "test date …", "tested on …". */
const DATE_WORDS = new Set(['ngay', 'thi', 'date', 'test', 'tested', 'taken', 'on'])
const fold = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[:,]+$/, '')

/**
 * Takes the test day out of a command's words: the first word that looks like a date, with the
 * words just before it that introduce it. `date` is null when there is none.
 *
 *   takeTestDate(['6.5', 'ngày', 'thi', '12/3/2025', 'thpt'], '2026-11-29')
 *   // { words: ['6.5', 'thpt'], date: { ok: true, value: '2025-03-12' } }
 */
export function takeTestDate(
  words: ReadonlyArray<string>,
  today: string,
): { words: string[]; date: Parsed<string, TestDateError> | null } {
  const at = words.findIndex((w) => looksLikeDate(w.replace(/[.,;]+$/, '')))
  if (at < 0) return { words: [...words], date: null }
  let from = at
  while (from > 0 && DATE_WORDS.has(fold(words[from - 1]!))) from--
  return {
    words: [...words.slice(0, from), ...words.slice(at + 1)],
    date: readTestDate(words[at]!.replace(/[.,;]+$/, ''), today),
  }
}
