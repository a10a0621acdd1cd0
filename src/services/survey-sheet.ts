/**
 * The survey's totals as a spreadsheet (issue 15 item 4): per module and other training how many
 * asked for it, then per department how many answered. Values only, as the service computed them.
 */
import type { Translate } from './results-sheet.ts'
import type { SurveyTotals } from './surveys.ts'
import { newWorkbook } from './workbook.ts'

export async function surveyWorkbook(
  input: { title: string; totals: SurveyTotals },
  t: Translate,
): Promise<Buffer> {
  const { totals } = input
  const book = await newWorkbook()
  const sheet = book.addWorksheet(t('survey-sheet-name'))
  sheet.getCell(1, 1).value = input.title
  sheet.getCell(1, 1).font = { bold: true, size: 13 }
  sheet.getCell(2, 1).value = t('survey-sheet-answered', {
    answered: totals.answered,
    surveyed: totals.surveyed,
  })
  const header = sheet.getRow(4)
  header.values = [t('survey-col-code'), t('survey-col-title'), t('survey-col-count')]
  header.font = { bold: true }
  for (const m of totals.modules) sheet.addRow([m.module.code, m.module.title, m.count])
  for (const o of totals.others) sheet.addRow(['', t(`survey-other-${o.code}`), o.count])
  ;[12, 70, 12].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w
  })

  const depts = book.addWorksheet(t('survey-sheet-departments'))
  depts.getRow(1).values = [t('survey-col-department'), t('survey-col-surveyed'), t('survey-col-answered')]
  depts.getRow(1).font = { bold: true }
  for (const d of totals.departments) {
    depts.addRow([d.name ?? t('survey-no-department'), d.surveyed, d.answered])
  }
  ;[30, 14, 14].forEach((w, i) => {
    depts.getColumn(i + 1).width = w
  })
  return Buffer.from(await book.xlsx.writeBuffer())
}
