/**
 * An admin's announcement from the chat to the school, delivered by the outbox worker through the
 * fake Telegram: formatting kept, everyone linked reached once, a blocked teacher reported, the
 * progress and the report in the sender's language.
 */
import { Api } from 'grammy'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { broadcastRenderer, broadcastStopKeyboard } from '../../src/bot/features/broadcast.ts'
import { OutboxWorker } from '../../src/jobs/outbox-worker.ts'
import { deliverOutbox, type Harness, inProcessWorld, TEST_TOKEN } from '../helpers/bot-harness.ts'
import { fullPlan, must, school, type World } from '../services/support.ts'

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

it('reaches everyone linked once, with the formatting, and reports the blocked one', async () => {
  const members = [A.headToan, A.teacherToan, A.headVan, A.teacherVan]
  const users = members.map((m) => h.fake.user({ id: m.telegramId, first_name: `GV ${m.telegramId}` }))
  h.fake.blockUser(A.teacherVan.telegramId)
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })

  expect(all(await admin.say('/broadcast'))).toContain('Gửi nội dung thông báo')
  const sent = await h.fake.deliver({
    message: {
      message_id: 9001,
      date: 1,
      chat: { id: admin.id, type: 'private', first_name: 'Admin' },
      from: { id: admin.id, is_bot: false, first_name: 'Admin' },
      text: 'Họp tổ lúc 8h <phòng 2>',
      entities: [{ type: 'bold', offset: 0, length: 6 }],
    },
  })
  await admin.settle(sent)
  await admin.tap('Mọi người trong trường')
  expect(all(admin.messages().slice(-1))).toContain('tới 5 người')
  expect(all(await admin.tap('✅ Gửi'))).toContain('Đang gửi thông báo')

  // in process: the worker must let timers run even when every API call answers at once
  await deliverOutbox(h)

  for (const user of users.slice(0, 3)) {
    const received = user.messages().filter((m) => m.text?.includes('Họp tổ'))
    expect(received).toHaveLength(1)
    expect(received[0]!.entities?.[0]).toMatchObject({ type: 'bold', offset: 0, length: 6 })
    expect(received[0]!.text).toBe('Họp tổ lúc 8h <phòng 2>')
  }
  const report = all(admin.messages().slice(-2))
  expect(report).toContain('Đã gửi 4')
  expect(report).toContain('Không liên lạc được 1')
  expect(report).toContain('đã chặn bot')
})

it('can go only to those whose task is still open', async () => {
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  // every teacher and head has an unsubmitted plan except teacher Toán
  must(await h.app.deps.plans.submit(A.teacherToan, { planId: await fullPlan(w, A.teacherToan) }))
  await admin.say('/broadcast')
  await admin.say('Nhắc: hạn nộp kế hoạch là 07/09')
  await admin.tap('Những người còn việc chưa xong')
  await admin.tap('Giáo viên viết và nộp kế hoạch BDTX cá nhân')
  // heads Toán and Văn, teacher Văn: not teacher Toán, not the admin
  expect(all(admin.messages().slice(-1))).toContain('tới 3 người')
  await admin.tap('Hủy')
})

it('refuses a message over 4096 characters at once, saying its length and the limit', async () => {
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  const broadcasts = () => h.app.db.selectFrom('broadcasts').select('id').execute()
  const before = await broadcasts()
  await admin.say('/broadcast')
  const reply = all(await admin.say('Thông báo dài. '.repeat(334).trim()))
  expect(reply).toContain('5.009')
  expect(reply).toContain('4.096')
  expect(reply).not.toContain('Gửi cho ai')
  // nothing was accepted: not even a draft
  expect(await broadcasts()).toEqual(before)
})

it('shows the message as recipients will see it before asking to send', async () => {
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  await admin.say('/broadcast')
  const sent = await h.fake.deliver({
    message: {
      message_id: 9101,
      date: 1,
      chat: { id: admin.id, type: 'private', first_name: 'Admin' },
      from: { id: admin.id, is_bot: false, first_name: 'Admin' },
      text: 'Họp tổ chuyên môn sáng thứ Sáu',
      entities: [
        { type: 'bold', offset: 0, length: 10 },
        { type: 'italic', offset: 4, length: 13 },
      ],
    },
  })
  await admin.settle(sent)
  await admin.tap('Mọi người trong trường')
  const shown = admin.messages().find((m) => m.text === 'Họp tổ chuyên môn sáng thứ Sáu')
  expect(shown?.entities?.map((e) => e.type).sort()).toEqual(['bold', 'italic', 'italic'])
  await admin.tap('Hủy')
})

it('offers no Send to a department where nobody can receive it yet, and says where to look', async () => {
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  const anh = must(
    await w.services.schools.createDepartment(A.admin, { schoolId: A.school.id, name: 'Tổ Anh' }),
  )
  must(
    await w.services.people.add(A.admin, {
      schoolId: A.school.id,
      fullName: 'Lê Thị Chưa Vào',
      role: 'teacher',
      departmentId: anh.id,
    }),
  )
  await admin.say('/broadcast')
  await admin.say('Họp tổ Anh chiều nay')
  await admin.tap('Một tổ chuyên môn')
  const reply = all(await admin.tap('Tổ Anh'))
  expect(reply).toContain('Chưa ai trong nhóm này nhận được tin qua bot: 1 người chưa mở link mời')
  expect(reply).toContain('/unreachable')
  expect(admin.buttons(admin.messages().at(-1)!).map((b) => b.text)).not.toContain('✅ Gửi')
})

it('takes the stop button away once sending ends', async () => {
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  await admin.say('/broadcast')
  await admin.say('Nghỉ họp chiều nay')
  await admin.tap('Mọi người trong trường')
  await admin.tap('✅ Gửi')
  const started = admin.messages().find((m) => m.text?.includes('Đang gửi thông báo'))!
  expect(admin.buttons(started).map((b) => b.text)).toEqual(['⏹ Dừng gửi'])
  const worker = new OutboxWorker({
    db: h.app.db,
    api: new Api(TEST_TOKEN, { fetch: h.fake.fetch }),
    rate: 200,
    startupDelayMs: 0,
    render: broadcastRenderer(h.app.deps.i18n),
    progressKeyboard: broadcastStopKeyboard(h.app.deps.i18n),
  })
  await worker.run({ untilIdle: true })
  const progress = admin.messages().find((m) => m.message_id === started.message_id)!
  expect(progress.text).toContain('đã xong')
  expect(admin.buttons(progress)).toEqual([])
})
