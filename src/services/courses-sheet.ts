/**
 * The course list as a spreadsheet to print or send up: one row per course with its amount, the
 * totals computed by the rule engine, then a second sheet of who signed up (seats, then the
 * waiting list in order). Values only; nothing is recomputed by an Excel formula.
 */
import type { CourseList, Signup } from './courses.ts'
import type { Translate } from './results-sheet.ts'
import { newWorkbook } from './workbook.ts'

const MONEY = '#,##0'

export async function coursesWorkbook(
  input: { title: string; list: CourseList; signups: ReadonlyMap<number, Signup[]> },
  t: Translate,
): Promise<Buffer> {
  const book = await newWorkbook()
  const sheet = book.addWorksheet(t('courses-sheet-name'), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  sheet.getCell(1, 1).value = input.title
  sheet.getCell(1, 1).font = { bold: true, size: 13 }
  const header = sheet.getRow(3)
  header.values = [
    t('courses-col-number'),
    t('courses-col-name'),
    t('courses-col-classes'),
    t('courses-col-seats'),
    t('courses-col-fee'),
    t('courses-col-amount'),
    t('courses-col-seated'),
    t('courses-col-waiting'),
  ]
  header.font = { bold: true }
  sheet.pageSetup.printTitlesRow = '3:3'
  input.list.courses.forEach((c, i) => {
    sheet.addRow([i + 1, c.name, c.classes, c.seats, c.feePerPerson, c.amount, c.seated, c.waiting])
  })
  const { totals } = input.list.check
  const total = sheet.addRow(['', t('courses-col-total'), totals.classes, totals.seats, '', totals.amount])
  total.font = { bold: true }
  for (const column of [5, 6]) sheet.getColumn(column).numFmt = MONEY
  const widths = [6, 50, 9, 10, 16, 18, 12, 12]
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w
  })

  const people = book.addWorksheet(t('courses-sheet-signups'))
  people.getRow(1).values = [
    t('courses-col-name'),
    t('courses-col-person'),
    t('courses-col-school'),
    t('courses-col-state'),
  ]
  people.getRow(1).font = { bold: true }
  for (const c of input.list.courses) {
    for (const s of input.signups.get(c.id) ?? []) {
      people.addRow([c.name, s.fullName, s.schoolName, t(`courses-state-${s.state}`)])
    }
  }
  ;[50, 28, 30, 16].forEach((w, i) => {
    people.getColumn(i + 1).width = w
  })
  return Buffer.from(await book.xlsx.writeBuffer())
}
