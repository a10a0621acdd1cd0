/**
 * readSheet within UPLOAD_LIMITS (issue 10, item 4): every cap refuses with the cap named, the
 * reading stops at it, and an .xlsx zip bomb is caught whether its directory tells the truth about
 * its size or lies. A file within the caps reads as before.
 */
import { describe, expect, it } from 'vitest'
import { readSheet } from '../../src/services/sheets.ts'
import { UPLOAD_LIMITS } from '../../src/services/upload-limits.ts'
import { csv, xlsx, xlsxBomb } from './sheets.ts'

const refusal = async (fileName: string, data: Uint8Array) => {
  const read = await readSheet(fileName, data)
  return read.ok ? 'read' : read.error
}

describe('readSheet caps', () => {
  it('refuses a CSV row of 5 million cells, naming the cap and the row', async () => {
    const line = 'a,'.repeat(5_000_000)
    expect(await refusal('diem.csv', new TextEncoder().encode(`Họ và tên,ND1\n${line}\n`))).toEqual({
      code: 'too-many-columns',
      maxColumns: UPLOAD_LIMITS.cellsPerRow,
      row: 2,
    })
  })

  it('refuses too many rows, too many cells and a cell too long', async () => {
    const rows = Array.from({ length: UPLOAD_LIMITS.rows + 1 }, (_, i) => `Người ${i};8`)
    expect(await refusal('a.csv', csv(rows))).toEqual({ code: 'too-many-rows', maxRows: UPLOAD_LIMITS.rows })
    const wide = ';x'.repeat(100)
    const many = Array.from({ length: Math.ceil(UPLOAD_LIMITS.cells / 100) + 10 }, () =>
      `x${wide}`.slice(0, 200),
    )
    expect(await refusal('a.csv', csv(many))).toEqual({
      code: 'too-many-cells',
      maxCells: UPLOAD_LIMITS.cells,
    })
    const long = ['Họ và tên;Ghi chú', `An;${'x'.repeat(UPLOAD_LIMITS.cellChars + 1)}`]
    expect(await refusal('a.csv', csv(long))).toEqual({
      code: 'cell-too-long',
      maxChars: UPLOAD_LIMITS.cellChars,
      row: 2,
    })
  })

  it('refuses an .xlsx zip bomb before exceljs unpacks it, whether or not it lies about its size', async () => {
    const tooLarge = { code: 'file-unpacks-too-large', maxMb: UPLOAD_LIMITS.unpackedBytes / 1024 / 1024 }
    const honest = xlsxBomb(100)
    expect(honest.byteLength).toBeLessThan(1024 * 1024)
    expect(await refusal('bom.xlsx', honest)).toEqual(tooLarge)
    expect(await refusal('bom.xlsx', xlsxBomb(100, 1_000))).toEqual(tooLarge)
  })

  it('counts an .xlsx sheet’s rows before building it', async () => {
    const rows = Array.from({ length: UPLOAD_LIMITS.rows + 1 }, (_, i) => [`Người ${i}`])
    expect(await refusal('a.xlsx', await xlsx(rows))).toEqual({
      code: 'too-many-rows',
      maxRows: UPLOAD_LIMITS.rows,
    })
  })

  it('still reads a normal file, in either format', async () => {
    const read = await readSheet(
      'a.xlsx',
      await xlsx([
        ['Họ và tên', 'ND1'],
        ['An', 8, null, 'x'],
      ]),
    )
    expect(read.ok && read.value.tables[0]!.rows).toEqual([
      { row: 1, cells: ['Họ và tên', 'ND1'] },
      { row: 2, cells: ['An', '8', '', 'x'] },
    ])
    const text = await readSheet('a.csv', csv(['Họ và tên;ND1', 'An;8,5']))
    expect(text.ok && text.value.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ['Họ và tên', 'ND1'],
      ['An', '8,5'],
    ])
  })
})
