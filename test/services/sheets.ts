/** Builds .xlsx and .csv files in memory for import tests and benchmarks. */
import { deflateRawSync } from 'node:zlib'
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

/**
 * A zip bomb dressed as an .xlsx: one worksheet of `unpackedMb` MB of spaces that packs into a few
 * KB. `declaredBytes` is the size its directory states: the truth by default, or a lie.
 */
export function xlsxBomb(unpackedMb: number, declaredBytes?: number): Uint8Array {
  const part = Buffer.alloc(unpackedMb * 1024 * 1024, 0x20)
  return zipOf([{ name: 'xl/worksheets/sheet1.xml', data: part, declaredBytes }])
}

/** A minimal zip (deflated parts, no CRC: what a zip-reading guard sees, not what Excel opens). */
export function zipOf(
  parts: Array<{ name: string; data: Buffer; declaredBytes?: number | undefined }>,
): Uint8Array {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name)
    const packed = deflateRawSync(part.data)
    const size = part.declaredBytes ?? part.data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(20, 6)
    entry.writeUInt16LE(8, 10)
    entry.writeUInt32LE(packed.length, 20)
    entry.writeUInt32LE(size, 24)
    entry.writeUInt16LE(name.length, 28)
    entry.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    central.push(entry, name)
    offset += local.length + name.length + packed.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}
