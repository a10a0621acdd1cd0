/**
 * /report through the chat: the admin sees the school and each department, a head their own
 * department, the owner picks a school; the certificate list gives the reason for every "no"; a
 * head pressing another department's button and a teacher asking are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callbackData } from '../../src/bot/callback-data.ts'
import { type Harness, inProcess } from '../helpers/bot-harness.ts'
import { comma, type GradesWorld, gradesWorld, intended } from '../services/grades-fixtures.ts'
import { must, OWNER } from '../services/support.ts'

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
    expect(text).toContain('cả trường (12 người)')
    expect(text).toContain('Đánh giá theo TT 26/2012/TT-BGDĐT, TT 27/2015/TT-BGDĐT')
    expect(text).toContain('Kết quả chưa khoá.')
    expect(text).toContain('Kế hoạch: đã duyệt 7 · chờ duyệt 0 · bị trả lại 0 · chưa nộp 5')
    expect(text).toContain('Điểm (kế hoạch đã duyệt): đủ điểm 6 · còn thiếu 1')
    expect(text).toContain(
      'Giáo viên: Giỏi 1 · Khá 2 · Trung bình 1 · Không hoàn thành 1 · chưa có kết quả 6',
    )
    expect(text).toContain('Cán bộ quản lý: Đạt 0 · Không đạt 1 · chưa có kết quả 0')
    expect(text).toContain('Đề nghị cấp giấy chứng nhận: 4/12 người')
    expect(text).toContain('• Tổ Toán (8): KH 6 · điểm 5 · 1/2/1/1 · CN 4')
    expect(text).toContain('• Tổ Văn (2): KH 0 · điểm 0 · 0/0/0/0 · CN 0')
    expect(admin.buttons().map((b) => b.text)).toEqual([
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
    expect(teacher).toContain('Bạn không có quyền')
    expect(teacher).not.toContain('Tổ Toán')
  })

  it('lets the owner pick any school', async () => {
    const owner = user(OWNER.telegramId)
    expect(all(await owner.say('/report'))).toContain('Chọn trường')
    const text = all(await owner.tap('THPT Nguyễn Du'))
    expect(text).toContain('cả trường (12 người)')
  })
})
