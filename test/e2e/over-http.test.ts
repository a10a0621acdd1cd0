/**
 * The bot exactly as in production: grammY's runner long-polling the fake Bot API over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { type Harness, overHttp } from '../helpers/bot-harness.ts'

let h: Harness
let user: FakeUser
const all = (messages: Array<{ text?: string }>) => messages.map((m) => m.text ?? '').join('\n---\n')

beforeAll(async () => {
  h = await overHttp()
  user = h.fake.user({ id: 777, first_name: 'Minh', language_code: 'vi' })
})
afterAll(async () => {
  await h.close()
})

describe('over HTTP with long polling', () => {
  it('/start', async () => {
    expect(all(await user.say('/start'))).toContain('Xin chào Minh')
  })

  it('/cefr with arguments and a post button', async () => {
    expect(all(await user.say('/cefr fce 60'))).toContain('FCE 60 đạt B2')
    expect(all(await user.tap('GV tiếng Anh tiểu học'))).toContain('đạt chuẩn')
  })

  it('/cefr step by step with buttons', async () => {
    expect(all(await user.say('/cefr'))).toContain('Bạn có chứng chỉ nào?')
    expect(all(await user.tap('TOEIC'))).toContain('Ba điểm TOEIC')
    expect(all(await user.say('860 180 170'))).toContain('TOEIC 860 + 180 + 170 đạt C1')
    expect(all(await user.tap('GV tiếng Anh THPT'))).toContain(
      'GV tiếng Anh THPT cần C1 (bậc 5/6): đạt chuẩn',
    )
  })

  it('a bad score inside the flow gets the range and the question stays open', async () => {
    await user.say('/cefr')
    await user.tap('IELTS')
    expect(all(await user.say('6,3'))).toContain('IELTS không có điểm 6,3: điểm từ 0 đến 9, mỗi bậc 0,5')
    expect(all(await user.say('7'))).toContain('IELTS 7,0 đạt C1')
    await user.tap('Bỏ qua')
  })

  it('/need', async () => {
    expect(all(await user.say('/need 8 9 8 9 ? ?'))).toContain('Khá: 6,0')
  })

  it('/lang', async () => {
    await user.say('/lang')
    expect(all(await user.tap('English'))).toContain('Switched to English.')
    expect(all(await user.say('/cefr ielts 9.5'))).toContain('9.5 is outside the IELTS scale: 0 to 9')
    await user.say('/lang')
    await user.tap('Tiếng Việt')
  })

  it('a failing handler is logged with its update id, answered with an apology, and the bot goes on', async () => {
    h.fake.failNext('sendMessage', { error_code: 500, description: 'Internal Server Error' })
    const replies = await user.say('/need 9 9 ?')
    expect(all(replies)).toContain('Xin lỗi, đã có lỗi')
    const failure = h.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'handler failed')
    expect(failure?.update_id).toEqual(expect.any(Number))
    expect(all(await user.say('/need 9 9 ?'))).toContain('Giỏi: 8,9')
  })

  it('sent nothing Telegram would refuse', () => {
    expect(h.fake.violations).toEqual([])
  })
})
