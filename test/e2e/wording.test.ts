/** Sentences as a school reads them, through the bot: what happened, said plainly. */
import { afterEach, expect, it } from 'vitest'
import { type Harness, inProcess, inProcessWorld, texts } from '../helpers/bot-harness.ts'
import { must, school } from '../services/support.ts'

let h: Harness
afterEach(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

it('says plainly that the setup link made you the owner, and what an owner does', async () => {
  h = await inProcess()
  const { setupCode } = await h.app.deps.setup.bootstrap({ ownerTelegramIds: [] })
  const user = h.fake.user({ id: 9001, first_name: 'Chủ' })
  const reply = texts(await user.say(`/start ${setupCode}`))
  expect(reply).toContain('từ giờ bạn là chủ quản')
  expect(reply).not.toContain('Bạn đã là')
  expect(reply).toContain('/schools')
})

it("refuses another role's command by saying whose it is, not a bare 'no permission'", async () => {
  const { h: world, w } = await inProcessWorld()
  h = world
  const A = await school(w, 'Trường A', 100)
  const teacher = h.fake.user({ id: A.teacherToan.telegramId, first_name: 'GV' })
  const cases: Array<[string, string]> = [
    ['/lockresults', 'Lệnh /lockresults dành cho Ban chỉ đạo BDTX (quản trị trường).'],
    ['/team', 'Lệnh /team dành cho tổ trưởng chuyên môn, Ban chỉ đạo BDTX (quản trị trường).'],
    ['/schools', 'Lệnh /schools dành cho chủ quản hệ thống.'],
    ['/broadcast', 'Lệnh /broadcast dành cho Ban chỉ đạo BDTX (quản trị trường), chủ quản hệ thống.'],
    ['/deadline remove 1', 'Lệnh /deadline dành cho Ban chỉ đạo BDTX (quản trị trường).'],
  ]
  for (const [command, expected] of cases) {
    const reply = texts(await teacher.say(command))
    expect(reply).toContain(expected)
    expect(reply).not.toContain('Bạn không có quyền làm việc này.')
  }
  // the admin's own command still works
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  expect(texts(await admin.say('/team'))).toContain('Bảng điểm BDTX')
})

it('names a field wrongly filled in words, never as a variable name', async () => {
  const { h: world, w } = await inProcessWorld()
  h = world
  const A = await school(w, 'Trường A', 100)
  const invite = must(
    await w.services.invites.create(A.admin, {
      schoolId: A.school.id,
      role: 'teacher',
      departmentId: A.toan.id,
    }),
  )
  const newcomer = h.fake.user({ id: 777, first_name: 'Mới' })
  await newcomer.say(`/start ${invite.code}`)
  await newcomer.tap('Tên tôi không có trong danh sách')
  const reply = texts(await newcomer.say('A'))
  expect(reply).toContain('Thông tin chưa hợp lệ: họ tên (2–100 ký tự). Chưa thay đổi gì.')
  expect(reply).not.toContain('fullName')
})
