/**
 * Who the school proposes for a BDTX certificate (đề nghị cấp giấy chứng nhận). Seed 004 §V 4.2:
 * the Sở issues no certificate to a teacher who did not complete the plan, nor to a manager rated
 * không đạt. A result not yet final proposes nobody — the list goes up only once it is — and says
 * why, so the sheet's "không" always has a reason beside it.
 *
 *   certificateEligibility({ judgedAs: 'teacher', result: classifyTeacher(scores) })
 *   // { eligible: true, source: 'TT 26/2012/TT-BGDĐT Điều 14; …' }  (a final Giỏi / Khá / Trung bình)
 *   certificateEligibility({ judgedAs: 'manager', result: null })
 *   // { eligible: false, reason: 'no-approved-plan', source: … }
 */
import type { ManagerResult, TeacherResult } from './classify.ts'
import { SOURCES } from './sources.ts'

export type CertificateJudged =
  | { readonly judgedAs: 'teacher'; readonly result: TeacherResult | null }
  | { readonly judgedAs: 'manager'; readonly result: ManagerResult | null }

/** Why no certificate is proposed, in the order a reader checks them. */
export type IneligibleReason =
  /** no approved plan: nothing to judge */
  | 'no-approved-plan'
  /** some component still has no score */
  | 'results-pending'
  /** a teacher classed "không hoàn thành" */
  | 'plan-not-completed'
  /** a manager rated "không đạt" */
  | 'manager-not-passed'

export type CertificateEligibility =
  | { readonly eligible: true; readonly source: string }
  | { readonly eligible: false; readonly reason: IneligibleReason; readonly source: string }

export function certificateEligibility(judged: CertificateJudged): CertificateEligibility {
  const source = SOURCES.certificate
  const no = (reason: IneligibleReason) => ({ eligible: false as const, reason, source })
  const result = judged.result
  if (result === null) return no('no-approved-plan')
  if (result.kind === 'pending') return no('results-pending')
  if ('grade' in result)
    return result.grade === 'KhongHoanThanh' ? no('plan-not-completed') : { eligible: true, source }
  return result.verdict === 'Dat' ? { eligible: true, source } : no('manager-not-passed')
}
