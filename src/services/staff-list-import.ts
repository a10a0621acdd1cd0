/**
 * A school's staff list from a spreadsheet: read → a preview with every row's problems → commit
 * whole, in one transaction, only when the preview has no error (the school's admin only).
 */
import { z } from 'zod'
import { LEVELS, type Level } from '../rules/index.ts'
import { type NewPerson, ROLES, type Role } from '../store/people.ts'
import { fold, tidy } from '../store/text.ts'
import { type Actor, isAdminOf, whoIs } from './access.ts'
import {
  columnsOf,
  fileInput,
  MAX,
  type PreviewBase,
  type PreviewHasErrors,
  type PreviewMismatch,
  readTable,
  rowErrors,
} from './import-table.ts'
import type { ServiceContext } from './options.ts'
import {
  type Forbidden,
  fail,
  forbidden,
  type InvalidInput,
  type NotFound,
  notFound,
  ok,
  parseInput,
  type Result,
} from './result.ts'
import { bodyOf, type ColumnSpec, type ColumnsMissing, type SheetError } from './sheets.ts'
import { parseLevel, parseRole, ROLE_EXAMPLES } from './vocabulary.ts'

export type StaffField = 'fullName' | 'role' | 'department' | 'level' | 'subject'

export const STAFF_COLUMNS: readonly ColumnSpec<StaffField>[] = [
  {
    field: 'fullName',
    aliases: ['ho va ten', 'ho ten', 'ho & ten', 'ten giao vien', 'ten can bo', 'full name', 'name', 'ten'],
    required: true,
    example: 'Họ và tên',
  },
  {
    field: 'role',
    aliases: ['vai tro', 'chuc vu', 'chuc danh', 'role', 'position'],
    required: true,
    example: 'Vai trò',
  },
  {
    field: 'department',
    aliases: ['to', 'to chuyen mon', 'to cm', 'to bo mon', 'department', 'dept'],
    required: false,
    example: 'Tổ',
  },
  { field: 'level', aliases: ['cap hoc', 'cap', 'level'], required: false, example: 'Cấp học' },
  {
    field: 'subject',
    aliases: ['mon', 'mon day', 'mon hoc', 'bo mon', 'subject'],
    required: false,
    example: 'Môn',
  },
]

/** The file could not be read as a table with the staff list's columns. */
export type StaffFileError = SheetError | ColumnsMissing<StaffField>

export interface StaffRow {
  row: number
  fullName: string
  role: Role
  department: string | null
  level: Level | null
  subject: string | null
  /** 'update' when a person of this name is already in this department */
  action: 'create' | 'update'
}

export interface StaffPreview extends PreviewBase<StaffField> {
  kind: 'staff'
  schoolId: number
  /** the valid rows; commit takes them all or none */
  rows: StaffRow[]
  /** departments the commit will create */
  newDepartments: string[]
  counts: { rows: number; create: number; update: number; errors: number }
}

export async function previewStaff(
  ctx: ServiceContext,
  actor: Actor,
  input: { schoolId: number; fileName: string; data: Uint8Array },
): Promise<Result<StaffPreview, Forbidden | NotFound | InvalidInput | StaffFileError>> {
  const parsed = parseInput(fileInput.extend({ schoolId: z.number().int().positive() }), input)
  if (!parsed.ok) return parsed
  const who = await whoIs(ctx.stores, actor)
  const school = await ctx.stores.schools.get(parsed.value.schoolId)
  if (!school) return notFound('school')
  if (!isAdminOf(who, school.id)) return forbidden()
  const table = await readTable(parsed.value.fileName, parsed.value.data, STAFF_COLUMNS)
  if (!table.ok) return table
  const { format, sheet, header } = table.value
  const { errors, err } = rowErrors(header)
  const rows: StaffRow[] = []
  const seen = new Map<string, number>()

  for (const r of bodyOf(sheet.rows, header)) {
    const before = errors.length
    const fullName = tidy(r.get('fullName'))
    if (fullName === '') err(r.row, 'fullName', 'required', '')
    else if (fullName.length > MAX.name) err(r.row, 'fullName', 'too-long', fullName, { max: MAX.name })
    else if (fullName.length < 2) err(r.row, 'fullName', 'too-short', fullName, { min: 2 })
    const roleText = r.get('role')
    const role = roleText === '' ? undefined : parseRole(roleText)
    if (roleText === '') err(r.row, 'role', 'required', '', { expected: ROLE_EXAMPLES })
    else if (!role) err(r.row, 'role', 'unknown-role', roleText, { expected: ROLE_EXAMPLES })
    const department = tidy(r.get('department'))
    if (department.length > MAX.department)
      err(r.row, 'department', 'too-long', department, { max: MAX.department })
    if (department === '' && (role === 'teacher' || role === 'head'))
      err(r.row, 'department', 'department-required', '')
    const levelText = r.get('level')
    const level = levelText === '' ? null : parseLevel(levelText)
    if (level === undefined) err(r.row, 'level', 'unknown-level', levelText, { expected: LEVELS })
    const subject = tidy(r.get('subject'))
    if (subject.length > MAX.subject) err(r.row, 'subject', 'too-long', subject, { max: MAX.subject })
    if (errors.length > before) continue
    const key = `${fold(fullName)}|${fold(department)}`
    const first = seen.get(key)
    if (first !== undefined) {
      err(r.row, 'fullName', 'duplicate-row', fullName, { firstRow: first })
      continue
    }
    seen.set(key, r.row)
    rows.push({
      row: r.row,
      fullName,
      role: role!,
      department: department === '' ? null : department,
      level: level ?? null,
      subject: subject === '' ? null : subject,
      action: 'create',
    })
  }

  // match people already on the list: same folded name in the same department
  const departments = new Map(
    (await ctx.stores.schools.listDepartments(school.id)).map((d) => [fold(d.name), d]),
  )
  const existing = new Set(
    (await ctx.stores.people.list({ schoolId: school.id })).map(
      (p) => `${fold(p.fullName)}|${p.departmentId ?? ''}`,
    ),
  )
  const newDepartments = new Map<string, string>()
  for (const row of rows) {
    const dept = row.department === null ? undefined : departments.get(fold(row.department))
    if (row.department !== null && !dept && !newDepartments.has(fold(row.department))) {
      newDepartments.set(fold(row.department), row.department)
    }
    if (existing.has(`${fold(row.fullName)}|${dept?.id ?? ''}`) && (row.department === null || dept))
      row.action = 'update'
  }
  const create = rows.filter((r) => r.action === 'create').length
  return ok({
    kind: 'staff',
    schoolId: school.id,
    fileName: parsed.value.fileName,
    format,
    sheet: sheet.name,
    headerRow: header.row,
    columns: columnsOf(header),
    rows,
    errors: errors.sort((a, b) => a.row - b.row),
    newDepartments: [...newDepartments.values()],
    counts: {
      rows: rows.length + new Set(errors.map((e) => e.row)).size,
      create,
      update: rows.length - create,
      errors: errors.length,
    },
  })
}

/** Creates the new departments and people and updates the known ones, all or nothing. */
export async function commitStaff(
  ctx: ServiceContext,
  actor: Actor,
  input: { schoolId: number; preview: StaffPreview },
): Promise<
  Result<
    { created: number; updated: number; departmentsCreated: number },
    Forbidden | NotFound | InvalidInput | PreviewHasErrors | PreviewMismatch
  >
> {
  const parsed = parseInput(
    z.object({
      schoolId: z.number().int().positive(),
      preview: z.object({
        kind: z.literal('staff'),
        schoolId: z.number().int().positive(),
        errors: z.array(z.unknown()),
        rows: z.array(
          z.object({
            row: z.number().int(),
            fullName: z.string().trim().min(2).max(MAX.name),
            role: z.enum(ROLES),
            department: z.string().trim().min(1).max(MAX.department).nullable(),
            level: z.enum(LEVELS as [Level, ...Level[]]).nullable(),
            subject: z.string().trim().max(MAX.subject).nullable(),
          }),
        ),
      }),
    }),
    input,
  )
  if (!parsed.ok) return parsed
  const { schoolId, preview } = parsed.value
  if (preview.schoolId !== schoolId) return fail({ code: 'preview-mismatch' as const })
  if (preview.errors.length > 0)
    return fail({ code: 'preview-has-errors' as const, count: preview.errors.length })
  const who = await whoIs(ctx.stores, actor)
  const school = await ctx.stores.schools.get(schoolId)
  if (!school) return notFound('school')
  if (!isAdminOf(who, school.id)) return forbidden()
  const now = ctx.now().toISOString()
  const result = await ctx.stores.transaction(async (tx) => {
    const before = (await tx.schools.listDepartments(school.id)).length
    const departments = await tx.schools.ensureDepartments(
      school.id,
      preview.rows.map((r) => r.department).filter((d) => d !== null),
      now,
    )
    const existing = new Map(
      (await tx.people.list({ schoolId: school.id })).map((p) => [
        `${fold(p.fullName)}|${p.departmentId ?? ''}`,
        p,
      ]),
    )
    const creates: NewPerson[] = []
    let updated = 0
    for (const row of preview.rows) {
      const departmentId = row.department === null ? null : departments.get(fold(row.department))!.id
      const known = existing.get(`${fold(row.fullName)}|${departmentId ?? ''}`)
      if (known) {
        if (known.role !== row.role || known.level !== row.level || known.subject !== row.subject) {
          await tx.people.update(known.id, { role: row.role, level: row.level, subject: row.subject }, now)
        }
        updated++
      } else {
        creates.push({
          schoolId: school.id,
          fullName: row.fullName,
          role: row.role,
          departmentId,
          level: row.level,
          subject: row.subject,
        })
      }
    }
    await tx.people.createMany(creates, now)
    const departmentsCreated = departments.size - before
    await tx.audit.record(
      who.telegramId,
      'import.staff',
      { schoolId: school.id, created: creates.length, updated, departmentsCreated },
      now,
    )
    return { created: creates.length, updated, departmentsCreated }
  })
  return ok(result)
}
