/**
 * The module catalogue from a spreadsheet, shared by every school: only the deployment's owners add
 * to it or correct it. Read → a preview with every row's problems → commit whole.
 */
import { z } from 'zod'
import { type CatalogueId, TT26_2012 } from '../rules/index.ts'
import type { ModuleData } from '../store/modules.ts'
import { moduleCodeKey, tidy } from '../store/text.ts'
import { type Actor, type ActorInfo, whoIs } from './access.ts'
import {
  columnsOf,
  fileInput,
  HOURS,
  MAX,
  type PreviewBase,
  type PreviewHasErrors,
  readTable,
  rowErrors,
} from './import-table.ts'
import type { ServiceContext } from './options.ts'
import { type Forbidden, fail, forbidden, type InvalidInput, ok, parseInput, type Result } from './result.ts'
import { bodyOf, type ColumnSpec, type ColumnsMissing, type SheetError } from './sheets.ts'
import { CATALOGUE_IDS, catalogueOfCode, parseCatalogue } from './vocabulary.ts'

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

/** The file could not be read as a table with the catalogue's columns. */
export type CatalogueFileError = SheetError | ColumnsMissing<CatalogueField>

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

/**
 * The module catalogue is one for every school (modules have no school), so only the deployment's
 * owners add to it or correct it; a school's admin is told who can.
 */
export type CatalogueOwnersOnly = { readonly code: 'catalogue-owners-only' }

/**
 * The catalogue is shared by every school: only owners add and correct modules. A school's
 * admin is refused with `catalogue-owners-only` (what they did change every school's catalogue).
 */
export async function previewCatalogue(
  ctx: ServiceContext,
  actor: Actor,
  input: { fileName: string; data: Uint8Array },
): Promise<Result<CataloguePreview, Forbidden | CatalogueOwnersOnly | InvalidInput | CatalogueFileError>> {
  const parsed = parseInput(fileInput, input)
  if (!parsed.ok) return parsed
  const who = await whoIs(ctx.stores, actor)
  const refused = catalogueRefusal(who)
  if (refused) return refused
  const table = await readTable(parsed.value.fileName, parsed.value.data, CATALOGUE_COLUMNS)
  if (!table.ok) return table
  const { format, sheet, header } = table.value
  const { errors, err } = rowErrors(header)
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

  const existing = await ctx.stores.modules.byLevelKeys([...new Set(candidates.map((c) => c.module.level))])
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

export async function commitCatalogue(
  ctx: ServiceContext,
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
  const who = await whoIs(ctx.stores, actor)
  const refused = catalogueRefusal(who)
  if (refused) return refused
  const now = ctx.now().toISOString()
  const result = await ctx.stores.transaction(async (tx) => {
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

/** Owners pass; a school's admin hears who can; anyone else is simply not allowed. */
export function catalogueRefusal(who: ActorInfo): Result<never, Forbidden | CatalogueOwnersOnly> | undefined {
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
