/**
 * The results sheet of a TT 19/2019 year (issue 12): a teacher classed "Hoàn thành" reads so in
 * the Xếp loại column, and the summary counts the class, so the classes add up to the total.
 */
import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import { createI18n } from '../../src/bot/i18n.ts'
import type { Score, Tenths } from '../../src/rules/index.ts'
import type { GroupStatus } from '../../src/services/reports.ts'
import { resultsWorkbook, type SheetRow } from '../../src/services/results-sheet.ts'

const i18n = createI18n()
const t = (key: string, args?: Record<string, string | number>) => i18n.t('vi', key, args)

const row = (fullName: string, summary: string, eligible: boolean): SheetRow => ({
  fullName,
  role: 'Giáo viên',
  departmentName: 'Tổ Toán – Tin',
  nd1: 800 as Score,
  nd2: 700 as Score,
  modules: [],
  average: (eligible ? 75 : 40) as Tenths,
  summary,
  eligible,
  reason: eligible ? null : 'plan-not-completed',
})

it('writes and counts the TT 19 "Hoàn thành" class', async () => {
  const total: GroupStatus = {
    departmentId: null,
    departmentName: null,
    people: 3,
    plans: { notSubmitted: 0, submitted: 0, approved: 3, returned: 0 },
    grades: { complete: 3, missing: 0 },
    teachers: {
      Gioi: 0,
      Kha: 0,
      TrungBinh: 0,
      HoanThanh: 2,
      KhongHoanThanh: 1,
      pending: 0,
      'no-approved-plan': 0,
      total: 3,
    },
    managers: { Dat: 0, KhongDat: 0, pending: 0, 'no-approved-plan': 0, total: 0 },
    certificates: { eligible: 2, ineligible: [] },
  }
  const data = await resultsWorkbook(
    {
      schoolName: 'THCS Kim Đồng',
      schoolYearName: '2026-2027',
      scopeName: null,
      regulation: ['TT 19/2019/TT-BGDĐT', 'TT 17/2022/TT-BGDĐT'],
      day: '2027-05-20',
      rows: [
        row('Nguyễn Văn An', 'HoanThanh', true),
        row('Lê Thị Bình', 'HoanThanh', true),
        row('Võ Thị Dung', 'KhongHoanThanh', false),
      ],
      total,
    },
    t,
  )
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(data as unknown as ExcelJS.Buffer)
  const sheet = book.worksheets[0]!
  const classes: string[] = []
  const summary = new Map<string, number>()
  sheet.eachRow((r) => {
    if (r.getCell(2).value === 'Nguyễn Văn An') classes.push(String(r.getCell(8).value))
    const [label, count] = [r.getCell(2).value, r.getCell(3).value]
    if (typeof label === 'string' && typeof count === 'number') summary.set(label, count)
  })
  expect(classes).toEqual(['Hoàn thành'])
  expect(summary.get('Hoàn thành')).toBe(2)
  expect(summary.get('Không hoàn thành')).toBe(1)
  expect(summary.get('Tổng số')).toBe(3)
})
