import { describe, expect, it } from 'vitest'
import {
  checkCertificate,
  englishTeacherPost,
  POSTS,
  type Post,
  postRequirement,
  SOURCES,
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
