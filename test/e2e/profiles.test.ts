/**
 * One deployment, two schools on the production default (a 2025-2026 year starts under TT 19/2019):
 * one admin switches the year to TT 26/2012 in the chat, the other keeps TT 19. Each school's
 * teacher gets the same scores and sees them judged by their own year's regulation; /need answers
 * by the asker's year; a year with scores can no longer switch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultProfileFor } from '../../src/rules/index.ts'
import { type Harness, inProcess } from '../helpers/bot-harness.ts'
import { approvedPlan } from '../services/grades-fixtures.ts'
import { must, OWNER, refused, school, type World, world } from '../services/support.ts'

let h: Harness
let w: World
let a: Awaited<ReturnType<typeof school>>
let b: Awaited<ReturnType<typeof school>>
let c: Awaited<ReturnType<typeof school>>
const user = (id: number) => h.fake.user({ id, first_name: `U${id}` })
const text = (messages: Array<{ text?: string }>) => messages.map((m) => m.text ?? '').join('\n---\n')
/** TT 30/2011's modules for the TT 26 year; TT 17/2019's (migration 0080, 20 tiết each) for the TT 19 year */
const MODULES = ['THPT 17', 'THPT 19', 'THPT 31', 'THPT 34']
const TT19_MODULES = ['GVPT 01', 'gvpt 11']

beforeAll(async () => {
  w = await world(undefined, defaultProfileFor)
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  a = await school(w, 'THPT Theo TT26', 100)
  b = await school(w, 'THPT Theo TT19', 200)
  c = await school(w, 'THPT Theo hướng dẫn Sở', 300)
  h = await inProcess({ app: w.app })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('a school year names its regulation', () => {
  it('starts under TT 19/2019 in 2025-2026, and a teacher sees it', async () => {
    const reply = text(await user(b.teacherToan.telegramId).say('/regulation'))
    expect(reply).toContain('TT 19/2019/TT-BGDĐT')
    expect(reply).toContain('ND3 (mô đun tự chọn) 40 tiết')
    expect(reply).toContain('theo hướng dẫn của trường')
    expect(reply).not.toContain('/regulation tt26')
  })

  it('only the admin switches it', async () => {
    const refused = text(await user(a.teacherToan.telegramId).say('/regulation tt26'))
    expect(refused).not.toContain('Đã đổi')
    expect(w.services.regulation).toBeDefined()
    const unknown = text(await user(a.admin.telegramId).say('/regulation tt99'))
    expect(unknown).toContain('Không rõ quy chế «tt99»')
    const changed = text(await user(a.admin.telegramId).say('/regulation tt26'))
    expect(changed).toContain('Đã đổi quy chế')
    expect(changed).toContain('TT 26/2012/TT-BGDĐT')
    expect(changed).toContain('ND3 (mô đun tự chọn) 60 tiết')
  })

  it('grades the same scores by each year own rules', async () => {
    await approvedPlan(w, a, a.teacherToan.personId, MODULES, a.headToan)
    // a TT 30/2011 module is not in the TT 19 year's catalogue
    const b19 = must(await w.services.plans.getOrCreate(b.admin, { personId: b.teacherToan.personId }))
    expect(
      refused(await w.services.plans.addModule(b.admin, { planId: b19.plan.id, code: 'THPT 17' })),
    ).toMatchObject({ code: 'unknown-module', catalogue: 'THPT' })
    await approvedPlan(w, b, b.teacherToan.personId, TT19_MODULES, b.headToan)
    for (const [s, line] of [
      [a, 'Teacher Toán: 9 9 9 9 9 9'],
      [b, 'Teacher Toán: 9 9 9 9'],
    ] as const) {
      const head = user(s.headToan.telegramId)
      await head.say('/grades')
      await head.say(line)
      await head.tap('✅ Lưu')
    }
    const underTt26 = text(await user(a.teacherToan.telegramId).say('/scores'))
    expect(underTt26).toContain('ĐTB: 9,0 — xếp loại Giỏi')
    expect(underTt26).toContain('TT 26/2012/TT-BGDĐT Điều 13')
    const underTt19 = text(await user(b.teacherToan.telegramId).say('/scores'))
    expect(underTt19).toContain('ĐTB: 9,0 — Hoàn thành kế hoạch')
    expect(underTt19).toContain('theo hướng dẫn của trường')
    expect(underTt19).not.toContain('Giỏi')
  })

  it('refuses a switch once the year has scores', async () => {
    const refused = text(await user(a.admin.telegramId).say('/regulation tt19'))
    expect(refused).toContain('đã có điểm; không đổi quy chế được nữa')
    const year = await w.services.regulation.ofActor(a.admin)
    expect(year?.profile.id).toBe('tt26-2012')
  })

  it("/need answers by the asker's year, in tenths with the rounding said", async () => {
    const tt19 = text(await user(b.teacherToan.telegramId).say('/need 9 4 ?'))
    expect(tt19).toContain('Hoàn thành kế hoạch: không thể đạt')
    expect(tt19).not.toContain('Giỏi')
    const tt26 = text(await user(a.teacherToan.telegramId).say('/need 6 6 ?'))
    expect(tt26).toContain('• Khá: 8,9')
    expect(tt26).toContain('làm tròn lên đến 0,1')
  })

  it('refuses TOEIC Bridge by name', async () => {
    const reply = text(await user(b.teacherToan.telegramId).say('/cefr toeic bridge 90 90'))
    expect(reply).toContain('là TOEIC Bridge, một bài thi khác')
  })
})

describe("a TT 19 year settles the circular's open points by the school's guidance", () => {
  it('the admin grades completed plans Giỏi / Khá / TB and splits 01 and 02 as the Sở says', async () => {
    const admin = user(c.admin.telegramId)
    const shown = await admin.say('/regulation')
    expect(text(shown)).toContain('/regulation tiết 30 50')
    const [set] = await admin.tap('Xếp loại Giỏi / Khá / TB (như TT 26)')
    expect(admin.answers().at(-1)?.text).toBe('✅ Đã lưu cách áp dụng quy chế của năm học.')
    expect(set?.text).toContain('xếp loại Giỏi / Khá / Trung bình theo ngưỡng của TT 26/2012')
    expect(admin.buttons(set).map((b) => b.text)).toEqual(['Chỉ Hoàn thành / Không hoàn thành'])

    expect(text(await admin.say('/regulation tiết 30 60'))).toContain('cộng lại đúng 80 tiết')
    const split = text(await admin.say('/regulation tiết 30 50'))
    expect(split).toContain('Đã lưu cách áp dụng quy chế')
    expect(split).toContain('ND1 30 tiết · ND2 50 tiết · ND3 (mô đun tự chọn) 40 tiết')
    expect(text(await user(c.teacherToan.telegramId).say('/regulation tiết 40 40'))).not.toContain('Đã lưu')
    expect(text(await user(c.teacherToan.telegramId).say('/regulation'))).toContain(
      'ND1 30 tiết · ND2 50 tiết',
    )
  })

  it("judges the year's results by those settings, and keeps the classes once scores exist", async () => {
    // the year's settings leave its programme TT 17/2019's: GVPT modules (migration 0080)
    await approvedPlan(w, c, c.teacherToan.personId, TT19_MODULES, c.headToan)
    const head = user(c.headToan.telegramId)
    await head.say('/grades')
    await head.say('Teacher Toán: 9 9 9 9')
    await head.tap('✅ Lưu')
    const scores = text(await user(c.teacherToan.telegramId).say('/scores'))
    expect(scores).toContain('ĐTB: 9,0 — xếp loại Giỏi')
    expect(scores).toContain('áp dụng theo hướng dẫn của trường')

    const admin = user(c.admin.telegramId)
    await admin.say('/regulation')
    await admin.tap('Chỉ Hoàn thành / Không hoàn thành')
    expect(admin.answers().at(-1)?.text).toContain('đã có điểm; không đổi quy chế được nữa')
    expect(text(await user(c.teacherToan.telegramId).say('/scores'))).toContain('xếp loại Giỏi')
    expect(text(await admin.say('/regulation tiết 40 40'))).toContain('ND1 40 tiết · ND2 40 tiết')
  })
})
