/**
 * Staff standards: `staff.standards_2000_ms` is the best of five runs of /standards' judgement —
 * every gap of 2,000 people's records, grouped by standard — on one core (target ≤ 200 ms). The
 * records are seeded random mixes of managers, teachers (some in the pipeline, some TTCM, some
 * teaching English) and school staff, so every standard is exercised.
 *
 * `staff.import_2000_ms` (target ≤ 1,000 ms) is the records import the whole way an admin's file
 * goes, minus Telegram: 2,000 rows of an .xlsx read, each person found, every column validated
 * (a language certificate on every other row, through the CEFR engine), then committed in one
 * transaction.
 */
import ExcelJS from 'exceljs'
import { openApp } from '../src/app.ts'
import { createLogger } from '../src/logger.ts'
import { gapsByStandard, QUALIFICATIONS, STAFF_POSTS, type StaffRecord } from '../src/rules/standards.ts'
import { Stores } from '../src/store/stores.ts'
import { prng } from './rules.ts'
import type { BenchSuite } from './suites.ts'

const PEOPLE = 2_000
const ROUNDS = 5

function records(count: number, seed: number): StaffRecord[] {
  const random = prng(seed)
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)] as T
  return Array.from({ length: count }, (): StaffRecord => {
    const r = random()
    const role = r < 0.05 ? 'principal' : r < 0.1 ? 'vice-principal' : r < 0.85 ? 'teacher' : 'staff'
    return {
      role,
      isTtcm: role === 'teacher' && random() < 0.1,
      pipeline: role === 'teacher' && random() < 0.05,
      teachesEnglish: role === 'teacher' && random() < 0.1,
      staffPost: role === 'staff' ? pick(STAFF_POSTS) : null,
      qualification:
        random() < 0.95
          ? { level: pick(QUALIFICATIONS), subject: pick(['Kế toán', 'Sư phạm Toán', 'Thư viện', 'Y sỹ']) }
          : null,
      politicalTheory: pick([null, 'so-cap', 'trung-cap', 'cao-cap'] as const),
      managementCertificate: random() < 0.7,
      stateManagementCertificate: random() < 0.5,
      ttcmTraining: random() < 0.5,
      it: pick(['none', 'basic', 'management'] as const),
      englishFramework: pick([null, 3, 4, 5] as const),
    }
  })
}

const WORDS = {
  qualification: ['đại học', 'thạc sĩ', 'cao đẳng', 'tiến sĩ', 'trung cấp'],
  political: ['', 'sơ cấp', 'trung cấp', 'cao cấp', 'cử nhân'],
  it: ['cơ bản', 'ứng dụng quản lý', 'không'],
  certificate: [
    ['IELTS', '6,5'],
    ['TOEIC', '850 170 160'],
    ['TOEFL iBT', '95'],
    ['FCE', '62'],
  ],
}

async function importMs(): Promise<number> {
  const app = await openApp({ databasePath: ':memory:', logger: createLogger('error') })
  const { setup, schools, invites, staff } = app.deps
  const owner = { telegramId: 1 }
  const admin = { telegramId: 2 }
  await setup.bootstrap({ ownerTelegramIds: [owner.telegramId] })
  const made = await schools.createSchool(owner, { name: 'THPT Bench' })
  if (!made.ok) throw new Error(JSON.stringify(made.error))
  const joined = await invites.redeem(admin, { code: made.value.adminInvite.code, fullName: 'Admin Bench' })
  if (!joined.ok) throw new Error(JSON.stringify(joined.error))
  const schoolId = made.value.school.id
  const now = new Date().toISOString()
  const names = Array.from({ length: PEOPLE }, (_, i) => `Giáo viên Số ${i + 1}`)
  await new Stores(app.db).people.createMany(
    names.map((fullName) => ({
      schoolId,
      fullName,
      role: 'teacher',
      departmentId: null,
      level: 'THPT',
      subject: 'Toán',
    })),
    now,
  )
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Hồ sơ')
  sheet.addRow([
    'Họ và tên',
    'Trình độ chuyên môn',
    'Chuyên ngành',
    'Lý luận chính trị',
    'Chứng chỉ QLGD',
    'Tin học',
    'Quy hoạch',
    'Chứng chỉ ngoại ngữ',
    'Điểm',
    'Ngày cấp',
  ])
  names.forEach((name, i) => {
    const [exam, score] = i % 2 === 0 ? (WORDS.certificate[(i >> 1) % 4] as string[]) : ['', '']
    sheet.addRow([
      name,
      WORDS.qualification[i % 5],
      'Sư phạm Toán',
      WORDS.political[i % 5],
      i % 3 === 0 ? 'có' : 'không',
      WORDS.it[i % 3],
      i % 7 === 0 ? 'có' : 'không',
      exam,
      score,
      exam === '' ? '' : '12/05/2023',
    ])
  })
  const data = new Uint8Array(await book.xlsx.writeBuffer())
  const started = performance.now()
  const preview = await staff.previewImport(admin, { schoolId, fileName: 'ho-so.xlsx', data })
  if (!preview.ok || preview.value.errors.length > 0 || preview.value.rows.length !== PEOPLE)
    throw new Error(
      `records preview: ${JSON.stringify(preview.ok ? preview.value.errors.slice(0, 3) : preview.error)}`,
    )
  const committed = await staff.commitImport(admin, { schoolId, preview: preview.value })
  if (!committed.ok || committed.value.created !== PEOPLE)
    throw new Error(`records commit: ${JSON.stringify(committed)}`)
  const ms = performance.now() - started
  await app.close()
  return Math.round(ms * 10) / 10
}

export const staffSuite: BenchSuite = {
  name: 'staff',
  async run() {
    const people = records(PEOPLE, 15)
    let best = Number.POSITIVE_INFINITY
    let groups = 0
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now()
      groups = gapsByStandard(people, (p) => p, { level: 'THPT' }).size
      best = Math.min(best, performance.now() - started)
    }
    if (groups === 0) throw new Error('bench records produced no gaps: the bench measures nothing')
    return { standards_2000_ms: Math.round(best * 100) / 100, import_2000_ms: await importMs() }
  },
}
