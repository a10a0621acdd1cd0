/**
 * Each person's staff record (issue 15): one's own with /me, a department's for its head (read
 * only), the school's for its admin, who fills it one person at a time in the chat or by a
 * spreadsheet (staff-import.ts). Certificates carry the CEFR level the rule engine gives them.
 *
 *   const mine = await deps.staff.mine(actor)                  // { person, record, certificates }
 *   await deps.staff.update(admin, { schoolId, fields: { fullName: 'Lan', qualification: 'thạc sĩ' } })
 */
import { type CefrResult, cefrLevel, type ExamScore, parseExamScore } from '../rules/index.ts'
import type { Person } from '../store/people.ts'
import {
  EMPTY_RECORD,
  type LanguageCertificate,
  type StaffRecordData,
  type StoredRecord,
} from '../store/staff-records.ts'
import type { Stores } from '../store/stores.ts'
import { fold, tidy } from '../store/text.ts'
import { type Actor, isAdminOf, whoIs } from './access.ts'
import type { ServiceContext } from './options.ts'
import {
  type Forbidden,
  fail,
  forbidden,
  type NotFound,
  type NotLinked,
  notFound,
  notLinked,
  ok,
  type Result,
} from './result.ts'
import {
  EXAM_NAMES,
  RECORD_COLUMNS,
  type RecordField,
  type RecordFieldError,
  readRecordFields,
} from './staff-fields.ts'
import {
  commitRecords,
  type ImportFileError,
  type PreviewHasErrors,
  type PreviewMismatch,
  previewRecords,
  type RecordPreview,
} from './staff-import.ts'
import { newWorkbook } from './workbook.ts'

export interface CertificateView extends LanguageCertificate {
  /** the level the CEFR engine gives the score (never stored) */
  cefr: CefrResult
}

export interface RecordView {
  person: Person & { departmentName: string | null }
  /** null: nothing recorded yet */
  record: StaffRecordData | null
  certificates: CertificateView[]
}

/** The name the chat gave matches nobody, or several people (then the department tells them apart). */
export type PersonUnknown = { readonly code: 'person-unknown'; readonly name: string }
export type PersonAmbiguous = {
  readonly code: 'person-ambiguous'
  readonly name: string
  readonly departments: readonly string[]
}
export type RecordInvalid = { readonly code: 'record-invalid'; readonly errors: readonly RecordFieldError[] }

export function examScoreOf(c: LanguageCertificate): ExamScore | null {
  const parsed = parseExamScore(c.exam, [c.score])
  return parsed.ok ? parsed.value : null
}

export function certificateView(c: LanguageCertificate): CertificateView | null {
  const score = examScoreOf(c)
  return score === null ? null : { ...c, cefr: cefrLevel(score) }
}

export function viewOf(
  person: Person,
  departmentName: string | null,
  stored: StoredRecord | undefined,
): RecordView {
  return {
    person: { ...person, departmentName },
    record: stored ?? null,
    certificates: (stored?.certificates ?? []).map(certificateView).filter((c) => c !== null),
  }
}

export class StaffRecordService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  async mine(actor: Actor): Promise<Result<RecordView, NotLinked>> {
    const who = await whoIs(this.stores, actor)
    if (!who.person) return notLinked()
    const names = await this.departmentNames(who.person.schoolId)
    const stored = await this.stores.staffRecords.get(who.person.id)
    return ok(viewOf(who.person, departmentOf(names, who.person), stored))
  }

  /**
   * The records an actor may see: the school's for its admin (and owners), the department's for
   * its head. Read only: `update` and the import are the admin's.
   */
  async list(
    actor: Actor,
    input: { schoolId: number },
  ): Promise<
    Result<{ scope: 'school' | 'department'; people: RecordView[] }, Forbidden | NotFound | NotLinked>
  > {
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(input.schoolId)
    if (!school) return notFound('school')
    let scope: 'school' | 'department'
    let people: Person[]
    if (isAdminOf(who, school.id)) {
      scope = 'school'
      people = await this.stores.people.list({ schoolId: school.id })
    } else if (who.person?.role === 'head' && who.person.schoolId === school.id && who.person.departmentId) {
      scope = 'department'
      people = await this.stores.people.list({ schoolId: school.id, departmentId: who.person.departmentId })
    } else return who.person || who.isOwner ? forbidden() : notLinked()
    const names = await this.departmentNames(school.id)
    const records = await this.stores.staffRecords.forPeople(people.map((p) => p.id))
    return ok({
      scope,
      people: people.map((p) => viewOf(p, departmentOf(names, p), records.get(p.id))),
    })
  }

  /**
   * One person's record from the chat: `fields` as the spreadsheet's columns ("fullName" finds
   * the person, "department" tells two of one name apart, or `personId` names them); fields not
   * given keep their value.
   * The admin's only; all or nothing.
   */
  async update(
    actor: Actor,
    input: { schoolId: number; personId?: number; fields: Partial<Record<RecordField, string>> },
  ): Promise<Result<RecordView, Forbidden | NotFound | PersonUnknown | PersonAmbiguous | RecordInvalid>> {
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(input.schoolId)
    if (!school) return notFound('school')
    if (!isAdminOf(who, school.id)) return forbidden()
    const names = await this.departmentNames(school.id)
    let person: Person
    if (input.personId !== undefined) {
      // the guided edit names the person it found; they must still be this school's
      const known = await this.stores.people.get(input.personId)
      if (!known || known.schoolId !== school.id) return notFound('person')
      person = known
    } else {
      const name = tidy(input.fields.fullName ?? '')
      const found = await this.findPerson(school.id, name, input.fields.department ?? '', names)
      if (!found.ok) return found
      person = found.value
    }
    const stored = await this.stores.staffRecords.get(person.id)
    const has = (f: RecordField) => input.fields[f] !== undefined
    const read = readRecordFields((f) => input.fields[f] ?? '', has, stored ?? EMPTY_RECORD)
    if (read.errors.length > 0) return fail({ code: 'record-invalid' as const, errors: read.errors })
    const now = this.ctx.now().toISOString()
    await this.stores.transaction(async (tx) => {
      await tx.staffRecords.saveMany(
        [
          {
            personId: person.id,
            data: read.data,
            certificates: read.certificate ? [read.certificate] : [],
            clearCertificates: read.clearCertificates,
          },
        ],
        who.telegramId,
        now,
      )
      await tx.audit.record(who.telegramId, 'staff.record', { personId: person.id }, now)
    })
    return ok(viewOf(person, departmentOf(names, person), await this.stores.staffRecords.get(person.id)))
  }

  /** One person's record by name (and department, for namesakes), for the admin's guided edit. */
  async find(
    actor: Actor,
    input: { schoolId: number; fullName: string; department?: string },
  ): Promise<Result<RecordView, Forbidden | NotFound | PersonUnknown | PersonAmbiguous>> {
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(input.schoolId)
    if (!school) return notFound('school')
    if (!isAdminOf(who, school.id)) return forbidden()
    const names = await this.departmentNames(school.id)
    const found = await this.findPerson(school.id, tidy(input.fullName), input.department ?? '', names)
    if (!found.ok) return found
    const stored = await this.stores.staffRecords.get(found.value.id)
    return ok(viewOf(found.value, departmentOf(names, found.value), stored))
  }

  /**
   * The import template: the school's people with what their records hold, in the words the
   * import reads back, ready to fill in. `help`: a sheet's name, then its lines.
   */
  async template(
    actor: Actor,
    input: { schoolId: number; help?: readonly string[] },
  ): Promise<Result<{ fileName: string; data: Uint8Array }, Forbidden | NotFound | NotLinked>> {
    const listed = await this.list(actor, input)
    if (!listed.ok) return listed
    if (listed.value.scope !== 'school') return forbidden()
    const book = await newWorkbook()
    book.creator = 'BDTX'
    const sheet = book.addWorksheet('Hồ sơ', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] })
    const header = sheet.addRow(RECORD_COLUMNS.map((c) => c.example))
    header.font = { bold: true }
    RECORD_COLUMNS.forEach((_, i) => {
      sheet.getColumn(i + 1).width = i === 0 ? 28 : 16
    })
    for (const view of listed.value.people) sheet.addRow(templateRow(view))
    // the caller's words (the bot's locale): what each column accepts
    if (input.help && input.help.length > 0) {
      const help = book.addWorksheet(input.help[0]!.slice(0, 31))
      for (const line of input.help.slice(1)) help.addRow([line])
      help.getColumn(1).width = 110
    }
    return ok({ fileName: 'ho-so-can-bo.xlsx', data: new Uint8Array(await book.xlsx.writeBuffer()) })
  }

  /** Whether the actor may import the school's records now, asked before a file is downloaded. */
  async mayImport(actor: Actor, input: { schoolId: number }): Promise<Result<null, Forbidden | NotFound>> {
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(input.schoolId)
    if (!school) return notFound('school')
    return isAdminOf(who, school.id) ? ok(null) : forbidden()
  }

  async previewImport(
    actor: Actor,
    input: { schoolId: number; fileName: string; data: Uint8Array },
  ): Promise<Result<RecordPreview, Forbidden | NotFound | ImportFileError>> {
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(input.schoolId)
    if (!school) return notFound('school')
    if (!isAdminOf(who, school.id)) return forbidden()
    return previewRecords(this.stores, school.id, input.fileName, input.data)
  }

  async commitImport(
    actor: Actor,
    input: { schoolId: number; preview: RecordPreview },
  ): Promise<
    Result<
      { created: number; updated: number; certificates: number },
      Forbidden | NotFound | PreviewHasErrors | PreviewMismatch
    >
  > {
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(input.schoolId)
    if (!school) return notFound('school')
    if (!isAdminOf(who, school.id)) return forbidden()
    return commitRecords(this.stores, who, school.id, input.preview, this.ctx.now().toISOString())
  }

  private async findPerson(
    schoolId: number,
    name: string,
    department: string,
    names: Map<number, string>,
  ): Promise<Result<Person, PersonUnknown | PersonAmbiguous>> {
    const key = fold(name)
    const people = (await this.stores.people.list({ schoolId })).filter((p) => fold(p.fullName) === key)
    const inDepartment =
      department.trim() === ''
        ? people
        : people.filter((p) => fold(departmentOf(names, p) ?? '') === fold(department))
    if (inDepartment.length === 1) return ok(inDepartment[0]!)
    if (inDepartment.length === 0) return fail({ code: 'person-unknown' as const, name })
    return fail({
      code: 'person-ambiguous' as const,
      name,
      departments: inDepartment.map((p) => departmentOf(names, p) ?? '—'),
    })
  }

  private async departmentNames(schoolId: number): Promise<Map<number, string>> {
    return new Map((await this.stores.schools.listDepartments(schoolId)).map((d) => [d.id, d.name]))
  }
}

function departmentOf(names: Map<number, string>, person: Person): string | null {
  return person.departmentId === null ? null : (names.get(person.departmentId) ?? null)
}

const WORD: Record<string, string> = {
  'trung-cap': 'trung cấp',
  'cao-dang': 'cao đẳng',
  'dai-hoc': 'đại học',
  'thac-si': 'thạc sĩ',
  'tien-si': 'tiến sĩ',
  'so-cap': 'sơ cấp',
  'cao-cap': 'cao cấp',
  'cu-nhan': 'cử nhân',
  none: 'không',
  basic: 'cơ bản',
  management: 'ứng dụng quản lý',
  principal: 'hiệu trưởng',
  'vice-principal': 'phó hiệu trưởng',
  'van-thu': 'văn thư',
  'ke-toan': 'kế toán',
  'y-te': 'y tế',
  'thu-vien': 'thư viện',
  'thiet-bi': 'thiết bị',
  'bao-ve': 'bảo vệ',
}

/** A row of the template, in RECORD_COLUMNS' order, in words the import reads back. */
function templateRow(view: RecordView): Array<string | null> {
  const r = view.record
  const word = (code: string | null | undefined) => (code ? (WORD[code] ?? code) : null)
  const yes = (flag: boolean | undefined) => (r === null ? null : flag ? 'có' : 'không')
  const last = view.certificates.at(-1)
  const date = last?.takenOn ? last.takenOn.split('-').reverse().join('/') : null
  return [
    view.person.fullName,
    view.person.departmentName,
    word(r?.qualification),
    r?.qualificationSubject ?? null,
    word(r?.politicalTheory),
    yes(r?.stateManagement),
    yes(r?.educationManagement),
    yes(r?.ttcmTraining),
    r === null ? null : word(r.it),
    yes(r?.pipeline),
    word(r?.post),
    last ? EXAM_NAMES[last.exam] : null,
    last ? last.score : null,
    date,
  ]
}
