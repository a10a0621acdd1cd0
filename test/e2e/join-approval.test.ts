/**
 * A department-wide invite no longer lets whoever holds it take a listed colleague's name
 * (issue 10, item 7): the claim waits for the head's or the admin's ✅, who sees which Telegram
 * account claims which name; a new name still joins at once; a personal link joins at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, inProcess, texts } from '../helpers/bot-harness.ts'
import { must, OWNER, school, world } from '../services/support.ts'

let h: Harness
let s: Awaited<ReturnType<typeof school>>
let code: string
let maiId: number

beforeAll(async () => {
  const w = await world()
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  s = await school(w, 'THPT Chờ Duyệt', 800)
  // the bot runs on today's clock: the invite is made today, so it has not expired
  w.at(new Date().toISOString())
  const listed = (fullName: string) =>
    w.services.people.add(s.admin, {
      schoolId: s.school.id,
      fullName,
      role: 'teacher',
      departmentId: s.toan.id,
      level: 'THPT',
      subject: 'Toán',
    })
  maiId = must(await listed('Đặng Thị Mai')).id
  must(await listed('Lò Văn Sơn'))
  // listed without level or subject: asked once the claim is approved
  must(
    await w.services.people.add(s.admin, {
      schoolId: s.school.id,
      fullName: 'Vi Thị Hà',
      role: 'teacher',
      departmentId: s.toan.id,
    }),
  )
  code = must(
    await w.services.invites.create(s.headToan, {
      schoolId: s.school.id,
      role: 'teacher',
      departmentId: s.toan.id,
      kind: 'department',
    }),
  ).code
  h = await inProcess({ app: w.app })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('claiming a listed name through a department-wide link', () => {
  it('waits for approval: the claimant is told, nothing is linked, the head sees who claims whom', async () => {
    const head = h.fake.user({ id: s.headToan.telegramId, first_name: 'Tổ trưởng', language_code: 'vi' })
    const admin = h.fake.user({ id: s.admin.telegramId, first_name: 'BCĐ', language_code: 'vi' })
    const stranger = h.fake.user({
      id: 8_101,
      first_name: 'Kẻ',
      last_name: 'Lạ',
      username: 'ke_la',
      language_code: 'vi',
    })
    const opened = texts(await stranger.say(`/start ${code}`))
    expect(opened).toContain('tổ trưởng hoặc BCĐ của trường sẽ xác nhận')
    const waiting = texts(await stranger.tap('Đặng Thị Mai'))
    expect(waiting).toContain('⏳ Đã gửi yêu cầu: bạn là Đặng Thị Mai')
    expect(waiting).not.toContain('Chào mừng')
    // not linked: a teacher's command is still refused
    expect(texts(await stranger.say('/plan'))).toContain('chưa gắn với trường nào')

    const ask = head.lastMessage()
    expect(ask?.text).toContain('Tài khoản Telegram Kẻ Lạ (@ke_la) xin nhận tên Đặng Thị Mai')
    expect(head.buttons(ask).map((b) => b.text)).toEqual(['✅ Đồng ý', '❌ Từ chối'])
    expect(admin.lastMessage()?.text).toContain('xin nhận tên Đặng Thị Mai')

    // the head rejects: the claimant is told, Mai is still free for her own link
    expect(texts(await head.tap('❌ Từ chối', ask))).toContain('❌ Đã từ chối')
    expect(stranger.lastMessage()?.text).toContain('chưa xác nhận bạn là Đặng Thị Mai')
    expect(texts(await stranger.say('/plan'))).toContain('chưa gắn với trường nào')
    // the admin's copy of the request is answered already
    const adminAsk = admin.messages().findLast((m) => m.text?.includes('xin nhận tên'))
    await admin.tap('✅ Đồng ý', adminAsk)
    expect(admin.answers().at(-1)?.text).toContain('đã được xử lý')
  })

  it('typing the listed name is the same claim; the admin approves, and the real colleague is in', async () => {
    const admin = h.fake.user({ id: s.admin.telegramId, first_name: 'BCĐ', language_code: 'vi' })
    const mai = h.fake.user({ id: 8_102, first_name: 'Mai', username: 'mai_dang', language_code: 'vi' })
    await mai.say(`/start ${code}`)
    await mai.tap('Tên tôi không có trong danh sách')
    expect(texts(await mai.say('dang thi mai'))).toContain('⏳ Đã gửi yêu cầu: bạn là Đặng Thị Mai')
    const ask = admin.messages().findLast((m) => m.text?.includes('Mai (@mai_dang)'))
    expect(texts(await admin.tap('✅ Đồng ý', ask))).toContain(
      '✅ Đã đồng ý: tài khoản Mai (@mai_dang) là Đặng Thị Mai',
    )
    expect(mai.lastMessage()?.text).toContain('Chào mừng Đặng Thị Mai')
    expect(mai.commands().map((c) => c.command)).toContain('plan')
    expect(texts(await mai.say('/plan'))).toContain('Đặng Thị Mai')
    const linked = must(await h.app.deps.people.whoAmI({ telegramId: 8_102 }))
    expect(linked.person?.id).toBe(maiId)
  })

  it('an approved claimant gives what the list lacks (level, subject) with one button', async () => {
    const head = h.fake.user({ id: s.headToan.telegramId, first_name: 'Tổ trưởng', language_code: 'vi' })
    const ha = h.fake.user({ id: 8_104, first_name: 'Hà', language_code: 'vi' })
    await ha.say(`/start ${code}`)
    await ha.tap('Vi Thị Hà')
    await head.tap(
      '✅ Đồng ý',
      head.messages().findLast((m) => m.text?.includes('Vi Thị Hà')),
    )
    const welcome = ha.lastMessage()
    expect(welcome?.text).toContain('Chào mừng Vi Thị Hà')
    expect(texts(await ha.tap('▶️ Điền nốt thông tin', welcome))).toContain('Bạn dạy cấp học nào?')
    expect(texts(await ha.tap('THPT'))).toContain('Bạn dạy môn gì?')
    expect(texts(await ha.say('Toán'))).toContain('/plan')
    expect(must(await h.app.deps.people.whoAmI({ telegramId: 8_104 })).person).toMatchObject({
      level: 'THPT',
      subject: 'Toán',
    })
  })

  it('a new name, not on the list, still joins at once', async () => {
    const newcomer = h.fake.user({ id: 8_103, first_name: 'Nam', language_code: 'vi' })
    await newcomer.say(`/start ${code}`)
    await newcomer.tap('Tên tôi không có trong danh sách')
    expect(texts(await newcomer.say('Hồ Văn Nam'))).toContain('Chào mừng Hồ Văn Nam')
  })
})
