import { describe, expect, it } from 'vitest'
import {
  checkCertificate,
  englishTeacherPost,
  POST_REQUIREMENTS,
  POSTS,
  type Post,
  postRequirement,
  SOURCES,
  TEACHER_TITLES_2021_IN_FORCE,
} from '../../src/rules/index.ts'

describe('postRequirement: the post table of BDTX.md (seed 000 §II.5)', () => {
  it.each([
    ['english-TH', { kind: 'required', level: 'B2', framework: 4, source: SOURCES.englishTeachers }],
    ['english-THCS', { kind: 'required', level: 'B2', framework: 4, source: SOURCES.englishTeachers }],
    ['english-THPT', { kind: 'required', level: 'C1', framework: 5, source: SOURCES.englishTeachers }],
    ['english-GDTX', { kind: 'required', level: 'C1', framework: 5, source: SOURCES.englishTeachers }],
    ['english-CD', { kind: 'required', level: 'C1', framework: 5, source: SOURCES.englishTeachers }],
    ['english-TCCN', { kind: 'required', level: 'C1', framework: 5, source: SOURCES.englishTeachers }],
    ['manager', { kind: 'none', encouraged: true, source: SOURCES.soPlan }],
    ['other-teacher', { kind: 'none', encouraged: true, source: SOURCES.soPlan }],
    ['staff', { kind: 'none', encouraged: false, source: SOURCES.soPlan }],
    ['leadership-pipeline', { kind: 'post-standard', source: SOURCES.pipeline }],
  ] as const)('%s', (post, requirement) => {
    expect(postRequirement(post)).toEqual(requirement)
  })

  it('POSTS lists every post once', () => {
    expect([...POSTS].sort()).toEqual(
      [
        'english-TH',
        'english-THCS',
        'english-THPT',
        'english-GDTX',
        'english-CD',
        'english-TCCN',
        'manager',
        'other-teacher',
        'staff',
        'leadership-pipeline',
      ].sort(),
    )
  })

  it("maps a level to its English teachers' post", () => {
    expect(englishTeacherPost('THPT')).toBe('english-THPT')
    expect(englishTeacherPost('TH')).toBe('english-TH')
    expect(englishTeacherPost('CD')).toBe('english-CD')
    expect(englishTeacherPost('MN')).toBeNull()
  })
})

describe('checkCertificate', () => {
  it('IELTS 6.0 is B2; a THPT English teacher needs C1: IELTS 6.5, TOEFL iBT 90, FCE 80 or TOEIC 850 + 170 + 170', () => {
    const check = checkCertificate({ exam: 'ielts', overall: 6 }, 'english-THPT')
    expect(check.result).toMatchObject({ kind: 'level', level: 'B2', framework: 4 })
    expect(check.requirement).toMatchObject({ kind: 'required', level: 'C1', framework: 5 })
    expect(check.meets).toBe(false)
    expect(check.alternatives.map((a) => [a.exam, a.minimum, a.source])).toEqual([
      ['ielts', { exam: 'ielts', overall: 6.5 }, SOURCES.soPlan],
      ['toefl', { exam: 'toefl', overall: 90 }, SOURCES.cv1311],
      ['fce', { exam: 'fce', overall: 80 }, SOURCES.cv901],
      ['toeic', { exam: 'toeic', listeningReading: 850, speaking: 170, writing: 170 }, SOURCES.cv1311],
      ['vstep', { exam: 'vstep', overall: 8.5 }, SOURCES.vstep],
      ['framework', { exam: 'framework', overall: 5 }, SOURCES.framework],
    ])
  })

  it("the same IELTS 6.0 meets a THCS English teacher's B2", () => {
    const check = checkCertificate({ exam: 'ielts', overall: 6 }, 'english-THCS')
    expect(check.meets).toBe(true)
    expect(check.alternatives.map((a) => a.minimum)).toEqual([
      { exam: 'ielts', overall: 5.5 },
      { exam: 'toefl', overall: 61 },
      { exam: 'fce', overall: 60 },
      { exam: 'toeic', listeningReading: 600, speaking: 140, writing: 130 },
      { exam: 'vstep', overall: 6 },
      { exam: 'framework', overall: 4 },
    ])
  })

  it.each([
    [{ exam: 'toefl', overall: 90 }, 'english-GDTX', true],
    [{ exam: 'toefl', overall: 89 }, 'english-CD', false],
    [{ exam: 'fce', overall: 80 }, 'english-TCCN', true],
    [{ exam: 'toeic', listeningReading: 990, speaking: 200, writing: 160 }, 'english-THPT', false],
    [{ exam: 'toeic', listeningReading: 600, speaking: 140, writing: 130 }, 'english-TH', true],
    [{ exam: 'toefl', overall: 30 }, 'english-TH', false],
  ] as const)('%j for %s meets: %s', (score, post, meets) => {
    expect(checkCertificate(score, post as Post).meets).toBe(meets)
  })

  it('a post with no requirement neither meets nor fails, and lists no alternatives', () => {
    for (const post of ['manager', 'other-teacher', 'staff', 'leadership-pipeline'] as const) {
      const check = checkCertificate({ exam: 'ielts', overall: 7 }, post)
      expect(check.meets).toBeNull()
      expect(check.alternatives).toEqual([])
      expect(check.result).toMatchObject({ level: 'C1' })
    }
  })
})

/**
 * The posts' standards by day. thukyphaply.com ("Từ 20/3/2021, giáo viên không cần có chứng chỉ
 * ngoại ngữ, tin học"): "Ngày 02/02/2021, Bộ Giáo dục và Đào tạo ban hành các Thông tư 01/2021/TT-BGDĐT,
 * Thông tư 02/2021/TT-BGDĐT, Thông tư 03/2021/TT-BGDĐT, Thông tư 04/2021/TT-BGDĐT … Tất cả 4 Thông
 * tư này đều sẽ bắt đầu có hiệu lực thi hành từ ngày 20/3/2021." and they ask only "Có khả năng
 * ứng dụng công nghệ thông tin … và có khả năng sử dụng ngoại ngữ hoặc tiếng dân tộc thiểu số
 * trong một số nhiệm vụ cụ thể được giao."
 */
describe('postRequirement on a day: seed 000 before the 2021 teacher titles, TT 01–04/2021 from 20/03/2021', () => {
  it('the titles took effect on 20/03/2021', () => {
    expect(TEACHER_TITLES_2021_IN_FORCE).toBe('2021-03-20')
  })

  it.each([
    ['2018-05-31', { kind: 'none', encouraged: true, source: SOURCES.soPlan }],
    ['2021-03-19', { kind: 'none', encouraged: true, source: SOURCES.soPlan }],
    [
      '2021-03-20',
      { kind: 'none', encouraged: false, since: '2021-03-20', source: SOURCES.teacherTitles2021 },
    ],
    [
      '2026-11-29',
      { kind: 'none', encouraged: false, since: '2021-03-20', source: SOURCES.teacherTitles2021 },
    ],
  ] as const)('a teacher of another subject on %s', (day, requirement) => {
    expect(postRequirement('other-teacher', day)).toEqual(requirement)
  })

  it("the titles change no other post: English teachers keep bậc 4 / 5, managers and staff seed 000's", () => {
    for (const post of POSTS.filter((p) => p !== 'other-teacher')) {
      expect(postRequirement(post, '2026-11-29')).toEqual(postRequirement(post))
      expect(postRequirement(post, '2021-03-20')).toEqual(postRequirement(post, '2021-03-19'))
    }
    expect(postRequirement('english-THCS', '2026-11-29')).toMatchObject({ level: 'B2', framework: 4 })
    expect(postRequirement('english-THPT', '2026-11-29')).toMatchObject({ level: 'C1', framework: 5 })
  })

  it('without a day, seed 000 (what /standards audits the 2013–2015 plan against)', () => {
    expect(postRequirement('other-teacher')).toEqual(POST_REQUIREMENTS['other-teacher'])
  })

  it('checkCertificate reads the post on the day it is given', () => {
    const score = { exam: 'ielts', overall: 5 } as const
    expect(checkCertificate(score, 'other-teacher', '2019-10-01').requirement).toMatchObject({
      encouraged: true,
    })
    expect(checkCertificate(score, 'other-teacher', '2022-10-01').requirement).toMatchObject({
      encouraged: false,
      since: '2021-03-20',
    })
    expect(checkCertificate(score, 'english-THPT', '2022-10-01').meets).toBe(false)
  })
})
