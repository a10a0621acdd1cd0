/**
 * /import through the fake Telegram: an admin's staff list from an .xlsx with two bad rows (a
 * preview naming exactly them, nothing stored), the fixed file saved; an owner's catalogue; the
 * refusals (a teacher, a file that is not a spreadsheet, missing columns).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { type Harness, inProcess, tempDatabase } from '../helpers/bot-harness.ts'
import { csv, xlsx } from '../services/sheets.ts'
import { must, OWNER, school, type World } from '../services/support.ts'

let h: Harness
let w: World
let a: Awaited<ReturnType<typeof school>>
const texts = (messages: Array<{ text?: string }>) => messages.map((m) => m.text ?? '').join('\n---\n')

const HEADER = ['Họ và tên', 'Vai trò', 'Tổ', 'Cấp học', 'Môn']
const GOOD_ROWS = [
  ['Nguyễn Văn Hùng', 'tổ trưởng', 'Tổ Sinh', 'THPT', 'Sinh học'],
  ['Trần Thị Lan', 'giáo viên', 'Tổ Sinh', 'THPT', 'Sinh học'],
  ['Lê Minh Châu', 'Giáo viên', 'Tổ Toán', 'trung học phổ thông', 'Toán'],
  ['Phạm Quốc Bảo', 'phó hiệu trưởng', null, 'THPT', null],
]

async function staffFile(bad: boolean): Promise<Uint8Array> {
  const rows: Array<Array<string | number | null>> = [
    ['TRƯỜNG THPT A — DANH SÁCH CÁN BỘ, GIÁO VIÊN NĂM HỌC 2025-2026'],
    HEADER,
    ...GOOD_ROWS,
  ]
  if (bad) {
    rows.splice(3, 0, ['', 'giáo viên', 'Tổ Sinh', 'THPT', 'Sinh học'])
    rows.splice(5, 0, ['Võ Thị Em', 'thủ thư trưởng', 'Tổ Toán', 'THPT', 'Toán'])
  } else {
    rows.push(['Võ Thị Em', 'nhân viên', null, null, null])
  }
  return xlsx(rows)
}

async function peopleNamed(names: string[]) {
  const people = must(await h.app.deps.people.list(a.admin, { schoolId: a.school.id }))
  return names.filter((name) => people.some((p) => p.fullName === name))
}

/** The school's data and the catalogue (sessions and accounts change with every message). */
async function snapshot(world: World): Promise<string> {
  const out: Record<string, unknown[]> = {}
  for (const table of ['schools', 'departments', 'people', 'modules', 'audit_log'] as const) {
    out[table] = await world.app.db.selectFrom(table).selectAll().orderBy('id').execute()
  }
  return JSON.stringify(out)
}

function worldOf(harness: Harness): World {
  const clock = { now: new Date() }
  return { app: harness.app, services: harness.app.deps, clock, at: (iso) => (clock.now = new Date(iso)) }
}

beforeEach(async () => {
  h = await inProcess()
  w = worldOf(h)
  await h.app.deps.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  a = await school(w, 'THPT A', 100)
})
afterEach(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('/import: the staff list', () => {
  let admin: FakeUser
  beforeEach(() => {
    admin = h.fake.user({ id: a.admin.telegramId, first_name: 'BCĐ', language_code: 'vi' })
  })

  it('previews exactly the two bad rows and stores nothing, then saves the fixed file whole', async () => {
    // the staff list is all an admin imports: no question to answer
    const asked = texts(await admin.say('/import'))
    expect(admin.buttons()).toEqual([])
    expect(asked).toContain('danh sách cán bộ, giáo viên của THPT A')
    expect(asked).toContain('Họ và tên (bắt buộc)')
    expect(asked).toContain('Vai trò (bắt buộc): giáo viên, tổ trưởng')

    const before = await snapshot(w)
    await admin.sendDocument({ bytes: await staffFile(true), fileName: 'danh-sach.xlsx' })
    const [preview] = await admin.waitForMessages(1)
    expect(preview?.text).toContain('Xem trước tệp «danh-sach.xlsx»')
    expect(preview?.text).toContain('Đọc được 6 dòng: 4 người mới, 0 người đã có sẽ được cập nhật.')
    expect(preview?.text).toContain('Tổ sẽ được tạo mới: Tổ Sinh.')
    expect(preview?.text).toContain('❌ Có 2 lỗi ở 2 dòng, chưa lưu gì:')
    const errorLines = preview?.text?.split('\n').filter((l) => l.startsWith('• Dòng')) ?? []
    expect(errorLines).toEqual([
      '• Dòng 4, cột «Họ và tên»: còn trống, cần điền.',
      '• Dòng 6, cột «Vai trò»: «thủ thư trưởng» không phải vai trò bot biết. Ghi một trong: giáo viên, tổ trưởng, hiệu trưởng, phó hiệu trưởng, BCĐ, nhân viên.',
    ])
    expect(preview?.text).toContain('Bạn sửa các dòng trên trong tệp rồi gửi lại cả tệp nhé')
    expect(preview?.reply_markup).toBeUndefined()
    expect(await snapshot(w)).toBe(before)

    await admin.sendDocument({ bytes: await staffFile(false), fileName: 'danh-sach-sua.xlsx' })
    const [clean] = await admin.waitForMessages(1)
    expect(clean?.text).toContain('Đọc được 5 dòng: 5 người mới')
    expect(clean?.text).toContain('✅ Không có lỗi.')
    expect(admin.buttons().map((b) => b.text)).toEqual(['✅ Lưu', 'Hủy'])
    expect(await peopleNamed(['Nguyễn Văn Hùng'])).toEqual([])

    const saved = texts(await admin.tap('✅ Lưu'))
    expect(saved).toContain('✅ Đã lưu danh sách: 5 người mới, cập nhật 0 người, tạo 1 tổ mới.')
    expect(admin.lastMessageWithButtons()).toBeUndefined()
    expect(await peopleNamed(GOOD_ROWS.map((r) => r[0]!).concat('Võ Thị Em'))).toEqual([
      'Nguyễn Văn Hùng',
      'Trần Thị Lan',
      'Lê Minh Châu',
      'Phạm Quốc Bảo',
      'Võ Thị Em',
    ])
    const hung = must(await h.app.deps.people.list(a.admin, { schoolId: a.school.id })).find(
      (p) => p.fullName === 'Nguyễn Văn Hùng',
    )
    expect(hung).toMatchObject({
      role: 'head',
      departmentName: 'Tổ Sinh',
      level: 'THPT',
      subject: 'Sinh học',
    })
  })

  it('cancels at the last step without storing anything', async () => {
    await admin.say('/import')
    const before = await snapshot(w)
    await admin.sendDocument({ bytes: await staffFile(false), fileName: 'ds.xlsx' })
    await admin.waitForMessages(1)
    expect(texts(await admin.tap('Hủy'))).toContain('Đã hủy, chưa lưu gì.')
    expect(await snapshot(w)).toBe(before)
  })

  it('answers a file that is not a spreadsheet, missing columns and text, and keeps waiting', async () => {
    await admin.say('/import')
    expect(texts(await admin.say('đây là danh sách'))).toContain('Bạn hãy gửi tệp .xlsx hoặc .csv')

    await admin.sendDocument({ bytes: new TextEncoder().encode('%PDF-1.4'), fileName: 'ds.pdf' })
    const [pdf] = await admin.waitForMessages(1)
    expect(pdf?.text).toContain('Bot chưa đọc được tệp «ds.pdf»')
    expect(pdf?.text).toContain('gửi tệp khác')

    await admin.sendDocument({ bytes: csv(['Tên;Tổ', 'Nguyễn Văn A;Tổ Toán']), fileName: 'ds.csv' })
    const [columns] = await admin.waitForMessages(1)
    expect(columns?.text).toContain('Không tìm thấy cột Vai trò trong dòng tiêu đề')

    await admin.sendDocument({ bytes: csv([HEADER.join(';')]), fileName: 'ds.csv' })
    const [empty] = await admin.waitForMessages(1)
    expect(empty?.text).toContain('Tệp không có dòng dữ liệu nào dưới dòng tiêu đề (dòng 1)')

    await admin.sendDocument({ bytes: await staffFile(false), fileName: 'ds.xlsx' })
    await admin.waitForMessages(1)
    expect(admin.buttons().map((b) => b.text)).toEqual(['✅ Lưu', 'Hủy'])
    expect(texts(await admin.say('/cancel'))).toContain('Đã hủy')
  })

  it('asks for "CSV UTF-8" when a CSV is UTF-16 or in an old code page, instead of garbled names', async () => {
    // an admin imports only the staff list (the catalogue is the owners'): no choice to make
    await admin.say('/import')
    const before = await snapshot(w)
    const text = `${HEADER.join(';')}\r\n${GOOD_ROWS[0]!.join(';')}\r\n`
    // Excel's "Unicode Text": UTF-16 with its byte-order mark, and without it
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    // Excel's plain "CSV" on a Vietnamese Windows: single bytes, not UTF-8 (here Latin-1's)
    const legacy = Buffer.from(
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/a/g, '\u00e2'),
      'latin1',
    )
    for (const bytes of [utf16, Buffer.from(text, 'utf16le'), legacy]) {
      await admin.sendDocument({ bytes: new Uint8Array(bytes), fileName: 'ds.csv' })
      const [reply] = await admin.waitForMessages(1)
      expect(reply?.text).toContain('không lưu ở dạng UTF-8')
      expect(reply?.text).toContain('CSV UTF-8 (Comma delimited)')
      expect(reply?.text).not.toContain('Xem trước')
    }
    expect(await snapshot(w)).toBe(before)
    // still waiting for the file: the right one is read
    await admin.sendDocument({ bytes: csv([HEADER.join(';'), GOOD_ROWS[0]!.join(';')]), fileName: 'ds.csv' })
    expect((await admin.waitForMessages(1))[0]?.text).toContain('Đọc được 1 dòng')
  })

  it('keeps a preview of hundreds of bad rows to one message, with how many more', async () => {
    await admin.say('/import')
    const rows = Array.from({ length: 300 }, (_, i) => [
      `Người số ${i + 1}`,
      'vai trò lạ',
      'Tổ Toán',
      'THPT',
      'Toán',
    ])
    await admin.sendDocument({ bytes: await xlsx([HEADER, ...rows]), fileName: 'nhieu-loi.xlsx' })
    const [preview] = await admin.waitForMessages(1)
    expect(preview?.text).toContain('❌ Có 300 lỗi ở 300 dòng')
    const shown = preview?.text?.split('\n').filter((l) => l.startsWith('• Dòng')).length ?? 0
    expect(shown).toBeGreaterThan(10)
    expect(shown).toBeLessThanOrEqual(40)
    expect(preview?.text).toContain(`… và ${300 - shown} lỗi khác.`)
    expect(preview?.text?.length).toBeLessThanOrEqual(4096)
  })

  it('a newer file replaces a preview that waits for confirmation', async () => {
    await admin.say('/import')
    await admin.sendDocument({ bytes: await staffFile(false), fileName: 'ds.xlsx' })
    const [first] = await admin.waitForMessages(1)
    await admin.sendDocument({ bytes: await xlsx([HEADER, GOOD_ROWS[0]!]), fileName: 'ds2.xlsx' })
    await admin.waitForMessages(2)
    expect(admin.messages().find((m) => m.message_id === first?.message_id)?.reply_markup).toBeUndefined()
    expect(texts(await admin.tap('✅ Lưu'))).toContain('1 người mới')
    expect(await peopleNamed(['Nguyễn Văn Hùng', 'Trần Thị Lan'])).toEqual(['Nguyễn Văn Hùng'])
  })
})

describe('/import: the catalogue', () => {
  const catalogue = csv([
    'Mã mô đun;Tên mô đun;Nội dung chính;Mục tiêu bồi dưỡng;Tổng số tiết;Lý thuyết;Thực hành;Tự học',
    'THPT 41;Tư vấn tâm lí cho học sinh THPT;"1. Tâm lí lứa tuổi\n2. Kĩ năng tư vấn";Tư vấn được cho học sinh;15;3;2;10',
    'THPT 16;Kiểm tra, đánh giá kết quả học tập;Các hình thức đánh giá;Đánh giá được học sinh;15;;;',
  ])

  it('an owner imports modules that /modules then shows', async () => {
    const owner = h.fake.user({ id: OWNER.telegramId, first_name: 'Chủ', language_code: 'vi' })
    const [ask] = await owner.say('/import')
    // an owner without a school may import the catalogue only: no question to answer
    expect(ask?.text).toContain('Bạn gửi tệp .xlsx hoặc .csv danh mục mô đun')
    expect(ask?.text).toContain('Mã mô đun (bắt buộc)')
    await owner.sendDocument({ bytes: catalogue, fileName: 'danh-muc.csv' })
    const [preview] = await owner.waitForMessages(1)
    expect(preview?.text).toContain(
      'Đọc được 2 dòng: 2 mô đun mới, 0 mô đun sẽ được sửa, 0 mô đun không đổi.',
    )
    expect(texts(await owner.tap('✅ Lưu'))).toContain('✅ Đã lưu danh mục: 2 mô đun mới')

    const [card] = await owner.say('/modules thpt41')
    expect(card?.text).toContain('THPT 41 — Tư vấn tâm lí cho học sinh THPT')
    expect(card?.text).toContain('1. Tâm lí lứa tuổi\n2. Kĩ năng tư vấn')
    expect(card?.text).toContain('Thời lượng: 15 tiết (lý thuyết 3, thực hành 2, tự học 10)')
    expect(texts(await owner.say('/modules danh gia'))).toContain('THPT 16 — Kiểm tra, đánh giá')
  })

  it("a school's admin cannot add to the catalogue every school shares, and is told who can", async () => {
    const admin = h.fake.user({ id: a.admin.telegramId, first_name: 'BCĐ', language_code: 'vi' })
    const before = await snapshot(w)
    const asked = texts(await admin.say('/import'))
    expect(admin.buttons().map((b) => b.text)).not.toContain('Danh mục mô đun')
    expect(asked).toContain(
      'Danh mục mô đun dùng chung cho mọi trường nên chỉ chủ quản hệ thống mới thêm hoặc sửa được',
    )
    expect(texts(await admin.say('/cancel'))).toContain('Đã hủy')
    // the server refuses it too, whatever the menu shows
    const added = csv(['Mã mô đun;Tên mô đun;Tổng số tiết', 'THPT 99;Mô đun mới;15'])
    const refusal = await h.app.deps.imports.previewCatalogue(a.admin, { fileName: 'dm.csv', data: added })
    expect(refusal).toMatchObject({ ok: false, error: { code: 'catalogue-owners-only' } })
    expect(await snapshot(w)).toBe(before)
  })
})

describe('/import: who may', () => {
  it('refuses a teacher and someone not linked, and changes nothing', async () => {
    const before = await snapshot(w)
    const teacher = h.fake.user({ id: a.teacherToan.telegramId, first_name: 'GV', language_code: 'vi' })
    expect(texts(await teacher.say('/import'))).toContain(
      'Chỉ Ban chỉ đạo BDTX (BCĐ) của trường mới nhập được danh sách',
    )
    expect(teacher.buttons()).toEqual([])
    // a file sent anyway is not taken
    await teacher.sendDocument({ bytes: await staffFile(false), fileName: 'ds.xlsx' })
    expect((await teacher.waitForMessages(1))[0]?.text).toContain('bạn gõ /import trước')
    const stranger = h.fake.user({ id: 999, first_name: 'Lạ', language_code: 'vi' })
    expect(texts(await stranger.say('/import'))).toContain('Chỉ Ban chỉ đạo BDTX (BCĐ)')
    expect(await snapshot(w)).toBe(before)
  })

  it('speaks English to an admin who chose it', async () => {
    await h.app.deps.telegramUsers.setLanguage(a.admin.telegramId, 'en')
    const admin = h.fake.user({ id: a.admin.telegramId, first_name: 'BCĐ', language_code: 'en' })
    await admin.say('/import')
    await admin.sendDocument({ bytes: await staffFile(true), fileName: 'list.xlsx' })
    const [preview] = await admin.waitForMessages(1)
    expect(preview?.text).toContain('❌ 2 errors in 2 rows; nothing was saved:')
    expect(preview?.text).toContain('• Row 4, column “Họ và tên”: is empty; it must be filled in.')
  })
})

describe('/import across a restart', () => {
  it('a preview waiting for «Lưu» is saved by the restarted bot, without reading the file again', async () => {
    const file = tempDatabase()
    const fake = new FakeTelegram()
    const first = await inProcess({ fake, databasePath: file.path })
    await first.app.deps.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
    const r = await school(worldOf(first), 'THPT R', 300)
    const admin = fake.user({ id: r.admin.telegramId, first_name: 'BCĐ', language_code: 'vi' })
    await admin.say('/import')
    await admin.sendDocument({ bytes: await staffFile(false), fileName: 'ds.xlsx' })
    expect((await admin.waitForMessages(1))[0]?.text).toContain('✅ Không có lỗi.')
    await first.close()

    const second = await inProcess({ fake, databasePath: file.path })
    const callsBefore = fake.calls.length
    expect(texts(await admin.tap('✅ Lưu'))).toContain('✅ Đã lưu danh sách: 5 người mới')
    expect(fake.calls.slice(callsBefore).map((c) => c.method)).not.toContain('getFile')
    const people = must(await second.app.deps.people.list(r.admin, { schoolId: r.school.id }))
    expect(people.map((p) => p.fullName)).toContain('Võ Thị Em')
    await second.close()
    file.remove()
    expect(fake.violations).toEqual([])
  })
})
