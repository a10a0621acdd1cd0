/**
 * What everybody else feels while somebody sends a hostile spreadsheet: an admin in /import sends
 * a 10 MB CSV of one row of 5 million cells (and then an .xlsx zip bomb) to the real bot over the
 * fake Telegram; the bot downloads it, reads it in a worker and refuses it. A 5 ms timer on the
 * bot's event loop records the longest gap between its ticks: the longest any other person's update
 * would have waited. The issue found 16 s for the CSV when it was read on the event loop.
 *
 * Each file is sent three times; a figure is the median run's.
 *
 *   upload.csv_10mb_max_block_ms     longest event-loop stall while the CSV is refused (target ≤ 100)
 *   upload.csv_10mb_max_block_ratio  that over the 100 ms target (≤ 1)
 *   upload.csv_10mb_worst_block_ms   the worst of the three runs
 *   upload.csv_10mb_refused_ms       from the upload to the refusal (download + worker + reply)
 *   upload.small_csv_max_block_ms    the same stall for a 40-byte staff list with a bad row: the
 *                                    floor of this probe on this machine (its load, the worker start)
 *   upload.xlsx_bomb_max_block_ms    the same stall for an .xlsx unpacking to 100 MB
 */
import { deflateRawSync } from 'node:zlib'
import { openApp } from '../src/app.ts'
import { createBot } from '../src/bot/index.ts'
import { FakeTelegram } from '../src/emulator/fake-telegram.ts'
import type { FakeUser } from '../src/emulator/fake-user.ts'
import { silentLogger } from '../src/logger.ts'
import type { BenchSuite } from './suites.ts'

const TARGET_MS = 100
const TICK_MS = 5
/** each file is sent this many times; the figures are the median run's (the worst is shown too) */
const RUNS = 3

/** Runs `work` while a timer ticks every TICK_MS; the longest lateness of a tick, in ms. */
async function longestStall(work: () => Promise<void>): Promise<{ stallMs: number; wallMs: number }> {
  let last = performance.now()
  let worst = 0
  const probe = setInterval(() => {
    const now = performance.now()
    worst = Math.max(worst, now - last - TICK_MS)
    last = now
  }, TICK_MS)
  const started = performance.now()
  await work()
  const wallMs = performance.now() - started
  clearInterval(probe)
  return { stallMs: Math.round(Math.max(0, worst) * 10) / 10, wallMs: Math.round(wallMs) }
}

/** one worksheet part of `mb` MB of spaces, deflated to a few KB (the zip guard refuses it unread) */
function zipBomb(mb: number): Uint8Array {
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const packed = deflateRawSync(Buffer.alloc(mb * 1024 * 1024, 0x20))
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(packed.length, 18)
  local.writeUInt32LE(mb * 1024 * 1024, 22)
  local.writeUInt16LE(name.length, 26)
  const entry = Buffer.alloc(46)
  entry.writeUInt32LE(0x02014b50, 0)
  entry.writeUInt16LE(8, 10)
  entry.writeUInt32LE(packed.length, 20)
  entry.writeUInt32LE(mb * 1024 * 1024, 24)
  entry.writeUInt16LE(name.length, 28)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(entry.length + name.length, 12)
  end.writeUInt32LE(local.length + name.length + packed.length, 16)
  return new Uint8Array(Buffer.concat([local, name, packed, entry, name, end]))
}

async function refused(admin: FakeUser, bytes: Uint8Array, fileName: string, expected: string) {
  const reply = await admin.settle(await admin.sendDocument({ bytes, fileName }), { timeoutMs: 60_000 })
  const text = reply.map((m) => m.text ?? '').join('\n')
  if (!text.includes(expected)) throw new Error(`upload bench: expected «${expected}», got «${text}»`)
}

export const uploadSuite: BenchSuite = {
  name: 'upload',
  async run() {
    const app = await openApp({ databasePath: ':memory:', logger: silentLogger })
    const { setup, schools, invites } = app.deps
    await setup.bootstrap({ ownerTelegramIds: [1] })
    const made = await schools.createSchool({ telegramId: 1 }, { name: 'THPT Bench' })
    if (!made.ok) throw new Error(JSON.stringify(made.error))
    const joined = await invites.redeem(
      { telegramId: 2 },
      { code: made.value.adminInvite.code, fullName: 'Admin Bench' },
    )
    if (!joined.ok) throw new Error(JSON.stringify(joined.error))
    const fake = new FakeTelegram({ timeoutMs: 60_000 })
    const bot = createBot({ token: '123456:bench-upload', deps: app.deps, client: { fetch: fake.fetch } })
    fake.connect(bot)
    const admin = fake.user({ id: 2, first_name: 'BCĐ', language_code: 'vi' })
    await admin.say('/import')

    const hostile = new TextEncoder().encode('a,'.repeat(5_000_000))
    const bomb = zipBomb(100)
    const small = new TextEncoder().encode('Họ và tên;Vai trò\nAn;giáo viên thủ thư\n')
    const measure = async (bytes: Uint8Array, fileName: string, expected: string) => {
      const runs: Array<{ stallMs: number; wallMs: number }> = []
      for (let i = 0; i < RUNS; i++) {
        runs.push(await longestStall(() => refused(admin, bytes, fileName, expected)))
      }
      runs.sort((a, b) => a.stallMs - b.stallMs)
      return { median: runs[Math.floor(RUNS / 2)]!, worst: runs[RUNS - 1]! }
    }
    // the same path (download, worker, refusal) for a 40-byte file: the probe's floor on this machine
    const floor = await measure(small, 'danh-sach.csv', 'không phải vai trò')
    const csv = await measure(hostile, 'danh-sach.csv', 'có hơn 256 ô')
    const xlsx = await measure(bomb, 'danh-sach.xlsx', 'khi giải nén lớn hơn')
    await app.close()
    return {
      csv_10mb_max_block_ms: csv.median.stallMs,
      csv_10mb_max_block_ratio: Math.round((csv.median.stallMs / TARGET_MS) * 1000) / 1000,
      csv_10mb_worst_block_ms: csv.worst.stallMs,
      csv_10mb_refused_ms: csv.median.wallMs,
      small_csv_max_block_ms: floor.median.stallMs,
      xlsx_bomb_max_block_ms: xlsx.median.stallMs,
    }
  },
}
