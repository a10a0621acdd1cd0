/**
 * Staff records, gaps and ratios in words: the record under /me, one line per person for
 * /records, and /standards' groups and ratio lines. Codes come from the rule engine; every word
 * from the locale files.
 *
 *   recordText(ctx.t, view)   // "<b>Hồ sơ cán bộ</b>\nTrình độ chuyên môn: Thạc sĩ — Toán\n…"
 */
import type { TranslateFunction } from '@grammyjs/i18n'
import { formatExamValue } from '../rules/index.ts'
import { formatPercent } from '../rules/targets.ts'
import type { CertificateView, RecordView } from '../services/staff-records.ts'
import type { GapGroup, GapLine, RatioLine, SchoolRatios } from '../services/standards.ts'
import type { StaffRecordData } from '../store/staff-records.ts'
import { escapeHtml } from './i18n.ts'
import { formatDate } from './present.ts'

type T = TranslateFunction

const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const

/** "IELTS 6,5 (12/05/2023) → C1" */
export function certificateText(t: T, c: CertificateView): string {
  const score = c.score
    .split(' ')
    .map((part) => formatExamValue(Number(part), ','))
    .join(' + ')
  const level = c.cefr.kind === 'level' ? c.cefr.level : t('staff-cefr-below', { level: c.cefr.lowestLevel })
  const date = c.takenOn ? ` (${formatDate(c.takenOn)})` : ''
  return `${t(`exam-${c.exam}`)} ${score}${date} → ${level}`
}

const yesNo = (t: T, flag: boolean) => t(flag ? 'staff-yes' : 'staff-no')

function qualificationText(t: T, r: StaffRecordData): string {
  if (r.qualification === null) return '—'
  const level = t(`staff-qualification-${r.qualification}`)
  return r.qualificationSubject ? `${level} — ${escapeHtml(r.qualificationSubject)}` : level
}

/** The record under /me (and after an admin's change). */
export function recordText(t: T, view: RecordView): string {
  const r = view.record
  if (r === null) return t('staff-record-empty')
  const certificates = view.certificates.map((c) => certificateText(t, c))
  return t('staff-record', {
    qualification: qualificationText(t, r),
    political: r.politicalTheory ? t(`staff-political-${r.politicalTheory}`) : '—',
    stateManagement: yesNo(t, r.stateManagement),
    educationManagement: yesNo(t, r.educationManagement),
    ttcm: yesNo(t, r.ttcmTraining),
    it: t(`staff-it-${r.it}`),
    pipeline: yesNo(t, r.pipeline),
    post: r.post ? t(`staff-post-${r.post}`) : '—',
    languages: certificates.length === 0 ? '—' : certificates.join('; '),
  })
}

/** One person in /records: "• Lan (Tổ Toán): Thạc sĩ — Toán · LLCT trung cấp · IELTS 6,5 → C1" */
export function recordLine(t: T, view: RecordView): string {
  const who = escapeHtml(view.person.fullName)
  const department = view.person.departmentName ? ` (${escapeHtml(view.person.departmentName)})` : ''
  const r = view.record
  if (r === null) return `• ${who}${department}: ${t('staff-line-empty')}`
  const parts = [qualificationText(t, r)]
  if (r.politicalTheory)
    parts.push(t('staff-line-political', { level: t(`staff-political-${r.politicalTheory}`) }))
  if (r.it !== 'none') parts.push(t('staff-line-it', { level: t(`staff-it-${r.it}`) }))
  if (r.post) parts.push(t(`staff-post-${r.post}`))
  if (r.pipeline) parts.push(t('staff-line-pipeline'))
  const best = view.certificates.at(-1)
  if (best) parts.push(certificateText(t, best))
  return `• ${who}${department}: ${parts.join(' · ')}`
}

/** A required or held value of a gap, in words; standards of yes/no carry no value. */
function gapValue(t: T, group: GapGroup, code: string | null): string {
  if (code === null) return t('staff-gap-none')
  switch (group.standard) {
    case 'political-theory':
      return t(`staff-political-${code}`)
    case 'english':
      return /^\d$/.test(code) ? (CEFR[Number(code) - 1] ?? code) : code
    case 'it':
      return t(`staff-it-${code}`)
    case 'trained-standard':
    case 'manager-above-standard':
    case 'staff-training':
      return t(`staff-qualification-${code}`)
    default:
      return code
  }
}

const FLAG_STANDARDS = new Set([
  'management-certificate',
  'state-management-certificate',
  'ttcm-training',
  'language-certificate',
])

export function gapLine(t: T, group: GapGroup, line: GapLine): string {
  const who = escapeHtml(line.fullName)
  const department = line.departmentName ? ` (${escapeHtml(line.departmentName)})` : ''
  if (FLAG_STANDARDS.has(group.standard)) return `• ${who}${department}`
  return t('standards-gap-line', {
    who: `${who}${department}`,
    required: gapValue(t, group, line.required),
    has: gapValue(t, group, line.has),
  })
}

/** At most this many people are named under one standard; the rest are counted. */
export const NAMES_PER_STANDARD = 15

export function gapGroupLines(t: T, group: GapGroup): string[] {
  const lines = [
    '',
    t('standards-group', { standard: t(`standard-${group.standard}`), count: group.people.length }),
    t('standards-source', { source: escapeHtml(group.source) }),
  ]
  for (const line of group.people.slice(0, NAMES_PER_STANDARD)) lines.push(gapLine(t, group, line))
  if (group.people.length > NAMES_PER_STANDARD)
    lines.push(t('standards-more', { count: group.people.length - NAMES_PER_STANDARD }))
  return lines
}

export function ratioLines(t: T, ratios: SchoolRatios): string[] {
  const lines = [t('standards-ratios-heading')]
  if (ratios.kind === null) return [...lines, t('standards-ratios-no-kind')]
  if (ratios.lines.length === 0) return [...lines, t('standards-ratios-no-target', { kind: ratios.kind })]
  for (const line of ratios.lines) lines.push(ratioLine(t, line))
  const sources = [...new Set(ratios.lines.map((l) => l.source))]
  lines.push(t('standards-source', { source: escapeHtml(sources.join('; ')) }))
  const { managers, teachers } = ratios.withoutRecord
  if (managers + teachers > 0) lines.push(t('standards-ratios-without-record', { managers, teachers }))
  return lines
}

function ratioLine(t: T, line: RatioLine): string {
  return t('standards-ratio-line', {
    group: t(`standards-group-${line.group}`),
    measure: t(`standards-measure-${line.measure}`),
    count: line.count,
    total: line.total,
    share: formatPercent(line.share),
    target: formatPercent(line.target),
    verdict: line.meets ? t('standards-ratio-met') : t('standards-ratio-short', { people: line.shortBy }),
  })
}
