/**
 * /modules through the fake Telegram: a level's catalogue, paged, a module's card, and the search
 * by code or words (with or without diacritics), all in one message edited in place.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { type Harness, inProcess } from '../helpers/bot-harness.ts'
import { csv } from '../services/sheets.ts'
import { must, OWNER, school, type World } from '../services/support.ts'

let h: Harness
let user: FakeUser
const texts = (messages: Array<{ text?: string }>) => messages.map((m) => m.text ?? '').join('\n---\n')
const labels = () => user.buttons().map((b) => b.text)

/** The fixtures of test/services over this harness's own services. */
function worldOf(harness: Harness): World {
  const clock = { now: new Date() }
  return { app: harness.app, services: harness.app.deps, clock, at: (iso) => (clock.now = new Date(iso)) }
}

/** Ten more THPT modules (16 in all: two pages), one with very long contents and goals. */
async function moreThptModules() {
  await h.app.deps.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  const long = (word: string) => Array.from({ length: 400 }, (_, i) => `${word} ${i + 1}.`).join(' ')
  const lines = ['Mã mô đun;Tên mô đun;Nội dung chính;Mục tiêu bồi dưỡng;Tổng số tiết;Thông tư']
  for (let n = 1; n <= 10; n++) {
    const contents = n === 5 ? long('Nội dung') : `Nội dung thử nghiệm ${n}`
    const goals = n === 5 ? long('Mục tiêu').slice(0, 3990) : `Mục tiêu thử nghiệm ${n}`
    lines.push(`THPT ${n};Mô đun thử nghiệm số ${n};"${contents.slice(0, 3990)}";"${goals}";15;TT 26/2012`)
  }
  const preview = must(
    await h.app.deps.imports.previewCatalogue(OWNER, { fileName: 'danh-muc.csv', data: csv(lines) }),
  )
  expect(preview.errors).toEqual([])
  must(await h.app.deps.imports.commitCatalogue(OWNER, { preview }))
}

beforeEach(async () => {
  h = await inProcess()
  user = h.fake.user({ id: 701, first_name: 'Hoa', language_code: 'vi' })
})
afterEach(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('/modules: browsing', () => {
  it('offers every level, opens THPT, then a module card with contents, goals and hours', async () => {
    const [levels] = await user.say('/modules')
    expect(levels?.text).toContain('Danh mục mô đun bồi dưỡng thường xuyên')
    expect(labels()).toEqual([
      'Mầm non (MN)',
      'Tiểu học (TH) · 4',
      'THCS · 4',
      'THPT · 10',
      'GDTX',
      'Cao đẳng (CĐ)',
      'TCCN',
      'Cán bộ quản lý (QL) · 4',
    ])

    const [list] = await user.tap('THPT · 10')
    expect(list?.message_id).toBe(levels?.message_id)
    // every THPT module: TT 30/2011's (seed 004) and TT 17/2019's (migration 0080)
    expect(list?.text).toContain('Danh mục mô đun: THPT — 10 mô đun')
    expect(list?.text).toContain('• GVPT 01 — Tiêu chuẩn 1. Phẩm chất nhà giáo')
    expect(list?.text).toContain(
      '• THPT 17 — Tìm kiếm, khai thác, xử lí thông tin phục vụ bài giảng (15 tiết)',
    )
    expect(list?.text).toContain('Trang 1/2')
    expect(labels()).toContain('THPT 22 — Sử dụng một số phần mềm dạy học')

    const [card] = await user.tap((b) => b.text.startsWith('THPT 17 —'))
    expect(card?.message_id).toBe(levels?.message_id)
    expect(card?.text).toContain('THPT 17 — Tìm kiếm, khai thác, xử lí thông tin phục vụ bài giảng')
    expect(card?.text).toContain('Danh mục THPT · chương trình theo TT 30/2011/TT-BGDĐT')
    expect(card?.text).toContain('Nội dung chính\n1. Những thông tin cơ bản phục vụ bài giảng')
    expect(card?.text).toContain('3. Khai thác, xử lí thông tin phục vụ bài giảng')
    expect(card?.text).toContain('Mục tiêu bồi dưỡng\nSử dụng được các phương pháp, kĩ thuật tìm kiếm')
    expect(card?.text).toContain('Thời lượng: 15 tiết (lý thuyết 2, thực hành 3, tự học 10)')

    const [back] = await user.tap('◀ Về danh sách')
    expect(back?.text).toContain('Danh mục mô đun: THPT — 10 mô đun')
    const [again] = await user.tap('📚 Chọn cấp học khác')
    expect(again?.text).toContain('Chọn cấp học')
    const [empty] = await user.tap('Mầm non (MN)')
    expect(empty?.text).toContain('Danh mục Mầm non (MN) chưa có mô đun nào')
    // one message all along
    expect(user.messages()).toHaveLength(1)
  })

  it('opens a linked teacher’s own level at once, paged with ◀ x/y ▶', async () => {
    await moreThptModules()
    const a = await school(worldOf(h), 'THPT A', 100)
    user = h.fake.user({ id: a.teacherToan.telegramId, first_name: 'Toán', language_code: 'vi' })

    const [list] = await user.say('/modules')
    expect(list?.text).toContain('Danh mục mô đun: THPT — 16 mô đun')
    expect(list?.text).toContain('Trang 1/2')
    expect(list?.text).toContain('THPT 1 — Mô đun thử nghiệm số 1')
    expect(list?.text).not.toContain('THPT 17')
    expect(labels()).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `THPT ${i + 1} — Mô đun thử nghiệm số ${i + 1}`),
      '1/2',
      '▶',
      '📚 Chọn cấp học khác',
    ])

    const [page2] = await user.tap('▶')
    expect(page2?.message_id).toBe(list?.message_id)
    expect(page2?.text).toContain('Trang 2/2')
    expect(page2?.text).toContain('THPT 17 — Tìm kiếm')
    expect(labels()).toContain('◀')
    expect(labels()).not.toContain('▶')

    await user.tap('2/2')
    expect(user.answers().at(-1)?.text).toBe('Trang 2/2')

    const [card] = await user.tap((b) => b.text.startsWith('THPT 17 —'))
    expect(card?.text).toContain('Thời lượng: 15 tiết (lý thuyết 2, thực hành 3, tự học 10)')
    const [back] = await user.tap('◀ Về danh sách')
    expect(back?.text).toContain('Trang 2/2')

    await user.tap('◀')
    const [long] = await user.tap((b) => b.text.startsWith('THPT 5 —'))
    // 4,000 characters of contents and goals: cut with an ellipsis to stay one message
    expect(long?.text?.length).toBeLessThanOrEqual(4096)
    expect(long?.text).toContain('Nội dung 1.')
    expect(long?.text).toContain('…')
    expect(long?.text).toContain('Thời lượng: 15 tiết')
    expect(user.messages()).toHaveLength(1)
  })

  it('opens the managers’ catalogue for a manager', async () => {
    await h.app.deps.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
    const w = worldOf(h)
    const a = await school(w, 'THPT B', 200)
    const invite = must(await w.services.invites.create(a.admin, { schoolId: a.school.id, role: 'manager' }))
    await h.app.deps.telegramUsers.seen({ id: 299, first_name: 'HT' })
    must(await w.services.invites.redeem({ telegramId: 299 }, { code: invite.code, fullName: 'Hiệu trưởng' }))
    user = h.fake.user({ id: 299, first_name: 'HT', language_code: 'vi' })
    const [list] = await user.say('/modules')
    expect(list?.text).toContain('Danh mục mô đun: Cán bộ quản lý (QL) — 4 mô đun')
    expect(list?.text).toContain('QLTrH 2 — Xu hướng chuyển đổi mô hình giáo dục của thế kỷ 21')
  })
})

describe('/modules: search', () => {
  it('finds a module by its code, written any way, and shows its card', async () => {
    for (const query of ['thpt17', 'THPT 17', 'thpt-17']) {
      const [card] = await user.say(`/modules ${query}`)
      expect(card?.text).toContain('THPT 17 — Tìm kiếm, khai thác, xử lí thông tin phục vụ bài giảng')
      expect(card?.text).toContain('2. Các bước cơ bản trong thực hiện phương pháp tìm kiếm thông tin')
      expect(card?.text).toContain('Thời lượng: 15 tiết (lý thuyết 2, thực hành 3, tự học 10)')
    }
    const [back] = await user.tap('◀ Về danh sách')
    expect(back?.text).toContain('Danh mục mô đun: THPT — 10 mô đun')
  })

  it('finds words without diacritics in every catalogue, and goes back to the results', async () => {
    const [results] = await user.say('/modules thiet bi day hoc')
    expect(results?.text).toContain('Kết quả tìm «thiet bi day hoc»: 2 mô đun')
    expect(results?.text).toContain('QLTrH 12 — Quản lý cơ sở vật chất và thiết bị dạy học')
    expect(results?.text).toContain('THPT 20 — Sử dụng các thiết bị dạy học')
    const [card] = await user.tap('THPT 20 — Sử dụng các thiết bị dạy học')
    expect(card?.text).toContain('Mục tiêu bồi dưỡng')
    const [back] = await user.tap('◀ Về danh sách')
    expect(back?.text).toContain('Kết quả tìm «thiet bi day hoc»: 2 mô đun')

    const [same] = await user.say('/modules thiết bị dạy học')
    expect(same?.text).toContain('2 mô đun')
  })

  it('says when nothing is found, with a hint', async () => {
    const [reply] = await user.say('/modules tàu vũ trụ <b>')
    expect(reply?.text).toContain('Không tìm thấy mô đun nào khớp với «tàu vũ trụ <b>»')
    expect(reply?.text).toContain('/modules thpt17')
    expect(labels()).toEqual(['📚 Chọn cấp học khác'])
  })

  it('pages through a search; an older search’s buttons say they are out of date', async () => {
    await moreThptModules()
    const [first] = await user.say('/modules thu nghiem')
    expect(first?.text).toContain('Kết quả tìm «thu nghiem»: 10 mô đun')
    expect(first?.text).toContain('Trang 1/2')
    const [page2] = await user.tap('▶', first)
    expect(page2?.text).toContain('Trang 2/2')
    expect(page2?.text).toContain('THPT 10 — Mô đun thử nghiệm số 10')

    await user.say('/modules day hoc')
    await user.tap('◀', user.messages()[0])
    expect(user.answers().at(-1)?.text).toBe(
      'Kết quả tìm kiếm này đã cũ. Bạn gõ lại /modules kèm từ khóa nhé.',
    )
    expect(user.messages()[0]?.text).toContain('Trang 2/2')
  })

  it('opens a level named in words', async () => {
    const [list] = await user.say('/modules trung học phổ thông')
    expect(list?.text).toContain('Danh mục mô đun: THPT — 10 mô đun')
  })

  it('speaks English to who chose it', async () => {
    await h.app.deps.telegramUsers.seen({ id: user.id, first_name: 'Hoa' })
    await h.app.deps.telegramUsers.setLanguage(user.id, 'en')
    const [card] = await user.say('/modules thpt17')
    expect(card?.text).toContain('Hours: 15 periods (theory 2, practice 3, self-study 10)')
    expect(card?.text).toContain('THPT catalogue · programme of TT 30/2011/TT-BGDĐT')
    expect(texts(await user.say('/modules thiet bi'))).toContain('Search for “thiet bi”: 2 modules')
  })
})
