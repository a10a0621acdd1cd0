/**
 * Imports from spreadsheets: a staff list of 2,000 rows and a catalogue of 500 modules, each read
 * from a generated .xlsx, validated into a preview and committed in one transaction — the whole
 * way an admin's file goes, minus Telegram. Both must stay well under a second.
 *
 *   import.staff_2000_ms       read + validate + commit 2,000 staff rows
 *   import.catalogue_500_ms    read + validate + commit 500 catalogue rows
 */
import ExcelJS from 'exceljs'
import { openApp } from '../src/app.ts'
import { createLogger } from '../src/logger.ts'
import type { BenchSuite } from './suites.ts'

const ROLES = [
  'giáo viên',
  'giáo viên',
  'giáo viên',
  'giáo viên',
  'tổ trưởng',
  'nhân viên',
  'phó hiệu trưởng',
]
const DEPARTMENTS = [
  'Tổ Toán',
  'Tổ Ngữ văn',
  'Tổ Tiếng Anh',
  'Tổ Vật lý',
  'Tổ Hóa học',
  'Tổ Sinh học',
  'Tổ Lịch sử',
]
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng']
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Ngọc']
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hạnh', 'Khoa', 'Lan', 'Mai', 'Nam', 'Oanh', 'Phúc']
const LEVELS = ['THCS', 'TH', 'MN', 'GDTX', 'THPT']

async function workbook(rows: Array<Array<string | number | null>>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Sheet1')
  for (const row of rows) sheet.addRow(row)
  return new Uint8Array(await book.xlsx.writeBuffer())
}

function staffFile(count: number) {
  const rows: Array<Array<string | null>> = [['Họ và tên', 'Vai trò', 'Tổ', 'Cấp học', 'Môn']]
  for (let i = 0; i < count; i++) {
    const role = ROLES[i % ROLES.length]!
    const staff = role === 'nhân viên' || role === 'phó hiệu trưởng'
    rows.push([
      `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 3) % MIDDLE.length]} ${GIVEN[i % GIVEN.length]} ${i + 1}`,
      role,
      staff ? null : DEPARTMENTS[i % DEPARTMENTS.length]!,
      role === 'nhân viên' ? null : 'THPT',
      staff ? null : 'Toán',
    ])
  }
  return workbook(rows)
}

function catalogueFile(count: number) {
  const rows: Array<Array<string | number>> = [
    [
      'Cấp học',
      'Mã mô đun',
      'Tên và nội dung chính của mô đun',
      'Mục tiêu bồi dưỡng',
      'Thời gian tự học',
      'Lý thuyết',
      'Thực hành',
      'Tổng số tiết',
    ],
  ]
  for (let i = 0; i < count; i++) {
    const level = LEVELS[i % LEVELS.length]!
    rows.push([
      level,
      `${level} ${100 + i}`,
      `Mô đun bồi dưỡng số ${i}: phát triển năng lực dạy học\n1. Những vấn đề chung\n2. Thực hành vận dụng`,
      'Vận dụng được các kiến thức, kĩ năng vào hoạt động dạy học và giáo dục học sinh',
      10,
      2,
      3,
      15,
    ])
  }
  return workbook(rows)
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now()
  await work()
  return Math.round((performance.now() - start) * 10) / 10
}

export const importSuite: BenchSuite = {
  name: 'import',
  async run() {
    const app = await openApp({ databasePath: ':memory:', logger: createLogger('error') })
    const { setup, schools, invites, imports } = app.deps
    const owner = { telegramId: 1 }
    const admin = { telegramId: 2 }
    await setup.bootstrap({ ownerTelegramIds: [owner.telegramId] })
    const made = await schools.createSchool(owner, { name: 'THPT Bench' })
    if (!made.ok) throw new Error(JSON.stringify(made.error))
    const joined = await invites.redeem(admin, { code: made.value.adminInvite.code, fullName: 'Admin Bench' })
    if (!joined.ok) throw new Error(JSON.stringify(joined.error))
    const schoolId = made.value.school.id
    const staff = await staffFile(2000)
    const catalogue = await catalogueFile(500)

    const staffMs = await timed(async () => {
      const preview = await imports.previewStaff(admin, { schoolId, fileName: 'staff.xlsx', data: staff })
      if (!preview.ok || preview.value.errors.length > 0 || preview.value.rows.length !== 2000) {
        throw new Error(
          `staff preview: ${JSON.stringify(preview.ok ? preview.value.errors.slice(0, 3) : preview.error)}`,
        )
      }
      const committed = await imports.commitStaff(admin, { schoolId, preview: preview.value })
      if (!committed.ok || committed.value.created !== 2000)
        throw new Error(`staff commit: ${JSON.stringify(committed)}`)
    })
    const catalogueMs = await timed(async () => {
      const preview = await imports.previewCatalogue(owner, { fileName: 'catalogue.xlsx', data: catalogue })
      if (!preview.ok || preview.value.errors.length > 0 || preview.value.rows.length !== 500) {
        throw new Error(
          `catalogue preview: ${JSON.stringify(preview.ok ? preview.value.errors.slice(0, 3) : preview.error)}`,
        )
      }
      const committed = await imports.commitCatalogue(owner, { preview: preview.value })
      if (!committed.ok || committed.value.created !== 500)
        throw new Error(`catalogue commit: ${JSON.stringify(committed)}`)
    })
    await app.close()
    return { staff_2000_ms: staffMs, catalogue_500_ms: catalogueMs }
  },
}
