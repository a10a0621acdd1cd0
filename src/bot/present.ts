/**
 * Rule-engine answers written for people: every sentence comes from the locales, every number is
 * formatted with the language's decimal separator (`8,5` in Vietnamese, `8.5` in English). The
 * judgements themselves are made in src/rules; nothing here decides anything.
 */
import type { TranslateFunction } from '@grammyjs/i18n'
import {
  type CefrResult,
  type CertificateCheck,
  type CertificateValidity,
  type ComponentRef,
  EXAM_SCALES,
  type Exam,
  type ExamMinimum,
  type ExamPart,
  type ExamScore,
  type ExamScoreError,
  examParts,
  formatExamValue,
  formatScore,
  formatTenths,
  type ManagerResult,
  partValue,
  type Reason,
  type RegulationProfile,
  type RequiredManagerScores,
  type RequiredScores,
  type Requirement,
  type Score,
  type ScoreError,
  type TeacherResult,
  type TeacherScores,
  TT26_2012,
} from '../rules/index.ts'
import { formatPercent } from '../rules/targets.ts'
import type { ComponentLabel } from '../services/grade-components.ts'
import { profileOfYear } from '../services/regulation.ts'
import type { ScoreView } from '../services/scores.ts'
import { vietnameseDate } from '../services/vietnam-days.ts'
import { echo, escapeHtml } from './i18n.ts'

type T = TranslateFunction

/**
 * The one place numbers get their decimal separator: `9,5` for a Vietnamese reader, `9.5` in
 * English. Scores, averages, exam bands and a number someone typed, when it is shown back.
 */
const sep = (t: T) => t('decimal-separator')
export const score = (t: T, s: Score) => formatScore(s, sep(t))
export const tenths = (t: T, value: Parameters<typeof formatTenths>[0]) => formatTenths(value, sep(t))
/** An exam score or any plain number ("6,5"; "6.5" in English). */
export const decimal = (t: T, n: number) => formatExamValue(n, sep(t))
/** A share in basis points ("33,33 %"; "33.33 %" in English). */
export const percent = (t: T, bp: Parameters<typeof formatPercent>[0]) => formatPercent(bp, sep(t))
/** A typed number shown back in the reader's way ("9.5" → "9,5" in Vietnamese); other text echoed as is. */
export function typedNumber(t: T, input: string): string {
  const text = echo(input)
  return /^\s*\d+([.,]\d+)?\s*$/.test(input) ? text.replace(/[.,]/, sep(t)) : text
}

export function componentName(t: T, ref: ComponentRef): string {
  if (ref.kind === 'nd1') return t('component-nd1')
  if (ref.kind === 'nd2') return t('component-nd2')
  return ref.code ? escapeHtml(ref.code) : t('component-module', { n: ref.index + 1 })
}

export function reasonText(t: T, reason: Reason): string {
  const blocks = t(reason.blocks === 'Dat' ? 'verdict-Dat' : `grade-${reason.blocks}`)
  switch (reason.code) {
    case 'component-below-minimum':
      return t('reason-component-below-minimum', {
        component: componentName(t, reason.component),
        score: score(t, reason.score),
        minimum: score(t, reason.minimum),
        blocks,
      })
    case 'average-below':
      return t('reason-average-below', {
        average: tenths(t, reason.average),
        threshold: tenths(t, reason.threshold),
        blocks,
      })
    case 'best-average-below':
      return t('reason-best-average-below', {
        best: tenths(t, reason.bestAverage),
        threshold: tenths(t, reason.threshold),
        blocks,
      })
    case 'no-modules':
      return t('reason-no-modules', { blocks })
  }
}

export function scoreErrorText(t: T, error: ScoreError): string {
  return t(`score-error-${error.code}`, { input: typedNumber(t, error.input) })
}

/** "ND1 8 · ND2 9 · Mô đun: 8 · 9 · ? · ?" */
export function scoresLine(t: T, scores: TeacherScores): string {
  const show = (s: Score | null) => (s === null ? '?' : score(t, s))
  return t('need-scores-line', {
    nd1: show(scores.nd1),
    nd2: show(scores.nd2),
    modules: scores.modules.map(show).join(' · ') || '—',
  })
}

function requirementLine(t: T, labelKey: string, requirement: Requirement): string {
  const name = t(labelKey)
  if (requirement.kind === 'certain') return t('need-line-certain', { grade: name })
  if (requirement.kind === 'need')
    return t('need-line-need', { grade: name, score: formatScore(requirement.score, sep(t), 1) })
  return t('need-line-out-of-reach', { grade: name, reason: reasonText(t, requirement.reason) })
}

export function needAnswer(
  t: T,
  scores: TeacherScores,
  result: TeacherResult,
  required: RequiredScores,
  profile: RegulationProfile = TT26_2012,
): string {
  return [scoresLine(t, scores), '', resultText(t, { judgedAs: 'teacher', result, required }, profile)].join(
    '\n',
  )
}

// ── CEFR ────────────────────────────────────────────────────────────────────────────────────

const partName = (t: T, part: ExamPart) => t(`exam-part-${part}`)

export function examScoreText(t: T, value: ExamScore): string {
  // IELTS bands are written with one decimal ("6.0"), as on the certificate
  const show = (n: number) =>
    value.exam === 'ielts' || value.exam === 'vstep'
      ? n.toFixed(1).replace('.', sep(t))
      : formatExamValue(n, sep(t))
  const parts = examParts(value.exam).map((part) => show(partValue(value, part)!))
  return `${t(`exam-${value.exam}`)} ${parts.join(' + ')}`
}

export function examScoreErrorText(t: T, error: ExamScoreError): string {
  const exam = t(`exam-${error.exam}`)
  if (error.code === 'wrong-part-count') {
    return t('cefr-error-wrong-part-count', {
      exam,
      expected: error.expected,
      got: error.got,
      parts: error.parts.map((p) => partName(t, p)).join(', '),
    })
  }
  const range = {
    exam,
    part: error.exam === 'toeic' ? partName(t, error.part) : exam,
    input: typedNumber(t, error.input),
    min: formatExamValue(error.min, sep(t)),
    max: formatExamValue(error.max, sep(t)),
    step: formatExamValue(error.step, sep(t)),
  }
  const text = t(`cefr-error-${error.code}`, range)
  return error.hint === 'cambridge-english-scale' ? `${text}\n${t('cefr-hint-cambridge-scale')}` : text
}

/**
 * A test day's worth on today: still counting until a day, over its term since a day, without
 * expiry, or as the receiving body decides; then who says so.
 */
export function validityText(t: T, exam: Exam, validity: CertificateValidity): string {
  const tested = formatDate(validity.testDate)
  const line =
    validity.kind !== 'years'
      ? t(`cefr-valid-${validity.kind}`, { tested, exam: t(`exam-${exam}`) })
      : validity.valid
        ? t('cefr-valid-until', {
            tested,
            until: formatDate(validity.lastValidDay),
            exam: t(`exam-${exam}`),
            years: validity.years,
          })
        : t('cefr-valid-expired', { tested, since: formatDate(validity.expiredFrom), years: validity.years })
  return `${line}\n${t('cefr-validity-source', { source: validity.source })}`
}

/** What a /cefr answer adds to the level: the certificate's validity on today, or a hint that a test day can be given. */
export interface CefrExtras {
  readonly validity?: CertificateValidity | null
  /** the day the post's standard is read on (the asker's school year, or today) */
  readonly standardsOn?: string
}

export function cefrResultText(
  t: T,
  score: ExamScore,
  result: CefrResult,
  validity?: CertificateValidity | null,
): string {
  const shown = examScoreText(t, score)
  const lines: string[] = []
  if (result.kind === 'level') {
    lines.push(t('cefr-result-level', { score: shown, level: result.level, framework: result.framework }))
    if (result.limitedBy.length > 0 && result.exam === 'toeic') {
      lines.push(t('cefr-limited-by', { parts: result.limitedBy.map((p) => partName(t, p)).join(', ') }))
    }
  } else {
    lines.push(
      t('cefr-result-below', {
        score: shown,
        level: result.lowestLevel,
        framework: result.lowestFramework,
        minimum: examScoreText(t, result.lowestScore),
      }),
    )
  }
  lines.push(t('source-line', { source: result.sources.join('; ') }))
  if (validity) lines.push(validityText(t, score.exam, validity))
  return lines.join('\n')
}

export function certificateText(
  t: T,
  score: ExamScore,
  check: CertificateCheck,
  post: string,
  extras: CefrExtras = {},
): string {
  const lines = [cefrResultText(t, score, check.result, extras.validity), '']
  if (extras.standardsOn) lines.push(t('cefr-standard-on', { date: formatDate(extras.standardsOn) }))
  const postName = t(`post-${post}`)
  const requirement = check.requirement
  if (requirement.kind === 'none' && requirement.since) {
    lines.push(t('cefr-post-not-required', { post: postName, since: formatDate(requirement.since) }))
  } else if (requirement.kind === 'none') {
    lines.push(t(requirement.encouraged ? 'cefr-post-none-encouraged' : 'cefr-post-none', { post: postName }))
  } else if (requirement.kind === 'post-standard') {
    lines.push(t('cefr-post-standard', { post: postName }))
  } else {
    const params = { post: postName, level: requirement.level, framework: requirement.framework }
    lines.push(t(check.meets ? 'cefr-post-meets' : 'cefr-post-fails', params))
    if (!check.meets) {
      lines.push(t('cefr-alternatives', { level: requirement.level }))
      for (const alt of check.alternatives) lines.push(`• ${alternativeText(t, alt)}`)
    }
  }
  lines.push(t('source-line', { source: requirement.source }))
  return lines.join('\n')
}

/** A score that reaches a level, saying where it differs from the table's figure (TOEIC's steps of 10). */
function alternativeText(t: T, alt: ExamMinimum): string {
  const score = examScoreText(t, alt.minimum)
  if (alt.offStep.length === 0) return score
  return t('cefr-alternative-off-step', {
    score,
    written: examScoreText(t, alt.asWritten),
    parts: alt.offStep.map((p) => partName(t, p)).join(', '),
    step: EXAM_SCALES[alt.exam].find((s) => s.part === alt.offStep[0])!.step,
  })
}

/** A date (or an instant's date) as Vietnamese readers write it: 2026-09-07 → 07/09/2026. */
export function formatDate(isoDate: string): string {
  return vietnameseDate(isoDate.slice(0, 10))
}

/** The profile a stored school year names; an id this version does not know reads as TT 26/2012. */
export function yearProfile(id: string): RegulationProfile {
  return profileOfYear({ profileId: id })
}

// ── a person's BDTX result (/scores, notifications) ─────────────────────────────────────────

/** A component's score as shown in lists: "8,5", or "?" while it has none. */
export function scoreOrUnknown(t: T, value: Score | null): string {
  return value === null ? '?' : score(t, value)
}

/** "ND1", "ND2", or the module's code ("?" for a module whose code is unknown). */
export function componentLabel(
  t: T,
  c: ComponentLabel | { kind: 'nd1' | 'nd2' | 'module'; code: string | null },
): string {
  if (c.kind === 'nd1') return t('component-nd1')
  if (c.kind === 'nd2') return t('component-nd2')
  return escapeHtml(('code' in c ? c.code : null) ?? '?')
}

/** "ND1 8 · ND2 9 · THPT 17 8,5 · THPT 19 ?" */
export function componentsLine(t: T, components: ReadonlyArray<ScoreView>): string {
  return components.map((c) => `${componentLabel(t, c)} <b>${scoreOrUnknown(t, c.value)}</b>`).join(' · ')
}

/** The class or verdict with its reasons, or "not final yet" with what each class needs. */
export function resultText(
  t: T,
  outcome:
    | { judgedAs: 'teacher'; result: TeacherResult | null; required: RequiredScores | null }
    | { judgedAs: 'manager'; result: ManagerResult | null; required: RequiredManagerScores | null },
  /** the year's regulation profile: its classes, and what it cites */
  profile: RegulationProfile = TT26_2012,
): string {
  const lines: string[] = []
  const { result } = outcome
  if (result === null) return t('scores-no-approved-plan')
  if (result.kind === 'final') {
    const label = 'grade' in result ? t(`grade-${result.grade}`) : t(`verdict-${result.verdict}`)
    // a profile whose teachers only complete their plan or not (TT 19) grades nobody: no "xếp loại"
    const graded = 'grade' in result && profile.teacher.classes.length === 1 ? 'no' : 'yes'
    lines.push(
      result.average === null
        ? t('result-final-no-average', { grade: label, graded })
        : t('result-final', { average: tenths(t, result.average), grade: label, graded }),
    )
    for (const reason of result.reasons) lines.push(`• ${reasonText(t, reason)}`)
  } else {
    lines.push(t('scores-pending', { count: result.missing.length }))
  }
  const required = outcome.required
  if (required && result.kind === 'pending') {
    lines.push(t('need-intro', { count: required.unknown.length }))
    const shown: Array<[string, Requirement]> =
      outcome.judgedAs === 'teacher'
        ? profile.teacher.classes.flatMap(({ grade }): Array<[string, Requirement]> => {
            const requirement = (required as RequiredScores)[grade]
            return requirement ? [[`grade-${grade}`, requirement]] : []
          })
        : [['verdict-Dat', (required as RequiredManagerScores).Dat]]
    for (const [label, requirement] of shown) lines.push(requirementLine(t, label, requirement))
    // scores are entered with two decimals, answers given in tenths: 6, 6, [?] needs 8,85 for Khá
    if (shown.some(([, r]) => r.kind === 'need')) lines.push(t('need-rounding-note'))
  }
  const rule = outcome.judgedAs === 'teacher' ? profile.teacher.classes[0]!.source : profile.manager.source
  // what no source settles is the school's to say (docs/regulations.md, "unverified")
  const source = profile.unverified.length > 0 ? `${rule}; ${t('source-school-guidance')}` : rule
  lines.push('', t('source-line', { source }))
  return lines.join('\n')
}

/** Lines that together stay under Telegram's 4096 characters per message. */
export function chunkLines(lines: readonly string[], limit = 3900): string[] {
  const chunks: string[] = []
  let current = ''
  for (const line of lines) {
    const piece = line.length > limit ? `${line.slice(0, limit - 1)}…` : line
    if (current && current.length + 1 + piece.length > limit) {
      chunks.push(current)
      current = piece
    } else current = current ? `${current}\n${piece}` : piece
  }
  if (current) chunks.push(current)
  return chunks
}

/** "7/9/2026" or "07/09/2026" → "2026-09-07"; null when it is not a real date. */
export function parseVietnameseDate(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim())
  if (!match) return null
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null
  return date.toISOString().slice(0, 10)
}
