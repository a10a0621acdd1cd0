/**
 * Whom to tell after scores change — a saved batch (grades.ts) or an undone one (grade-undo.ts):
 * each person whose rule-engine result changed, with their scores before and after, their result,
 * and what they still need; those with no linked Telegram account are listed as unreachable.
 *
 *   const { notify, unreachable } = await gradeNotices(stores, year, people, { plans, before, after })
 */
import {
  type ManagerResult,
  type RequiredManagerScores,
  type RequiredScores,
  requiredManagerScores,
  requiredScores,
  type Score,
  type TeacherResult,
  type Tenths,
  teacherAverage,
} from '../rules/index.ts'
import type { ComponentKey, PlanWithModules, StoredScore } from '../store/grades.ts'
import type { Person, Recipient } from '../store/people.ts'
import type { SchoolYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { asScore, componentsOf, judge, judgedAsOf, sameData, teacherScores } from './grade-components.ts'
import { profileOfYear } from './regulation.ts'
import type { ScoreView } from './scores.ts'

interface NoticeBase {
  recipient: Recipient
  personId: number
  fullName: string
  schoolYearName: string
  /** the regulation profile the year is judged by (its classes and citations) */
  profileId: string
  components: Array<ScoreView & { old: Score | null; changed: boolean }>
  /** ĐTB once every component is scored, else null */
  average: Tenths | null
  /** not final yet, or final below Giỏi / not passed: say what is needed */
  showRequired: boolean
}

/** Someone to tell that their result changed, in their language. */
export type GradeNotice = NoticeBase &
  (
    | { judgedAs: 'teacher'; result: TeacherResult; required: RequiredScores }
    | { judgedAs: 'manager'; result: ManagerResult; required: RequiredManagerScores }
  )

export interface GradeNotices {
  notify: GradeNotice[]
  /** result changed, but no Telegram account is linked to tell them */
  unreachable: Array<{ personId: number; fullName: string }>
}

/** Whom to tell after a change: each linked person whose rule-engine result changed. */
export async function gradeNotices(
  stores: Stores,
  year: SchoolYear,
  people: Person[],
  data: {
    plans: Map<number, PlanWithModules>
    before: Map<number, Map<ComponentKey, StoredScore>>
    after: (personId: number, key: ComponentKey, before: number | null) => number | null
  },
): Promise<GradeNotices> {
  const profile = profileOfYear(year)
  const recipients = new Map(
    (await stores.people.recipients(people.map((p) => p.id))).map((r) => [r.personId, r]),
  )
  const notify: GradeNotice[] = []
  const unreachable: GradeNotices['unreachable'] = []
  for (const person of people) {
    const plan = data.plans.get(person.id)
    if (plan?.status !== 'approved') continue
    const components = componentsOf(plan)
    const mine = data.before.get(person.id)
    const old = components.map((c) => mine?.get(c.key)?.value ?? null)
    const next = components.map((c, i) => data.after(person.id, c.key, old[i]!))
    const judgedAs = judgedAsOf(person)
    const scores = teacherScores(components, next)
    const afterResult = judge(judgedAs, scores, profile)
    if (sameData(judge(judgedAs, teacherScores(components, old), profile), afterResult)) continue
    const recipient = recipients.get(person.id)
    if (!recipient) {
      unreachable.push({ personId: person.id, fullName: person.fullName })
      continue
    }
    const base = {
      recipient,
      personId: person.id,
      fullName: person.fullName,
      schoolYearName: year.name,
      profileId: profile.id,
      components: components.map((c, i) => ({
        ...c,
        value: next[i] === null ? null : asScore(next[i]!),
        updatedAt: null,
        old: old[i] === null ? null : asScore(old[i]!),
        changed: old[i] !== next[i],
      })),
      average: teacherAverage(scores),
    }
    if (judgedAs === 'manager') {
      const result = afterResult as ManagerResult
      notify.push({
        ...base,
        judgedAs,
        result,
        required: requiredManagerScores(scores, profile),
        showRequired: result.kind === 'pending' || result.verdict !== 'Dat',
      })
    } else {
      const result = afterResult as TeacherResult
      notify.push({
        ...base,
        judgedAs,
        result,
        required: requiredScores(scores, profile),
        // below the profile's best class: say what the class above needs
        showRequired: result.kind === 'pending' || result.grade !== profile.teacher.classes[0]?.grade,
      })
    }
  }
  return { notify, unreachable }
}
