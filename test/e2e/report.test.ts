/**
 * /report through the chat: the admin sees the school and each department, a head their own
 * department, the owner picks a school; the certificate list gives the reason for every "no"; a
 * head pressing another department's button and a teacher asking are refused.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callbackData } from '../../src/bot/callback-data.ts'
import { type Harness, inProcess } from '../helpers/bot-harness.ts'
import { comma, type GradesWorld, gradesWorld, intended } from '../services/grades-fixtures.ts'
import { account, must, OWNER } from '../services/support.ts'

const INJECTION = '=HYPERLINK("x")'

let h: Harness
let g: GradesWorld
const all = (messages: Array<{ text?: string }>) => messages.map((m) => m.text ?? '').join('\n---\n')

beforeAll(async () => {
  // six teachers of Tổ Toán with approved plans: Giỏi, Khá, Trung bình, Khá, không hoàn thành, not graded
  g = await gradesWorld(6, {})
  const { grades } = g.w.services
  const lines = g.team.slice(0, 5).map((m, i) => `${m.fullName}: ${intended(i).map(comma).join(' ')}`)
  const preview = must(await grades.parseBatch(g.s.headToan, { text: lines.join('\n') }))
  must(await grades.commitBatch(g.s.headToan, { preview }))
  // the vice principal: ND2 4,5 → không đạt
  const manager = must(await grades.parseBatch(g.s.admin, { text: `${g.manager.fullName}: 8 4,5 8 8 8 8` }))
  must(await grades.commitBatch(g.s.admin, { preview: manager }))
  // a teacher of Tổ Văn whose name would be a formula if the sheet wrote it as one
  const invite = must(
    await g.w.services.invites.create(g.s.admin, {
      schoolId: g.s.school.id,
      role: 'teacher',
      departmentId: g.s.van.id,
    }),
  )
  const a = await account(g.w, 5000, 'vi')
  must(await g.w.services.invites.redeem(a, { code: invite.code, fullName: INJECTION }))
  h = await inProcess({ app: g.w.app })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

const user = (telegramId: number) => h.fake.user({ id: telegramId, first_name: 'U' })

describe('/report', () => {
  it('gives the admin the school at a glance and a line per department', async () => {
    const admin = user(g.s.admin.telegramId)
    const text = all(await admin.say('/report'))
    expect(text).toContain('cả trường (13 người)')
    expect(text).toContain('Đánh giá theo TT 26/2012/TT-BGDĐT, TT 27/2015/TT-BGDĐT')
    expect(text).toContain('Kết quả chưa khoá.')
    expect(text).toContain('Kế hoạch: đã duyệt 7 · chờ duyệt 0 · bị trả lại 0 · chưa nộp 6')
    expect(text).toContain('Điểm (kế hoạch đã duyệt): đủ điểm 6 · còn thiếu 1')
    expect(text).toContain(
      'Giáo viên: Giỏi 1 · Khá 2 · Trung bình 1 · Không hoàn thành 1 · chưa có kết quả 7',
    )
    expect(text).toContain('Cán bộ quản lý: Đạt 0 · Không đạt 1 · chưa có kết quả 0')
    expect(text).toContain('Đề nghị cấp giấy chứng nhận: 4/13 người')
    expect(text).toContain('• Tổ Toán (8): KH 6 · điểm 5 · 1/2/1/1 · CN 4')
    expect(text).toContain('• Tổ Văn (3): KH 0 · điểm 0 · 0/0/0/0 · CN 0')
    expect(admin.buttons().map((b) => b.text)).toEqual([
      '📥 Bảng kết quả (.xlsx)',
      '📜 Chứng nhận: Tổ Toán',
      '📜 Chứng nhận: Tổ Văn',
      '📜 Chứng nhận: Ban giám hiệu và người ngoài tổ',
    ])
  })

  it('lists who is not proposed for a certificate, with the reason', async () => {
    const admin = user(g.s.admin.telegramId)
    const list = all(await admin.tap('📜 Chứng nhận: Tổ Toán'))
    expect(list).toContain('Tổ Toán: 4/8 người')
    expect(list).toContain(`${g.team[4]!.fullName} — không hoàn thành kế hoạch`)
    expect(list).toContain(`${g.team[5]!.fullName} — chưa đủ điểm`)
    expect(list).toContain('Teacher Toán — chưa có kế hoạch được duyệt')
    expect(list).not.toContain(g.team[0]!.fullName)
    await admin.say('/report')
    const board = all(await admin.tap('📜 Chứng nhận: Ban giám hiệu và người ngoài tổ'))
    expect(board).toContain(`${g.manager.fullName} — cán bộ quản lý xếp loại không đạt`)
  })

  it('sends the results sheet: every person, classes, certificates, totals that add up, A4 landscape', async () => {
    const admin = user(g.s.admin.telegramId)
    await admin.say('/report')
    const sent = await admin.tap('📥 Bảng kết quả (.xlsx)')
    const document = sent.find((m) => m.document)?.document
    expect(document?.file_name).toBe('ket-qua-bdtx-2025-2026-thpt-nguyen-du.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(h.fake.files.get(document!.file_id)!.bytes) as unknown as ExcelJS.Buffer)
    const sheet = book.worksheets[0]!
    expect(sheet.getCell('A1').value).toBe('THPT NGUYỄN DU')
    expect(sheet.getCell('A2').value).toBe('BẢNG TỔNG HỢP KẾT QUẢ BỒI DƯỠNG THƯỜNG XUYÊN')
    expect(sheet.getCell('A4').value).toBe('Đánh giá, xếp loại theo TT 26/2012/TT-BGDĐT, TT 27/2015/TT-BGDĐT')
    expect(sheet.getCell('A5').value).toMatch(/^Ngày lập: \d\d\/\d\d\/\d{4}$/)
    const header = (sheet.getRow(7).values as unknown[]).slice(1)
    expect(header).toEqual([
      'STT',
      'Họ và tên',
      'Chức vụ',
      'Tổ chuyên môn',
      'ND1',
      'ND2',
      'Mã mô đun 1',
      'Điểm MĐ 1',
      'Mã mô đun 2',
      'Điểm MĐ 2',
      'Mã mô đun 3',
      'Điểm MĐ 3',
      'Mã mô đun 4',
      'Điểm MĐ 4',
      'ĐTB',
      'Xếp loại',
      'Đề nghị cấp GCN',
      'Ghi chú',
    ])
    const rows = new Map<string, unknown[]>()
    for (let r = 8; r < 8 + 13; r++) {
      const values = (sheet.getRow(r).values as unknown[]).slice(1)
      rows.set(String(values[1]), values)
    }
    expect(rows.size).toBe(13)
    // teacher 0: 9 / 9,5 / THPT 17 9, THPT 19 9, THPT 20 8,5, THPT 22 9 → ĐTB 9,1, Giỏi
    expect(rows.get(g.team[0]!.fullName)).toEqual([
      expect.any(Number),
      g.team[0]!.fullName,
      'Giáo viên',
      'Tổ Toán',
      9,
      9.5,
      'THPT 17',
      9,
      'THPT 19',
      9,
      'THPT 20',
      8.5,
      'THPT 22',
      9,
      9.1,
      'Giỏi',
      'Có',
      '',
    ])
    expect(rows.get(g.team[4]!.fullName)?.slice(-3)).toEqual([
      'Không hoàn thành',
      'Không',
      'không hoàn thành kế hoạch',
    ])
    expect(rows.get(g.manager.fullName)?.slice(2, 3)).toEqual(['Cán bộ quản lý (HT/PHT)'])
    expect(rows.get(g.manager.fullName)?.slice(-3)).toEqual([
      'Không đạt',
      'Không',
      'cán bộ quản lý xếp loại không đạt',
    ])
    // the name that looks like a formula is text, as typed
    const injected = [...Array(13).keys()]
      .map((i) => sheet.getRow(8 + i).getCell(2))
      .find((c) => c.text === INJECTION)
    expect(injected?.type).toBe(ExcelJS.ValueType.String)
    expect(injected?.formula).toBeUndefined()
    // the summary: class counts add up to the total, percentages of it
    const summary = new Map<string, [number, number]>()
    sheet.eachRow((row) => {
      const [label, count, share] = [row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]
      if (typeof label === 'string' && typeof count === 'number') summary.set(label, [count, share as number])
    })
    expect(summary.get('Giỏi')).toEqual([1, 7.7])
    expect(summary.get('Khá')).toEqual([2, 15.4])
    expect(summary.get('Không đạt')).toEqual([1, 7.7])
    expect(summary.get('Tổng số')).toEqual([13, 100])
    const classes = [
      'Giỏi',
      'Khá',
      'Trung bình',
      'Không hoàn thành',
      'Đạt',
      'Không đạt',
      'Chưa đủ điểm',
      'Chưa có kế hoạch duyệt',
    ]
    expect(classes.reduce((sum, c) => sum + summary.get(c)![0], 0)).toBe(13)
    expect(summary.get('Đề nghị cấp giấy chứng nhận')).toEqual([4, 30.8])
    const texts: string[] = []
    sheet.eachRow((row) => row.eachCell((c) => texts.push(c.text)))
    expect(texts).toContain('NGƯỜI LẬP BIỂU')
    expect(texts).toContain('HIỆU TRƯỞNG')
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 })
    expect(sheet.pageSetup.printTitlesRow).toBe('7:7')
  })

  it('gives an English reader English headers', async () => {
    const admin = user(g.s.admin.telegramId)
    await admin.say('/lang')
    await admin.tap('English')
    await admin.say('/report')
    const sent = await admin.tap('📥 Results sheet (.xlsx)')
    const book = new ExcelJS.Workbook()
    const document = sent.find((m) => m.document)!.document!
    await book.xlsx.load(Buffer.from(h.fake.files.get(document.file_id)!.bytes) as unknown as ExcelJS.Buffer)
    expect((book.worksheets[0]!.getRow(7).values as unknown[]).slice(1, 4)).toEqual([
      'No.',
      'Full name',
      'Post',
    ])
    await admin.say('/lang')
    await admin.tap('Tiếng Việt')
  })

  it('gives a head their own department only', async () => {
    const text = all(await user(g.s.headToan.telegramId).say('/report'))
    expect(text).toContain('Tổ Toán (8 người)')
    expect(text).toContain(
      'Giáo viên: Giỏi 1 · Khá 2 · Trung bình 1 · Không hoàn thành 1 · chưa có kết quả 3',
    )
    expect(text).not.toContain('Tổ Văn')
    expect(text).not.toContain('Cán bộ quản lý')
  })

  it("refuses a head pressing another department's button, and a teacher", async () => {
    const headVan = user(g.s.headVan.telegramId)
    await headVan.say('/report')
    const forged = callbackData('rptc', ['school', 'department']).pack({
      school: g.s.school.id,
      department: g.s.toan.id,
    })
    const update = await h.fake.deliver({
      callback_query: {
        id: h.fake.openCallbackQuery(headVan.id),
        from: headVan.info,
        message: headVan.lastMessage()!,
        chat_instance: '1',
        data: forged,
      },
    })
    const sent = await headVan.settle(update)
    expect(all(sent)).not.toContain(g.team[0]!.fullName)
    expect(headVan.answers().at(-1)).toMatchObject({ show_alert: true })
    expect(headVan.answers().at(-1)?.text).toContain('Bạn không có quyền')
    const teacher = all(await user(g.s.teacherToan.telegramId).say('/report'))
    expect(teacher).toContain('Lệnh /report dành cho tổ trưởng chuyên môn')
    expect(teacher).not.toContain('Tổ Toán')
  })

  it('lets the owner pick any school', async () => {
    const owner = user(OWNER.telegramId)
    expect(all(await owner.say('/report'))).toContain('Chọn trường')
    const text = all(await owner.tap('THPT Nguyễn Du'))
    expect(text).toContain('cả trường (13 người)')
  })
})
