/** Builds .xlsx and .csv files in memory for import tests and benchmarks. */
import ExcelJS from 'exceljs'

export async function xlsx(
  rows: Array<Array<string | number | null>>,
  sheetName = 'Danh sách',
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  for (const row of rows) sheet.addRow(row)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

export function csv(lines: string[]): Uint8Array {
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`)
}
