/**
 * /cefr with a test day and each post's standard as it stood: on 29/11/2026 a certificate's age
 * is judged by its test owner's rule, and a teacher of another subject needs no certificate
 * (TT 01–04/2021, in force 20/03/2021) — unless the asker's school year is 2017–2018, whose
 * standards are seed 000's ("khuyến khích").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { type Harness, inProcessWorld, texts } from '../helpers/bot-harness.ts'
import { school, type World } from '../services/support.ts'

/** 29 November 2026, 10:00 in Vietnam */
const TODAY = '2026-11-29T03:00:00Z'

let h: Harness
let w: World
let vi: FakeUser
let en: FakeUser
let old: Awaited<ReturnType<typeof school>>
let current: Awaited<ReturnType<typeof school>>

beforeAll(async () => {
  ;({ h, w } = await inProcessWorld())
  w.at('2017-09-10T03:00:00Z')
  old = await school(w, 'THPT năm 2017-2018', 100)
  w.at(TODAY)
  current = await school(w, 'THPT năm 2026-2027', 200)
  vi = h.fake.user({ id: 501, first_name: 'Lan', language_code: 'vi' })
  en = h.fake.user({ id: 502, first_name: 'Ann', language_code: 'en' })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

describe('/cefr with the test day (today 29/11/2026)', () => {
  it('IELTS of 12/3/2025 is valid until 11/03/2027, by the test owner’s rule', async () => {
    const [reply] = await vi.say('/cefr ielts 6.5 ngày thi 12/3/2025')
    expect(reply?.text).toContain('IELTS 6,5 đạt C1')
    expect(reply?.text).toContain('Thi ngày 12/03/2025: còn hạn đến hết ngày 11/03/2027')
    expect(reply?.text).toContain('có giá trị 2 năm kể từ ngày thi')
    expect(reply?.text).toContain('Thời hạn theo: British Council, IDP (IELTS)')
    expect(reply?.text).not.toContain('Thêm ngày thi')
  })

  it('a TOEIC over two years old is said to be, from its anniversary', async () => {
    const [reply] = await vi.say('/cefr toeic 850 170 170 12/3/2024')
    expect(reply?.text).toContain('Thi ngày 12/03/2024: đã quá 2 năm (từ 12/03/2026)')
    expect(reply?.text).toContain('đơn vị tiếp nhận có thể không chấp nhận')
    expect(reply?.text).toContain('ETS Global (TOEIC)')
  })

  it('FCE has no expiry; VSTEP is the receiving body’s call', async () => {
    const [fce] = await vi.say('/cefr fce 60 12/6/2010')
    expect(fce?.text).toContain('Thi ngày 12/06/2010: chứng chỉ FCE không ghi thời hạn')
    const [vstep] = await vi.say('/cefr vstep 6,5 ngày thi 1/10/2020')
    expect(vstep?.text).toContain(
      'thời hạn sử dụng chứng chỉ do đơn vị sử dụng chứng chỉ (nơi bạn nộp) quyết định',
    )
    expect(vstep?.text).toContain('TT 23/2017/TT-BGDĐT Điều 3')
  })

  it('without a day, says nothing of validity and hints that a day can be added', async () => {
    const [reply] = await vi.say('/cefr ielts 6.5')
    expect(reply?.text).not.toContain('Thi ngày')
    expect(reply?.text).toContain('Thêm ngày thi để biết chứng chỉ còn hạn không')
  })

  it.each([
    ['/cefr ielts 6.5 ngày thi 30/11/2026', 'Ngày thi 30/11/2026 chưa tới (hôm nay là 29/11/2026)'],
    ['/cefr ielts 6.5 31/2/2025', '«31/2/2025» không phải là một ngày có thật'],
  ])('refuses %s', async (command, expected) => {
    const [reply] = await vi.say(command)
    expect(reply?.text).toContain(expected)
    expect(reply?.text).not.toContain('đạt C1')
  })

  it('a post pressed under a dated answer keeps its validity; another subject’s teacher needs no certificate since 20/03/2021', async () => {
    const [reply] = await vi.say('/cefr ielts 5.0 ngày thi 12/3/2025')
    const [edited] = await vi.tap('GV môn khác', reply)
    expect(edited?.text).toContain('Chuẩn áp dụng ngày 29/11/2026')
    expect(edited?.text).toContain('GV môn khác: không yêu cầu chứng chỉ ngoại ngữ từ 20/03/2021')
    expect(edited?.text).toContain('Căn cứ: TT 01/2021, TT 02/2021, TT 03/2021, TT 04/2021/TT-BGDĐT')
    expect(edited?.text).toContain('còn hạn đến hết ngày 11/03/2027')
    expect(edited?.text).not.toContain('khuyến khích')
    const [thpt] = await vi.tap('GV tiếng Anh THPT', edited)
    expect(thpt?.text).toContain('GV tiếng Anh THPT cần C1 (bậc 5/6): chưa đạt chuẩn')
    expect(thpt?.text).toContain('còn hạn đến hết ngày 11/03/2027')
  })

  it('step by step, the score may carry the day', async () => {
    await vi.say('/cefr')
    await vi.tap('IELTS')
    const [result] = await vi.say('7 12/3/2024')
    expect(result?.text).toContain('IELTS 7,0 đạt C1')
    expect(result?.text).toContain('đã quá 2 năm (từ 12/03/2026)')
    const [edited] = await vi.tap('GV tiếng Anh THCS', result)
    expect(edited?.text).toContain('đạt chuẩn')
    expect(edited?.text).toContain('đã quá 2 năm (từ 12/03/2026)')
  })

  it('in English', async () => {
    await en.say('/lang')
    await en.tap('English')
    const [reply] = await en.say('/cefr toefl 95 tested on 12/3/2025')
    expect(reply?.text).toContain('Tested on 12/03/2025: valid until the end of 11/03/2027')
    expect(reply?.text).toContain('Validity per: ETS (TOEFL iBT)')
    const [edited] = await en.tap('Teacher of another subject', reply)
    expect(edited?.text).toContain(
      'Teacher of another subject: no language certificate required since 20/03/2021',
    )
    const [future] = await en.say('/cefr ielts 6.5 1/1/2027')
    expect(future?.text).toContain('The test date 01/01/2027 has not come yet (today is 29/11/2026)')
  })
})

describe("each post's standard as it stands in the asker's school year", () => {
  it('a teacher of a 2017–2018 year gets seed 000’s standards: a certificate is encouraged', async () => {
    const teacher = h.fake.user({ id: old.teacherToan.telegramId, first_name: 'Toán' })
    const [reply] = await teacher.say('/cefr ielts 5.0')
    const [edited] = await teacher.tap('GV môn khác', reply)
    expect(edited?.text).toContain('Chuẩn áp dụng ngày 30/05/2018')
    expect(edited?.text).toContain('GV môn khác: không bắt buộc chứng chỉ tiếng Anh; khuyến khích')
    expect(edited?.text).toContain('KH đào tạo, bồi dưỡng 2013–2015 của Sở GDĐT TP.HCM')
  })

  it('a teacher of a 2026–2027 year gets the 2021 titles', async () => {
    const teacher = h.fake.user({ id: current.teacherToan.telegramId, first_name: 'Toán' })
    const [reply] = await teacher.say('/cefr ielts 5.0')
    const [edited] = await teacher.tap('GV môn khác', reply)
    expect(edited?.text).toContain('Chuẩn áp dụng ngày 29/11/2026')
    expect(edited?.text).toContain('không yêu cầu chứng chỉ ngoại ngữ từ 20/03/2021')
  })

  it('English teachers keep bậc 4 / 5 in both years', async () => {
    for (const id of [old.teacherToan.telegramId, current.teacherToan.telegramId]) {
      const teacher = h.fake.user({ id, first_name: 'Toán' })
      expect(texts(await teacher.say('/cefr ielts 6.0 thcs'))).toContain(
        'GV tiếng Anh THCS cần B2 (bậc 4/6): đạt chuẩn',
      )
      expect(texts(await teacher.say('/cefr ielts 6.0 thpt'))).toContain(
        'GV tiếng Anh THPT cần C1 (bậc 5/6): chưa đạt chuẩn',
      )
    }
  })
})
