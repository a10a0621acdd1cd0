/**
 * The issue-4 story end to end through the fake Telegram: an owner creates a school and its
 * admin; the admin creates a department and invites; a head and a teacher join by their links;
 * the teacher registers modules, is refused a duplicate and an under-60 submission, submits; the
 * head returns it with a reason, the teacher fixes and resubmits, the head and the admin approve;
 * every notification arrives in its recipient's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { type Harness, inProcess, texts } from '../helpers/bot-harness.ts'

let h: Harness
let owner: FakeUser
let admin: FakeUser
let head: FakeUser
let teacher: FakeUser
const all = (messages: Array<{ text?: string }>) => messages.map((m) => m.text ?? '').join('\n---\n')
const codeIn = (text: string) => /start=([\w-]+)/.exec(text)?.[1] ?? ''
const startsWith = (prefix: string) => (b: { text: string }) => b.text.startsWith(prefix)

beforeAll(async () => {
  // late August: registration is open (the seed-004 calendar closes it on 7 September)
  h = await inProcess({ now: () => new Date('2026-08-28T09:00:00+07:00') })
  await h.app.deps.setup.bootstrap({ ownerTelegramIds: [1] })
  owner = h.fake.user({ id: 1, first_name: 'Sở' })
  admin = h.fake.user({ id: 2, first_name: 'Quản' })
  head = h.fake.user({ id: 3, first_name: 'Hoa' })
  teacher = h.fake.user({ id: 4, first_name: 'An' })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('from a new school to an approved plan', () => {
  let adminCode = ''

  it('the owner creates a school and gets its admin invite', async () => {
    await owner.say('/start')
    expect(owner.commands().map((c) => c.command)).toContain('schools')
    await owner.say('/schools')
    await owner.tap('➕ Thêm trường')
    await owner.say('Trường THPT Nguyễn Trãi')
    const created = all(await owner.say('Trần Văn Quản'))
    expect(created).toContain('Đã tạo Trường THPT Nguyễn Trãi')
    adminCode = codeIn(created)
    expect(adminCode).not.toBe('')
  })

  it('the admin joins by the link, gives a level, and creates a department', async () => {
    expect(all(await admin.say(`/start ${adminCode}`))).toContain('dành cho Trần Văn Quản')
    expect(all(await admin.tap('Đúng, tôi là Trần Văn Quản'))).toContain('Bạn dạy cấp học nào?')
    const done = all(await admin.tap('THPT'))
    expect(done).toContain('/departments')
    expect(admin.commands().map((c) => c.command)).toEqual(
      expect.arrayContaining(['invite', 'departments', 'approve']),
    )
    expect(all(await owner.messages().slice(-1))).toContain('Trần Văn Quản đã tham gia')
    await admin.say('/departments')
    await admin.tap('➕ Thêm tổ')
    expect(all(await admin.say('Tổ Toán – Tin'))).toContain(
      'Đã thêm Tổ Toán – Tin vào danh sách tổ chuyên môn',
    )
    expect(all(await h.fake.user({ id: 9, first_name: 'Lạ' }).say(`/start ${adminCode}`))).toContain(
      'đã được dùng',
    )
  })

  it('a head (in English) and a teacher join by their invites', async () => {
    await admin.say('/invite')
    await admin.tap('Tổ trưởng chuyên môn')
    await admin.tap('Tổ Toán – Tin')
    const headCode = codeIn(all(await admin.tap('Một người (dùng một lần)')))

    await head.say('/lang')
    await head.tap('English')
    expect(all(await head.say(`/start ${headCode}`))).toContain('Nobody is waiting on the list')
    await head.tap('My name is not on the list')
    await head.say('Lê Thị Hoa')
    await head.tap('Upper secondary')
    expect(all(await head.say('Toán'))).toContain('/approve')

    await admin.say('/invite')
    await admin.tap('Giáo viên')
    await admin.tap('Tổ Toán – Tin')
    const teacherCode = codeIn(all(await admin.tap('Cả tổ (nhiều người dùng)')))
    expect(all(await teacher.say(`/start ${teacherCode}`))).toContain(
      'Lời mời vào Trường THPT Nguyễn Trãi (Tổ Toán – Tin), vai trò Giáo viên.',
    )
    await teacher.tap('Tên tôi không có trong danh sách')
    expect(all(await teacher.say('Nguyễn Văn An'))).toContain('Chào mừng Nguyễn Văn An')
    await teacher.tap('THPT')
    await teacher.say('Toán')
    expect(all(await h.fake.user({ id: 9, first_name: 'Lạ' }).say('/start unknowncode1'))).toContain(
      'Mã mời không đúng',
    )
  })

  it('the teacher registers modules; a duplicate and an under-60 submission are refused', async () => {
    const [plan] = await teacher.say('/plan')
    expect(plan?.text).toContain('ND3: 0/60 tiết')
    for (const code of ['THPT 17', 'THPT 19', 'THPT 20']) {
      await teacher.tap('➕ Thêm mô đun')
      await teacher.tap(startsWith(`${code} —`))
    }
    expect(teacher.lastMessage()?.text).toContain('ND3: 45/60 tiết')
    await teacher.tap('➕ Thêm mô đun')
    await teacher.tap(startsWith('✓ THPT 17'))
    expect(teacher.answers().at(-1)?.text).toContain('Mô đun THPT 17 đã có trong kế hoạch')
    await teacher.tap('↩️ Quay lại kế hoạch')
    const refused = all(await teacher.tap('📤 Gửi duyệt'))
    expect(refused).toContain('ND3 có 45/60 tiết')
    expect(refused).toContain('cần đăng ký thêm 15 tiết')
    await teacher.tap(
      '➕ Thêm mô đun',
      teacher.messages().findLast((m) => m.text?.includes('Kế hoạch BDTX')),
    )
    await teacher.tap(startsWith('THPT 34 —'))
    expect(teacher.messages().findLast((m) => m.text?.includes('Kế hoạch BDTX'))?.text).toContain(
      '✅ Kế hoạch hợp lệ',
    )
  })

  it('submitting tells the head, in English', async () => {
    const plan = teacher.messages().findLast((m) => m.text?.includes('Kế hoạch BDTX'))
    expect(all(await teacher.tap('📤 Gửi duyệt', plan))).toContain('Đã gửi kế hoạch')
    expect(head.lastMessage()?.text).toContain('Nguyễn Văn An submitted a BDTX plan for your approval')
  })

  it('the head returns it with a reason; the teacher is told in Vietnamese, fixes and resubmits', async () => {
    expect(all(await head.say('/approve'))).toContain('Nguyễn Văn An')
    await head.tap('↩️ Return')
    await head.say('Thay THPT 34 bằng THPT 31')
    expect(teacher.lastMessage()?.text).toContain('bị Lê Thị Hoa trả lại. Lý do: Thay THPT 34 bằng THPT 31')
    await teacher.say('/plan')
    await teacher.tap('❌ THPT 34')
    await teacher.tap('➕ Thêm mô đun')
    await teacher.tap(startsWith('THPT 31 —'))
    await teacher.tap('📤 Gửi duyệt')
    expect(head.lastMessage()?.text).toContain('submitted a BDTX plan')
  })

  it('the head and then the admin approve; everyone concerned is told', async () => {
    await head.say('/approve')
    await head.tap(startsWith('✅ 1. Nguyễn Văn An'))
    expect(head.answers().at(-1)?.text).toBe(
      "Nguyễn Văn An's plan approved; it goes on to the school for approval.",
    )
    expect(teacher.lastMessage()?.text).toContain('Kế hoạch BDTX của bạn đã được Lê Thị Hoa duyệt')
    expect(admin.lastMessage()?.text).toContain('chờ nhà trường duyệt')
    expect(all(await head.say('/approve'))).toContain('No plan is waiting')

    await admin.say('/approve')
    await admin.tap(startsWith('✅ 1. Nguyễn Văn An'))
    expect(admin.answers().at(-1)?.text).toBe('Đã duyệt kế hoạch của Nguyễn Văn An.')
    expect(teacher.lastMessage()?.text).toContain('Đã được nhà trường duyệt')
    const [plan] = await teacher.say('/plan')
    expect(plan?.text).toContain('Trạng thái: Đã được nhà trường duyệt')
    expect(plan?.text).toContain('THPT 31')
    expect(plan?.text).toContain('✅ Kế hoạch hợp lệ.')
    expect(plan?.text).not.toContain('có thể gửi duyệt')
    expect(teacher.buttons(plan)).toEqual([])
  })

  it('the admin sees and moves the deadlines; /help shows each role its commands', async () => {
    expect(all(await admin.say('/setdeadline'))).toContain('hạn đăng ký kế hoạch 07/09/2026')
    expect(all(await admin.say('/setdeadline 31/09/2026'))).toContain(
      '«31/09/2026» không phải là ngày hợp lệ',
    )
    expect(all(await admin.say('/setdeadline 20/09/2026 30/09/2026'))).toContain(
      'hạn đăng ký 20/09/2026, hạn duyệt 30/09/2026',
    )
    expect(all(await teacher.say('/setdeadline 20/10/2026'))).toContain('không có quyền')
    expect(all(await teacher.say('/help'))).toContain('/plan — đăng ký mô đun tự chọn')
    expect(all(await head.say('/help'))).toContain('/approve — approve the department')
  })

  it("the admin looks at a teacher's plan by name and reopens it with a reason", async () => {
    expect(texts(await admin.say('/plan Không Có Ai'))).toContain('Không tìm thấy «Không Có Ai»')
    const [plan] = await admin.say('/plan nguyen van an')
    expect(plan?.text).toContain('Nguyễn Văn An')
    await admin.tap('↩️ Mở lại để sửa', plan)
    expect(texts(await admin.say('Sai mã mô đun THPT 31'))).toContain('Đã mở lại kế hoạch của Nguyễn Văn An')
    expect(teacher.lastMessage()?.text).toContain(
      'được Trần Văn Quản mở lại để sửa. Lý do: Sai mã mô đun THPT 31',
    )
    const [mine] = await teacher.say('/plan')
    expect(mine?.text).toContain('Bị trả lại để sửa')
    expect(teacher.buttons(mine).map((b) => b.text)).toContain('📤 Gửi duyệt')
    // the teacher cannot reopen anyone's plan: the button is not even offered on their own
    expect(teacher.buttons(mine).map((b) => b.text)).not.toContain('↩️ Mở lại để sửa')
  })

  it("puts each role's own work on /start", async () => {
    const [start] = await teacher.say('/start')
    expect(
      teacher
        .buttons(start)
        .map((b) => b.text)
        .slice(0, 3),
    ).toEqual(['📝 Kế hoạch BDTX của tôi', '📊 Điểm và xếp loại của tôi', '📅 Các mốc thời gian'])
    expect(texts(await teacher.tap('📊 Điểm và xếp loại của tôi'))).toContain('Điểm BDTX năm học')
    const [headStart] = await head.say('/start')
    expect(head.buttons(headStart).map((b) => b.text)).toContain('🧾 Enter scores')
  })
})

describe('a school that starts mid-year', () => {
  it('is told its plan deadline is two weeks away, and its admin sees it in /deadlines', async () => {
    const late = await inProcess({ now: () => new Date('2026-11-23T09:00:00+07:00') })
    try {
      await late.app.deps.setup.bootstrap({ ownerTelegramIds: [1] })
      const lateOwner = late.fake.user({ id: 1, first_name: 'Sở' })
      await lateOwner.say('/schools')
      await lateOwner.tap('➕ Thêm trường')
      await lateOwner.say('Trường THCS Muộn')
      const created = all(await lateOwner.say('Lê Thị Muộn'))
      expect(created).toContain('hạn đăng ký kế hoạch 07/12/2026, hạn duyệt 14/12/2026')
      expect(created).toContain('Lịch chung của Sở (hạn đăng ký 07/09/2026) đã qua')
      expect(created).toContain('14 ngày kể từ hôm nay')
      const lateAdmin = late.fake.user({ id: 2, first_name: 'Muộn' })
      await lateAdmin.say(`/start ${codeIn(created)}`)
      await lateAdmin.tap('Đúng, tôi là Lê Thị Muộn')
      await lateAdmin.tap('THCS')
      expect(all(await lateAdmin.say('/deadlines'))).toContain('07/12/2026')
      expect(late.fake.violations).toEqual([])
    } finally {
      await late.close()
    }
  })
})
