/**
 * Staff records through the chat (issue 15): the admin downloads the template, imports a file
 * with a bad row (every error by row, nothing stored), then the fixed file; sees /standards with
 * the ratios and the gaps, each with its source, in messages under 4,096 characters; a teacher
 * sees their record and its CEFR level in /me; a head reads the department's and cannot edit.
 */
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { Stores } from '../../src/store/stores.ts'
import { type Harness, inProcess, texts } from '../helpers/bot-harness.ts'
import { xlsx } from '../services/sheets.ts'
import { OWNER, school, type World } from '../services/support.ts'

let h: Harness
let w: World
let a: Awaited<ReturnType<typeof school>>
let admin: FakeUser

const HEADER = [
  'Họ và tên',
  'Tổ',
  'Trình độ chuyên môn',
  'Chuyên ngành',
  'Lý luận chính trị',
  'Chứng chỉ QLGD',
]
const LANG = ['Chứng chỉ ngoại ngữ', 'Điểm', 'Ngày cấp']

/** The records and what they hang on (sessions and accounts change with every message). */
async function snapshot(world: World): Promise<string> {
  const out: Record<string, unknown[]> = {}
  for (const table of ['people', 'staff_records', 'staff_certificates', 'audit_log'] as const) {
    out[table] = await world.app.db.selectFrom(table).selectAll().execute()
  }
  return JSON.stringify(out)
}

beforeEach(async () => {
  h = await inProcess()
  const clock = { now: new Date() }
  w = { app: h.app, services: h.app.deps, clock, at: (iso) => (clock.now = new Date(iso)) } as World
  await h.app.deps.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  a = await school(w, 'THPT A', 100)
  admin = h.fake.user({ id: a.admin.telegramId, first_name: 'BCĐ', language_code: 'vi' })
})
afterEach(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('staff records in the chat', () => {
  it('template, a file with a bad row refused whole, the fixed file saved, then /standards and /me', async () => {
    const listed = texts(await admin.say('/records'))
    expect(listed).toContain('Hồ sơ trình độ của trường — 0/5 người đã có hồ sơ')
    expect(admin.buttons().map((b) => b.text)).toEqual(['📄 Tệp mẫu', '📥 Nhập từ tệp'])

    const sent = await admin.tap('📄 Tệp mẫu')
    const document = sent.find((m) => m.document)?.document
    expect(document?.file_name).toBe('ho-so-can-bo.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(h.fake.files.get(document!.file_id)!.bytes) as unknown as ExcelJS.Buffer)
    const sheet = book.getWorksheet('Hồ sơ')!
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual([
      'Họ và tên',
      'Tổ',
      'Trình độ chuyên môn',
    ])
    expect(sheet.rowCount).toBe(6)
    expect(book.getWorksheet('Hướng dẫn')?.getRow(1).values).toEqual([
      undefined,
      'Mỗi dòng của trang «Hồ sơ» là một người của trường; bot tìm người theo Họ và tên (và Tổ, nếu hai người trùng tên).',
    ])

    await admin.say('/records')
    const asked = texts(await admin.tap('📥 Nhập từ tệp'))
    expect(asked).toContain('hồ sơ trình độ của THPT A')
    const before = await snapshot(w)
    await admin.sendDocument({
      bytes: await xlsx([
        [...HEADER, ...LANG],
        ['Admin THPT A', null, 'đại học', 'Toán', 'sơ cấp', 'có', null, null, null],
        ['Teacher Toán', 'Tổ Toán', 'thạc sĩ', 'Toán', null, null, 'IELTS', '6,5', '12/05/2023'],
        ['Teacher Văn', 'Tổ Văn', 'cử nhân văn', 'Ngữ văn', null, null, null, null, null],
      ]),
      fileName: 'ho-so.xlsx',
    })
    const [bad] = await admin.waitForMessages(1)
    expect(bad?.text).toContain('❌ Có 1 lỗi ở 1 dòng, chưa lưu gì:')
    expect(bad?.text?.split('\n').filter((l) => l.startsWith('• Dòng'))).toEqual([
      '• Dòng 4, cột «Trình độ chuyên môn»: «cử nhân văn» không phải giá trị bot biết. Ghi một trong: trung cấp, cao đẳng, đại học, thạc sĩ, tiến sĩ.',
    ])
    expect(bad?.reply_markup).toBeUndefined()
    expect(await snapshot(w)).toBe(before)

    await admin.sendDocument({
      bytes: await xlsx([
        [...HEADER, ...LANG],
        ['Admin THPT A', null, 'đại học', 'Toán', 'sơ cấp', 'có', null, null, null],
        ['Teacher Toán', 'Tổ Toán', 'thạc sĩ', 'Toán', null, null, 'IELTS', '6,5', '12/05/2023'],
        ['Teacher Văn', 'Tổ Văn', 'đại học', 'Ngữ văn', null, null, null, null, null],
      ]),
      fileName: 'ho-so.xlsx',
    })
    const [clean] = await admin.waitForMessages(1)
    expect(clean?.text).toContain(
      'Đọc được 3 dòng: 3 người có hồ sơ lần đầu, 0 người được cập nhật, 1 chứng chỉ ngoại ngữ.',
    )
    expect(admin.buttons().map((b) => b.text)).toEqual(['✅ Lưu', 'Hủy'])
    expect(await snapshot(w)).toBe(before)
    expect(texts(await admin.tap('✅ Lưu'))).toContain('✅ Đã lưu hồ sơ: 3 người có hồ sơ lần đầu')

    const standards = await admin.say('/standards')
    const shown = texts(standards)
    expect(shown).toContain('Chuẩn trình độ — THPT A (cấp THPT)')
    expect(shown).toContain('• Cán bộ quản lý — thạc sĩ: 0/1 (0 %), chỉ tiêu 33 %: còn thiếu 1 người')
    expect(shown).toContain('• Giáo viên — thạc sĩ: 1/4 (25 %), chỉ tiêu 12 %: ✅ đạt')
    expect(shown).toContain('• Giáo viên — tiến sĩ: 0/4 (0 %), chỉ tiêu 0,3 %: còn thiếu 1 người')
    expect(shown).toContain(
      'Lý luận chính trị từ trung cấp (CBQL và diện quy hoạch) — 1 người\nNguồn: KH đào tạo, bồi dưỡng 2013–2015 của Sở GDĐT TP.HCM, mục II.4\n• Admin THPT A: cần trung cấp, hiện: sơ cấp',
    )
    expect(shown).toContain('Tin học — 3 người')
    for (const m of standards) expect(m.text!.length).toBeLessThan(4096)

    const teacher = h.fake.user({ id: a.teacherToan.telegramId, first_name: 'GV', language_code: 'vi' })
    const me = texts(await teacher.say('/me'))
    expect(me).toContain('Chuyên môn: Thạc sĩ — Toán')
    expect(me).toContain('Ngoại ngữ: IELTS 6,5 (12/05/2023) → C1')
    const other = h.fake.user({ id: a.teacherVan.telegramId, first_name: 'GV2', language_code: 'vi' })
    expect(texts(await other.say('/me'))).toContain('Chuyên môn: Đại học — Ngữ văn')
  })

  it('one person in the chat: a bad value saves nothing, a good one only what it names', async () => {
    const before = await snapshot(w)
    const bad = texts(await admin.say('/record Teacher Văn\nTrình độ: thạc sĩ\nTin học: giỏi'))
    expect(bad).toContain('❌ Hồ sơ có lỗi nên chưa lưu gì:')
    expect(bad).toContain(
      '• «Tin học»: «giỏi» không phải giá trị bot biết. Ghi một trong: không, cơ bản, ứng dụng quản lý.',
    )
    expect(await snapshot(w)).toBe(before)
    expect(texts(await admin.say('/record Ai Đó\nTin học: cơ bản'))).toContain('Không có ai tên «Ai Đó»')
    const saved = texts(await admin.say('/record teacher van\nTrình độ: thạc sĩ\nQuy hoạch: có'))
    expect(saved).toContain('✅ Đã lưu hồ sơ của Teacher Văn.')
    expect(saved).toContain('Chuyên môn: Thạc sĩ')
    expect(saved).toContain('Quy hoạch cán bộ quản lý: có')
    expect(texts(await admin.say('/record'))).toContain('dòng đầu là họ và tên')
  })

  it('a head reads the department’s records and cannot change them; a teacher sees neither', async () => {
    await admin.say('/record Teacher Toán\nTrình độ: thạc sĩ')
    const head = h.fake.user({ id: a.headToan.telegramId, first_name: 'TT', language_code: 'vi' })
    const seen = texts(await head.say('/records'))
    expect(seen).toContain('Hồ sơ trình độ của tổ (chỉ xem) — 1/2 người đã có hồ sơ')
    expect(seen).toContain('• Teacher Toán (Tổ Toán): Thạc sĩ')
    expect(seen).not.toContain('Teacher Văn')
    expect(head.buttons()).toEqual([])
    const before = await snapshot(w)
    expect(texts(await head.say('/record Teacher Toán\nTrình độ: tiến sĩ'))).toContain(
      'Tổ trưởng chỉ xem được hồ sơ của tổ (/records), không sửa được.',
    )
    expect(texts(await head.say('/standards'))).toContain('Chỉ BCĐ của trường mới xem được')
    const teacher = h.fake.user({ id: a.teacherToan.telegramId, first_name: 'GV', language_code: 'vi' })
    expect(texts(await teacher.say('/records'))).toContain('Chỉ BCĐ của trường mới xem')
    expect(await snapshot(w)).toBe(before)
  })

  it('/standards for a large school names 15 people per standard and keeps every message under 4,096', async () => {
    const stores = new Stores(h.app.db)
    const now = new Date().toISOString()
    await stores.people.createMany(
      Array.from({ length: 400 }, (_, i) => ({
        schoolId: a.school.id,
        fullName: `Giáo viên Có Tên Khá Dài Số ${i + 1}`,
        role: 'teacher' as const,
        departmentId: a.toan.id,
        level: 'THPT' as const,
        subject: 'Tiếng Anh',
      })),
      now,
    )
    const people = await stores.people.list({ schoolId: a.school.id })
    await stores.staffRecords.saveMany(
      people.map((p) => ({
        personId: p.id,
        data: {
          qualification: 'dai-hoc',
          qualificationSubject: 'Tiếng Anh',
          politicalTheory: null,
          stateManagement: false,
          educationManagement: false,
          ttcmTraining: false,
          it: 'none',
          pipeline: true,
          post: null,
        },
        certificates: [],
      })),
      a.admin.telegramId,
      now,
    )
    const messages = await admin.say('/standards')
    const shown = texts(messages)
    expect(shown).toContain('— 405 người')
    expect(shown).toContain('… và 390 người nữa')
    for (const m of messages) expect(m.text!.length).toBeLessThan(4096)
  })

  it('the owner sees every school’s ratios against its targets', async () => {
    const b = await school(w, 'THPT B', 200)
    await admin.say('/record Teacher Toán\nTrình độ: tiến sĩ')
    const other = h.fake.user({ id: b.admin.telegramId, first_name: 'BCĐ B', language_code: 'vi' })
    await other.say('/record Admin THPT B\nTrình độ: thạc sĩ')
    const owner = h.fake.user({ id: OWNER.telegramId, first_name: 'Sở', language_code: 'vi' })
    const shown = texts(await owner.say('/standards'))
    expect(shown).toContain('Tỉ lệ thạc sĩ, tiến sĩ so với chỉ tiêu — 2 trường')
    expect(shown).toContain(
      'THPT A (cấp THPT)\n• Cán bộ quản lý — tiến sĩ: 0/1 (0 %), chỉ tiêu 4 %: còn thiếu 1 người',
    )
    expect(shown).toContain('• Giáo viên — tiến sĩ: 1/4 (25 %), chỉ tiêu 0,3 %: ✅ đạt')
    expect(shown).toContain('• Cán bộ quản lý — thạc sĩ: 1/1 (100 %), chỉ tiêu 33 %: ✅ đạt')
    expect(shown).not.toContain('Ai chưa đạt chuẩn nào')
  })
})
