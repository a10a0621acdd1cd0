/**
 * Training courses through the chat (issue 15, seed 000 §III.5): an admin pastes the Sở's budget
 * table and the bot catches its printed total (1,180 people where the lines add up to 1,160) while
 * the amount (2.204.000.000 ₫) agrees; a bad table is refused line by line and nothing is saved; a
 * course opened to teachers invites them through the outbox, seats run out into a waiting list,
 * and a withdrawal gives the seat to the first person waiting. A head cannot plan courses.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDong, SEED_000_COURSES } from '../../src/rules/budget.ts'
import { deliverOutbox, type Harness, inProcessWorld } from '../helpers/bot-harness.ts'
import { must, school, type World } from '../services/support.ts'

let h: Harness
let w: World
let A: Awaited<ReturnType<typeof school>>
const all = (messages: Array<{ text?: string }>) => messages.map((m) => m.text ?? '').join('\n---\n')
const dots = (n: number) => formatDong(n).replace(' ₫', '')

/** Seed 000's table as copied from the document into Excel: header, twelve lines, the printed total. */
const SEED_TABLE = [
  'STT\tTên lớp\tSố lớp\tSố người\tKinh phí/người/khóa\tThành tiền',
  ...SEED_000_COURSES.map(
    (c, i) =>
      `${i + 1}\t${c.name}\t${c.classes}\t${c.seats}\t${dots(c.feePerPerson)}\t${dots(c.printedAmount!)}`,
  ),
  '\tTỔNG CỘNG\t14\t1.180\t \t2.204.000.000',
].join('\n')

const courseCount = async () =>
  Number(
    (
      await h.app.db
        .selectFrom('courses')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

beforeAll(async () => {
  ;({ h, w } = await inProcessWorld())
  A = await school(w, 'Trường A', 100)
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('the budget table', () => {
  it("catches seed 000's printed total of people, agrees on the amount, and saves on the admin's word", async () => {
    const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
    expect(all(await admin.say('/courses'))).toContain('Chưa có khóa nào')
    expect(all(await admin.tap('➕ Thêm khóa (dán bảng)'))).toContain('Dán bảng dự trù kinh phí')
    const [preview] = await admin.say(SEED_TABLE)
    expect(preview?.text).toContain('Xem trước 12 khóa bồi dưỡng')
    expect(preview?.text).toContain('Tổng cộng: 14 lớp · 1.160 người · 2.204.000.000 ₫')
    expect(preview?.text).toContain('⚠️ Dòng tổng cộng ghi Số người 1.180, nhưng cộng các dòng được 1.160.')
    expect(preview?.text).not.toContain('Thành tiền')
    expect(preview?.text).toContain(
      '3. Bồi dưỡng chuyên đề tư vấn học đường — 2 lớp · 100 người · 2.500.000 ₫/người = 250.000.000 ₫',
    )
    expect(await courseCount()).toBe(0)
    expect(all(await admin.tap('✅ Lưu'))).toContain('Đã lưu 12 khóa bồi dưỡng')
    expect(await courseCount()).toBe(12)
    expect(all(await admin.say('/courses'))).toContain('Tổng cộng: 14 lớp · 1.160 người · 2.204.000.000 ₫')
  })

  it('refuses a table with a bad cell, naming the line and the column, and saves nothing', async () => {
    const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
    await admin.say('/courses')
    await admin.tap('➕ Thêm khóa (dán bảng)')
    const replies = all(await admin.say('Tập huấn A | 1 | 1O0 | 500.000\nTập huấn B | 1 | 30 | 0'))
    expect(replies).toContain('Dòng 1, cột «Số người»: «1O0» không phải số nguyên')
    expect(replies).toContain('Dòng 2, cột «Kinh phí/người»: phải lớn hơn 0')
    expect(replies).toContain('Chưa có gì được lưu')
    expect(admin.buttons(admin.messages().at(-2))).toEqual([])
    expect(await courseCount()).toBe(12)
  })

  it('is not for a head, whatever they press', async () => {
    const head = h.fake.user({ id: A.headToan.telegramId, first_name: 'Head' })
    expect(all(await head.say('/courses'))).toContain('chưa có khóa bồi dưỡng nào mở đăng ký')
    const refused = await w.services.courses.save(A.headToan, {
      schoolId: A.school.id,
      text: 'Khóa X\t1\t10\t100.000',
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await courseCount()).toBe(12)
  })
})

describe('sign-ups', () => {
  it('invites teachers, seats two, queues the third, and gives a freed seat to the first waiting', async () => {
    // people who opened the bot once (the invitation cannot reach a chat never started)
    h.fake.user({ id: A.headVan.telegramId, first_name: 'Head Văn' })
    const people = [A.teacherToan, A.teacherVan, A.headToan].map((p) =>
      h.fake.user({ id: p.telegramId, first_name: `U${p.telegramId}` }),
    )
    const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
    await admin.say('/courses')
    await admin.tap('➕ Thêm khóa (dán bảng)')
    await admin.say('Tập huấn dạy học STEM\t1\t2\t500.000')
    await admin.tap('✅ Lưu')
    await admin.say('/courses')
    await admin.tap('📣 Mở ĐK 13')
    expect(all(await admin.tap('Giáo viên và tổ trưởng'))).toContain(
      'Đã mở đăng ký khóa «Tập huấn dạy học STEM» và gửi lời mời tới 4 người',
    )
    await deliverOutbox(h)

    for (const user of people) {
      const invitation = user.messages().find((m) => m.text?.includes('Tập huấn dạy học STEM'))
      expect(invitation?.text).toContain('đang nhận đăng ký: 2 chỗ, kinh phí 500.000 ₫/người')
      await user.tap('✍️ Đăng ký', invitation)
    }
    expect(people[0]!.answers().at(-1)?.text).toBe(
      '✅ Đã đăng ký khóa «Tập huấn dạy học STEM»: bạn có một chỗ.',
    )
    expect(people[1]!.answers().at(-1)?.text).toContain('bạn có một chỗ')
    expect(people[2]!.answers().at(-1)?.text).toContain('đã đủ 2 chỗ. Bạn ở vị trí số 1 trong danh sách chờ')
    expect(all(await admin.say('/courses'))).toContain('đang nhận đăng ký: 2/2 chỗ, 1 người chờ')

    const mine = all(await people[0]!.say('/courses'))
    expect(mine).toContain('✅ Bạn đã có chỗ.')
    await people[0]!.tap('❌ Rút tên 1')
    expect(people[0]!.answers().at(-1)?.text).toContain('Đã rút tên')
    expect(people[2]!.lastMessage()?.text).toContain(
      'Đã có chỗ cho bạn trong khóa bồi dưỡng Tập huấn dạy học STEM',
    )
    expect(all(await admin.say('/courses'))).toContain('đang nhận đăng ký: 2/2 chỗ')
  })

  it('invites by name those whose records fall short of a standard, and only them', async () => {
    must(
      await w.services.staff.update(A.admin, {
        schoolId: A.school.id,
        personId: A.teacherVan.personId,
        fields: { qualification: 'cao đẳng' },
      }),
    )
    const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
    await admin.say('/courses')
    await admin.tap('📣 Mở ĐK 1')
    expect(all(await admin.tap('Còn thiếu: Tin học (1 người)'))).toContain('gửi lời mời tới 1 người')
    await deliverOutbox(h)
    const van = h.fake.user({ id: A.teacherVan.telegramId, first_name: 'Văn' })
    const invitation = van.messages().find((m) => m.text?.includes(SEED_000_COURSES[0]!.name))
    expect(invitation).toBeDefined()
    await van.tap('✍️ Đăng ký', invitation)
    expect(van.answers().at(-1)?.text).toContain('bạn có một chỗ')
    // a colleague with no such gap was not invited, and cannot sign up by a forged press
    const toan = h.fake.user({ id: A.teacherToan.telegramId, first_name: 'Toán' })
    expect(toan.messages().some((m) => m.text?.includes(SEED_000_COURSES[0]!.name))).toBe(false)
    expect(all(await toan.say('/courses'))).not.toContain(SEED_000_COURSES[0]!.name)
    const [course] = must(await w.services.courses.list(A.admin, { schoolId: A.school.id })).courses
    expect(await w.services.courses.signUp(A.teacherToan, { courseId: course!.id })).toMatchObject({
      ok: false,
      error: { code: 'course-not-for-you' },
    })
  })

  it('exports the list with the totals and who signed up', async () => {
    const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
    await admin.say('/courses')
    await admin.tap('📊 Xuất Excel')
    const document = admin.messages().at(-1)?.document
    expect(document?.file_name).toBe('khoa-boi-duong.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(h.fake.files.get(document!.file_id)!.bytes) as unknown as ExcelJS.Buffer)
    const sheet = book.worksheets[0]!
    const total = sheet.getRow(3 + 13 + 1)
    expect([
      total.getCell(2).value,
      total.getCell(3).value,
      total.getCell(4).value,
      total.getCell(6).value,
    ]).toEqual(['TỔNG CỘNG', 15, 1162, 2_205_000_000])
    const signups = book.worksheets[1]!.getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[])[2])
    expect(signups).toEqual(['Teacher Văn', 'Teacher Văn', 'Head Toán'])
  })
})
