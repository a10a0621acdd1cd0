/**
 * /report's charts and the owner's sheet of every school (issue 12) through the chat: the admin's
 * "📊 Biểu đồ" sends two pictures — the classes of the school and of each department, and plans and
 * grades against the deadlines — each a real PNG (decoded here: its size, not blank, the classes'
 * colours drawn) with the figures in its caption; a head gets their department and is refused
 * another's; the owner gets one row per school with totals that add up, a chart of the schools, and
 * any school's own sheet; an admin pressing the owner's button is refused.
 */
import { loadImage } from '@napi-rs/canvas'
import ExcelJS from 'exceljs'
import type { Message } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callbackData } from '../../src/bot/callback-data.ts'
import { provinceSheetButton } from '../../src/bot/features/report-more.ts'
import { type Harness, inProcess, texts } from '../helpers/bot-harness.ts'
import { comma, type GradesWorld, gradesWorld, intended } from '../services/grades-fixtures.ts'
import { must, OWNER } from '../services/support.ts'

let h: Harness
let g: GradesWorld

beforeAll(async () => {
  // as in report.test.ts: Tổ Toán has Giỏi 1, Khá 2, Trung bình 1, không hoàn thành 1, one not graded
  g = await gradesWorld(6, {})
  const { grades } = g.w.services
  const lines = g.team.slice(0, 5).map((m, i) => `${m.fullName}: ${intended(i).map(comma).join(' ')}`)
  must(
    await grades.commitBatch(g.s.headToan, {
      preview: must(await grades.parseBatch(g.s.headToan, { text: lines.join('\n') })),
    }),
  )
  const manager = must(await grades.parseBatch(g.s.admin, { text: `${g.manager.fullName}: 8 4,5 8 8 8 8` }))
  must(await grades.commitBatch(g.s.admin, { preview: manager }))
  must(await g.w.services.schools.createSchool(OWNER, { name: 'THCS Kim Đồng' }))
  h = await inProcess({ app: g.w.app })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

const user = (telegramId: number) => h.fake.user({ id: telegramId, first_name: 'U' })
const photos = (sent: Message[]) => sent.filter((m) => m.photo)

/** The picture's pixels: its size, the share that is not white, and whether a colour appears. */
async function pixels(message: Message) {
  const bytes = h.fake.files.get(message.photo![0]!.file_id)!.bytes
  expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG')
  const image = await loadImage(Buffer.from(bytes))
  const { createCanvas } = await import('@napi-rs/canvas')
  const canvas = createCanvas(image.width, image.height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(image, 0, 0)
  const data = ctx.getImageData(0, 0, image.width, image.height).data
  let inked = 0
  const colours = new Set<string>()
  for (let i = 0; i < data.length; i += 4) {
    if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) inked++
    colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`)
  }
  return { width: image.width, height: image.height, inked: inked / (data.length / 4), colours }
}

const readBook = async (m: Message) => {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(h.fake.files.get(m.document!.file_id)!.bytes) as unknown as ExcelJS.Buffer)
  return book.worksheets[0]!
}

describe('/report charts', () => {
  it('sends the admin two pictures with the figures in their captions', async () => {
    const admin = user(g.s.admin.telegramId)
    await admin.say('/report')
    const sent = photos(await admin.tap('📊 Biểu đồ'))
    expect(sent).toHaveLength(2)
    const [classes, progress] = sent as [Message, Message]
    expect(classes.caption).toContain('Xếp loại BDTX của giáo viên — THPT Nguyễn Du · 2025-2026')
    expect(classes.caption).toContain(
      'Cả trường (11): Giỏi 1 · Khá 2 · Trung bình 1 · Không hoàn thành 1 · chưa có kết quả 6',
    )
    expect(classes.caption).toContain(
      'Tổ Toán (8): Giỏi 1 · Khá 2 · Trung bình 1 · Không hoàn thành 1 · chưa có kết quả 3',
    )
    expect(classes.caption).toContain('Tổ Văn (2): Giỏi 0')
    // the deadlines of 2025-2026 are over by now: what is still open is late
    expect(progress.caption).toMatch(/Đã nộp kế hoạch \(hạn 07\/09\/2025\): 7\/12 người, quá hạn 5/)
    expect(progress.caption).toMatch(/Kế hoạch được duyệt \(hạn \d\d\/\d\d\/2025\): 7\/12 người, quá hạn 5/)
    expect(progress.caption).toMatch(/Đủ điểm \(hạn \d\d\/\d\d\/2026\): 6\/12 người, quá hạn 6/)

    const c = await pixels(classes)
    expect(c.width).toBe(1080)
    expect(c.height).toBeGreaterThan(400)
    expect(c.inked).toBeGreaterThan(0.1)
    // Giỏi green, Khá blue, Trung bình amber, không hoàn thành red
    for (const colour of ['46,125,50', '30,136,229', '249,168,37', '229,57,53'])
      expect(c.colours).toContain(colour)
    const p = await pixels(progress)
    expect(p.width).toBe(1080)
    expect(p.inked).toBeGreaterThan(0.1)
    expect(p.colours).toContain('229,57,53')
  })

  it("gives a head their department's charts and refuses another department's", async () => {
    const head = user(g.s.headToan.telegramId)
    await head.say('/report')
    const [classes] = photos(await head.tap('📊 Biểu đồ'))
    expect(classes?.caption).toContain('Tổ Toán · 2025-2026')
    expect(classes?.caption).not.toContain('Tổ Văn')
    const forged = callbackData('rptg', ['school', 'department']).pack({
      school: g.s.school.id,
      department: g.s.van.id,
    })
    const update = await h.fake.deliver({
      callback_query: {
        id: h.fake.openCallbackQuery(head.id),
        from: head.info,
        message: head.lastMessage()!,
        chat_instance: '1',
        data: forged,
      },
    })
    expect(photos(await head.settle(update))).toEqual([])
    expect(head.answers().at(-1)).toMatchObject({ show_alert: true })
    expect(head.answers().at(-1)?.text).toContain('Bạn không có quyền')
  })
})

describe("the owner's view of every school", () => {
  it('sends one row per school, with counts per class, the share complete and a total that adds up', async () => {
    const owner = user(OWNER.telegramId)
    await owner.say('/report')
    const sent = await owner.tap('📥 Bảng tổng hợp các trường (.xlsx)')
    const document = sent.find((m) => m.document)!
    expect(document.caption).toContain('2 trường')
    const sheet = await readBook(document)
    expect(sheet.getCell('A1').value).toBe('TỔNG HỢP KẾT QUẢ BỒI DƯỠNG THƯỜNG XUYÊN CÁC TRƯỜNG')
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Trường',
      'Năm học',
      'Số người',
      'KH đã duyệt',
      'Giỏi',
      'Khá',
      'Trung bình',
      'Hoàn thành',
      'Không hoàn thành',
      'Đạt',
      'Không đạt',
      'Chưa có kết quả',
      'Đã xếp loại',
      'Hoàn thành (%)',
      'Đề nghị cấp GCN',
    ])
    const row = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1)
    expect(row(5)).toEqual([1, 'THCS Kim Đồng', '2025-2026', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(row(6)).toEqual([2, 'THPT Nguyễn Du', '2025-2026', 12, 7, 1, 2, 1, 0, 1, 0, 1, 6, 6, 50, 4])
    expect(row(7)).toEqual(['', 'Tổng cộng (2 trường)', '', 12, 7, 1, 2, 1, 0, 1, 0, 1, 6, 6, 50, 4])
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 })
    expect(sheet.pageSetup.printTitlesRow).toBe('4:4')
  })

  it("draws the schools' classes and opens any school's own sheet", async () => {
    const owner = user(OWNER.telegramId)
    await owner.say('/report')
    const [chart] = photos(await owner.tap('📊 Biểu đồ các trường'))
    expect(chart?.caption).toContain('Tất cả các trường (11): Giỏi 1 · Khá 2')
    expect(chart?.caption).toContain('THPT Nguyễn Du (11)')
    expect((await pixels(chart!)).inked).toBeGreaterThan(0.1)
    await owner.say('/report')
    await owner.tap('THPT Nguyễn Du')
    const school = (await owner.tap('📥 Bảng kết quả (.xlsx)')).find((m) => m.document)!
    expect((await readBook(school)).getCell('A1').value).toBe('THPT NGUYỄN DU')
  })

  it('finds a school by a few words of its name, and keeps a long list of schools to 40 buttons', async () => {
    const owner = user(OWNER.telegramId)
    expect(texts(await owner.say('/report kim dong'))).toContain('THCS Kim Đồng, cả trường (0 người)')
    const kimDong = (await owner.tap('📥 Bảng kết quả (.xlsx)')).find((m) => m.document)!
    expect((await readBook(kimDong)).getCell('A1').value).toBe('THCS KIM ĐỒNG')
    expect(texts(await owner.say('/report Lý Tự Trọng'))).toContain(
      'Không có trường nào có «Lý Tự Trọng» trong tên.',
    )
    for (let i = 1; i <= 44; i++)
      must(await g.w.services.schools.createSchool(OWNER, { name: `THCS Số ${i}` }))
    const list = texts(await owner.say('/report'))
    expect(list).toContain('Có 46 trường; 40 trường đầu ở dưới.')
    const schools = owner.buttons().filter((b) => b.data?.startsWith('rpts:'))
    expect(schools).toHaveLength(40)
    await owner.say('/report số 44')
    const so44 = (await owner.tap('📥 Bảng kết quả (.xlsx)')).find((m) => m.document)!
    expect((await readBook(so44)).getCell('A1').value).toBe('THCS SỐ 44')
  })

  it("refuses an admin pressing the owner's button", async () => {
    const admin = user(g.s.admin.telegramId)
    await admin.say('/report')
    const update = await h.fake.deliver({
      callback_query: {
        id: h.fake.openCallbackQuery(admin.id),
        from: admin.info,
        message: admin.lastMessage()!,
        chat_instance: '1',
        data: provinceSheetButton.pack({}),
      },
    })
    expect((await admin.settle(update)).some((m) => m.document)).toBe(false)
    expect(admin.answers().at(-1)?.text).toContain('Bạn không có quyền')
  })
})
