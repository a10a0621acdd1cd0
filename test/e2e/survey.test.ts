/**
 * The learning-needs survey through the chat (issue 15 item 4, seed 001 §1): the admin opens it
 * with a deadline and the invitation reaches teachers through the outbox; a teacher answers with
 * toggle buttons and the totals update; a head sees only their department; a teacher sees no
 * totals; the admin reminds those who have not answered and exports the totals; taps after the
 * deadline are refused.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { profileOfYear } from '../../src/services/regulation.ts'
import { SchoolStore } from '../../src/store/schools.ts'
import { deliverOutbox, type Harness, inProcessWorld } from '../helpers/bot-harness.ts'
import { refused, school, type World } from '../services/support.ts'

let h: Harness
let w: World
let A: Awaited<ReturnType<typeof school>>
const all = (messages: Array<{ text?: string }>) => messages.map((m) => m.text ?? '').join('\n---\n')

beforeAll(async () => {
  ;({ h, w } = await inProcessWorld())
  A = await school(w, 'Trường A', 100)
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('the learning-needs survey', () => {
  it('a teacher answers the survey and the totals update', async () => {
    const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
    const teacher = h.fake.user({ id: A.teacherToan.telegramId, first_name: 'Teacher' })
    h.fake.user({ id: A.headToan.telegramId, first_name: 'Head Toán' })
    h.fake.user({ id: A.headVan.telegramId, first_name: 'Head Văn' })
    h.fake.user({ id: A.teacherVan.telegramId, first_name: 'Teacher Văn' })
    expect(all(await admin.say('/survey'))).toContain('/survey 15/05/2027')
    expect(all(await admin.say('/survey 31/02/2026'))).toContain('không phải ngày hợp lệ')
    expect(all(await admin.say('/survey 15/05/2026'))).toContain(
      'Đã mở khảo sát nhu cầu bồi dưỡng năm học 2026-2027, hạn trả lời 15/05/2026, và gửi lời mời tới 4 người',
    )
    await deliverOutbox(h)
    const invitation = teacher.messages().find((m) => m.text?.includes('khảo sát nhu cầu bồi dưỡng'))
    expect(invitation?.text).toContain('trước ngày 15/05/2026')
    const form = all(await teacher.tap('📝 Trả lời khảo sát', invitation))
    expect(form).toContain('Nhu cầu bồi dưỡng năm học 2026-2027')
    expect(form).toContain('Bạn chưa chọn nội dung nào')

    await teacher.tap('THPT 17')
    expect(teacher.answers().at(-1)?.text).toBe('Đã lưu.')
    await teacher.tap('Thạc sĩ')
    const edited = teacher.lastMessageWithButtons()
    expect(edited?.text).toContain('Bạn đã chọn:')
    expect(teacher.buttons(edited).map((b) => b.text)).toEqual(
      expect.arrayContaining(['✅ THPT 17', '✅ Thạc sĩ', 'Tin học']),
    )

    const totals = all(await admin.say('/survey'))
    expect(totals).toContain('Đã trả lời: 1/4 người')
    expect(totals).toMatch(/• THPT 17 .*: 1 người/)
    expect(totals).toContain('• Thạc sĩ: 1 người')
    expect(totals).toContain('• Tổ Toán: 1/2 đã trả lời')
    expect(totals).toContain('• Tổ Văn: 0/2 đã trả lời')
  })

  it('shows a head only their department, and a teacher no totals at all', async () => {
    const headVan = h.fake.user({ id: A.headVan.telegramId, first_name: 'Head Văn' })
    const van = all(await headVan.say('/survey'))
    expect(van).toContain('Tổ Văn')
    expect(van).toContain('Đã trả lời: 0/2 người')
    expect(van).not.toContain('THPT 17')
    expect(van).not.toContain('Tổ Toán')
    const headToan = h.fake.user({ id: A.headToan.telegramId, first_name: 'Head Toán' })
    const toan = all(await headToan.say('/survey'))
    expect(toan).toMatch(/• THPT 17 .*: 1 người/)
    expect(toan).not.toContain('Tổ Văn')

    const teacher = h.fake.user({ id: A.teacherToan.telegramId, first_name: 'Teacher' })
    const own = all(await teacher.say('/survey'))
    expect(own).toContain('Bạn đã chọn:')
    expect(own).not.toContain('Đã trả lời')
    const survey = (await h.app.db.selectFrom('surveys').select('id').executeTakeFirstOrThrow()).id
    expect(refused(await w.services.surveys.totals(A.teacherToan, { surveyId: survey }))).toMatchObject({
      code: 'forbidden',
    })
  })

  it('reminds those who have not answered, through the outbox', async () => {
    const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
    await admin.say('/survey')
    expect(all(await admin.tap('🔔 Nhắc người chưa trả lời (3)'))).toContain(
      'Đã gửi lời nhắc tới 3 người chưa trả lời',
    )
    await deliverOutbox(h)
    const headVan = h.fake.user({ id: A.headVan.telegramId, first_name: 'Head Văn' })
    expect(headVan.lastMessage()?.text).toContain(
      'Bạn chưa trả lời khảo sát nhu cầu bồi dưỡng năm học 2026-2027',
    )
    const teacher = h.fake.user({ id: A.teacherToan.telegramId, first_name: 'Teacher' })
    expect(teacher.messages().some((m) => m.text?.includes('Bạn chưa trả lời khảo sát'))).toBe(false)
  })

  it('exports the totals to Excel', async () => {
    const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
    await admin.say('/survey')
    await admin.tap('📊 Xuất Excel')
    const document = admin.messages().at(-1)?.document
    expect(document?.file_name).toBe('khao-sat-nhu-cau.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(h.fake.files.get(document!.file_id)!.bytes) as unknown as ExcelJS.Buffer)
    const rows = book.worksheets[0]!.getSheetValues().map((r) => (r as unknown[] | undefined)?.slice(1))
    expect(rows).toContainEqual(['THPT 17', expect.any(String), 1])
    expect(rows.find((r) => r?.[1] === 'Thạc sĩ')?.[2]).toBe(1)
  })

  it('refuses answers after the deadline', async () => {
    const teacher = h.fake.user({ id: A.teacherToan.telegramId, first_name: 'Teacher' })
    await teacher.say('/survey')
    w.at('2026-05-16T01:00:00Z')
    await teacher.tap('Tin học')
    expect(teacher.answers().at(-1)?.text).toContain('Khảo sát đã hết hạn ngày 15/05/2026')
    const form = all(await teacher.say('/survey'))
    expect(form).toContain('hết hạn')
    expect(teacher.buttons(teacher.lastMessage())).toEqual([])
  })

  it("starts the teacher's /plan of 2026-2027 from their survey answer", async () => {
    w.at('2026-08-20T03:00:00Z')
    const year = await new SchoolStore(h.app.db).currentYear(A.school.id)
    await new SchoolStore(h.app.db).createYear(
      {
        schoolId: A.school.id,
        name: '2026-2027',
        startsOn: '2026-09-01',
        endsOn: '2027-05-31',
        profileId: profileOfYear(year!).id,
        requiredNd3Hours: 60,
        planDeadline: '2026-10-15',
        approvalDeadline: '2026-10-31',
      },
      true,
      w.clock.now.toISOString(),
    )
    const teacher = h.fake.user({ id: A.teacherToan.telegramId, first_name: 'Teacher' })
    const plan = all(await teacher.say('/plan'))
    expect(plan).toContain('2026-2027')
    expect(plan).toContain('THPT 17')
    const other = h.fake.user({ id: A.teacherVan.telegramId, first_name: 'Teacher Văn' })
    expect(all(await other.say('/plan'))).not.toContain('THPT 17')
  })
})
