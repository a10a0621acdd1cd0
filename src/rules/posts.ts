/**
 * The English standard of each post, as it stands on a day. Seed 000 §II.5 (the Sở's 2013–2015
 * plan): English teachers must reach two framework levels above the level they teach; managers
 * and other teachers are encouraged to hold a CEFR certificate; officials in the leadership
 * pipeline need the standard of their post. From 20/03/2021 the teacher titles of TT 01–04/2021
 * ask no language certificate of teachers of other subjects; the rest stands.
 *
 *   postRequirement('other-teacher', '2018-05-31')   // { kind: 'none', encouraged: true, … }
 *   postRequirement('other-teacher', '2026-11-29')   // { kind: 'none', encouraged: false, since: '2021-03-20', … }
 *   checkCertificate({ exam: 'ielts', overall: 6 }, 'english-THPT', '2026-11-29')
 *   // { result: { kind: 'level', level: 'B2', framework: 4, … },
 *   //   requirement: { kind: 'required', level: 'C1', framework: 5, … }, meets: false,
 *   //   alternatives: [IELTS 6.5, TOEFL iBT 90, FCE 80, TOEIC 850 + 170 + 170] }
 */
import {
  type CefrLevel,
  type CefrResult,
  cefrLevel,
  type ExamMinimum,
  type ExamScore,
  examMinimums,
  type FrameworkLevel,
} from './cefr.ts'
import type { Level } from './profile.ts'
import { type Citation, SOURCES } from './sources.ts'

export type Post =
  | 'english-TH'
  | 'english-THCS'
  | 'english-THPT'
  | 'english-GDTX'
  | 'english-CD'
  | 'english-TCCN'
  | 'manager'
  | 'other-teacher'
  | 'staff'
  | 'leadership-pipeline'

export type PostRequirement =
  | {
      readonly kind: 'required'
      readonly level: CefrLevel
      readonly framework: FrameworkLevel
      readonly source: Citation
    }
  | {
      readonly kind: 'none'
      /** the plan encourages a CEFR certificate (managers, teachers of other subjects) */
      readonly encouraged: boolean
      /** the day a later regulation dropped the certificate this post needed or was encouraged to hold */
      readonly since?: string
      readonly source: Citation
    }
  | {
      /** the standard of the post the person is planned for, set outside these documents */
      readonly kind: 'post-standard'
      readonly source: Citation
    }

const b2: PostRequirement = { kind: 'required', level: 'B2', framework: 4, source: SOURCES.englishTeachers }
const c1: PostRequirement = { kind: 'required', level: 'C1', framework: 5, source: SOURCES.englishTeachers }

export const POST_REQUIREMENTS: Readonly<Record<Post, PostRequirement>> = {
  'english-TH': b2,
  'english-THCS': b2,
  'english-THPT': c1,
  'english-GDTX': c1,
  'english-CD': c1,
  'english-TCCN': c1,
  manager: { kind: 'none', encouraged: true, source: SOURCES.soPlan },
  'other-teacher': { kind: 'none', encouraged: true, source: SOURCES.soPlan },
  // The plan sets no language standard for staff (nhân viên) and does not encourage one either.
  staff: { kind: 'none', encouraged: false, source: SOURCES.soPlan },
  'leadership-pipeline': { kind: 'post-standard', source: SOURCES.pipeline },
}

export const POSTS: ReadonlyArray<Post> = Object.keys(POST_REQUIREMENTS) as Post[]

/** The day TT 01/2021, TT 02/2021, TT 03/2021 and TT 04/2021/TT-BGDĐT took effect (issued 02/02/2021). */
export const TEACHER_TITLES_2021_IN_FORCE = '2021-03-20'

export interface PostStandards {
  /** the first day (YYYY-MM-DD) these standards hold; null for seed 000's, the earliest known */
  readonly from: string | null
  readonly requirements: Readonly<Record<Post, PostRequirement>>
}

/**
 * The posts' standards by period, earliest first. The 2021 titles moved the language requirement
 * into "có khả năng sử dụng ngoại ngữ … trong một số nhiệm vụ cụ thể được giao": no certificate,
 * and no encouragement either. English teachers keep their level; managers, staff and the
 * pipeline keep seed 000's, no later text for them having been found (docs/regulations.md).
 */
export const POST_STANDARDS: ReadonlyArray<PostStandards> = [
  { from: null, requirements: POST_REQUIREMENTS },
  {
    from: TEACHER_TITLES_2021_IN_FORCE,
    requirements: {
      ...POST_REQUIREMENTS,
      'other-teacher': {
        kind: 'none',
        encouraged: false,
        since: TEACHER_TITLES_2021_IN_FORCE,
        source: SOURCES.teacherTitles2021,
      },
    },
  },
]

/**
 * A post's standard on a day (YYYY-MM-DD): that of the latest period begun by then. Without a day,
 * seed 000's table, which /standards audits the Sở's 2013–2015 plan against.
 */
export function postRequirement(post: Post, on?: string): PostRequirement {
  let standards = POST_STANDARDS[0]!
  for (const period of POST_STANDARDS) {
    if (on !== undefined && period.from !== null && period.from <= on) standards = period
  }
  return standards.requirements[post]
}

/** The post of an English teacher at a level; null for MN, which the plan sets no standard for. */
export function englishTeacherPost(level: Level): Post | null {
  return level === 'MN' ? null : `english-${level}`
}

export interface CertificateCheck {
  readonly result: CefrResult
  readonly requirement: PostRequirement
  /** null when the post sets no level */
  readonly meets: boolean | null
  /** what each exam needs for the required level; empty when the post sets no level */
  readonly alternatives: ExamMinimum[]
}

/** A result against a post's standard on a day (see postRequirement). */
export function checkCertificate(score: ExamScore, post: Post, on?: string): CertificateCheck {
  const result = cefrLevel(score)
  const requirement = postRequirement(post, on)
  if (requirement.kind !== 'required') return { result, requirement, meets: null, alternatives: [] }
  return {
    result,
    requirement,
    meets: result.kind === 'level' && result.framework >= requirement.framework,
    alternatives: examMinimums(requirement.level),
  }
}
