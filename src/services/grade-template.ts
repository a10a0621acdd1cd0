/**
 * The grade template: the .xlsx a head fills in Excel and sends back to /grades. Per sheet a
 * header row "Họ và tên | ND1 | ND2 | <module codes> [| Tổ] | Mã" and a row per person with the
 * stored scores filled in; cells under the modules a person's plan lacks are grey, the others
 * accept a decimal 0–10. The `Mã` column (the person's id) lets a returned file match people of
 * the same name; ./grade-lines.ts reads `Tổ` as ignored. Who may have it: `GradeService.gradeTemplate`.
 *
 *   const file = await templateFile(stores, scope)       // scope: ./grade-scope.ts
 */
import type ExcelJS from 'exceljs'
import {
  type ComponentKey,
  GradeStore,
  moduleComponent,
  type PlanWithModules,
  type StoredScore,
} from '../store/grades.ts'
import type { Person } from '../store/people.ts'
import type { PlanStatus } from '../store/plans.ts'
import type { Stores } from '../store/stores.ts'
import { fold } from '../store/text.ts'
import { type JudgedAs, judgedAsOf } from './grade-components.ts'
import { departmentNameOf, type GradeScope, gradable } from './grade-scope.ts'
import { newWorkbook } from './workbook.ts'

export interface TemplateFile {
  fileName: string
  data: Buffer
  schoolYearName: string
  sheets: Array<{ name: string; judgedAs: JudgedAs; people: number; moduleCodes: string[] }>
  /** people in scope left out of the template: no approved plan */
  leftOut: Array<{ personId: number; fullName: string; planStatus: PlanStatus | null }>
  resultsLocked: boolean
}

export interface TemplateRow {
  person: Person
  plan: PlanWithModules
  scores: Map<ComponentKey, StoredScore> | undefined
  department: string | null
}

export interface TemplateSheet {
  name: string
  rows: TemplateRow[]
}

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } }
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }
const SCORE: ExcelJS.DataValidation = {
  type: 'decimal',
  operator: 'between',
  allowBlank: true,
  showErrorMessage: true,
  formulae: [0, 10],
}

/** The module codes of a sheet's plans, in catalogue order (THPT 2 before THPT 17). */
function sheetModules(rows: ReadonlyArray<Pick<TemplateRow, 'plan'>>): Array<{ key: string; code: string }> {
  const modules = new Map<string, string>()
  for (const row of rows)
    for (const m of row.plan.modules) if (!modules.has(m.codeKey)) modules.set(m.codeKey, m.code)
  const sortKey = (key: string) => key.replace(/\d+/g, (d) => d.padStart(6, '0'))
  return [...modules]
    .map(([key, code]) => ({ key, code }))
    .sort((a, b) => sortKey(a.key).localeCompare(sortKey(b.key)))
}

/**
 * An .xlsx to fill in: a sheet "Giáo viên" — and "CBQL" when managers are in scope (an admin's
 * school-wide template) — with "Họ và tên | ND1 | ND2 | <module codes> [| Tổ] | Mã", one row per
 * person the actor grades who has an approved plan, stored scores filled in, grey cells under
 * modules a plan lacks. People without an approved plan are listed in `leftOut`.
 */
export async function templateFile(stores: Stores, s: GradeScope): Promise<TemplateFile> {
  const candidates = s.people.filter((p) => gradable(s, p) === null)
  const ids = candidates.map((p) => p.id)
  const grades = new GradeStore(stores.db)
  const plans = await grades.plansOf(s.year.id, ids)
  const scores = await grades.scoresOf(s.year.id, ids)
  const leftOut: TemplateFile['leftOut'] = []
  const rows: Record<JudgedAs, TemplateRow[]> = {
    teacher: [],
    manager: [],
  }
  for (const person of candidates) {
    const plan = plans.get(person.id)
    if (plan?.status !== 'approved') {
      leftOut.push({ personId: person.id, fullName: person.fullName, planStatus: plan?.status ?? null })
      continue
    }
    rows[judgedAsOf(person)].push({
      person,
      plan,
      scores: scores.get(person.id),
      department: departmentNameOf(s, person),
    })
  }
  const sheets = [
    { name: 'Giáo viên', judgedAs: 'teacher' as const, rows: rows.teacher },
    ...(rows.manager.length > 0 ? [{ name: 'CBQL', judgedAs: 'manager' as const, rows: rows.manager }] : []),
  ]
  const data = await templateWorkbook(sheets, { withDepartment: s.departmentId === null })
  const slug = fold(`${s.year.name} ${s.departmentName ?? s.school.name}`)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return {
    fileName: `diem-bdtx-${slug}.xlsx`,
    data,
    schoolYearName: s.year.name,
    sheets: sheets.map((sheet) => ({
      name: sheet.name,
      judgedAs: sheet.judgedAs,
      people: sheet.rows.length,
      moduleCodes: sheetModules(sheet.rows).map((m) => m.code),
    })),
    leftOut,
    resultsLocked: s.year.resultsLocked,
  }
}

/** The module codes of the teachers' sheet, in its column order: the columns a head pastes under. */
export async function teacherModuleCodes(stores: Stores, s: GradeScope): Promise<string[]> {
  const teachers = s.people.filter((p) => gradable(s, p) === null && judgedAsOf(p) === 'teacher')
  const plans = await new GradeStore(stores.db).plansOf(
    s.year.id,
    teachers.map((p) => p.id),
  )
  const approved = [...plans.values()].filter((plan) => plan.status === 'approved')
  return sheetModules(approved.map((plan) => ({ plan }))).map((m) => m.code)
}

async function templateWorkbook(
  sheets: readonly TemplateSheet[],
  options: { withDepartment: boolean },
): Promise<Buffer> {
  const book = await newWorkbook()
  book.creator = 'BDTX'
  for (const s of sheets) writeSheet(book, s, options.withDepartment)
  return Buffer.from(await book.xlsx.writeBuffer())
}

function writeSheet(book: ExcelJS.Workbook, s: TemplateSheet, withDepartment: boolean): void {
  const modules = sheetModules(s.rows)
  const header = [
    'Họ và tên',
    'ND1',
    'ND2',
    ...modules.map((m) => m.code),
    ...(withDepartment ? ['Tổ'] : []),
    'Mã',
  ]
  const sheet = book.addWorksheet(s.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] })
  const headerRow = sheet.addRow(header)
  headerRow.font = { bold: true }
  headerRow.eachCell((cell) => {
    cell.fill = HEADER_FILL
  })
  sheet.getColumn(1).width = 30
  for (let c = 2; c <= 3 + modules.length; c++) sheet.getColumn(c).width = 10
  if (withDepartment) sheet.getColumn(4 + modules.length).width = 18
  sheet.getColumn(header.length).width = 8
  sheet.getColumn(header.length).font = { color: { argb: 'FF808080' } }
  for (const { person, plan, scores, department } of s.rows) {
    const byKey = new Map(plan.modules.map((m) => [m.codeKey, m]))
    const value = (key: ComponentKey) => {
      const stored = scores?.get(key)
      return stored === undefined ? null : stored.value / 100
    }
    const row = sheet.addRow([
      person.fullName,
      value('nd1'),
      value('nd2'),
      ...modules.map(({ key }) => {
        const m = byKey.get(key)
        return m ? value(moduleComponent(m.id)) : null
      }),
      ...(withDepartment ? [department ?? ''] : []),
      person.id,
    ])
    row.getCell(2).dataValidation = SCORE
    row.getCell(3).dataValidation = SCORE
    modules.forEach(({ key }, i) => {
      const cell = row.getCell(4 + i)
      if (byKey.has(key)) cell.dataValidation = SCORE
      else cell.fill = GREY
    })
  }
}
