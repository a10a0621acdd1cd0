/**
 * An .xlsx is a zip whose parts can unpack to a thousand times their packed size (a "zip bomb":
 * 10 MB of zeros packs into 10 KB). Before exceljs unpacks a workbook whole, the zip's directory
 * is read, its declared sizes are added up and capped, and every part is then really unpacked
 * with its declared size as a hard ceiling, so a part that lies about its size is caught too. Each
 * unpacked part is shown to `inspect` (to count a sheet's rows and cells) and dropped.
 *
 *   const checked = checkZip(bytes, { maxBytes, maxEntries }, (name, part) => countRows(part))
 */
import { inflateRawSync } from 'node:zlib'

export type ZipProblem = 'unreadable' | 'too-large'

export class ZipRefused extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip refused: ${problem}`)
  }
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/** Throws ZipRefused when the zip cannot be read or unpacks to more than `maxBytes`. */
export function checkZip(
  data: Uint8Array,
  limits: { maxBytes: number; maxEntries: number },
  inspect: (name: string, part: Buffer) => void = () => {},
): void {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const end = findEnd(buf)
  const entries = buf.readUInt16LE(end + 10)
  const dirOffset = buf.readUInt32LE(end + 16)
  // 0xffff / 0xffffffff mean zip64, which no spreadsheet this small needs
  if (entries === 0xffff || dirOffset === 0xffffffff) throw new ZipRefused('unreadable')
  if (entries > limits.maxEntries) throw new ZipRefused('too-large')
  let at = dirOffset
  let declared = 0
  const parts: Array<{ name: string; method: number; packed: number; size: number; local: number }> = []
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new ZipRefused('unreadable')
    const method = buf.readUInt16LE(at + 10)
    const packed = buf.readUInt32LE(at + 20)
    const size = buf.readUInt32LE(at + 24)
    const nameLength = buf.readUInt16LE(at + 28)
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32)
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength)
    parts.push({ name, method, packed, size, local: buf.readUInt32LE(at + 42) })
    declared += size
    if (declared > limits.maxBytes) throw new ZipRefused('too-large')
    at += 46 + skip
  }
  for (const part of parts) inspect(part.name, unpack(buf, part))
}

function findEnd(buf: Buffer): number {
  const last = buf.length - 22
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) if (buf.readUInt32LE(at) === EOCD) return at
  throw new ZipRefused('unreadable')
}

function unpack(buf: Buffer, part: { method: number; packed: number; size: number; local: number }): Buffer {
  const at = part.local
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new ZipRefused('unreadable')
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28)
  if (start + part.packed > buf.length) throw new ZipRefused('unreadable')
  const packed = buf.subarray(start, start + part.packed)
  if (part.method === 0) {
    if (part.packed !== part.size) throw new ZipRefused('unreadable')
    return packed
  }
  if (part.method !== 8) throw new ZipRefused('unreadable')
  let out: Buffer
  try {
    // one byte over the declared size is enough to know it lied
    out = inflateRawSync(packed, { maxOutputLength: part.size + 1 })
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefused('too-large')
    throw new ZipRefused('unreadable')
  }
  if (out.length !== part.size) throw new ZipRefused(out.length > part.size ? 'too-large' : 'unreadable')
  return out
}
