/**
 * Staff records from a spreadsheet, the same way as the staff list (imports.ts): read → a preview
 * with every row's problems → commit whole, in one transaction, only when the preview has none.
 * Each row names a person already on the school's list (by name, and department when two share
 * one); the columns present set the record, the ones absent keep it.
 *
 *   const preview = await deps.staff.previewImport(admin, { schoolId, fileName, data })
 *   if (preview.ok && preview.value.errors.length === 0) await deps.staff.commitImport(admin, { schoolId, preview: preview.value })
 */
import { z } from 'zod'
import { EXAMS } from '../rules/index.ts'
import { POLITICAL_THEORY, QUALIFICATIONS, STAFF_POSTS } from '../rules/standards.ts'
import type { Person } from '../store/people.ts'
import { EMPTY_RECORD, type LanguageCertificate, type StaffRecordData } from '../store/staff-records.ts'
import type { Stores } from '../store/stores.ts'
import { fold, tidy } from '../store/text.ts'
import type { ActorInfo } from './access.ts'
import { fail, ok, type Result } from './result.ts'
import {
  bodyOf,
  type ColumnsMissing,
  findHeader,
  readSheet,
  type SheetError,
  type SheetFormat,
} from './sheets.ts'
import {
  MAX_SUBJECT,
  RECORD_COLUMNS,
  type RecordField,
  type RecordFieldError,
  readRecordFields,
} from './staff-fields.ts'

export interface RecordRowError extends Omit<RecordFieldError, 'code' | 'field'> {
  row: number
  field: RecordField | null
  /** the header as written in the file */
  column: string | null
  code:
    | RecordFieldError['code']
    | 'person-unknown'
    | 'person-ambiguous'
    | 'person-other-department'
    | 'duplicate-row'
  /** duplicate-row: the row it repeats */
  firstRow?: number
}

export interface RecordRow {
  row: number
  personId: number
  fullName: string
  data: StaffRecordData
  certificate: LanguageCertificate | null
  /** 'create' for a person with no record yet */
  action: 'create' | 'update'
}

export interface RecordPreview {
  kind: 'records'
  schoolId: number
  fileName: string
  format: SheetFormat
  headerRow: number
  rows: RecordRow[]
  errors: RecordRowError[]
  counts: { rows: number; create: number; update: number; certificates: number; errors: number }
}

export type ImportFileError = SheetError | ColumnsMissing<RecordField>
export type PreviewHasErrors = { readonly code: 'preview-has-errors'; readonly count: number }
export type PreviewMismatch = { readonly code: 'preview-mismatch' }

export async function previewRecords(
  stores: Stores,
  schoolId: number,
  fileName: string,
  data: Uint8Array,
): Promise<Result<RecordPreview, ImportFileError>> {
  const read = await readSheet(fileName, data)
  if (!read.ok) return read
  let found:
    | { sheet: (typeof read.value.tables)[number]; header: ReturnType<typeof findHeader<RecordField>> }
    | undefined
  for (const sheet of read.value.tables) {
    const header = findHeader(sheet.rows, RECORD_COLUMNS)
    if (header.ok) {
      found = { sheet, header }
      break
    }
    found ??= { sheet, header }
  }
  if (!found!.header.ok) return fail(found!.header.error)
  const header = found!.header.value
  const column = (field: RecordField | null) =>
    field === null ? null : (header.columns.get(field)?.header ?? null)

  const people = await stores.people.list({ schoolId })
  const departments = new Map((await stores.schools.listDepartments(schoolId)).map((d) => [d.id, d.name]))
  const byName = new Map<string, Person[]>()
  for (const p of people) {
    const key = fold(p.fullName)
    const list = byName.get(key)
    if (list) list.push(p)
    else byName.set(key, [p])
  }
  const records = await stores.staffRecords.forPeople(people.map((p) => p.id))

  const errors: RecordRowError[] = []
  const rows: RecordRow[] = []
  const seen = new Map<number, number>()
  for (const r of bodyOf(found!.sheet.rows, header)) {
    const fullName = tidy(r.get('fullName'))
    const err = (e: Omit<RecordRowError, 'row' | 'column'>) =>
      errors.push({ ...e, row: r.row, column: column(e.field) })
    if (fullName === '') {
      err({ field: 'fullName', code: 'required', value: '' })
      continue
    }
    const department = r.get('department')
    const named = byName.get(fold(fullName)) ?? []
    // a department written must be the person's: a record never lands on a namesake elsewhere
    const matches =
      department === ''
        ? named
        : named.filter((p) => fold(departments.get(p.departmentId ?? -1) ?? '') === fold(department))
    if (matches.length !== 1) {
      const elsewhere = matches.length === 0 && named.length > 0
      err({
        field: matches.length === 0 && !elsewhere ? 'fullName' : 'department',
        code: elsewhere
          ? 'person-other-department'
          : matches.length === 0
            ? 'person-unknown'
            : 'person-ambiguous',
        value: elsewhere ? department : fullName,
        expected: (elsewhere ? named : matches).map((p) => departments.get(p.departmentId ?? -1) ?? '—'),
      })
      continue
    }
    const person = matches[0]!
    const stored = records.get(person.id)
    const fields = readRecordFields(r.get, (f) => header.columns.has(f), stored ?? EMPTY_RECORD)
    for (const e of fields.errors) err(e)
    if (fields.errors.length > 0) continue
    const first = seen.get(person.id)
    if (first !== undefined) {
      err({ field: 'fullName', code: 'duplicate-row', value: fullName, firstRow: first })
      continue
    }
    seen.set(person.id, r.row)
    rows.push({
      row: r.row,
      personId: person.id,
      fullName: person.fullName,
      data: fields.data,
      certificate: fields.certificate,
      action: stored ? 'update' : 'create',
    })
  }
  const create = rows.filter((r) => r.action === 'create').length
  return ok({
    kind: 'records',
    schoolId,
    fileName,
    format: read.value.format,
    headerRow: header.row,
    rows,
    errors: errors.sort((a, b) => a.row - b.row),
    counts: {
      rows: rows.length + new Set(errors.map((e) => e.row)).size,
      create,
      update: rows.length - create,
      certificates: rows.filter((r) => r.certificate !== null).length,
      errors: errors.length,
    },
  })
}

const enumOf = <T extends string>(values: ReadonlyArray<T>) => z.enum(values as [T, ...T[]])

const previewSchema = z.object({
  kind: z.literal('records'),
  schoolId: z.number().int().positive(),
  errors: z.array(z.unknown()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      personId: z.number().int().positive(),
      data: z.object({
        qualification: enumOf(QUALIFICATIONS).nullable(),
        qualificationSubject: z.string().max(MAX_SUBJECT).nullable(),
        politicalTheory: enumOf(POLITICAL_THEORY).nullable(),
        stateManagement: z.boolean(),
        educationManagement: z.boolean(),
        ttcmTraining: z.boolean(),
        it: z.enum(['none', 'basic', 'management']),
        pipeline: z.boolean(),
        post: enumOf(['principal', 'vice-principal', ...STAFF_POSTS] as const).nullable(),
      }),
      certificate: z
        .object({
          exam: enumOf(EXAMS),
          score: z.string().min(1).max(20),
          takenOn: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .nullable(),
        })
        .nullable(),
    }),
  ),
})

/** Writes every row's record, all or nothing; the people must still be the school's. */
export async function commitRecords(
  stores: Stores,
  who: ActorInfo,
  schoolId: number,
  input: RecordPreview,
  now: string,
): Promise<
  Result<{ created: number; updated: number; certificates: number }, PreviewHasErrors | PreviewMismatch>
> {
  const parsed = previewSchema.safeParse(input)
  if (!parsed.success || parsed.data.schoolId !== schoolId) return fail({ code: 'preview-mismatch' as const })
  const preview = parsed.data
  if (preview.errors.length > 0)
    return fail({ code: 'preview-has-errors' as const, count: preview.errors.length })
  const result = await stores.transaction(async (tx) => {
    const ours = new Set((await tx.people.list({ schoolId })).map((p) => p.id))
    if (!preview.rows.every((r) => ours.has(r.personId))) return undefined
    const before = await tx.staffRecords.forPeople(preview.rows.map((r) => r.personId))
    await tx.staffRecords.saveMany(
      preview.rows.map((r) => ({
        personId: r.personId,
        data: r.data,
        certificates: r.certificate ? [r.certificate] : [],
      })),
      who.telegramId,
      now,
    )
    const created = preview.rows.filter((r) => !before.has(r.personId)).length
    const certificates = preview.rows.filter((r) => r.certificate !== null).length
    const counts = { created, updated: preview.rows.length - created, certificates }
    await tx.audit.record(who.telegramId, 'import.records', { schoolId, ...counts }, now)
    return counts
  })
  return result ? ok(result) : fail({ code: 'preview-mismatch' as const })
}
