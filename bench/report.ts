/**
 * Reports: the results sheet (.xlsx) of a school of 300 people — one department, approved plans of
 * four modules, every score entered — as the admin's /report button builds it: teamTable, the rule
 * engine, the certificate rule and the workbook, in Vietnamese.
 *
 *   report.school_300_xlsx_ms   the whole sheet, from the store to the .xlsx bytes (target ≤ 500)
 *   report.chart_png_ms         the "📊 Biểu đồ" button of the same school: its status and both
 *                               PNGs (classes, progress against the deadlines) (target ≤ 300)
 *   report.province_2000_schools_xlsx_ms   the owner's sheet of 2,000 schools of 20 teachers
 *                               (./province.ts) (target ≤ 3,000)
 */
import { departmentWithPlans, lineOf, timed } from './grades.ts'
import { provinceSheetMs } from './province.ts'
import type { BenchSuite } from './suites.ts'

const SIZE = 300

export const reportSuite: BenchSuite = {
  name: 'report',
  async run() {
    const { app, admin, head, names } = await departmentWithPlans(SIZE)
    const { grades, reports, i18n } = app.deps
    const batch = await grades.parseBatch(head, { text: names.map((n, i) => lineOf(n, i)).join('\n') })
    if (!batch.ok) throw new Error(JSON.stringify(batch.error))
    const saved = await grades.commitBatch(head, { preview: batch.value })
    if (!saved.ok) throw new Error(JSON.stringify(saved.error))
    const t = (key: string, args?: Record<string, string | number>) => i18n.t('vi', key, args)
    // once to warm the code paths, as in a running bot
    await reports.resultsSheet(admin, {}, t)
    const sheet = await timed(() => reports.resultsSheet(admin, {}, t))
    if (!sheet.value.ok || sheet.value.value.people < SIZE)
      throw new Error(
        `report sheet: ${JSON.stringify(sheet.value.ok ? sheet.value.value.people : sheet.value.error)}`,
      )
    await reports.charts(admin, {}, t)
    const charts = await timed(() => reports.charts(admin, {}, t))
    if (!charts.value.ok || charts.value.value.classes.png.length < 10_000)
      throw new Error(`report charts: ${JSON.stringify(charts.value.ok ? 'blank' : charts.value.error)}`)
    await app.close()
    return {
      school_300_xlsx_ms: sheet.ms,
      chart_png_ms: charts.ms,
      province_2000_schools_xlsx_ms: await provinceSheetMs(2000, 20),
    }
  },
}
