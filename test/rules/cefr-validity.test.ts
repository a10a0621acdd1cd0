import { describe, expect, it } from 'vitest'
import {
  certificateValidity,
  EXAM_VALIDITY,
  readTestDate,
  SOURCES,
  takeTestDate,
} from '../../src/rules/index.ts'

const TODAY = '2026-11-29'

/**
 * Each rule against the line that sets it (docs/regulations.md lists the pages):
 * - IELTS, takeielts.britishcouncil.org: "Your Test Report Form will be valid for a recommended
 *   period of two years."
 * - TOEFL iBT, restating ETS (umasterexam.com): "According to the Educational Testing Service (ETS)
 *   … scores expire two years after the test date. For example, if you appeared for the test on
 *   Jan 1, 2017, your score will expire on Jan 1, 2019."
 * - TOEIC, etsglobal.org: "Like most language assessment solutions, TOEIC test scores are valid for
 *   two years."
 * - FCE, restating Cambridge (probsee.com, "B2 First"): "certificates are valid for life".
 * - VSTEP and the framework, Công văn 3755/BGDĐT-GDTX as quoted by edusa.vn: "Thời hạn áp dụng của
 *   chứng chỉ/chứng nhận là do Chủ tịch UBND tỉnh … hoặc Giám đốc Sở Giáo dục và Đào tạo … xem xét,
 *   quyết định dựa theo yêu cầu về năng lực ngoại ngữ đối với vị trí công việc".
 */
describe('EXAM_VALIDITY: who sets how long a result counts', () => {
  it.each([
    ['ielts', { kind: 'years', years: 2, source: SOURCES.ieltsValidity }],
    ['toefl', { kind: 'years', years: 2, source: SOURCES.toeflValidity }],
    ['toeic', { kind: 'years', years: 2, source: SOURCES.toeicValidity }],
    ['fce', { kind: 'no-expiry', source: SOURCES.fceValidity }],
    ['vstep', { kind: 'user-decides', source: SOURCES.frameworkValidity }],
    ['framework', { kind: 'user-decides', source: SOURCES.frameworkValidity }],
  ] as const)('%s', (exam, rule) => {
    expect(EXAM_VALIDITY[exam]).toEqual(rule)
  })
})

describe('certificateValidity: two years from the test day, to the day', () => {
  it("ETS's example: tested 1/1/2017, expired on 1/1/2019, still valid on 31/12/2018", () => {
    expect(certificateValidity('toefl', '2017-01-01', '2018-12-31')).toEqual({
      kind: 'years',
      years: 2,
      testDate: '2017-01-01',
      lastValidDay: '2018-12-31',
      expiredFrom: '2019-01-01',
      valid: true,
      source: SOURCES.toeflValidity,
    })
    expect(certificateValidity('toefl', '2017-01-01', '2019-01-01')).toMatchObject({ valid: false })
  })

  it('IELTS of 12/03/2025: valid through 11/03/2027 on 29/11/2026', () => {
    expect(certificateValidity('ielts', '2025-03-12', TODAY)).toMatchObject({
      lastValidDay: '2027-03-11',
      expiredFrom: '2027-03-12',
      valid: true,
    })
  })

  it('TOEIC of 28/11/2024 expired on 28/11/2026; of 30/11/2024 still counts on 29/11/2026', () => {
    expect(certificateValidity('toeic', '2024-11-28', TODAY)).toMatchObject({
      expiredFrom: '2026-11-28',
      valid: false,
    })
    expect(certificateValidity('toeic', '2024-11-30', TODAY)).toMatchObject({
      lastValidDay: '2026-11-29',
      valid: true,
    })
  })

  it('a test on 01/03/2022 counts through 29/02/2024, a leap day', () => {
    expect(certificateValidity('toeic', '2022-03-01', TODAY)).toMatchObject({
      lastValidDay: '2024-02-29',
      expiredFrom: '2024-03-01',
    })
  })

  it('a test on 29/02 reaches its anniversary on 01/03', () => {
    expect(certificateValidity('ielts', '2024-02-29', TODAY)).toMatchObject({
      lastValidDay: '2026-02-28',
      expiredFrom: '2026-03-01',
    })
  })

  it("FCE never expires; VSTEP and framework certificates are the user's call, at any age", () => {
    expect(certificateValidity('fce', '2005-06-01', TODAY)).toEqual({
      kind: 'no-expiry',
      testDate: '2005-06-01',
      source: SOURCES.fceValidity,
    })
    expect(certificateValidity('vstep', '2018-06-01', TODAY)).toEqual({
      kind: 'user-decides',
      testDate: '2018-06-01',
      source: SOURCES.frameworkValidity,
    })
    expect(certificateValidity('framework', '2026-11-29', TODAY)).toMatchObject({ kind: 'user-decides' })
  })
})

describe('readTestDate', () => {
  it.each([
    ['12/3/2025', '2025-03-12'],
    ['12/03/2025', '2025-03-12'],
    ['12.3.2025', '2025-03-12'],
    ['12-03-2025', '2025-03-12'],
    ['2025-03-12', '2025-03-12'],
    ['29/2/2024', '2024-02-29'],
    ['29/2/2000', '2000-02-29'],
    ['29/11/2026', '2026-11-29'],
  ])('reads %s', (text, day) => {
    expect(readTestDate(text, TODAY)).toEqual({ ok: true, value: day })
  })

  it.each([
    '31/2/2025',
    '29/2/2025',
    '29/2/1900',
    '0/3/2025',
    '12/13/2025',
    '31/4/2025',
    '2025-02-30',
    'mai',
    '12/3',
  ])('refuses %s as no real date', (text) => {
    expect(readTestDate(text, TODAY)).toEqual({ ok: false, error: { code: 'not-a-date', input: text } })
  })

  it('refuses a day after today', () => {
    expect(readTestDate('30/11/2026', TODAY)).toEqual({
      ok: false,
      error: { code: 'future-date', date: '2026-11-30', today: TODAY },
    })
  })
})

describe('takeTestDate: the day out of a command, with the words that introduce it', () => {
  it.each([
    [['6.5', 'ngày', 'thi', '12/3/2025'], ['6.5']],
    [
      ['6.5', 'Ngày', 'thi:', '12/3/2025', 'thpt'],
      ['6.5', 'thpt'],
    ],
    [['6.5', '12/3/2025'], ['6.5']],
    [
      ['850', '170', '160', 'tested', 'on', '12.03.2025.'],
      ['850', '170', '160'],
    ],
    [
      ['6.5', 'thpt', 'test', 'date', '2025-03-12'],
      ['6.5', 'thpt'],
    ],
  ])('%j', (words, rest) => {
    expect(takeTestDate(words, TODAY)).toEqual({ words: rest, date: { ok: true, value: '2025-03-12' } })
  })

  it('leaves the words alone when there is no date, and TOEIC parts written with slashes are no date', () => {
    expect(takeTestDate(['850/170/160'], TODAY)).toEqual({ words: ['850/170/160'], date: null })
    expect(takeTestDate(['6.5', 'thpt'], TODAY)).toEqual({ words: ['6.5', 'thpt'], date: null })
  })

  it('reports a date-shaped word that is no date', () => {
    expect(takeTestDate(['6.5', 'ngày', '31/2/2025'], TODAY)).toEqual({
      words: ['6.5'],
      date: { ok: false, error: { code: 'not-a-date', input: '31/2/2025' } },
    })
  })
})
