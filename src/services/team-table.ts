/**
 * /team: every person of a department (a head's; an admin's choice, or the whole school) with
 * plan state, scores, ĐTB, class or verdict, missing components, and counts per class — judged by
 * the year's regulation. /report and the results sheet count the same rows (reports.ts).
 *
 *   const table = await deps.team.teamTable(actor, { departmentId })
 *   if (table.ok) table.value.counts.teachers.Gioi                       // how many are Giỏi
 */
import { z } from 'zod'
import type { RegulationProfile, TeacherGrade } from '../rules/index.ts'
import { GradeStore } from '../store/grades.ts'
import type { Actor } from './access.ts'
import { departmentNameOf, gradeScope, inScope, type ScopeError, scopeInput } from './grade-scope.ts'
import type { ServiceContext } from './options.ts'
import { type InvalidInput, ok, parseInput, type Result } from './result.ts'
import { type MyScores, scoresView } from './scores.ts'

export type Verdict = TeacherGrade | 'Dat' | 'KhongDat'

/** One row of /team. `summary`: the class or verdict when final, 'pending', or 'no-approved-plan'. */
export type TeamRow = MyScores & { summary: Verdict | 'pending' | 'no-approved-plan' }

export interface TeamTable {
  schoolId: number
  schoolYear: { id: number; name: string; resultsLocked: boolean; profileId: string }
  /** the regulation the year is judged by: every class and verdict in `rows` comes from it */
  regulation: RegulationProfile
  departmentId: number | null
  departmentName: string | null
  rows: TeamRow[]
  counts: {
    teachers: Record<TeacherGrade | 'pending' | 'no-approved-plan', number> & { total: number }
    managers: Record<'Dat' | 'KhongDat' | 'pending' | 'no-approved-plan', number> & { total: number }
  }
}

export class TeamTableService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * /team: every person of the department (a head's; an admin's choice, or the whole school), with
   * plan state, scores, ĐTB, class or verdict, missing components, and counts per class.
   */
  async teamTable(
    actor: Actor,
    input: { departmentId?: number; schoolId?: number; schoolYearId?: number } = {},
  ): Promise<Result<TeamTable, ScopeError | InvalidInput>> {
    const parsed = parseInput(z.object(scopeInput), input)
    if (!parsed.ok) return parsed
    const scope = await gradeScope(this.ctx.stores, actor, parsed.value)
    if (!scope.ok) return scope
    const s = scope.value
    const members = s.people.filter((p) => inScope(s, p) && p.role !== 'staff')
    const grades = new GradeStore(this.ctx.stores.db)
    const ids = members.map((p) => p.id)
    const plans = await grades.plansOf(s.year.id, ids)
    const scores = await grades.scoresOf(s.year.id, ids)
    const rows: TeamRow[] = members.map((p) => {
      const view = scoresView(p, departmentNameOf(s, p), s.year, plans.get(p.id), scores.get(p.id), s.profile)
      return { ...view, summary: summaryOf(view) }
    })
    return ok({
      schoolId: s.school.id,
      schoolYear: {
        id: s.year.id,
        name: s.year.name,
        resultsLocked: s.year.resultsLocked,
        profileId: s.year.profileId,
      },
      regulation: s.profile,
      departmentId: s.departmentId,
      departmentName: s.departmentName,
      rows,
      counts: classCounts(rows),
    })
  }
}

/** How many people of `rows` are in each class (teachers) and verdict (managers). */
export function classCounts(rows: readonly TeamRow[]): TeamTable['counts'] {
  const teachers = {
    Gioi: 0,
    Kha: 0,
    TrungBinh: 0,
    HoanThanh: 0,
    KhongHoanThanh: 0,
    pending: 0,
    'no-approved-plan': 0,
    total: 0,
  }
  const managers = { Dat: 0, KhongDat: 0, pending: 0, 'no-approved-plan': 0, total: 0 }
  for (const row of rows) {
    if (row.judgedAs === 'manager') {
      managers.total++
      managers[row.summary as keyof typeof managers]++
    } else {
      teachers.total++
      teachers[row.summary as keyof typeof teachers]++
    }
  }
  return { teachers, managers }
}

export function summaryOf(view: MyScores): TeamRow['summary'] {
  if (view.result === null) return 'no-approved-plan'
  if (view.result.kind === 'pending') return 'pending'
  return 'grade' in view.result ? view.result.grade : view.result.verdict
}
