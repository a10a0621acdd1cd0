/**
 * What each post requires of a person's qualifications (seed 000 §II.1, 2, 4, 5, 6, 8; seed 003
 * §II), as data with its source, and the gaps of one person's record against it.
 *
 *   staffGaps({ ...record, role: 'vice-principal', politicalTheory: 'so-cap' }, { level: 'THPT' })
 *   // [{ standard: 'political-theory', required: 'trung-cap', source: '… mục II.4', … }, …]
 *
 * Which standards apply depends on the school's plan: a Sở school follows seed 000; seed 003 is a
 * primary school's own plan, stricter for accountants (đại học) and adding the state-management
 * certificate and "above the trained standard" for managers. `plan` picks the set.
 */
import type { FrameworkLevel } from './cefr.ts'
import { englishTeacherPost, postRequirement } from './posts.ts'
import type { Level } from './profile.ts'
import type { Citation } from './sources.ts'
import { STAFF_SOURCES } from './staff-sources.ts'

export type Qualification = 'trung-cap' | 'cao-dang' | 'dai-hoc' | 'thac-si' | 'tien-si'
export const QUALIFICATIONS: ReadonlyArray<Qualification> = [
  'trung-cap',
  'cao-dang',
  'dai-hoc',
  'thac-si',
  'tien-si',
]

/** Cử nhân chính trị ranks with cao cấp: both are the highest political-theory training. */
export type PoliticalTheory = 'so-cap' | 'trung-cap' | 'cao-cap' | 'cu-nhan'
export const POLITICAL_THEORY: ReadonlyArray<PoliticalTheory> = ['so-cap', 'trung-cap', 'cao-cap', 'cu-nhan']
const POLITICAL_RANK: Readonly<Record<PoliticalTheory, number>> = {
  'so-cap': 1,
  'trung-cap': 2,
  'cao-cap': 3,
  'cu-nhan': 3,
}

export type Role = 'principal' | 'vice-principal' | 'teacher' | 'staff'
export type StaffPost = 'van-thu' | 'ke-toan' | 'y-te' | 'thu-vien' | 'thiet-bi' | 'bao-ve'
export const STAFF_POSTS: ReadonlyArray<StaffPost> = [
  'van-thu',
  'ke-toan',
  'y-te',
  'thu-vien',
  'thiet-bi',
  'bao-ve',
]

/** IT: none, office/teaching software (cơ bản), or the software of management (ứng dụng quản lý). */
export type ItLevel = 'none' | 'basic' | 'management'

export interface StaffRecord {
  readonly role: Role
  /** tổ trưởng chuyên môn */
  readonly isTtcm: boolean
  /** thuộc diện quy hoạch cán bộ quản lý */
  readonly pipeline: boolean
  readonly teachesEnglish: boolean
  readonly staffPost: StaffPost | null
  readonly qualification: { readonly level: Qualification; readonly subject: string } | null
  readonly politicalTheory: PoliticalTheory | null
  readonly managementCertificate: boolean
  readonly stateManagementCertificate: boolean
  readonly ttcmTraining: boolean
  readonly it: ItLevel
  /** the best framework level the person's certificates prove (the CEFR engine), null if none */
  readonly englishFramework: FrameworkLevel | null
}

export type StandardPlan = 'so-2013' | 'school-2022'

export interface StandardContext {
  readonly level: Level
  readonly plan?: StandardPlan
}

export type StandardId =
  | 'management-certificate'
  | 'state-management-certificate'
  | 'political-theory'
  | 'ttcm-training'
  | 'trained-standard'
  | 'manager-above-standard'
  | 'english'
  | 'language-certificate'
  | 'it'
  | 'staff-training'

export interface Gap {
  readonly standard: StandardId
  /** what is required, as a code the bot translates (a qualification, a CEFR framework level, …) */
  readonly required: string
  /** what the record has, same vocabulary; null when nothing */
  readonly has: string | null
  readonly source: Citation
}

const isManager = (r: StaffRecord) => r.role === 'principal' || r.role === 'vice-principal'
/** Principals, vice-principals and teachers in the management pipeline (seed 000 §II.1, §II.4). */
const managerOrPipeline = (r: StaffRecord) => isManager(r) || (r.role === 'teacher' && r.pipeline)
const rank = (q: Qualification | undefined) => (q === undefined ? 0 : QUALIFICATIONS.indexOf(q) + 1)

/** The trained standard of a teacher (Luật Giáo dục 2019 Điều 72): cao đẳng for MN, đại học above. */
export function trainedStandard(level: Level): Qualification {
  return level === 'MN' ? 'cao-dang' : 'dai-hoc'
}

/**
 * Staff posts: the training each needs and the subjects that count for it (seed 000 §II.8; seed
 * 003 §II.8 asks đại học of an accountant). Subjects match without accents and case, so "Kế toán
 * doanh nghiệp" counts for kế toán. Bảo vệ has no training requirement ("ngoài các chức danh bảo
 * vệ và phục vụ").
 */
export const STAFF_POST_TRAINING: Readonly<
  Record<
    StandardPlan,
    Readonly<
      Record<StaffPost, { readonly minimum: Qualification; readonly subjects: ReadonlyArray<string> } | null>
    >
  >
> = {
  'so-2013': {
    'van-thu': { minimum: 'trung-cap', subjects: ['van thu', 'luu tru'] },
    'ke-toan': { minimum: 'trung-cap', subjects: ['ke toan'] },
    'y-te': { minimum: 'trung-cap', subjects: ['y sy', 'y si', 'duoc sy', 'duoc si', 'y te', 'duoc'] },
    'thu-vien': { minimum: 'trung-cap', subjects: ['thu vien'] },
    'thiet-bi': { minimum: 'trung-cap', subjects: ['thu vien', 'thiet bi'] },
    'bao-ve': null,
  },
  'school-2022': {
    'van-thu': { minimum: 'trung-cap', subjects: ['van thu', 'luu tru'] },
    'ke-toan': { minimum: 'dai-hoc', subjects: ['ke toan'] },
    'y-te': { minimum: 'trung-cap', subjects: ['y sy', 'y si', 'duoc sy', 'duoc si', 'y te', 'duoc'] },
    'thu-vien': null,
    'thiet-bi': null,
    'bao-ve': null,
  },
}

export function plainSubject(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/giu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
}

function planSources(plan: StandardPlan, section: string): Citation {
  return plan === 'so-2013' ? STAFF_SOURCES.so(section) : STAFF_SOURCES.school(section)
}

/**
 * Every gap of one record, in the order of the plans' sections. Pure and allocation-light: the
 * /standards page runs it for every person of a school.
 */
export function staffGaps(record: StaffRecord, context: StandardContext): Gap[] {
  const plan = context.plan ?? 'so-2013'
  const gaps: Gap[] = []
  const src = (section: string) => planSources(plan, section)
  const q = record.qualification

  // §II.1 management certificates
  if (managerOrPipeline(record)) {
    if (!record.managementCertificate) {
      gaps.push({ standard: 'management-certificate', required: 'yes', has: null, source: src('II.1') })
    }
    // seed 003 §II.1 also lists "chứng chỉ ngoại ngữ" for them: any certificate the CEFR engine places
    if (plan === 'school-2022' && record.englishFramework === null) {
      gaps.push({ standard: 'language-certificate', required: 'yes', has: null, source: src('II.1') })
    }
    if (plan === 'school-2022' && !record.stateManagementCertificate) {
      gaps.push({ standard: 'state-management-certificate', required: 'yes', has: null, source: src('II.1') })
    }
  }
  if (record.isTtcm && record.role === 'teacher' && !record.ttcmTraining && plan === 'so-2013') {
    gaps.push({ standard: 'ttcm-training', required: 'yes', has: null, source: src('II.1') })
  }

  // §II.2 professional qualification (seed 003: every teacher at the standard, managers above it)
  if (plan === 'school-2022' && record.role !== 'staff') {
    const standard = trainedStandard(context.level)
    if (isManager(record) && rank(q?.level) <= rank(standard)) {
      gaps.push({
        standard: 'manager-above-standard',
        required: QUALIFICATIONS[rank(standard)] as Qualification,
        has: q?.level ?? null,
        source: src('II.2'),
      })
    } else if (record.role === 'teacher' && rank(q?.level) < rank(standard)) {
      gaps.push({
        standard: 'trained-standard',
        required: standard,
        has: q?.level ?? null,
        source: `${src('II.2')}; ${STAFF_SOURCES.trainedStandard}`,
      })
    }
  }

  // §II.4 political theory: trung cấp or above for managers and the pipeline
  if (managerOrPipeline(record)) {
    const has = record.politicalTheory
    if (has === null || POLITICAL_RANK[has] < POLITICAL_RANK['trung-cap']) {
      gaps.push({ standard: 'political-theory', required: 'trung-cap', has, source: src('II.4') })
    }
  }

  // §II.5 English: seed 000's post table (English teachers two framework levels above what they teach)
  if (plan === 'so-2013' && record.teachesEnglish) {
    const post = englishTeacherPost(context.level)
    const requirement = post === null ? null : postRequirement(post)
    if (requirement?.kind === 'required' && (record.englishFramework ?? 0) < requirement.framework) {
      gaps.push({
        standard: 'english',
        required: requirement.level,
        has: record.englishFramework === null ? null : String(record.englishFramework),
        source: requirement.source,
      })
    }
  }

  // §II.6 IT: managers the software of management, teachers and staff at least office/teaching software
  const itNeeded: ItLevel = isManager(record) ? 'management' : 'basic'
  const itRank = { none: 0, basic: 1, management: 2 } as const
  if (itRank[record.it] < itRank[itNeeded]) {
    gaps.push({
      standard: 'it',
      required: itNeeded,
      has: record.it === 'none' ? null : record.it,
      source: src('II.6'),
    })
  }

  // §II.8 school staff: training in their post's field
  if (record.role === 'staff' && record.staffPost !== null) {
    const need = STAFF_POST_TRAINING[plan][record.staffPost]
    if (need !== null) {
      const subject = q === null ? '' : plainSubject(q.subject)
      const fits =
        q !== null && rank(q.level) >= rank(need.minimum) && need.subjects.some((s) => subject.includes(s))
      if (!fits) {
        gaps.push({
          standard: 'staff-training',
          required: need.minimum,
          has: q?.level ?? null,
          source: src('II.8'),
        })
      }
    }
  }
  return gaps
}

/** Who falls short of what, grouped by standard, in the order of the standards' sections. */
export function gapsByStandard<P>(
  people: ReadonlyArray<P>,
  recordOf: (p: P) => StaffRecord | null,
  context: StandardContext,
): Map<StandardId, Array<{ readonly person: P; readonly gap: Gap }>> {
  const groups = new Map<StandardId, Array<{ readonly person: P; readonly gap: Gap }>>()
  for (const person of people) {
    const record = recordOf(person)
    if (record === null) continue
    for (const gap of staffGaps(record, context)) {
      const group = groups.get(gap.standard)
      if (group) group.push({ person, gap })
      else groups.set(gap.standard, [{ person, gap }])
    }
  }
  return groups
}
