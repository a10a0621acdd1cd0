import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { type Harness, inProcess } from '../helpers/bot-harness.ts'

let h: Harness
let user: FakeUser
const texts = (messages: Array<{ text?: string }>) => messages.map((m) => m.text ?? '').join('\n---\n')

beforeEach(async () => {
  h = await inProcess()
  user = h.fake.user({ id: 501, first_name: 'Lan', language_code: 'vi' })
})
afterEach(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('/cefr with arguments', () => {
  it('gives the level, the framework level and the source, then offers posts', async () => {
    const [reply] = await user.say('/cefr ielts 6.0')
    expect(reply?.text).toContain('IELTS 6,0 đạt B2 — bậc 4/6')
    expect(reply?.text).toContain('Căn cứ: TT 05/2012/TT-BGDĐT Điều 3 khoản 1 điểm a')
    expect(user.buttons(reply).map((b) => b.text)).toContain('GV tiếng Anh THPT')
    const [edited] = await user.tap('GV tiếng Anh THPT')
    expect(edited?.text).toContain('GV tiếng Anh THPT cần C1 (bậc 5/6): chưa đạt chuẩn')
    expect(edited?.text).toContain('IELTS 6,5')
    expect(edited?.text).toContain('TOEFL iBT 90')
    expect(edited?.text).toContain('FCE 80')
    expect(edited?.text).toContain(
      'TOEIC 850 + 170 + 170 (bảng quy đổi ghi TOEIC 850 + 170 + 165, nhưng điểm Viết chỉ tăng theo từng 10 điểm)',
    )
  })

  it('compares with a post given as a level word', async () => {
    const [reply] = await user.say('/cefr toefl 61 thcs')
    expect(reply?.text).toContain('B2')
    expect(reply?.text).toContain('GV tiếng Anh THCS cần B2 (bậc 4/6): đạt chuẩn')
  })

  it('reads four-skill TOEIC and says which part holds the level down', async () => {
    const [reply] = await user.say('/cefr toeic 650 150 120')
    expect(reply?.text).toContain('TOEIC 650 + 150 + 120 đạt B1')
    expect(reply?.text).toContain('Phần giữ mức này: Viết')
  })

  it('reads VSTEP.3-5 scores and certificates on the 6-level framework, with their sources', async () => {
    const [vstep] = await user.say('/cefr vstep 6,5 thpt')
    expect(vstep?.text).toContain('VSTEP 6,5 đạt B2 — bậc 4/6')
    expect(vstep?.text).toContain('GV tiếng Anh THPT cần C1 (bậc 5/6): chưa đạt chuẩn')
    expect(vstep?.text).toContain('• VSTEP 8,5')
    expect(vstep?.text).toContain('• Chứng chỉ bậc 5')
    expect(vstep?.text).toContain('QĐ 729/QĐ-BGDĐT')
    const [level] = await user.say('/cefr vstep bậc 5 thpt')
    expect(level?.text).toContain('Chứng chỉ bậc 5 đạt C1 — bậc 5/6')
    expect(level?.text).toContain('đạt chuẩn')
    expect(level?.text).toContain('TT 01/2014/TT-BGDĐT')
    const [below] = await user.say('/cefr vstep 3,5')
    expect(below?.text).toContain('B1 (bậc 3/6) cần VSTEP 4,0')
  })

  it.each([
    ['/cefr bậc 7', '7 nằm ngoài thang điểm Chứng chỉ bậc: từ 1 đến 6'],
    ['/cefr ielts 6.3', 'IELTS không có điểm 6.3: điểm từ 0 đến 9, mỗi bậc 0,5'],
    ['/cefr ielts 10', '10 nằm ngoài thang điểm IELTS: từ 0 đến 9'],
    ['/cefr toefl 121', '121 nằm ngoài thang điểm TOEFL iBT: từ 0 đến 120'],
    ['/cefr toeic 1000 150 150', '1000 nằm ngoài thang điểm Nghe & Đọc: từ 10 đến 990'],
    ['/cefr toeic 650', 'TOEIC cần 3 điểm (Nghe & Đọc, Nói, Viết), bạn gửi 1'],
    ['/cefr delf 60', 'Mình không biết kỳ thi «delf»'],
  ])('answers %s with the valid range', async (command, expected) => {
    const [reply] = await user.say(command)
    expect(reply?.text).toContain(expected)
  })
})

describe('/need', () => {
  it('answers the score each unknown must reach', async () => {
    const [reply] = await user.say('/need 8 9 8 9 ? ?')
    expect(reply?.text).toContain(
      'Giỏi: không thể đạt — dù các điểm còn thiếu đều được 10, ĐTB cao nhất chỉ là 8,8, dưới 9,0',
    )
    expect(reply?.text).toContain('Khá: 6,0')
    expect(reply?.text).toContain('Trung bình: 5,0')
  })

  it('with one module unknown', async () => {
    const text = texts(await user.say('/need 9 9 ?'))
    expect(text).toContain('Giỏi: 8,9')
    expect(text).toContain('Khá: 6,0')
  })

  it('with nothing unknown gives the average, the class and why not higher', async () => {
    const text = texts(await user.say('/need 9,5 9.5 9.5 6.5'))
    expect(text).toContain('ĐTB: 9,0 — xếp loại Khá')
    expect(text).toContain('Mô đun 2 được 6,5, dưới 7 nên chưa đạt loại Giỏi')
  })

  it('reads scores separated by commas or semicolons, keeping the decimal comma', async () => {
    const spaced = texts(await user.say('/need 8 9 ? ?'))
    expect(spaced).toContain('Giỏi')
    expect(texts(await user.say('/need 8, 9, ?, ?'))).toBe(spaced)
    expect(texts(await user.say('/need 8;9;?;?'))).toBe(spaced)
    expect(texts(await user.say('/need 9,5; 9,5, ?'))).toBe(texts(await user.say('/need 9.5 9.5 ?')))
  })

  it('rounds exactly: 8.95 8.95 8.95 is 9.0 and Giỏi', async () => {
    expect(texts(await user.say('/need 8.95 8.95 8.95'))).toContain('ĐTB: 9,0 — xếp loại Giỏi')
  })

  it('names every bad value and stores nothing', async () => {
    const text = texts(await user.say('/need 11 abc 8'))
    expect(text).toContain('ND1: 11 nằm ngoài thang điểm')
    expect(text).toContain('ND2: «abc» không phải là điểm')
    expect(text).toContain('Cách dùng')
  })

  it('asks step by step without arguments', async () => {
    expect(texts(await user.say('/need'))).toContain('Điểm ND1')
    await user.say('9')
    await user.tap('Chưa có điểm')
    await user.tap('2')
    await user.say('9')
    const answer = texts(await user.say('8'))
    expect(answer).toContain('ND1 9 · ND2 ? · Mô đun: 9 · 8')
    expect(answer).toContain('Giỏi: 9,4')
  })
})

describe('/start, /help, /lang', () => {
  it('welcomes with buttons for the tools', async () => {
    const [reply] = await user.say('/start')
    expect(reply?.text).toContain('Xin chào Lan')
    expect(user.buttons(reply).map((b) => b.text)).toEqual([
      '🎓 Kiểm tra chứng chỉ tiếng Anh',
      '🧮 Tôi cần bao nhiêu điểm?',
      '🌐 Ngôn ngữ / Language',
    ])
    expect(texts(await user.tap('🎓 Kiểm tra chứng chỉ tiếng Anh'))).toContain('Bạn có chứng chỉ nào?')
  })

  it('greets a name with HTML characters as written', async () => {
    const odd = h.fake.user({ id: 777, first_name: '<Lan> & Co' })
    const [reply] = await odd.say('/start')
    expect(reply?.text).toContain('Xin chào <Lan> & Co!')
  })

  it('switches to English, remembers it, and sets the chat menu in English', async () => {
    await user.say('/lang')
    const [changed] = await user.tap('English')
    expect(changed?.text).toBe('Switched to English.')
    expect(texts(await user.say('/help'))).toContain('Open to everyone')
    expect(texts(await user.say('/need 9 9 ?'))).toContain('Giỏi (very good): 8.9')
    expect(h.fake.commandsFor(user.id).find((c) => c.command === 'cefr')?.description).toBe(
      'Check an English certificate against CEFR',
    )
  })

  it('cancels a flow, and any other command leaves it', async () => {
    await user.say('/cefr')
    expect(texts(await user.say('/cancel'))).toContain('Đã hủy')
    await user.say('/cefr')
    expect(texts(await user.say('/need 9 9 ?'))).toContain('Giỏi: 8,9')
  })
})
