/**
 * The .xlsx a head fills in Excel: per sheet a header row "Họ và tên | ND1 | ND2 | <module codes>
 * [| Tổ] | Mã" and a row per person with the stored scores filled in; cells under the modules a
 * person's plan lacks are grey, the others accept a decimal 0–10. The `Mã` column (the person's id)
 * lets a returned file match people of the same name; ./grade-lines.ts reads `Tổ` as ignored.
 *
 *   const data = await templateWorkbook([{ name: 'Giáo viên', rows }], { withDepartment: false })
 */
import type ExcelJS from 'exceljs'
import {
  type ComponentKey,
  moduleComponent,
  type PlanWithModules,
  type StoredScore,
} from '../store/grades.ts'
import type { Person } from '../store/people.ts'
import { newWorkbook } from './workbook.ts'

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
export function sheetModules(rows: readonly TemplateRow[]): Array<{ key: string; code: string }> {
  const modules = new Map<string, string>()
  for (const row of rows)
    for (const m of row.plan.modules) if (!modules.has(m.codeKey)) modules.set(m.codeKey, m.code)
  const sortKey = (key: string) => key.replace(/\d+/g, (d) => d.padStart(6, '0'))
  return [...modules]
    .map(([key, code]) => ({ key, code }))
    .sort((a, b) => sortKey(a.key).localeCompare(sortKey(b.key)))
}

export async function templateWorkbook(
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
