/**
 * /report (issue 12): the school's BDTX state at a glance — plans, grades, classes and the
 * certificate list — for an admin (the school, per department) or a head (their department).
 *
 * Every class and verdict is the one /team shows: the report reads `teamTable` (./team-table.ts),
 * which judges each person by the regulation of the year (`TeamTable.regulation`). Nothing here
 * classifies again, so pointing a year at another regulation changes /team, /report and the sheet
 * together.
 */
import {
  type CertificateEligibility,
  certificateEligibility,
  type IneligibleReason,
  type TeacherGrade,
} from '../rules/index.ts'
import { fold } from '../store/text.ts'
import { type Actor, whoIs } from './access.ts'
import {
  type DeadlineNotOpen,
  type LateList,
  type LateScope,
  lateForNextDeadline,
  type NoneLinked,
  type NothingToRemind,
  type RemindContent,
  type RemindedRecently,
  remindLate,
} from './late.ts'
import type { ServiceContext } from './options.ts'
import { everySchoolTeam } from './province-read.ts'
import { type ProvinceRow, provinceWorkbook } from './province-sheet.ts'
import { profileOfYear } from './regulation.ts'
import { type ChartPicture, type ClassRow, classChart, progressChart } from './report-charts.ts'
import { type Forbidden, forbidden, type NotLinked, notLinked, ok, type Result } from './result.ts'
import { resultsWorkbook, type SheetRow, type Translate } from './results-sheet.ts'
import { classCounts, type TeamRow, type TeamTable, TeamTableService } from './team-table.ts'
import { vietnamDay } from './vietnam-days.ts'

/** A plan's state as the report counts it. */
export type PlanState = 'notSubmitted' | 'submitted' | 'approved' | 'returned'

export interface GroupStatus {
  /** null: people outside any department (the school's board) — or the whole school in `total` */
  departmentId: number | null
  departmentName: string | null
  people: number
  plans: Record<PlanState, number>
  /** among approved plans: every component scored, or some still missing */
  grades: { complete: number; missing: number }
  teachers: TeamTable['counts']['teachers']
  managers: TeamTable['counts']['managers']
  certificates: {
    eligible: number
    /** everyone not proposed, with the rule engine's reason */
    ineligible: Array<{ personId: number; fullName: string; reason: IneligibleReason }>
  }
}

export interface StatusReport {
  schoolId: number
  schoolName: string
  schoolYear: TeamTable['schoolYear']
  /** the documents the year is judged by, e.g. ['TT 26/2012/TT-BGDĐT', 'TT 27/2015/TT-BGDĐT'] */
  regulation: readonly string[]
  /** the department asked for (a head's own), or null for the whole school */
  departmentId: number | null
  total: GroupStatus
  /** one per department in scope, in the order they were created; the board last */
  groups: GroupStatus[]
}

type StatusError = Extract<Awaited<ReturnType<TeamTableService['teamTable']>>, { ok: false }>['error']

/** A school's row of the owner's sheet, with the classes of its year's regulation. */
type SchoolTotal = ProvinceRow & { schoolId: number; classes: TeacherGrade[] }

const scopeOf = (t: TeamTable): LateScope => ({
  schoolId: t.schoolId,
  schoolYearId: t.schoolYear.id,
  departmentId: t.departmentId,
})

export class ReportService {
  private readonly team: TeamTableService

  constructor(private readonly ctx: ServiceContext) {
    this.team = new TeamTableService(ctx)
  }

  /**
   * The results sheet (./results-sheet.ts) of the same scope as `status`, in the words `t` gives
   * (the reader's language).
   */
  async resultsSheet(
    actor: Actor,
    input: { schoolId?: number; departmentId?: number },
    t: Translate,
  ): Promise<
    | { ok: true; value: { fileName: string; data: Buffer; people: number } }
    | { ok: false; error: StatusError }
  > {
    const table = await this.team.teamTable(actor, input)
    if (!table.ok) return table
    const tt = table.value
    const school = await this.ctx.stores.schools.get(tt.schoolId)
    const day = vietnamDay(this.ctx.now())
    const data = await resultsWorkbook(
      {
        schoolName: school?.name ?? '',
        schoolYearName: tt.schoolYear.name,
        scopeName: tt.departmentName,
        regulation: tt.regulation.documents,
        day,
        rows: tt.rows.map((row) => sheetRow(row, t)),
        total: groupStatus(tt.departmentId, tt.departmentName, tt.rows),
      },
      t,
    )
    const scope = fold(`${tt.schoolYear.name} ${tt.departmentName ?? school?.name ?? ''}`).toLowerCase()
    return ok({
      fileName: `ket-qua-bdtx-${scope.replace(/[^a-z0-9]+/g, '-')}.xlsx`,
      data,
      people: tt.rows.length,
    })
  }

  /** Who in the scope is late for the year's next deadline with a task (null: no such deadline ahead). */
  async late(
    actor: Actor,
    input: { schoolId?: number; departmentId?: number } = {},
  ): Promise<Result<LateList | null, StatusError>> {
    const table = await this.team.teamTable(actor, input)
    if (!table.ok) return table
    const who = await whoIs(this.ctx.stores, actor)
    return ok(
      await lateForNextDeadline(
        this.ctx.stores,
        this.ctx.now(),
        scopeOf(table.value),
        who.person?.id ?? null,
      ),
    )
  }

  /**
   * Reminds now, through the outbox, the people of the scope still late for `deadlineId` (or the one
   * `personId`); the scope is checked as for `status`, so a head reaches only their department.
   */
  async remind(
    actor: Actor,
    input: { schoolId: number; departmentId?: number; deadlineId: number; personId?: number },
    content: RemindContent,
  ): Promise<
    Result<
      { enqueued: number; withoutTelegram: number; remindedRecently: number },
      StatusError | DeadlineNotOpen | NothingToRemind | NoneLinked | RemindedRecently
    >
  > {
    const { deadlineId, personId, ...scope } = input
    const table = await this.team.teamTable(actor, scope)
    if (!table.ok) return table
    const who = await whoIs(this.ctx.stores, actor)
    const sent = await remindLate(this.ctx.stores, this.ctx.now(), {
      scope: scopeOf(table.value),
      deadlineId,
      ...(personId === undefined ? {} : { personId }),
      viewer: { telegramId: who.telegramId, personId: who.person?.id ?? null },
      content,
    })
    if (!sent.ok) return sent
    const { enqueued, withoutTelegram, remindedRecently } = sent.value
    return ok({ enqueued, withoutTelegram, remindedRecently })
  }

  /** The scope's two charts: classes of the whole and of each department; plans and grades against the deadlines. */
  async charts(
    actor: Actor,
    input: { schoolId?: number; departmentId?: number },
    t: Translate,
  ): Promise<Result<{ classes: ChartPicture; progress: ChartPicture }, StatusError>> {
    const status = await this.status(actor, input)
    if (!status.ok) return status
    const r = status.value
    const school = await this.ctx.stores.schools.get(r.schoolId)
    const subtitle = `${r.total.departmentName ?? school?.name ?? ''} · ${r.schoolYear.name}`
    const rows: ClassRow[] = [
      {
        name: r.departmentId === null ? t('chart-whole-school') : (r.total.departmentName ?? ''),
        teachers: r.total.teachers,
      },
      ...(r.departmentId === null ? r.groups : [])
        .filter((g) => g.teachers.total > 0)
        .map((g) => ({ name: g.departmentName ?? t('report-board'), teachers: g.teachers })),
    ]
    const classes = await classChart(t, {
      title: t('chart-classes-title'),
      subtitle,
      rows,
      classes: profileOfYear({ profileId: r.schoolYear.profileId }).teacher.classes.map((c) => c.grade),
    })
    const progress = await progressChart(this.ctx.stores, this.ctx.now(), t, {
      title: t('chart-progress-title'),
      subtitle,
      schoolYearId: r.schoolYear.id,
      total: r.total,
    })
    return ok({ classes, progress })
  }

  /** The owner: every school's totals of its current year (null when it has none). */
  async schoolTotals(actor: Actor): Promise<Result<SchoolTotal[], Forbidden | NotLinked>> {
    const who = await whoIs(this.ctx.stores, actor)
    if (!who.isOwner) return who.person ? forbidden() : notLinked()
    // the whole deployment in a few queries, not a /team table per school
    const out: SchoolTotal[] = await everySchoolTeam(this.ctx.stores, ({ school, year }) => ({
      schoolId: school.id,
      schoolName: school.name,
      schoolYearName: year ? year.year.name : null,
      total: year ? groupStatus(null, null, year.rows) : null,
      classes: year ? year.profile.teacher.classes.map((c) => c.grade) : [],
    }))
    return ok(out)
  }

  /** The owner's sheet: one row per school, and the total (./province-sheet.ts). */
  async provinceSheet(
    actor: Actor,
    t: Translate,
  ): Promise<Result<{ fileName: string; data: Buffer; schools: number }, Forbidden | NotLinked>> {
    const rows = await this.schoolTotals(actor)
    if (!rows.ok) return rows
    const day = vietnamDay(this.ctx.now())
    const data = await provinceWorkbook({ title: t('province-sheet-title'), day, rows: rows.value }, t)
    return ok({ fileName: `ket-qua-bdtx-cac-truong-${day}.xlsx`, data, schools: rows.value.length })
  }

  /** The owner's class chart: the total of every school, then one bar per school. */
  async provinceChart(actor: Actor, t: Translate): Promise<Result<ChartPicture, Forbidden | NotLinked>> {
    const rows = await this.schoolTotals(actor)
    if (!rows.ok) return rows
    const counted = rows.value.filter((r) => r.total !== null && r.total.teachers.total > 0)
    const whole = groupStatus(null, null, [])
    for (const r of counted)
      for (const k of Object.keys(whole.teachers) as Array<keyof GroupStatus['teachers']>)
        whole.teachers[k] += r.total!.teachers[k]
    return ok(
      await classChart(t, {
        title: t('chart-classes-title'),
        subtitle: t('chart-all-schools', { schools: rows.value.length }),
        rows: [
          { name: t('chart-all-schools-row'), teachers: whole.teachers },
          ...counted.map((r) => ({ name: r.schoolName, teachers: r.total!.teachers })),
        ],
        classes: [...new Set(rows.value.flatMap((r) => r.classes))],
      }),
    )
  }

  /** The status of the actor's scope: a head's department, an admin's school (or one department). */
  async status(
    actor: Actor,
    input: { schoolId?: number; departmentId?: number } = {},
  ): Promise<{ ok: true; value: StatusReport } | { ok: false; error: StatusError }> {
    const table = await this.team.teamTable(actor, input)
    if (!table.ok) return table
    const t = table.value
    const school = await this.ctx.stores.schools.get(t.schoolId)
    const byDepartment = new Map<number | null, TeamRow[]>()
    for (const row of t.rows) {
      const key = row.person.departmentId
      byDepartment.set(key, [...(byDepartment.get(key) ?? []), row])
    }
    const groups = [...byDepartment.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
      .map(([departmentId, rows]) => groupStatus(departmentId, rows[0]?.person.departmentName ?? null, rows))
    return ok({
      schoolId: t.schoolId,
      schoolName: school?.name ?? '',
      schoolYear: t.schoolYear,
      regulation: t.regulation.documents,
      departmentId: t.departmentId,
      total: groupStatus(t.departmentId, t.departmentName, t.rows),
      groups,
    })
  }
}

/** The certificate decision for one row of /team. */
export function eligibilityOf(row: TeamRow): CertificateEligibility {
  return row.judgedAs === 'teacher'
    ? certificateEligibility({ judgedAs: 'teacher', result: row.result })
    : certificateEligibility({ judgedAs: 'manager', result: row.result })
}

function sheetRow(row: TeamRow, t: Translate): SheetRow {
  const approved = row.plan?.status === 'approved'
  const value = (kind: 'nd1' | 'nd2') =>
    approved ? (row.components.find((c) => c.kind === kind)?.value ?? null) : null
  const e = eligibilityOf(row)
  return {
    fullName: row.person.fullName,
    role: t(`role-${row.person.role}`),
    departmentName: row.person.departmentName,
    nd1: value('nd1'),
    nd2: value('nd2'),
    modules: approved
      ? row.components.filter((c) => c.kind === 'module').map((c) => ({ code: c.code ?? '', score: c.value }))
      : [],
    average: row.average,
    summary: row.summary,
    eligible: e.eligible,
    reason: e.eligible ? null : e.reason,
  }
}

function planState(row: TeamRow): PlanState {
  switch (row.plan?.status) {
    case 'approved':
      return 'approved'
    case 'returned':
      return 'returned'
    case 'submitted':
    case 'head_approved':
      return 'submitted'
    default:
      return 'notSubmitted'
  }
}

function groupStatus(
  departmentId: number | null,
  departmentName: string | null,
  rows: TeamRow[],
): GroupStatus {
  const g: GroupStatus = {
    departmentId,
    departmentName,
    people: rows.length,
    plans: { notSubmitted: 0, submitted: 0, approved: 0, returned: 0 },
    grades: { complete: 0, missing: 0 },
    ...classCounts(rows),
    certificates: { eligible: 0, ineligible: [] },
  }
  for (const row of rows) {
    g.plans[planState(row)]++
    if (row.plan?.status === 'approved') g.grades[row.missing.length === 0 ? 'complete' : 'missing']++
    const e = eligibilityOf(row)
    if (e.eligible) g.certificates.eligible++
    else
      g.certificates.ineligible.push({
        personId: row.person.id,
        fullName: row.person.fullName,
        reason: e.reason,
      })
  }
  return g
}
