/**
 * Files people send are bounded (issue 10, item 4), through the fake Telegram, which counts the
 * files the bot downloads: a stranger's or a demoted head's file is refused without a download, as
 * is a file Telegram says is over 10 MB; a 10 MB CSV of 5 million cells in one row and an .xlsx zip
 * bomb are downloaded, read in a worker and refused with the cap in the reply; a normal grade file
 * and staff list still work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { goButton } from '../../src/bot/features/start.ts'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { UPLOAD_LIMITS } from '../../src/services/upload-limits.ts'
import { type Harness, inProcess, texts } from '../helpers/bot-harness.ts'
import { type GradesWorld, gradesWorld } from '../services/grades-fixtures.ts'
import { csv, xlsxBomb } from '../services/sheets.ts'
import { must } from '../services/support.ts'

let h: Harness
let g: GradesWorld
let head: FakeUser
let admin: FakeUser

/** what the bot fetched from Telegram's file storage: getFile calls and file downloads */
const fetched = () => ({
  getFile: h.fake.calls.filter((c) => c.method === 'getFile').length,
  downloads: h.fake.downloads.length,
})

beforeAll(async () => {
  g = await gradesWorld(2)
  h = await inProcess({ app: g.w.app })
  head = h.fake.user({ id: g.s.headToan.telegramId, first_name: 'Head' })
  admin = h.fake.user({ id: g.s.admin.telegramId, first_name: 'BCĐ' })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

const send = (user: FakeUser, bytes: Uint8Array, fileName: string) =>
  user
    .sendDocument({ bytes, fileName })
    .then((update) => user.settle(update))
    .then(texts)

describe('who may send a file is checked before it is downloaded', () => {
  it('a stranger who forges the /start grades button is refused up front; their file is never fetched', async () => {
    const stranger = h.fake.user({ id: 990_001, first_name: 'Người lạ' })
    await stranger.say('/start')
    const forged = await h.fake.deliver({
      callback_query: {
        id: h.fake.openCallbackQuery(stranger.id),
        from: stranger.info,
        message: stranger.lastMessage()!,
        chat_instance: '1',
        data: goButton.pack({ tool: 'grades' }),
      },
    })
    expect(texts(await stranger.settle(forged))).toContain('Nhập điểm là việc của tổ trưởng')
    const reply = await send(stranger, csv(['Ai đó;8;8']), 'diem.csv')
    expect(reply).not.toContain('Xem trước')
    expect(fetched()).toEqual({ getFile: 0, downloads: 0 })
  })

  it('a head demoted while /grades waits for the file is refused without a download', async () => {
    await head.say('/grades')
    const me = must(await g.w.services.people.whoAmI(g.s.headToan))
    const personId = me.person!.id
    must(await g.w.services.people.update(g.s.admin, { personId, role: 'teacher' }))
    try {
      const reply = await send(head, csv([`${g.team[0]!.fullName};8;9`]), 'diem.csv')
      expect(reply).toContain('Bạn không có quyền làm việc này')
      expect(fetched()).toEqual({ getFile: 0, downloads: 0 })
    } finally {
      must(await g.w.services.people.update(g.s.admin, { personId, role: 'head' }))
    }
  })
})

describe('a file over a cap is refused, saying the cap', () => {
  it('a file Telegram says is over 10 MB is refused before it is downloaded', async () => {
    await head.say('/grades')
    const reply = await send(head, new Uint8Array(UPLOAD_LIMITS.fileBytes + 1), 'diem.csv')
    expect(reply).toContain('Tệp quá lớn: bot nhận tệp tối đa 10 MB')
    expect(fetched()).toEqual({ getFile: 0, downloads: 0 })
  })

  it('a 10 MB CSV of 5 million cells in one row is read in a worker and refused', async () => {
    const hostile = new TextEncoder().encode('a,'.repeat(5_000_000))
    expect(hostile.byteLength).toBeGreaterThan(9_500_000)
    const reply = await send(head, hostile, 'diem.csv')
    expect(reply).toContain('Dòng 1 có hơn 256 ô')
    expect(fetched().downloads).toBe(1)
  })

  it('an .xlsx zip bomb is refused before it is unpacked', async () => {
    const reply = await send(head, xlsxBomb(100, 4_096), 'diem.xlsx')
    expect(reply).toContain('Tệp .xlsx khi giải nén lớn hơn 40 MB')
  })

  it('a normal grade file still gives its preview after the refusals, in the same flow', async () => {
    const [a, b] = [g.team[0]!, g.team[1]!]
    const file = csv(['Họ và tên; ND1; ND2', `${a.fullName}; 8,5; 9`, `${b.fullName}; 7; 8`])
    const reply = await send(head, file, 'diem.csv')
    expect(reply).toContain('2 dòng đọc được')
    await head.say('/cancel')
  })
})

describe('/import keeps the same bounds', () => {
  it('refuses an oversize list unread and a zip bomb with the cap, then imports a normal list', async () => {
    await admin.say('/import')
    const before = fetched().downloads
    expect(await send(admin, new Uint8Array(UPLOAD_LIMITS.fileBytes + 1), 'ds.xlsx')).toContain(
      'tối đa 10 MB',
    )
    expect(fetched().downloads).toBe(before)
    expect(await send(admin, xlsxBomb(100), 'ds.xlsx')).toContain('khi giải nén lớn hơn 40 MB')
    const list = csv(['Họ và tên;Vai trò;Tổ;Cấp học;Môn', 'Đỗ Thị Hằng;giáo viên;Tổ Toán;THPT;Toán'])
    expect(await send(admin, list, 'ds.csv')).toContain('1 dòng')
  })
})

describe('/records (the staff records import) keeps the same bounds', () => {
  it('refuses an oversize file unread and a 5-million-cell CSV with the cap', async () => {
    await admin.say('/records')
    await admin.tap('📥 Nhập từ tệp')
    const before = fetched().downloads
    expect(await send(admin, new Uint8Array(UPLOAD_LIMITS.fileBytes + 1), 'ho-so.xlsx')).toContain(
      'tối đa 10 MB',
    )
    expect(fetched().downloads).toBe(before)
    const hostile = new TextEncoder().encode('a,'.repeat(5_000_000))
    expect(await send(admin, hostile, 'ho-so.csv')).toContain('Dòng 1 có hơn 256 ô')
    await admin.say('/cancel')
  })
})
