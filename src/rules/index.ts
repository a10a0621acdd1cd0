/**
 * The rule engine: every judgement the product makes about BDTX results, plans and English
 * certificates, as pure functions over regulation data. No I/O, no clock, no language: every
 * answer is structured data (a `code` plus typed fields plus the `source` it rests on) that the
 * bot translates with Fluent. Specification: ../shared/domain/BDTX.md and the seeds it cites.
 *
 * Scores are exact integers: `Score` = hundredths (8.25 → 825), `Tenths` = tenths (ĐTB 9.0 → 90),
 * both branded so a raw number does not type-check. Numbers in the examples below stand for
 * values obtained from `parseScore` / `scoreFromHundredths`.
 *
 * Scores
 *   parseScore('8,5')                       → { ok: true, value: 850 }
 *   parseScore('8.255')                     → { ok: false, error: { code: 'too-many-decimals', input: '8.255', min: 0, max: 10, maxDecimals: 2 } }
 *   scoreFromHundredths(850)                → { ok: true, value: 850 }
 *   formatScore(850, ',')                   → '8,5'
 *   formatTenths(90, ',')                   → '9,0'
 *
 * Teachers (TT 26/2012) and managers (TT 27/2015)
 *   classifyTeacher({ nd1: 895, nd2: 895, modules: [895] })
 *                                           → { kind: 'final', average: 90, grade: 'Gioi', reasons: [] }
 *   classifyManager({ nd1: 800, nd2: 450, modules: [700] })
 *                                           → { kind: 'final', average: 65, verdict: 'KhongDat', reasons: [component-below-minimum nd2] }
 *   requiredScores({ nd1: 800, nd2: 900, modules: [800, 900, null, null] })
 *                                           → { Gioi: { kind: 'out-of-reach', reason: best-average-below 8.8 < 9.0 },
 *                                               Kha: { kind: 'need', score: 600 }, TrungBinh: { kind: 'need', score: 500 } }
 *   teacherAverage({ nd1: 950, nd2: 950, modules: [950, 650] })   → 90
 *
 * Certificates (seed 004 §V 4.2)
 *   certificateEligibility({ judgedAs: 'manager', result: classifyManager(…) })
 *                                           → { eligible: false, reason: 'manager-not-passed', source: … }
 *
 * Plans
 *   validatePlan({ level: 'THPT', isManager: false, moduleCodes: ['thpt17', 'THPT 19'] }, SEED_CATALOGUE)
 *                                           → { valid: false, totalHours: 30, requiredHours: 60, errors: [hours-below-required] }
 *   normalizeModuleCode('thpt17')           → 'THPT 17'
 *
 * English standard (seed 000 §II.5)
 *   parseExam('toefl ibt')                  → { ok: true, value: 'toefl' }
 *   parseExamScore('ielts', ['6,3'])        → { ok: false, error: { code: 'wrong-step', part: 'overall', min: 0, max: 9, step: 0.5, … } }
 *   cefrLevel({ exam: 'ielts', overall: 6 })  → { kind: 'level', level: 'B2', framework: 4, source: 'TT 05/2012/TT-BGDĐT Điều 3 khoản 1 điểm a', … }
 *   postRequirement('english-THPT')         → { kind: 'required', level: 'C1', framework: 5, source: … }
 *   postRequirement('other-teacher', '2026-11-29')
 *                                           → { kind: 'none', encouraged: false, since: '2021-03-20', source: 'TT 01/2021, …' }
 *   checkCertificate({ exam: 'ielts', overall: 6 }, 'english-THPT', '2026-11-29')
 *                                           → { meets: false, alternatives: [IELTS 6.5, TOEFL 90, FCE 80, TOEIC 850 + 170 + 170], … }
 *   certificateValidity('ielts', '2025-03-12', '2026-11-29')
 *                                           → { kind: 'years', lastValidDay: '2027-03-11', valid: true, … }
 *
 * Regulations as data
 *   PROFILES['tt26-2012'] === TT26_2012; every judging function takes the profile last, defaulting to it.
 */

export { averageTenths, type ExactAverage, exactAverage, roundHalfUpToTenths } from './average.ts'
export {
  type CalendarDay,
  type CalendarStep,
  calendarDay,
  calendarWindow,
  type DueStep,
  type RegulationCalendar,
  SEED_004_CALENDAR,
  TT19_CALENDAR,
} from './calendar.ts'
export { SEED_CATALOGUE } from './catalogue.ts'
export {
  CEFR_TABLE,
  type CefrCell,
  type CefrLevel,
  type CefrResult,
  type CefrRow,
  cefrLevel,
  EXAM_SCALES,
  EXAMS,
  type Exam,
  type ExamMinimum,
  type ExamNameError,
  type ExamPart,
  type ExamScore,
  type ExamScoreError,
  examMinimums,
  examParts,
  type FrameworkLevel,
  formatExamValue,
  type PartScale,
  parseExam,
  parseExamScore,
  partValue,
  rowMinimum,
} from './cefr.ts'
export {
  type CertificateValidity,
  certificateValidity,
  EXAM_VALIDITY,
  readDay,
  readTestDate,
  type TestDateError,
  takeTestDate,
  type ValidityRule,
} from './cefr-validity.ts'
export {
  type CertificateEligibility,
  type CertificateJudged,
  certificateEligibility,
  type IneligibleReason,
} from './certificate.ts'
export {
  classifyManager,
  classifyTeacher,
  gradeRank,
  type ManagerResult,
  type TeacherResult,
  teacherAverage,
} from './classify.ts'
export {
  type ComponentRef,
  componentRefs,
  type ManagerScores,
  missingComponents,
  moduleRef,
  ND1,
  ND2,
  sameComponent,
  scoreAt,
  type TeacherScores,
  withScore,
} from './components.ts'
export { moduleNumber, moduleNumberAlias, resolveModuleCode } from './module-code.ts'
export type { Parsed } from './parsed.ts'
export {
  type CatalogueModule,
  findModule,
  normalizeModuleCode,
  type PlanCheck,
  type PlanError,
  type PlanErrorCode,
  type PlanInput,
  type PlanOptions,
  validatePlan,
} from './plan.ts'
export {
  type CertificateCheck,
  checkCertificate,
  englishTeacherPost,
  POST_REQUIREMENTS,
  POST_STANDARDS,
  POSTS,
  type Post,
  type PostRequirement,
  type PostStandards,
  postRequirement,
  TEACHER_TITLES_2021_IN_FORCE,
} from './posts.ts'
export {
  type CatalogueId,
  type ClassRule,
  defaultProfileFor,
  type Hours,
  LEVELS,
  type Level,
  type ManagerVerdict,
  managerProgrammeCovers,
  PROFILES,
  type ProfileId,
  profileById,
  programmeId,
  type RegulationProfile,
  type SettingsError,
  settingsOf,
  TEACHER_CLASSES,
  type TeacherClass,
  type TeacherGrade,
  TT19_2019,
  TT26_2012,
  withSettings,
  type YearSettings,
} from './profile.ts'
export type {
  AverageBelow,
  BestAverageBelow,
  ComponentBelowMinimum,
  NoModules,
  Reason,
  ReasonCode,
  Target,
} from './reasons.ts'
export {
  type RequiredManagerScores,
  type RequiredScores,
  type Requirement,
  requiredManagerScores,
  requiredScores,
} from './required.ts'
export {
  formatScore,
  formatTenths,
  parseScore,
  type Score,
  type ScoreError,
  scoreFromHundredths,
  type Tenths,
  tenthsToScore,
} from './score.ts'
export { type Citation, SOURCES } from './sources.ts'
