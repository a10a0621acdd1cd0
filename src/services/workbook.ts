/**
 * A new exceljs workbook. exceljs is loaded on the first sheet the bot writes, not at start: a
 * process that only answers messages never holds its ~30 MB (issue 14, `start.rss_mb`).
 */
import type ExcelJS from 'exceljs'

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs')
  return new Excel.Workbook()
}
