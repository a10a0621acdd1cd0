/**
 * The school's BDTX results sheet (.xlsx), laid out as the report that goes up to the Phòng / Sở:
 * a title block (school, school year, the regulation), one row per person (STT, name, post,
 * department, ND1, ND2, each ND3 module's code and score, ĐTB, class or verdict, certificate
 * proposal, note), a summary of counts and percentages per class, and a signature block. A4
 * landscape, the header row repeated on every printed page.
 *
 * Every value is written as a value the rule engine or the store gave; there is no formula, so a
 * name such as `=HYPERLINK("x")` is a text cell, as typed. Words come from the caller's `t` (the
 * reader's language, locales/*.ftl `sheet-*` keys); numbers are numbers with a number format, so
 * Excel shows them with the reader's decimal separator.
 */
import type ExcelJS from 'exceljs'
import type { IneligibleReason, Score, Tenths } from '../rules/index.ts'
import type { GroupStatus } from './reports.ts'
import { newWorkbook } from './workbook.ts'

export type Translate = (key: string, args?: Record<string, string | number>) => string

export interface SheetRow {
  fullName: string
  role: string
  departmentName: string | null
  nd1: Score | null
  nd2: Score | null
  modules: Array<{ code: string; score: Score | null }>
  average: Tenths | null
  /** the class / verdict key: Gioi … KhongHoanThanh, Dat, KhongDat, pending, no-approved-plan */
  summary: string
  eligible: boolean
  reason: IneligibleReason | null
}

export interface SheetInput {
  schoolName: string
  schoolYearName: string
  scopeName: string | null
  regulation: readonly string[]
  /** Vietnam day of the report, YYYY-MM-DD */
  day: string
  rows: SheetRow[]
  total: GroupStatus
}

const SCORE_FORMAT = '0.0#'
const AVERAGE_FORMAT = '0.0'
const THIN = { style: 'thin' as const }
export const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN }

/** The column headings at row `at`, bold, boxed and shaded, repeated on every printed page. */
export function headerRow(sheet: ExcelJS.Worksheet, at: number, headers: string[]): void {
  const header = sheet.getRow(at)
  header.values = headers
  header.font = { bold: true }
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  header.eachCell((c) => {
    c.border = BOX
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } }
  })
  sheet.pageSetup.printTitlesRow = `${at}:${at}`
}

/** Percent with one decimal, rounded half up in integers: 1 of 3 → 33.3. */
export function percent(count: number, total: number): number {
  return total === 0 ? 0 : Math.floor((count * 2000 + total) / (2 * total)) / 10
}

const hundredthsToNumber = (v: number | null) => (v === null ? null : v / 100)

export async function resultsWorkbook(input: SheetInput, t: Translate): Promise<Buffer> {
  const book = await newWorkbook()
  const sheet = book.addWorksheet(t('sheet-name'), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  })
  const slots = Math.max(0, ...input.rows.map((r) => r.modules.length))
  const headers = [
    t('sheet-col-number'),
    t('sheet-col-name'),
    t('sheet-col-post'),
    t('sheet-col-department'),
    t('sheet-col-nd1'),
    t('sheet-col-nd2'),
    ...Array.from({ length: slots }, (_, i) => [
      t('sheet-col-module-code', { n: i + 1 }),
      t('sheet-col-module-score', { n: i + 1 }),
    ]).flat(),
    t('sheet-col-average'),
    t('sheet-col-class'),
    t('sheet-col-certificate'),
    t('sheet-col-note'),
  ]
  const width = headers.length
  const title = (row: number, text: string, bold = false) => {
    sheet.mergeCells(row, 1, row, width)
    const cell = sheet.getCell(row, 1)
    cell.value = text
    cell.font = { bold, size: bold ? 13 : 11 }
    cell.alignment = { horizontal: 'center' }
  }
  sheet.getCell(1, 1).value = input.schoolName.toUpperCase()
  sheet.getCell(1, 1).font = { bold: true }
  title(2, t('sheet-title'), true)
  title(
    3,
    t('sheet-subtitle', {
      year: input.schoolYearName,
      scope: input.scopeName ?? t('sheet-whole-school'),
    }),
  )
  title(4, t('sheet-regulation', { documents: input.regulation.join(', ') }))
  const [y, m, d] = input.day.split('-')
  title(5, t('sheet-date', { date: `${d}/${m}/${y}` }))

  headerRow(sheet, 7, headers)

  // one style object per kind of cell, shared by the cells of this workbook: exceljs then writes
  // each style once instead of comparing a copy per cell (a 300-row sheet has ~6,000 cells)
  const style = {
    boxed: { border: BOX },
    score: { border: BOX, numFmt: SCORE_FORMAT },
    average: { border: BOX, numFmt: AVERAGE_FORMAT },
  }
  for (const [i, r] of input.rows.entries()) {
    const modules = Array.from({ length: slots }, (_, k) => {
      const m = r.modules[k]
      return m ? [m.code, hundredthsToNumber(m.score)] : [null, null]
    }).flat()
    const row = sheet.addRow([
      i + 1,
      r.fullName,
      r.role,
      r.departmentName ?? '',
      hundredthsToNumber(r.nd1),
      hundredthsToNumber(r.nd2),
      ...modules,
      r.average === null ? null : r.average / 10,
      t(`sheet-class-${r.summary}`),
      t(r.eligible ? 'sheet-yes' : 'sheet-no'),
      r.reason === null ? '' : t(`report-no-certificate-${r.reason}`),
    ])
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.style =
        col === 7 + 2 * slots
          ? style.average
          : col >= 5 && col <= 6 + 2 * slots && typeof c.value === 'number'
            ? style.score
            : style.boxed
    })
  }

  // the summary: counts and percentages per class, of the people in the sheet
  const n = input.total.people
  const c = input.total
  const summary: Array<[string, number]> = [
    [t('sheet-class-Gioi'), c.teachers.Gioi],
    [t('sheet-class-Kha'), c.teachers.Kha],
    [t('sheet-class-TrungBinh'), c.teachers.TrungBinh],
    // a TT 19/2019 year's only class; absent from the others' summary
    ...(c.teachers.HoanThanh > 0
      ? [[t('sheet-class-HoanThanh'), c.teachers.HoanThanh] as [string, number]]
      : []),
    [t('sheet-class-KhongHoanThanh'), c.teachers.KhongHoanThanh],
    [t('sheet-class-Dat'), c.managers.Dat],
    [t('sheet-class-KhongDat'), c.managers.KhongDat],
    [t('sheet-class-pending'), c.teachers.pending + c.managers.pending],
    [t('sheet-class-no-approved-plan'), c.teachers['no-approved-plan'] + c.managers['no-approved-plan']],
    [t('sheet-summary-certificates'), c.certificates.eligible],
  ]
  sheet.addRow([])
  const top = sheet.addRow([
    '',
    t('sheet-summary-title'),
    t('sheet-summary-count'),
    t('sheet-summary-percent'),
  ])
  top.font = { bold: true }
  for (const [label, count] of summary) {
    const row = sheet.addRow(['', label, count, percent(count, n)])
    row.getCell(4).numFmt = AVERAGE_FORMAT
  }
  const totalRow = sheet.addRow(['', t('sheet-summary-total'), n, n === 0 ? 0 : 100])
  totalRow.font = { bold: true }

  // the signature block
  sheet.addRow([])
  const place = sheet.addRow([])
  place.getCell(width - 3).value = t('sheet-place-date', { day: d!, month: m!, year: y! })
  const roles = sheet.addRow([])
  roles.getCell(2).value = t('sheet-prepared-by')
  roles.getCell(width - 3).value = t('sheet-principal')
  roles.font = { bold: true }

  const widths = [5, 26, 16, 16, 6, 6, ...Array.from({ length: slots }, () => [9, 6]).flat(), 6, 16, 9, 24]
  sheet.columns.forEach((col, i) => {
    col.width = widths[i] ?? 10
  })
  return Buffer.from(await book.xlsx.writeBuffer())
}
