/**
 * The owner's sheet (issue 12 §5): a Phòng or Sở running one deployment gets one row per school —
 * people, plans approved, counts per class (teachers: Giỏi … Không hoàn thành; managers: Đạt /
 * Không đạt), not yet classified, the share with a final result, certificates proposed — and a
 * total row that adds the schools up. A school without a current year is listed with a note.
 * Same page setup as the school's sheet (./results-sheet.ts): A4 landscape, header row repeated.
 * Counts are numbers, percentages are computed here in integers (`percent`), nothing is a formula.
 */
import type { GroupStatus } from './reports.ts'
import { BOX, headerRow, percent, type Translate } from './results-sheet.ts'
import { newWorkbook } from './workbook.ts'

export interface ProvinceRow {
  schoolName: string
  /** null: the school has no current year (nothing to count) */
  schoolYearName: string | null
  total: GroupStatus | null
}

/** The counts of one row, in column order (after STT, school, year). */
export function provinceCounts(g: GroupStatus) {
  const pending = g.teachers.pending + g.managers.pending
  const noPlan = g.teachers['no-approved-plan'] + g.managers['no-approved-plan']
  const classified = g.people - pending - noPlan
  return {
    people: g.people,
    approved: g.plans.approved,
    gioi: g.teachers.Gioi,
    kha: g.teachers.Kha,
    tb: g.teachers.TrungBinh,
    ht: g.teachers.HoanThanh,
    khong: g.teachers.KhongHoanThanh,
    dat: g.managers.Dat,
    khongDat: g.managers.KhongDat,
    notYet: pending + noPlan,
    classified,
    eligible: g.certificates.eligible,
  }
}

type Counts = ReturnType<typeof provinceCounts>
const KEYS: ReadonlyArray<keyof Counts> = [
  'people',
  'approved',
  'gioi',
  'kha',
  'tb',
  'ht',
  'khong',
  'dat',
  'khongDat',
  'notYet',
  'classified',
  'eligible',
]

export async function provinceWorkbook(
  input: { title: string; day: string; rows: ProvinceRow[] },
  t: Translate,
): Promise<Buffer> {
  const book = await newWorkbook()
  const sheet = book.addWorksheet(t('province-sheet-name'), {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  })
  const headers = [
    t('sheet-col-number'),
    t('province-col-school'),
    t('province-col-year'),
    t('province-col-people'),
    t('province-col-approved'),
    t('sheet-class-Gioi'),
    t('sheet-class-Kha'),
    t('sheet-class-TrungBinh'),
    t('sheet-class-HoanThanh'),
    t('sheet-class-KhongHoanThanh'),
    t('sheet-class-Dat'),
    t('sheet-class-KhongDat'),
    t('province-col-not-yet'),
    t('province-col-classified'),
    t('province-col-complete'),
    t('province-col-certificates'),
  ]
  const width = headers.length
  sheet.mergeCells(1, 1, 1, width)
  sheet.getCell(1, 1).value = input.title
  sheet.getCell(1, 1).font = { bold: true, size: 13 }
  sheet.getCell(1, 1).alignment = { horizontal: 'center' }
  const [y, m, d] = input.day.split('-')
  sheet.mergeCells(2, 1, 2, width)
  sheet.getCell(2, 1).value = t('sheet-date', { date: `${d}/${m}/${y}` })
  sheet.getCell(2, 1).alignment = { horizontal: 'center' }

  headerRow(sheet, 4, headers)

  const sum = Object.fromEntries(KEYS.map((k) => [k, 0])) as Counts
  const line = (c: Counts) => [
    ...KEYS.slice(0, 11).map((k) => c[k]),
    percent(c.classified, c.people),
    c.eligible,
  ]
  // one style object per kind of cell, shared by the cells of this workbook: exceljs then writes
  // each style once instead of comparing a copy per cell (2,000 schools are ~32,000 cells)
  const style = {
    boxed: { border: BOX },
    percent: { border: BOX, numFmt: '0.0' },
    unboxedPercent: { numFmt: '0.0' },
  }
  for (const [i, r] of input.rows.entries()) {
    const values: unknown[] = [i + 1, r.schoolName]
    if (r.total === null) values.push(t('province-no-year'))
    else {
      const c = provinceCounts(r.total)
      for (const k of KEYS) sum[k] += c[k]
      values.push(r.schoolYearName, ...line(c))
    }
    const row = sheet.addRow(values)
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.style = col === width - 1 ? style.percent : style.boxed
    })
    // a school without a year has no counts: its percent cell keeps only the number format
    if (r.total === null) row.getCell(width - 1).style = style.unboxedPercent
  }
  const totalRow = sheet.addRow(['', t('province-total', { schools: input.rows.length }), '', ...line(sum)])
  totalRow.font = { bold: true }
  totalRow.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = BOX
  })
  totalRow.getCell(width - 1).numFmt = '0.0'

  const widths = [5, 32, 11, 8, 9, 7, 7, 9, 10, 10, 7, 9, 10, 10, 10, 10]
  sheet.columns.forEach((col, i) => {
    col.width = widths[i] ?? 10
  })
  return Buffer.from(await book.xlsx.writeBuffer())
}
