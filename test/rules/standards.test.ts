import { describe, expect, it } from 'vitest'
import { SOURCES } from '../../src/rules/sources.ts'
import { STAFF_SOURCES } from '../../src/rules/staff-sources.ts'
import { gapsByStandard, type StaffRecord, staffGaps } from '../../src/rules/standards.ts'

/** A record that meets every standard of a teacher; each test changes what it is about. */
const teacher: StaffRecord = {
  role: 'teacher',
  isTtcm: false,
  pipeline: false,
  teachesEnglish: false,
  staffPost: null,
  qualification: { level: 'dai-hoc', subject: 'Sư phạm Toán' },
  politicalTheory: null,
  managementCertificate: false,
  stateManagementCertificate: false,
  ttcmTraining: false,
  it: 'basic',
  englishFramework: null,
}
const principal: StaffRecord = {
  ...teacher,
  englishFramework: 3,
  role: 'principal',
  qualification: { level: 'thac-si', subject: 'Quản lý giáo dục' },
  politicalTheory: 'trung-cap',
  managementCertificate: true,
  stateManagementCertificate: true,
  it: 'management',
}
const thpt = { level: 'THPT' } as const
const codes = (r: StaffRecord, c: Parameters<typeof staffGaps>[1] = thpt) =>
  staffGaps(r, c).map((g) => g.standard)

describe('seed 000 §II: standards per post (the Sở plan)', () => {
  it('a teacher and a principal that meet everything have no gaps', () => {
    expect(staffGaps(teacher, thpt)).toEqual([])
    expect(staffGaps(principal, thpt)).toEqual([])
  })

  it('§II.1: principal, vice-principal and a pipeline teacher need the management certificate', () => {
    for (const r of [
      principal,
      { ...principal, role: 'vice-principal' as const },
      { ...principal, role: 'teacher' as const, it: 'basic' as const },
    ]) {
      expect(staffGaps({ ...r, pipeline: true, managementCertificate: false }, thpt)).toEqual([
        { standard: 'management-certificate', required: 'yes', has: null, source: STAFF_SOURCES.so('II.1') },
      ])
    }
    expect(codes({ ...teacher, managementCertificate: false })).toEqual([])
  })

  it('§II.1: a TTCM needs the department-head training', () => {
    expect(codes({ ...teacher, isTtcm: true })).toEqual(['ttcm-training'])
    expect(codes({ ...teacher, isTtcm: true, ttcmTraining: true })).toEqual([])
  })

  it('§II.4: trung cấp lý luận chính trị or above for managers and the pipeline; sơ cấp is short', () => {
    expect(staffGaps({ ...principal, politicalTheory: 'so-cap' }, thpt)).toEqual([
      {
        standard: 'political-theory',
        required: 'trung-cap',
        has: 'so-cap',
        source: STAFF_SOURCES.so('II.4'),
      },
    ])
    expect(codes({ ...principal, politicalTheory: null })).toEqual(['political-theory'])
    expect(codes({ ...principal, politicalTheory: 'cao-cap' })).toEqual([])
    expect(codes({ ...principal, politicalTheory: 'cu-nhan' })).toEqual([])
    expect(codes({ ...teacher, pipeline: true, managementCertificate: true })).toEqual(['political-theory'])
    expect(codes(teacher)).toEqual([]) // encouraged only for other teachers
  })

  it('§II.5: an English teacher at THPT needs C1 (framework 5); B2 is short; at THCS B2 suffices', () => {
    const english = { ...teacher, teachesEnglish: true, englishFramework: 4 as const }
    expect(staffGaps(english, thpt)).toEqual([
      { standard: 'english', required: 'C1', has: '4', source: SOURCES.englishTeachers },
    ])
    expect(codes({ ...english, englishFramework: 5 })).toEqual([])
    expect(codes(english, { level: 'THCS' })).toEqual([])
    expect(codes({ ...english, englishFramework: null }, { level: 'THCS' })).toEqual(['english'])
    expect(codes({ ...english, englishFramework: null }, { level: 'MN' })).toEqual([])
  })

  it('§II.6: managers need management software, teachers and staff teaching/office software', () => {
    expect(staffGaps({ ...principal, it: 'basic' }, thpt)).toEqual([
      { standard: 'it', required: 'management', has: 'basic', source: STAFF_SOURCES.so('II.6') },
    ])
    expect(codes({ ...teacher, it: 'none' })).toEqual(['it'])
  })

  it.each([
    ['van-thu', { level: 'trung-cap', subject: 'Văn thư - lưu trữ' }, true],
    ['ke-toan', { level: 'trung-cap', subject: 'Kế toán doanh nghiệp' }, true],
    ['ke-toan', { level: 'dai-hoc', subject: 'Quản trị kinh doanh' }, false],
    ['y-te', { level: 'trung-cap', subject: 'Y sỹ đa khoa' }, true],
    ['y-te', { level: 'cao-dang', subject: 'Dược sĩ' }, true],
    ['thu-vien', { level: 'trung-cap', subject: 'Thư viện' }, true],
    ['thiet-bi', { level: 'trung-cap', subject: 'Thư viện - thiết bị' }, true],
    ['bao-ve', null, true],
  ] as const)('§II.8: %s with %j meets it: %s', (post, qualification, meets) => {
    const staff = { ...teacher, role: 'staff' as const, staffPost: post, qualification }
    expect(codes(staff)).toEqual(meets ? [] : ['staff-training'])
  })

  it('§II.8: a kế toán with no recorded training falls short of trung cấp kế toán, citing II.8', () => {
    const staff: StaffRecord = { ...teacher, role: 'staff', staffPost: 'ke-toan', qualification: null }
    expect(staffGaps(staff, thpt)).toEqual([
      { standard: 'staff-training', required: 'trung-cap', has: null, source: STAFF_SOURCES.so('II.8') },
    ])
  })
})

describe("seed 003 §II: a primary school's own plan", () => {
  const th = { level: 'TH', plan: 'school-2022' } as const

  it('§II.1: managers and the pipeline also need a language certificate', () => {
    expect(codes({ ...principal, englishFramework: null }, th)).toEqual(['language-certificate'])
    expect(codes({ ...principal, englishFramework: null })).toEqual([])
  })

  it('§II.1: managers and the pipeline also need the state-management certificate', () => {
    expect(staffGaps({ ...principal, stateManagementCertificate: false }, th)).toEqual([
      {
        standard: 'state-management-certificate',
        required: 'yes',
        has: null,
        source: STAFF_SOURCES.school('II.1'),
      },
    ])
  })

  it('§II.2: managers above the trained standard (đại học at TH), teachers at it', () => {
    expect(staffGaps({ ...principal, qualification: { level: 'dai-hoc', subject: 'GDTH' } }, th)).toEqual([
      {
        standard: 'manager-above-standard',
        required: 'thac-si',
        has: 'dai-hoc',
        source: STAFF_SOURCES.school('II.2'),
      },
    ])
    expect(codes({ ...teacher, qualification: { level: 'cao-dang', subject: 'GDTH' } }, th)).toEqual([
      'trained-standard',
    ])
    expect(codes(teacher, th)).toEqual([])
  })

  it('§II.8: a kế toán needs đại học kế toán; trung cấp is short', () => {
    const staff: StaffRecord = {
      ...teacher,
      role: 'staff',
      staffPost: 'ke-toan',
      qualification: { level: 'trung-cap', subject: 'Kế toán' },
    }
    expect(codes(staff, th)).toEqual(['staff-training'])
    expect(codes(staff, thpt)).toEqual([])
    expect(codes({ ...staff, qualification: { level: 'dai-hoc', subject: 'Kế toán' } }, th)).toEqual([])
  })
})

describe('gapsByStandard', () => {
  it('groups people under each standard they fall short of, skipping people without a record', () => {
    const people = [
      { name: 'An', record: { ...principal, politicalTheory: null, it: 'basic' as const } },
      { name: 'Bình', record: { ...teacher, it: 'none' as const } },
      { name: 'Chi', record: null },
    ]
    const groups = gapsByStandard(people, (p) => p.record, thpt)
    expect([...groups.keys()]).toEqual(['political-theory', 'it'])
    expect(groups.get('it')?.map((e) => e.person.name)).toEqual(['An', 'Bình'])
  })
})
