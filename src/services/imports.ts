/**
 * Staff lists and module catalogues from a spreadsheet sent to the chat: read → a preview with
 * every row's problems (row number, column, what was wrong, what is expected — as codes and
 * parameters) → commit whole, in one transaction, only when the preview has no error.
 *
 *   const preview = await deps.imports.previewStaff(actor, { schoolId, fileName, data })
 *   if (preview.ok && preview.value.errors.length === 0)
 *     await deps.imports.commitStaff(actor, { schoolId, preview: preview.value })   // after "OK"
 *
 * A preview is plain data: it can wait in the conversation's state until the person confirms.
 */
import { z } from 'zod'
import { type CatalogueId, LEVELS, type Level, TT26_2012 } from '../rules/index.ts'
import type { ModuleData } from '../store/modules.ts'
import { type NewPerson, ROLES, type Role } from '../store/people.ts'
import type { Stores } from '../store/stores.ts'
import { fold, moduleCodeKey, tidy } from '../store/text.ts'
import { type Actor, type ActorInfo, isAdminOf, whoIs } from './access.ts'
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
import {
  bodyOf,
  type ColumnSpec,
  type ColumnsMissing,
  findHeader,
  type Header,
  readSheet,
  type SheetError,
  type SheetFormat,
  type SheetTable,
} from './sheets.ts'
import {
  CATALOGUE_IDS,
  catalogueOfCode,
  parseCatalogue,
  parseLevel,
  parseRole,
  ROLE_EXAMPLES,
} from './vocabulary.ts'

export type StaffField = 'fullName' | 'role' | 'department' | 'level' | 'subject'
export type CatalogueField =
  | 'level'
  | 'code'
  | 'title'
  | 'titleAndContents'
  | 'contents'
  | 'goals'
  | 'area'
  | 'hoursTotal'
  | 'hoursSelfStudy'
  | 'hoursTheory'
  | 'hoursPractice'
  | 'source'

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

export const CATALOGUE_COLUMNS: readonly ColumnSpec<CatalogueField>[] = [
  {
    field: 'level',
    aliases: ['cap hoc', 'cap', 'level', 'danh muc', 'catalogue'],
    required: false,
    example: 'Cấp học',
  },
  {
    field: 'code',
    aliases: ['ma mo dun', 'ma module', 'ma modun', 'ma md', 'ma', 'code', 'module code', 'module'],
    required: true,
    example: 'Mã mô đun',
  },
  {
    field: 'title',
    aliases: ['ten mo dun', 'ten module', 'ten', 'title'],
    required: false,
    example: 'Tên mô đun',
  },
  {
    field: 'titleAndContents',
    aliases: [
      'ten va noi dung chinh cua mo dun',
      'ten va noi dung mo dun',
      'ten va noi dung chinh',
      'ten va noi dung',
    ],
    required: false,
    example: 'Tên và nội dung chính của mô đun',
  },
  {
    field: 'contents',
    aliases: ['noi dung chinh', 'noi dung', 'contents', 'main contents'],
    required: false,
    example: 'Nội dung chính',
  },
  {
    field: 'goals',
    aliases: ['muc tieu boi duong', 'muc tieu', 'goals', 'objectives'],
    required: false,
    example: 'Mục tiêu bồi dưỡng',
  },
  {
    field: 'area',
    aliases: [
      'yeu cau chuan nghe nghiep can boi duong',
      'yeu cau chuan nghe nghiep',
      'linh vuc',
      'nang luc',
      'area',
    ],
    required: false,
    example: 'Lĩnh vực',
  },
  {
    field: 'hoursTotal',
    aliases: ['tong so tiet', 'tong so', 'tong', 'so tiet', 'thoi luong', 'total', 'total hours', 'hours'],
    required: false,
    example: 'Tổng số tiết',
  },
  {
    field: 'hoursSelfStudy',
    aliases: ['thoi gian tu hoc', 'tu hoc', 'self study'],
    required: false,
    example: 'Thời gian tự học',
  },
  {
    field: 'hoursTheory',
    aliases: ['ly thuyet', 'li thuyet', 'lt', 'theory'],
    required: false,
    example: 'Lý thuyết',
  },
  { field: 'hoursPractice', aliases: ['thuc hanh', 'practice'], required: false, example: 'Thực hành' },
  {
    field: 'source',
    aliases: ['nguon', 'van ban', 'thong tu', 'can cu', 'source'],
    required: false,
    example: 'Thông tư',
  },
]

/** One problem in one cell (or row) of the file. */
export interface RowError<F extends string = string> {
  /** 1-based row number as the spreadsheet shows it */
  row: number
  field: F | null
  /** the column's header as written in the file; null when the file has no such column */
  column: string | null
  code:
    | 'required'
    | 'too-long'
    | 'too-short'
    | 'unknown-role'
    | 'unknown-level'
    | 'department-required'
    | 'duplicate-row'
    | 'not-a-number'
    | 'out-of-range'
    | 'hours-mismatch'
    | 'invalid-code'
    | 'level-required'
    | 'level-code-mismatch'
    | 'module-exists'
  /** the cell as written */
  value: string
  /** what would be accepted, e.g. the role words or the levels */
  expected?: readonly string[]
  min?: number
  max?: number
  /** for duplicate-row: the row it repeats */
  firstRow?: number
  /** for hours-mismatch */
  total?: number
  sum?: number
}

interface PreviewBase<F extends string> {
  fileName: string
  format: SheetFormat
  sheet: string | null
  headerRow: number
  /** the header of each recognised column, as written */
  columns: Partial<Record<F, string>>
  errors: RowError<F>[]
}

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

export interface CatalogueRow {
  row: number
  module: ModuleData
  action: 'create' | 'update' | 'unchanged'
}

export interface CataloguePreview extends PreviewBase<CatalogueField> {
  kind: 'catalogue'
  rows: CatalogueRow[]
  counts: { rows: number; create: number; update: number; unchanged: number; errors: number }
}

/** The file could not be read as a table with the needed columns. */
export type ImportFileError = SheetError | ColumnsMissing<StaffField> | ColumnsMissing<CatalogueField>
/** Commit refused: the preview has errors (fix the file and send it again). */
/**
 * The module catalogue is one for every school (modules have no school), so only the deployment's
 * owners add to it or correct it; a school's admin is told who can.
 */
export type CatalogueOwnersOnly = { readonly code: 'catalogue-owners-only' }

export type PreviewHasErrors = { readonly code: 'preview-has-errors'; readonly count: number }
/** Commit refused: the preview is of another school or kind. */
export type PreviewMismatch = { readonly code: 'preview-mismatch' }

const MAX = {
  name: 100,
  department: 120,
  subject: 60,
  code: 20,
  title: 300,
  text: 4000,
  area: 300,
  source: 120,
}
const HOURS = { min: 0, max: 300 }

const fileInput = z.object({
  fileName: z.string().min(1).max(255),
  data: z.instanceof(Uint8Array),
})

export class ImportService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  /**
   * Whether the actor may import this kind of file now, asked before a file is even downloaded
   * (the previews ask again): a school's admin their school's staff list; an owner the catalogue.
   */
  async mayImport(
    actor: Actor,
    input: { kind: 'staff' | 'catalogue'; schoolId?: number },
  ): Promise<Result<null, Forbidden | NotFound | CatalogueOwnersOnly>> {
    const who = await whoIs(this.stores, actor)
    if (input.kind === 'catalogue') return catalogueRefusal(who) ?? ok(null)
    const school = input.schoolId ? await this.stores.schools.get(input.schoolId) : undefined
    if (!school) return notFound('school')
    return isAdminOf(who, school.id) ? ok(null) : forbidden()
  }

  // staff

  async previewStaff(
    actor: Actor,
    input: { schoolId: number; fileName: string; data: Uint8Array },
  ): Promise<Result<StaffPreview, Forbidden | NotFound | InvalidInput | ImportFileError>> {
    const parsed = parseInput(fileInput.extend({ schoolId: z.number().int().positive() }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(parsed.value.schoolId)
    if (!school) return notFound('school')
    if (!isAdminOf(who, school.id)) return forbidden()
    const table = await this.table(parsed.value.fileName, parsed.value.data, STAFF_COLUMNS)
    if (!table.ok) return table
    const { format, sheet, header } = table.value
    const errors: RowError<StaffField>[] = []
    const rows: StaffRow[] = []
    const seen = new Map<string, number>()
    const column = (field: StaffField) => header.columns.get(field)?.header ?? null
    const err = (
      row: number,
      field: StaffField,
      code: RowError['code'],
      value: string,
      extra: Partial<RowError<StaffField>> = {},
    ) => errors.push({ row, field, column: column(field), code, value, ...extra })

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
      (await this.stores.schools.listDepartments(school.id)).map((d) => [fold(d.name), d]),
    )
    const existing = new Set(
      (await this.stores.people.list({ schoolId: school.id })).map(
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
  async commitStaff(
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
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(schoolId)
    if (!school) return notFound('school')
    if (!isAdminOf(who, school.id)) return forbidden()
    const now = this.ctx.now().toISOString()
    const result = await this.stores.transaction(async (tx) => {
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

  // catalogue

  /**
   * The catalogue is shared by every school: only owners add and correct modules. A school's
   * admin is refused with `catalogue-owners-only` (what they did change every school's catalogue).
   */
  async previewCatalogue(
    actor: Actor,
    input: { fileName: string; data: Uint8Array },
  ): Promise<Result<CataloguePreview, Forbidden | CatalogueOwnersOnly | InvalidInput | ImportFileError>> {
    const parsed = parseInput(fileInput, input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const refused = catalogueRefusal(who)
    if (refused) return refused
    const table = await this.table(parsed.value.fileName, parsed.value.data, CATALOGUE_COLUMNS)
    if (!table.ok) return table
    const { format, sheet, header } = table.value
    const errors: RowError<CatalogueField>[] = []
    const column = (field: CatalogueField) => header.columns.get(field)?.header ?? null
    const err = (
      row: number,
      field: CatalogueField,
      code: RowError['code'],
      value: string,
      extra: Partial<RowError<CatalogueField>> = {},
    ) => errors.push({ row, field, column: column(field), code, value, ...extra })
    const candidates: CatalogueRow[] = []
    const seen = new Map<string, number>()

    for (const r of bodyOf(sheet.rows, header)) {
      const before = errors.length
      const code = tidy(r.get('code'))
      const codeValid = code.length <= MAX.code && /\p{L}/u.test(code) && /\d/.test(code)
      if (code === '') err(r.row, 'code', 'required', '')
      else if (!codeValid) err(r.row, 'code', 'invalid-code', code)
      const levelText = r.get('level')
      const fromCode = code === '' ? undefined : catalogueOfCode(code)
      let level: CatalogueId | undefined
      if (levelText !== '') {
        level = parseCatalogue(levelText)
        if (!level) err(r.row, 'level', 'unknown-level', levelText, { expected: CATALOGUE_IDS })
        else if (fromCode && fromCode !== level) {
          err(r.row, 'level', 'level-code-mismatch', levelText, { expected: [fromCode] })
        }
      } else {
        level = fromCode
        if (!level && codeValid) err(r.row, 'level', 'level-required', '', { expected: CATALOGUE_IDS })
      }
      let title = tidy(r.get('title'))
      let contents = r.get('contents')
      if (header.columns.has('titleAndContents')) {
        const [first, ...rest] = r
          .get('titleAndContents')
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l !== '')
        if (title === '') title = tidy((first ?? '').replace(/[.:]$/, ''))
        if (contents === '') contents = rest.join('\n')
      }
      if (title === '') err(r.row, header.columns.has('title') ? 'title' : 'titleAndContents', 'required', '')
      else if (title.length > MAX.title) err(r.row, 'title', 'too-long', title, { max: MAX.title })
      if (contents.length > MAX.text) err(r.row, 'contents', 'too-long', '', { max: MAX.text })
      const goals = r.get('goals')
      if (goals.length > MAX.text) err(r.row, 'goals', 'too-long', '', { max: MAX.text })
      const area = tidy(r.get('area'))
      if (area.length > MAX.area) err(r.row, 'area', 'too-long', area, { max: MAX.area })

      const hours = {} as Record<
        'hoursTotal' | 'hoursSelfStudy' | 'hoursTheory' | 'hoursPractice',
        number | null
      >
      for (const field of ['hoursTotal', 'hoursSelfStudy', 'hoursTheory', 'hoursPractice'] as const) {
        const text = r.get(field)
        const value = parseHours(text)
        if (value === undefined) err(r.row, field, 'not-a-number', text)
        else if (value !== null && (value < HOURS.min || value > HOURS.max)) {
          err(r.row, field, 'out-of-range', text, { min: HOURS.min, max: HOURS.max })
        }
        hours[field] = value ?? null
      }
      const parts = [hours.hoursSelfStudy, hours.hoursTheory, hours.hoursPractice].filter((h) => h !== null)
      const sum = parts.reduce((a, b) => a + b, 0)
      let total = hours.hoursTotal
      if (total === null && parts.length > 0) total = sum
      if (total === null || total === 0) {
        if (errors.length === before)
          err(r.row, 'hoursTotal', total === 0 ? 'out-of-range' : 'required', r.get('hoursTotal'), {
            min: 1,
            max: HOURS.max,
          })
      } else if (parts.length > 0 && sum !== total) {
        err(r.row, 'hoursTotal', 'hours-mismatch', r.get('hoursTotal'), { total, sum })
      }
      let source = tidy(r.get('source'))
      if (source === '' && level) source = TT26_2012.catalogues[level] ?? ''
      if (source === '' && level) err(r.row, 'source', 'required', '')
      else if (source.length > MAX.source) err(r.row, 'source', 'too-long', source, { max: MAX.source })
      if (errors.length > before || !level || total === null) continue
      const key = `${level}|${moduleCodeKey(code)}`
      const first = seen.get(key)
      if (first !== undefined) {
        err(r.row, 'code', 'duplicate-row', code, { firstRow: first })
        continue
      }
      seen.set(key, r.row)
      candidates.push({
        row: r.row,
        action: 'create',
        module: {
          level,
          code,
          title,
          contents: contents.trim(),
          goals: goals.trim(),
          area: area === '' ? null : area,
          hoursTotal: total,
          hoursSelfStudy: hours.hoursSelfStudy,
          hoursTheory: hours.hoursTheory,
          hoursPractice: hours.hoursPractice,
          source,
        },
      })
    }

    const existing = await this.stores.modules.byLevelKeys([
      ...new Set(candidates.map((c) => c.module.level)),
    ])
    const rows: CatalogueRow[] = []
    for (const candidate of candidates) {
      const known = existing.get(`${candidate.module.level}|${moduleCodeKey(candidate.module.code)}`)
      if (known) {
        const { id: _id, ...stored } = known
        candidate.action = sameModule(stored, candidate.module) ? 'unchanged' : 'update'
      }
      rows.push(candidate)
    }
    const count = (action: CatalogueRow['action']) => rows.filter((r) => r.action === action).length
    return ok({
      kind: 'catalogue',
      fileName: parsed.value.fileName,
      format,
      sheet: sheet.name,
      headerRow: header.row,
      columns: columnsOf(header),
      rows,
      errors: errors.sort((a, b) => a.row - b.row),
      counts: {
        rows: rows.length + new Set(errors.map((e) => e.row)).size,
        create: count('create'),
        update: count('update'),
        unchanged: count('unchanged'),
        errors: errors.length,
      },
    })
  }

  async commitCatalogue(
    actor: Actor,
    input: { preview: CataloguePreview },
  ): Promise<
    Result<
      { created: number; updated: number; unchanged: number },
      Forbidden | CatalogueOwnersOnly | InvalidInput | PreviewHasErrors
    >
  > {
    const moduleSchema = z.object({
      level: z.enum(CATALOGUE_IDS as [CatalogueId, ...CatalogueId[]]),
      code: z.string().trim().min(1).max(MAX.code),
      title: z.string().trim().min(1).max(MAX.title),
      contents: z.string().max(MAX.text),
      goals: z.string().max(MAX.text),
      area: z.string().max(MAX.area).nullable(),
      hoursTotal: z.number().int().min(1).max(HOURS.max),
      hoursSelfStudy: z.number().int().min(0).max(HOURS.max).nullable(),
      hoursTheory: z.number().int().min(0).max(HOURS.max).nullable(),
      hoursPractice: z.number().int().min(0).max(HOURS.max).nullable(),
      source: z.string().trim().min(1).max(MAX.source),
    })
    const parsed = parseInput(
      z.object({
        preview: z.object({
          kind: z.literal('catalogue'),
          errors: z.array(z.unknown()),
          rows: z.array(z.object({ row: z.number().int(), module: moduleSchema })),
        }),
      }),
      input,
    )
    if (!parsed.ok) return parsed
    const { preview } = parsed.value
    if (preview.errors.length > 0)
      return fail({ code: 'preview-has-errors' as const, count: preview.errors.length })
    const who = await whoIs(this.stores, actor)
    const refused = catalogueRefusal(who)
    if (refused) return refused
    const now = this.ctx.now().toISOString()
    const result = await this.stores.transaction(async (tx) => {
      const existing = await tx.modules.byLevelKeys([...new Set(preview.rows.map((r) => r.module.level))])
      const creates: ModuleData[] = []
      let updated = 0
      let unchanged = 0
      for (const { module } of preview.rows) {
        const known = existing.get(`${module.level}|${moduleCodeKey(module.code)}`)
        if (!known) creates.push(module)
        else {
          const { id, ...stored } = known
          if (sameModule(stored, module)) unchanged++
          else {
            await tx.modules.update(id, module, now)
            updated++
          }
        }
      }
      await tx.modules.createMany(creates, now)
      await tx.audit.record(
        who.telegramId,
        'import.catalogue',
        { created: creates.length, updated, unchanged },
        now,
      )
      return { created: creates.length, updated, unchanged }
    })
    return ok(result)
  }

  private async table<F extends string>(
    fileName: string,
    data: Uint8Array,
    specs: readonly ColumnSpec<F>[],
  ): Promise<
    Result<{ format: SheetFormat; sheet: SheetTable; header: Header<F> }, SheetError | ColumnsMissing<F>>
  > {
    const read = await readSheet(fileName, data)
    if (!read.ok) return read
    let firstMissing: ColumnsMissing<F> | undefined
    for (const sheet of read.value.tables) {
      const header = findHeader(sheet.rows, specs)
      if (header.ok) return ok({ format: read.value.format, sheet, header: header.value })
      firstMissing ??= header.error
    }
    return fail(firstMissing!)
  }
}

/** Owners pass; a school's admin hears who can; anyone else is simply not allowed. */
function catalogueRefusal(who: ActorInfo): Result<never, Forbidden | CatalogueOwnersOnly> | undefined {
  if (who.isOwner) return undefined
  return who.person?.role === 'admin' ? fail({ code: 'catalogue-owners-only' as const }) : forbidden()
}

/** "15", "15.0", "15,0" → 15; "" → null; anything else (or a fraction) → undefined. */
function parseHours(text: string): number | null | undefined {
  const t = text.trim().replace(',', '.')
  if (t === '') return null
  if (!/^\d+(\.0+)?$/.test(t)) return undefined
  return Number.parseInt(t, 10)
}

function sameModule(a: ModuleData, b: ModuleData): boolean {
  return (
    a.code === b.code &&
    a.title === b.title &&
    a.contents === b.contents &&
    a.goals === b.goals &&
    a.area === b.area &&
    a.hoursTotal === b.hoursTotal &&
    a.hoursSelfStudy === b.hoursSelfStudy &&
    a.hoursTheory === b.hoursTheory &&
    a.hoursPractice === b.hoursPractice &&
    a.source === b.source
  )
}

function columnsOf<F extends string>(header: Header<F>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {}
  for (const [field, c] of header.columns) out[field] = c.header
  return out
}
