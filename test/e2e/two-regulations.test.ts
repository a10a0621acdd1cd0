/**
 * Issue 11's "Done when": one deployment, two schools that open the bot nine years apart, each a
 * multi-level school with a primary (TH) and an upper-secondary (THPT) teacher. The first starts in
 * August 2017 and its 2017-2018 year is judged by TT 26/2012; the second starts in August 2026 and
 * its 2026-2027 year by TT 19/2019. Each teacher registers from the shipped catalogues in the chat,
 * the head and the school approve, the head enters the grades, and each teacher's /scores and /need
 * answer by their own year's rules.
 *
 * Blocked, and asserted as such: the 2017-2018 primary teacher cannot register. No module of TT
 * 32/2011 (the TT 26-era primary programme) is shipped, because no source searched gave its module
 * table (docs/regulations.md, "Not shipped: searched and not found"); the bot says so and refuses
 * the empty plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { defaultProfileFor } from '../../src/rules/index.ts'
import { type Harness, inProcessWorld, texts } from '../helpers/bot-harness.ts'
import { must, school, type World } from '../services/support.ts'

type School = Awaited<ReturnType<typeof school>>
let h: Harness
let w: World
let a: School
let b: School
const user = (id: number) => h.fake.user({ id, first_name: `U${id}` })
const startsWith = (prefix: string) => (button: { text: string }) => button.text.startsWith(prefix)
const planMessage = (u: FakeUser) => u.messages().findLast((m) => m.text?.includes('Kế hoạch BDTX'))

/** A multi-level school (trường phổ thông nhiều cấp học): Tổ Toán teaches THPT, Tổ Văn's head and teacher TH. */
async function multiLevel(name: string, base: number): Promise<School> {
  const s = await school(w, name, base)
  must(await w.services.people.setProfile(s.headVan, { level: 'TH', subject: 'Tiểu học' }))
  must(await w.services.people.setProfile(s.teacherVan, { level: 'TH', subject: 'Tiểu học' }))
  // everyone has opened a chat with the bot, as they do when they join by their invite
  for (const member of [s.admin, s.headToan, s.teacherToan, s.headVan, s.teacherVan]) user(member.telegramId)
  return s
}

/** The teacher adds each module from the /plan picker and sends the plan. */
async function register(teacher: FakeUser, codes: string[]): Promise<string> {
  await teacher.say('/plan')
  for (const code of codes) {
    await teacher.tap('➕ Thêm mô đun')
    await teacher.tap(startsWith(`${code} —`))
  }
  const plan = planMessage(teacher)
  const shown = plan?.text ?? ''
  await teacher.tap('📤 Gửi duyệt', plan)
  return shown
}

/** The department head, then the school's admin, approve the teacher's plan. */
async function approve(s: School, head: { telegramId: number }, name: string) {
  await user(head.telegramId).say('/approve')
  await user(head.telegramId).tap(startsWith(`✅ 1. ${name}`))
  await user(s.admin.telegramId).say('/approve')
  await user(s.admin.telegramId).tap(startsWith(`✅ 1. ${name}`))
}

/** The head enters one line of grades and saves it. */
/** Enters one line of grades; the intro's text, whose example header names the plans' modules. */
async function grade(head: { telegramId: number }, line: string): Promise<string> {
  const u = user(head.telegramId)
  const intro = texts(await u.say('/grades'))
  await u.say(line)
  await u.tap('✅ Lưu')
  return intro
}

beforeAll(async () => {
  // a new year gets the regulation in force when it starts (production's default)
  ;({ h, w } = await inProcessWorld({
    profileFor: defaultProfileFor,
    flood: { limit: 100, windowMs: 10_000 },
  }))
  // 28 August 2017, 10:00 in Vietnam: the deployment's first school opens its year
  w.at('2017-08-28T03:00:00Z')
  a = await multiLevel('Trường Phổ thông liên cấp Sao Mai', 100)
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('2017-2018: a school under TT 26/2012', () => {
  it('the year is judged by TT 26/2012', async () => {
    expect(a.year.name).toBe('2017-2018')
    const reply = texts(await user(a.teacherToan.telegramId).say('/regulation'))
    expect(reply).toContain('TT 26/2012/TT-BGDĐT')
    expect(reply).toContain('ND3 (mô đun tự chọn) 60 tiết')
  })

  it('the THPT teacher registers TT 30/2011 modules; head and school approve', async () => {
    const teacher = user(a.teacherToan.telegramId)
    const plan = await register(teacher, ['THPT 17', 'THPT 19', 'THPT 31', 'THPT 34'])
    expect(plan).toContain('ND3: 60/60 tiết')
    expect(plan).toContain('✅ Kế hoạch hợp lệ')
    expect(teacher.messages().findLast((m) => m.text?.includes('Đã gửi kế hoạch'))).toBeDefined()
    await approve(a, a.headToan, 'Teacher Toán')
    expect(texts(await teacher.say('/plan'))).toContain('Trạng thái: Đã được nhà trường duyệt')
  })

  it('BLOCKED: the primary teacher finds no TT 32/2011 module and cannot send a plan', async () => {
    const teacher = user(a.teacherVan.telegramId)
    expect(texts(await teacher.say('/plan'))).toContain('ND3: 0/60 tiết')
    const [picker] = await teacher.tap('➕ Thêm mô đun')
    expect(picker?.text).toContain('Chưa có mô đun nào của danh mục Tiểu học')
    expect(picker?.text).toContain('tt26-2012')
    // neither the THPT modules of the same year nor TT 17/2019's are offered instead
    expect(teacher.buttons().map((x) => x.text)).not.toContainEqual(expect.stringMatching(/THPT|GVPT/))
    await teacher.tap('↩️ Quay lại kế hoạch')
    const sent = texts(await teacher.tap('📤 Gửi duyệt'))
    expect(sent).not.toContain('Đã gửi kế hoạch')
    expect(sent).toContain('ND3 có 0/60 tiết')
  })

  it('in April the head grades; the teacher sees Giỏi/Khá/TB and the ĐTB of TT 26/2012', async () => {
    w.at('2018-04-20T03:00:00Z')
    expect(await grade(a.headToan, 'Teacher Toán: 8 7 9 8 7 6')).toContain(
      'Họ tên, ND1, ND2, THPT 17, THPT 19, THPT 31, ...',
    )
    const scores = texts(await user(a.teacherToan.telegramId).say('/scores'))
    // (8 + 7 + mean(9, 8, 7, 6) = 7,5) / 3 = 7,5, every component ≥ 6
    expect(scores).toContain('ĐTB: 7,5 — xếp loại Khá')
    expect(scores).toContain('THPT 34 được 6, dưới 7 nên chưa đạt loại Giỏi')
    expect(scores).toContain('Căn cứ: TT 26/2012/TT-BGDĐT Điều 13')
    expect(scores).not.toContain('Hoàn thành kế hoạch')
  })
})

describe('2026-2027: a second school of the same deployment under TT 19/2019', () => {
  beforeAll(async () => {
    w.at('2026-08-28T03:00:00Z')
    b = await multiLevel('Trường Phổ thông liên cấp Bình Minh', 200)
  })

  it('the new year is judged by TT 19/2019; the first school keeps TT 26/2012', async () => {
    expect(b.year.name).toBe('2026-2027')
    const reply = texts(await user(b.teacherToan.telegramId).say('/regulation'))
    expect(reply).toContain('TT 19/2019/TT-BGDĐT')
    expect(reply).toContain('ND3 (mô đun tự chọn) 40 tiết')
    expect(texts(await user(a.teacherToan.telegramId).say('/regulation'))).toContain('TT 26/2012/TT-BGDĐT')
  })

  it('the primary teacher registers TT 17/2019 modules; head and school approve', async () => {
    const teacher = user(b.teacherVan.telegramId)
    const plan = await register(teacher, ['GVPT 01', 'GVPT 13'])
    expect(plan).toContain('ND3: 40/40 tiết')
    expect(plan).toContain('✅ Kế hoạch hợp lệ')
    await approve(b, b.headVan, 'Teacher Văn')
    expect(texts(await teacher.say('/plan'))).toContain('Trạng thái: Đã được nhà trường duyệt')
  })

  it('the THPT teacher registers GVPT 10 (40 tiết) and is approved; TT 30/2011 is not offered', async () => {
    const teacher = user(b.teacherToan.telegramId)
    await teacher.say('/plan')
    await teacher.tap('➕ Thêm mô đun')
    expect(teacher.buttons().map((x) => x.text)).not.toContainEqual(expect.stringMatching(/^THPT \d/))
    await teacher.tap('↩️ Quay lại kế hoạch')
    const plan = await register(teacher, ['GVPT 10'])
    expect(plan).toContain('ND3: 40/40 tiết')
    expect(plan).toContain('✅ Kế hoạch hợp lệ')
    await approve(b, b.headToan, 'Teacher Toán')
    expect(texts(await teacher.say('/plan'))).toContain('Trạng thái: Đã được nhà trường duyệt')
  })

  it('in April the heads grade; the teachers see "hoàn thành kế hoạch", no Giỏi/Khá/TB', async () => {
    w.at('2027-04-20T03:00:00Z')
    expect(await grade(b.headVan, 'Teacher Văn: 9 8 9 7')).toContain('Họ tên, ND1, ND2, GVPT 01, GVPT 13')
    expect(await grade(b.headToan, 'Teacher Toán: 8 7 4')).toContain('Họ tên, ND1, ND2, GVPT 10')
    const primary = texts(await user(b.teacherVan.telegramId).say('/scores'))
    expect(primary).toContain('ĐTB: 8,3 — Hoàn thành kế hoạch')
    expect(primary).toContain('Căn cứ: TT 19/2019/TT-BGDĐT')
    expect(primary).toContain('theo hướng dẫn của trường')
    expect(primary).not.toMatch(/Giỏi|Khá|Trung bình/)
    const upper = texts(await user(b.teacherToan.telegramId).say('/scores'))
    // GVPT 10 scored 4: a component under 5, so the plan is not completed, whatever the average
    expect(upper).toContain('ĐTB: 6,3 — Không hoàn thành kế hoạch')
    expect(upper).toContain('GVPT 10 được 4, dưới 5')
    expect(upper).not.toMatch(/Giỏi|Khá|Trung bình/)
  })
})

describe('each teacher is answered by their own year, in the same deployment on the same day', () => {
  it('/scores of the 2017-2018 teacher still grades by TT 26/2012', async () => {
    const scores = texts(await user(a.teacherToan.telegramId).say('/scores'))
    expect(scores).toContain('ĐTB: 7,5 — xếp loại Khá')
    expect(scores).not.toContain('Hoàn thành kế hoạch')
  })

  it('/need: the TT 26 teacher is given the score for each class, the TT 19 teacher for completion', async () => {
    const tt26 = texts(await user(a.teacherToan.telegramId).say('/need 8 7 9 8 7 ?'))
    expect(tt26).toContain('• Giỏi: không thể đạt')
    expect(tt26).toContain('• Khá: 6,0')
    expect(tt26).toContain('• Trung bình: 5,0')
    expect(tt26).toContain('Căn cứ: TT 26/2012/TT-BGDĐT Điều 13')
    expect(tt26).not.toContain('Hoàn thành kế hoạch')
    const tt19 = texts(await user(b.teacherVan.telegramId).say('/need 9 8 9 ?'))
    expect(tt19).toContain('• Hoàn thành kế hoạch: 5,0')
    expect(tt19).toContain('Căn cứ: TT 19/2019/TT-BGDĐT')
    expect(tt19).not.toMatch(/Giỏi|Khá|Trung bình/)
  })
})
