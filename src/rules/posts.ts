/**
 * The English standard of each post (seed 000 §II.5): English teachers must reach two framework
 * levels above the level they teach; managers and other teachers are encouraged to hold a CEFR
 * certificate; officials in the leadership pipeline need the standard of their post.
 *
 *   checkCertificate({ exam: 'ielts', overall: 6 }, 'english-THPT')
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

export function postRequirement(post: Post): PostRequirement {
  return POST_REQUIREMENTS[post]
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

export function checkCertificate(score: ExamScore, post: Post): CertificateCheck {
  const result = cefrLevel(score)
  const requirement = postRequirement(post)
  if (requirement.kind !== 'required') return { result, requirement, meets: null, alternatives: [] }
  return {
    result,
    requirement,
    meets: result.kind === 'level' && result.framework >= requirement.framework,
    alternatives: examMinimums(requirement.level),
  }
}
