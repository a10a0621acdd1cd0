/**
 * A head grades the team in one message and through the Excel template; every teacher is told in
 * their language; /scores and /team agree with the rule engine; an undo puts scores back.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { type Harness, inProcess } from '../helpers/bot-harness.ts'
import { batch, type GradesWorld, gradesWorld } from '../services/grades-fixtures.ts'

let h: Harness
let g: GradesWorld
let head: FakeUser
const all = (messages: Array<{ text?: string; caption?: string }>) =>
  messages.map((m) => m.text ?? m.caption ?? '').join('\n---\n')

beforeAll(async () => {
  g = await gradesWorld(4, { 0: 'vi', 1: 'en' })
  h = await inProcess({ app: g.w.app })
  head = h.fake.user({ id: g.s.headToan.telegramId, first_name: 'Head' })
  // the linked teachers have a chat with the bot, as they would after joining
  for (const member of g.team)
    if (member.telegramId) h.fake.user({ id: member.telegramId, first_name: member.fullName })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

/** "Nguyễn Văn An" → "nguyen van an": heads type names without diacritics */
const plain = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase()

describe('/grades by message', () => {
  it('lists every error of a bad batch and saves nothing', async () => {
    await head.say('/grades')
    const [a, b] = g.team
    const text = [
      `${a!.fullName}: 8 9 8,5 9 7 8`,
      `Không Có Ai: 8 8 8 8 8 8`,
      `${b!.fullName} | 11 | 9 | 9 | 9 | 9 | 9`,
    ].join('\n')
    const preview = all(await head.say(text))
    expect(preview).toContain('3 dòng')
    expect(preview).toContain('không tìm thấy «Không Có Ai»')
    expect(preview).toContain('11 nằm ngoài thang điểm')
    expect(preview).toContain('Chưa lưu gì cả')
    expect(head.buttons(head.lastMessage()).map((x) => x.text)).not.toContain('✅ Lưu')
    const mine = await g.w.services.scores.myScores({ telegramId: g.team[0]!.telegramId! })
    expect(mine.ok && mine.value.components.every((c) => c.value === null)).toBe(true)
  })

  it('saves the corrected batch whole and tells each teacher in their language', async () => {
    const [a, b] = g.team
    const text = [`${plain(a!.fullName)}: 8 9 8,5 9 7 8`, `${b!.fullName} | 10 | 9 | 9 | 9 | 9 | 9`].join(
      '\n',
    )
    const preview = all(await head.say(text))
    expect(preview).toContain('2 dòng đọc được')
    await head.tap('✅ Lưu')
    expect(all(head.messages().slice(-1))).toContain('Đã lưu 2 dòng (12 điểm). Đã báo cho 2 người.')
    const teacherA = h.fake.user({ id: a!.telegramId!, first_name: 'A' })
    const teacherB = h.fake.user({ id: b!.telegramId!, first_name: 'B' })
    expect(teacherA.lastMessage()?.text).toContain('Kết quả BDTX năm học')
    expect(teacherA.lastMessage()?.text).toContain('ĐTB: 8,4 — xếp loại Khá')
    expect(teacherB.lastMessage()?.text).toContain('Your BDTX result')
    expect(teacherB.lastMessage()?.text).toContain('Average: 9.3 — class Giỏi (very good)')
  })

  it('/scores and /team agree with the rule engine', async () => {
    const teacherA = h.fake.user({ id: g.team[0]!.telegramId!, first_name: 'A' })
    const scores = all(await teacherA.say('/scores'))
    expect(scores).toContain('ND1 8 · ND2 9')
    expect(scores).toContain('ĐTB: 8,4 — xếp loại Khá')
    expect(scores).toContain('ĐTB 8,4 dưới 9,0 nên chưa đạt loại Giỏi')
    const team = all(await head.say('/team'))
    expect(team).toContain(g.team[0]!.fullName)
    expect(team).toContain('Giỏi 1 · Khá 1')
  })

  it('an undo puts the scores back and tells the teachers', async () => {
    await head.tap(
      '↩️ Hoàn tác lần nhập này',
      head.messages().findLast((m) => m.text?.includes('Đã lưu')),
    )
    expect(all(head.messages().slice(-1))).toContain('Đã hoàn tác: trả lại 12 điểm như cũ')
    const teacherA = h.fake.user({ id: g.team[0]!.telegramId!, first_name: 'A' })
    expect(all(await teacherA.say('/scores'))).toContain('ND1 ? · ND2 ?')
  })
})

describe('/grades by the Excel template', () => {
  it('round-trips: template from the bot, filled in, sent back, previewed and saved', async () => {
    await head.say('/grades')
    const sent = await head.tap('📥 Tải tệp mẫu Excel')
    const document = sent.find((m) => m.document)?.document
    expect(document?.file_name).toMatch(/\.xlsx$/)
    const bytes = h.fake.files.get(document!.file_id)!.bytes
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
    const sheet = book.worksheets[0]!
    const header = (sheet.getRow(1).values as unknown[]).map(String)
    let filled = 0
    sheet.eachRow((row, n) => {
      if (n === 1) return
      for (let col = 2; col < header.length; col++) {
        const cell = row.getCell(col)
        const grey = (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb === 'FFD9D9D9'
        if (/^(ND1|ND2|THPT)/.test(header[col] ?? '') && !grey) {
          cell.value = 9
          filled++
        }
      }
    })
    expect(filled).toBeGreaterThan(0)
    const out = Buffer.from(await book.xlsx.writeBuffer())
    await head.settle(await head.sendDocument({ bytes: out, fileName: 'diem.xlsx' }))
    expect(all(head.messages().slice(-2))).toContain('Xem trước điểm BDTX')
    await head.tap('✅ Lưu')
    expect(all(head.messages().slice(-1))).toContain('Đã lưu 4 dòng')
  })
})

describe('a 30-line batch through the chat', () => {
  it('lists exactly its three errors, then saves the corrected batch whole', async () => {
    const big = await gradesWorld(30, { 0: 'vi', 1: 'en', 2: 'vi' })
    const chat = await inProcess({ app: big.w.app })
    for (const member of big.team)
      if (member.telegramId) chat.fake.user({ id: member.telegramId, first_name: 'GV' })
    const headOfTeam = chat.fake.user({ id: big.s.headToan.telegramId, first_name: 'Head' })
    await headOfTeam.say('/grades')
    const wrong = all(await headOfTeam.say(batch(big.team, false).join('\n')))
    expect(wrong).toContain('29 dòng, 26 dòng đọc được')
    expect(wrong).toContain('Lỗi (3):')
    // the cell is named by its column (ND2), the name cell as the name column
    expect(wrong).toContain('Dòng 8, cột ND2: 11 nằm ngoài thang điểm')
    expect(wrong).toContain('Dòng 13: thiếu điểm: cần 6 điểm')
    expect(wrong).toContain('Dòng 21, cột họ tên: không tìm thấy «Nguyễn Văn Không Có»')
    // no near match: no empty '(gần giống: —)'
    expect(wrong).not.toContain('gần giống: —')
    expect(wrong).toContain('Chưa lưu gì cả')
    const right = all(await headOfTeam.say(batch(big.team, true).join('\n')))
    expect(right).toContain('0 lỗi')
    await headOfTeam.tap('✅ Lưu')
    expect(all(headOfTeam.messages().slice(-1))).toContain('Đã lưu 29 dòng (174 điểm). Đã báo cho 3 người.')
    const english = chat.fake.user({ id: big.team[1]!.telegramId!, first_name: 'GV' })
    expect(english.lastMessage()?.text).toContain('Your BDTX result')
    expect(chat.fake.violations).toEqual([])
    await chat.close()
  })
})

describe('/grades for a teacher', () => {
  it('is refused up front, without the instructions for heads', async () => {
    const teacher = h.fake.user({ id: g.team[0]!.telegramId!, first_name: 'A' })
    const answer = all(await teacher.say('/grades'))
    expect(answer).toContain('Nhập điểm là việc của tổ trưởng chuyên môn')
    expect(answer).not.toContain('Gửi điểm trong một tin nhắn')
  })
})
