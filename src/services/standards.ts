/**
 * /standards: who falls short of which standard (seed 000 §II, through the rule engine's
 * staffGaps), grouped by standard with each group's source, and the school's master's and
 * doctorate ratios against the targets for its kind of school (seed 000 §II.2).
 *
 *   const gaps = await deps.standards.gaps(admin, { schoolId })     // { groups: [{ standard, source, people }] }
 *   const ratios = await deps.standards.ratios(admin, { schoolId }) // { kind: 'THPT', lines: [{ shortBy: 3, … }] }
 *
 * A person is judged by their record: someone with no record yet is counted apart, never as a
 * gap. The role the standards know comes from the record's post where it says one (hiệu trưởng,
 * kế toán …), else from the person's role: a manager or an admin (BCĐ) is judged as a
 * vice-principal (the standards ask the same of both), a head as a teacher who leads a department.
 */
import { LEVELS, type Level } from '../rules/index.ts'
import { type Gap, type Role, type StaffRecord, type StandardId, staffGaps } from '../rules/standards.ts'
import {
  countsFor,
  QUALIFICATION_TARGETS,
  type QualificationTarget,
  type RatioCheck,
  ratioAgainstTarget,
  shareBasisPoints,
} from '../rules/targets.ts'
import type { Person } from '../store/people.ts'
import { EMPTY_RECORD, type StaffRecordData, type StoredRecord } from '../store/staff-records.ts'
import { fold } from '../store/text.ts'
import { type Actor, isAdminOf, whoIs } from './access.ts'
import type { ServiceContext } from './options.ts'
import { type Forbidden, forbidden, type NotFound, notFound, ok, type Result } from './result.ts'
import { certificateView } from './staff-records.ts'

export interface GapLine {
  personId: number
  fullName: string
  departmentName: string | null
  required: string
  has: string | null
}

export interface GapGroup {
  standard: StandardId
  source: string
  people: GapLine[]
}

export interface SchoolGaps {
  schoolId: number
  /** the kind of school the standards are read for: the level most of its people teach */
  kind: Level | null
  judged: number
  withoutRecord: number
  /** people who meet every standard that applies to them */
  meetingAll: number
  groups: GapGroup[]
}

export interface RatioLine extends RatioCheck {
  group: QualificationTarget['group']
  measure: QualificationTarget['measure']
  baseline: number | null
  source: string
  /** the current share in basis points, for display */
  share: number
}

export interface SchoolRatios {
  schoolId: number
  kind: Level | null
  lines: RatioLine[]
  /** managers and teachers counted in the totals whose record is still empty */
  withoutRecord: { managers: number; teachers: number }
}

/** Subjects that make a teacher an English teacher ("Tiếng Anh", "Anh văn", "English"). */
const teachesEnglish = (subject: string) => /^(tieng anh|anh van|anh|english)\b/.test(fold(subject))

/** The rule engine's view of a person and their record. */
export function ruleRecord(
  person: Person,
  record: StaffRecordData,
  englishFramework: number | null,
): StaffRecord {
  const post = record.post
  let role: Role
  if (post === 'principal' || post === 'vice-principal') role = post
  else if (post !== null) role = 'staff'
  else if (person.role === 'manager' || person.role === 'admin') role = 'vice-principal'
  else if (person.role === 'staff') role = 'staff'
  else role = 'teacher'
  return {
    role,
    isTtcm: person.role === 'head',
    pipeline: record.pipeline,
    teachesEnglish: teachesEnglish(person.subject ?? ''),
    staffPost: post === null || post === 'principal' || post === 'vice-principal' ? null : post,
    qualification:
      record.qualification === null
        ? null
        : { level: record.qualification, subject: record.qualificationSubject ?? '' },
    politicalTheory: record.politicalTheory,
    managementCertificate: record.educationManagement,
    stateManagementCertificate: record.stateManagement,
    ttcmTraining: record.ttcmTraining,
    it: record.it,
    englishFramework: englishFramework as StaffRecord['englishFramework'],
  }
}

function bestFramework(stored: StoredRecord): number | null {
  let best: number | null = null
  for (const c of stored.certificates) {
    const view = certificateView(c)
    if (view?.cefr.kind === 'level' && (best === null || view.cefr.framework > best))
      best = view.cefr.framework
  }
  return best
}

/** The level most of the school's people teach (the first in LEVELS on a tie); null if none is set. */
export function schoolKind(people: readonly Person[]): Level | null {
  const counts = new Map<Level, number>()
  for (const p of people) if (p.level) counts.set(p.level, (counts.get(p.level) ?? 0) + 1)
  let kind: Level | null = null
  for (const level of LEVELS)
    if ((counts.get(level) ?? 0) > (kind === null ? 0 : counts.get(kind)!)) kind = level
  return kind
}

export class StandardsService {
  constructor(private readonly ctx: ServiceContext) {}

  private async load(actor: Actor, schoolId: number) {
    const who = await whoIs(this.ctx.stores, actor)
    const school = await this.ctx.stores.schools.get(schoolId)
    if (!school) return notFound('school')
    if (!isAdminOf(who, school.id)) return forbidden()
    const people = await this.ctx.stores.people.list({ schoolId: school.id })
    const records = await this.ctx.stores.staffRecords.forPeople(people.map((p) => p.id))
    const departments = new Map(
      (await this.ctx.stores.schools.listDepartments(school.id)).map((d) => [d.id, d.name]),
    )
    return ok({ school, people, records, departments, kind: schoolKind(people) })
  }

  async gaps(actor: Actor, input: { schoolId: number }): Promise<Result<SchoolGaps, Forbidden | NotFound>> {
    const loaded = await this.load(actor, input.schoolId)
    if (!loaded.ok) return loaded
    const { people, records, departments, kind } = loaded.value
    const groups = new Map<string, GapGroup>()
    let judged = 0
    let meetingAll = 0
    for (const person of people) {
      const stored = records.get(person.id)
      if (!stored) continue
      judged++
      const level = person.level ?? kind ?? 'THPT'
      const record = ruleRecord(person, stored, bestFramework(stored))
      const gaps: Gap[] = staffGaps(level === person.level ? record : { ...record, teachesEnglish: false }, {
        level,
      })
      if (gaps.length === 0) meetingAll++
      for (const gap of gaps) {
        const key = `${gap.standard}|${gap.source}`
        let group = groups.get(key)
        if (!group) {
          group = { standard: gap.standard, source: gap.source, people: [] }
          groups.set(key, group)
        }
        group.people.push({
          personId: person.id,
          fullName: person.fullName,
          departmentName:
            person.departmentId === null ? null : (departments.get(person.departmentId) ?? null),
          required: gap.required,
          has: gap.has,
        })
      }
    }
    return ok({
      schoolId: input.schoolId,
      kind,
      judged,
      withoutRecord: people.length - judged,
      meetingAll,
      groups: [...groups.values()],
    })
  }

  /** The owner's view: every school's ratios, in the order of their names. */
  async ratiosAcrossSchools(
    actor: Actor,
  ): Promise<Result<Array<SchoolRatios & { schoolName: string }>, Forbidden>> {
    const who = await whoIs(this.ctx.stores, actor)
    if (!who.isOwner) return forbidden()
    const out: Array<SchoolRatios & { schoolName: string }> = []
    for (const school of await this.ctx.stores.schools.list()) {
      const ratios = await this.ratios(actor, { schoolId: school.id })
      if (ratios.ok) out.push({ ...ratios.value, schoolName: school.name })
    }
    return ok(out)
  }

  async ratios(
    actor: Actor,
    input: { schoolId: number },
  ): Promise<Result<SchoolRatios, Forbidden | NotFound>> {
    const loaded = await this.load(actor, input.schoolId)
    if (!loaded.ok) return loaded
    const { people, records, kind } = loaded.value
    const groupOf = (p: Person): 'managers' | 'teachers' | null => {
      const stored = records.get(p.id)
      const role = ruleRecord(p, stored ?? EMPTY_RECORD, null).role
      return role === 'staff' ? null : role === 'teacher' ? 'teachers' : 'managers'
    }
    const members = { managers: [] as Person[], teachers: [] as Person[] }
    for (const p of people) {
      const group = groupOf(p)
      if (group) members[group].push(p)
    }
    const lines: RatioLine[] = []
    for (const target of kind === null ? [] : (QUALIFICATION_TARGETS[kind] ?? [])) {
      const group = members[target.group]
      const count = group.filter((p) =>
        countsFor(target.measure, records.get(p.id)?.qualification ?? null, kind!),
      ).length
      const check = ratioAgainstTarget({ count, total: group.length }, target.target)
      lines.push({
        ...check,
        group: target.group,
        measure: target.measure,
        baseline: target.baseline,
        source: target.source,
        share: shareBasisPoints(count, group.length),
      })
    }
    const without = (list: Person[]) => list.filter((p) => !records.has(p.id)).length
    return ok({
      schoolId: input.schoolId,
      kind,
      lines,
      withoutRecord: { managers: without(members.managers), teachers: without(members.teachers) },
    })
  }
}
