/**
 * A school that opens the bot in September 2026 works under TT 19/2019: its 2026-2027 plans were to
 * be approved by 31/05/2026 (Điều 8). The owner is told so when creating it; /deadlines shows the
 * regulation's days as over next to the school's live deadlines, cites the school's guidance for the
 * rest, and the reminders go for the school's deadlines. Switched to TT 26/2012, the year shows
 * seed 004's calendar and no regulation day.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { reminderTextFromLocales, runDueReminders } from '../../src/jobs/reminders.ts'
import { defaultProfileFor } from '../../src/rules/index.ts'
import { deliverOutbox, type Harness, inProcessWorld, texts } from '../helpers/bot-harness.ts'
import { OWNER, school, type World } from '../services/support.ts'

let h: Harness
let w: World
let A: Awaited<ReturnType<typeof school>>

beforeAll(async () => {
  ;({ h, w } = await inProcessWorld({ profileFor: defaultProfileFor }))
  w.at('2026-09-20T02:00:00Z') // 09:00 on 20/09/2026 in Vietnam
  A = await school(w, 'THPT Theo TT19', 100)
  for (const p of [A.admin, A.headToan, A.headVan, A.teacherToan])
    h.fake.user({ id: p.telegramId, first_name: String(p.telegramId) })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

it("tells the owner that the regulation's 31 May is over and the school's deadline is two weeks away", async () => {
  const owner = h.fake.user({ id: OWNER.telegramId, first_name: 'Sở' })
  await owner.say('/schools')
  await owner.tap('➕ Thêm trường')
  await owner.say('THCS Mở Muộn')
  const created = texts(await owner.say('-'))
  expect(created).toContain('năm học 2026-2027 (hạn đăng ký kế hoạch 04/10/2026, hạn duyệt 11/10/2026)')
  expect(created).toContain('Theo TT 19/2019/TT-BGDĐT Điều 8')
  expect(created).toContain('phải được duyệt trước 31/05/2026 — ngày đó đã qua')
  expect(created).not.toContain('Lịch chung của Sở')
})

it("shows a teacher the school's live deadline and the regulation's days as over", async () => {
  const teacher = h.fake.user({ id: A.teacherVan.telegramId, first_name: 'Văn' })
  const reply = texts(await teacher.say('/deadlines'))
  expect(reply).toMatch(/⏳ 13\/05\/2026 – 04\/10\/2026 \(còn 14 ngày\) Giáo viên viết và nộp kế hoạch/)
  expect(reply).toContain('📜 Các mốc do quy chế đặt:')
  expect(reply).toContain(
    '• BCĐ duyệt kế hoạch BDTX của tổ và cá nhân; HT ký: 31/05/2026 — TT 19/2019/TT-BGDĐT Điều 8',
  )
  expect(reply).toContain('Ngày này đã qua: hạn của trường là 04/10/2026 – 11/10/2026.')
  expect(reply).toContain(
    '• Gửi kế hoạch BDTX của trường về Sở: 01/06/2026 – 30/06/2026 — TT 19/2019/TT-BGDĐT Điều 8 (nhà trường báo cáo kế hoạch BDTX lên cấp trên trong tháng 6). Ngày này đã qua: hạn của trường là 12/10/2026.',
  )
  expect(reply).toContain('Các mốc khác: theo hướng dẫn của trường.')
})

it("reminds of the school's deadlines, never of the regulation's day that is over", async () => {
  const text = reminderTextFromLocales((language, key, vars) => h.app.deps.i18n.t(language, key, vars))
  // 27/09/2026 08:00 in Vietnam: a week before the teachers' deadline
  w.at('2026-09-27T01:00:00Z')
  expect((await runDueReminders({ db: h.app.db, text }, w.clock.now)).enqueued.length).toBeGreaterThan(0)
  // 05/10/2026 08:00: a week before the plan goes upward, the day after the approval
  w.at('2026-10-05T01:00:00Z')
  expect((await runDueReminders({ db: h.app.db, text }, w.clock.now)).enqueued.length).toBeGreaterThan(0)
  await deliverOutbox(h)
  const teacher = h.fake.user({ id: A.teacherVan.telegramId, first_name: 'Văn' })
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  const reminders = (u: typeof teacher) => u.messages().filter((m) => m.text?.includes('⏰'))
  expect(texts(reminders(teacher))).toContain('Giáo viên viết và nộp kế hoạch BDTX cá nhân: hạn 04/10/2026')
  expect(texts(reminders(admin))).toContain('Gửi kế hoạch BDTX của trường về Sở: hạn 12/10/2026')
  for (const m of [...reminders(teacher), ...reminders(admin)]) {
    expect(m.text).not.toMatch(/\/0[56]\/2026/)
  }
})

it("shows seed 004's calendar and no regulation day once the admin switches the year to TT 26/2012", async () => {
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  expect(texts(await admin.say('/regulation tt26'))).toContain('Đã đổi quy chế')
  const reply = texts(await admin.say('/deadlines'))
  expect(reply).toContain('27/08/2026 – 04/10/2026 — Giáo viên viết và nộp kế hoạch')
  expect(reply).not.toContain('Các mốc do quy chế đặt')
  expect(reply).not.toContain('theo hướng dẫn của trường')
})
