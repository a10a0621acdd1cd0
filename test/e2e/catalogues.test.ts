/**
 * A primary teacher of a school whose year runs under TT 19/2019 (the production default for
 * 2025-2026) opens /plan, adds modules from their own level's shipped TT 17/2019 catalogue and has
 * a valid plan; a preschool teacher is told no module of their catalogue is shipped yet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultProfileFor } from '../../src/rules/index.ts'
import { type Harness, inProcess } from '../helpers/bot-harness.ts'
import { must, OWNER, START, school, type World } from '../services/support.ts'

let h: Harness
let w: World
let s: Awaited<ReturnType<typeof school>>
const user = (id: number) => h.fake.user({ id, first_name: `U${id}` })
const text = (messages: Array<{ text?: string }>) => messages.map((m) => m.text ?? '').join('\n---\n')

beforeAll(async () => {
  // late August 2025: registration of 2025-2026 is open; the year starts under TT 19/2019
  h = await inProcess({ now: () => new Date(START), profileFor: defaultProfileFor })
  w = { app: h.app, services: h.app.deps, clock: { now: new Date(START) }, at: () => {} }
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  s = await school(w, 'Trường Tiểu học Kim Đồng', 100)
  must(await w.services.people.setProfile(s.teacherToan, { level: 'TH' }))
  must(await w.services.people.setProfile(s.teacherVan, { level: 'MN' }))
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('/plan offers the teacher’s level under the year’s regulation', () => {
  it('a primary teacher sees TT 17/2019’s modules and registers a valid plan', async () => {
    const teacher = user(s.teacherToan.telegramId)
    expect(text(await teacher.say('/plan'))).toContain('ND3: 0/40 tiết')
    const [picker] = await teacher.tap('➕ Thêm mô đun')
    expect(picker?.text).toContain('Chọn mô đun (Tiểu học')
    const labels = teacher.buttons().map((b) => b.text)
    expect(labels.filter((l) => /^(GVPT|THPT|TH )/.test(l))).toEqual([
      'GVPT 01 — Tiêu chuẩn 1. Phẩm chất nhà giáo — Tiêu… (20)',
      'GVPT 10 — Tiêu chuẩn 3. Xây dựng môi trường giáo… (40)',
      'GVPT 11 — Tiêu chuẩn 4. Phát triển mối quan hệ gi… (20)',
      'GVPT 13 — Tiêu chuẩn 4. Phát triển mối quan hệ gi… (20)',
    ])
    await teacher.tap((b) => b.text.startsWith('GVPT 01 —'))
    await teacher.tap('➕ Thêm mô đun')
    await teacher.tap((b) => b.text.startsWith('GVPT 13 —'))
    const plan = teacher.messages().findLast((m) => m.text?.includes('Kế hoạch BDTX'))?.text ?? ''
    expect(plan).toContain('GVPT 01')
    expect(plan).toContain('GVPT 13')
    expect(plan).toContain('ND3: 40/40 tiết')
    expect(plan).toContain('✅ Kế hoạch hợp lệ')
  })

  it('/modules "mô đun 1" opens the module numbered 1 of the teacher’s own catalogue', async () => {
    const teacher = user(s.teacherToan.telegramId)
    const [card] = await teacher.say('/modules mô đun 1')
    expect(card?.text).toContain('GVPT 01 — Tiêu chuẩn 1. Phẩm chất nhà giáo — Tiêu chí 1. Đạo đức nhà giáo')
    expect(card?.text).toContain('TT 17/2019/TT-BGDĐT')
    expect(card?.text).toContain('Thời lượng: 20 tiết (lý thuyết 8, thực hành 12)')
    const [own] = await teacher.tap('◀ Về danh sách')
    expect(own?.text).toContain('Danh mục mô đun: Tiểu học (TH) — 4 mô đun')
  })

  it('a preschool teacher is told their catalogue is not shipped, not offered GVPT', async () => {
    const teacher = user(s.teacherVan.telegramId)
    await teacher.say('/plan')
    const [picker] = await teacher.tap('➕ Thêm mô đun')
    expect(picker?.text).toContain('Chưa có mô đun nào của danh mục Mầm non')
    expect(picker?.text).toContain('tt19-2019')
    expect(teacher.buttons().map((b) => b.text)).not.toContain(expect.stringContaining('GVPT'))
  })
})
