/**
 * Entering grades (issue 5): a head of department enters a whole team's BDTX scores in one
 * message, one spreadsheet or the Mini App's grid, sees a preview — per teacher the scores read,
 * what changes, and the rule engine's result — with every error of every line, confirms, and the
 * batch is saved whole in one transaction. An admin does the same for anyone of the school,
 * managers (CBQL) included, who are judged pass/fail. Every change is a score event. The .xlsx
 * template to fill in comes from here too.
 *
 *   const p = await deps.grades.parseBatch(actor, { text: 'Nguyễn Văn An: 8 9 8,5 9 7 8' })
 *   if (p.ok && p.value.errors.length === 0)                           // show p.value, keep it
 *     const saved = await deps.grades.commitBatch(actor, { preview: p.value })   // after "OK"
 *   for (const n of saved.value.notify) send(n.recipient.telegramId, n.recipient.language, …)
 *
 * How lines are read: ./grade-lines.ts (separators, decimal commas, headers) and
 * ./grade-preview.ts (names, plans, values, errors); whom one may grade: ./grade-scope.ts; whom
 * to tell: ./grade-notices.ts. The rest of the grades' use cases have their own files: undo a
 * batch (./grade-undo.ts), lock the year's results (./results-lock.ts), a person's scores and
 * history (./scores.ts), the team table (./team-table.ts). Every judgement — score syntax, ĐTB,
 * class, pass/fail, "what do I need" — comes from src/rules.
 */
import { z } from 'zod'
import {
  type ComponentKey,
  type GradeBatch,
  GradeStore,
  type PlanWithModules,
  type StoredScore,
} from '../store/grades.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, whoIs } from './access.ts'
import { componentsOf, judgedAsOf, sameComponents } from './grade-components.ts'
import { type GridPlace, type GridRow, gridLines } from './grade-grid.ts'
import { type RawLine, sheetLine, splitMessage } from './grade-lines.ts'
import type { PreviewScope } from './grade-names.ts'
import { type GradeNotices, gradeNotices } from './grade-notices.ts'
import { buildPreview, type GradePreview } from './grade-preview.ts'
import {
  departmentNameOf,
  type GradeScope,
  gradable,
  gradeScope,
  inScope,
  locked,
  type ResultsLocked,
  type ScopeError,
  scopeInput,
  writableScope,
} from './grade-scope.ts'
import { type TemplateFile, teacherModuleCodes, templateFile } from './grade-template.ts'
import type { ServiceContext } from './options.ts'
import { fail, forbidden, type InvalidInput, ok, parseInput, type Result } from './result.ts'
import { readSheet, type SheetError } from './sheets.ts'

// ——— results —————————————————————————————————————————————————————————————————————

export interface CommitResult extends GradeNotices {
  batchId: number
  at: string
  lines: number
  changes: number
}

// ——— errors ——————————————————————————————————————————————————————————————————————

export type EmptyBatch = { readonly code: 'empty-batch' }
export type TooManyLines = { readonly code: 'too-many-lines'; readonly max: number; readonly lines: number }
export type PreviewHasErrors = { readonly code: 'preview-has-errors'; readonly count: number }
/** The preview was made by someone else, or is not a grades preview. */
export type PreviewMismatch = { readonly code: 'preview-mismatch' }
/** Scores or plans changed since the preview: show a new one. */
export type PreviewStale = {
  readonly code: 'preview-stale'
  readonly lines: ReadonlyArray<{ line: number; sheet: string | null; personId: number; fullName: string }>
}
export type NothingToSave = { readonly code: 'nothing-to-save' }

// ——— implementation ——————————————————————————————————————————————————————————————

const MAX_LINES = 5000
const MAX_TEXT = 1_000_000

const id = z.number().int().positive()

export class GradeService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  private grades(stores: Stores = this.stores): GradeStore {
    return new GradeStore(stores.db)
  }

  /**
   * Reads a message of grade lines into a preview (nothing is saved). A head grades their
   * department's teachers; an admin anyone of the school (managers too; `departmentId` narrows it
   * to one department); an owner names the school or department.
   */
  async parseBatch(
    actor: Actor,
    input: { text: string; schoolId?: number; departmentId?: number; schoolYearId?: number },
  ): Promise<Result<GradePreview, ScopeError | InvalidInput | ResultsLocked | EmptyBatch | TooManyLines>> {
    const parsed = parseInput(z.object({ text: z.string().max(MAX_TEXT), ...scopeInput }), input)
    if (!parsed.ok) return parsed
    const scope = await writableScope(this.stores, actor, parsed.value)
    if (!scope.ok) return scope
    const lines = splitMessage(parsed.value.text)
    return this.preview(scope.value, [lines], { source: 'message', fileName: null, format: 'text' })
  }

  /** The same from a spreadsheet (.xlsx, every sheet; or .csv), with the same rules. */
  async parseGradeFile(
    actor: Actor,
    input: {
      fileName: string
      data: Uint8Array
      schoolId?: number
      departmentId?: number
      schoolYearId?: number
    },
  ): Promise<
    Result<GradePreview, ScopeError | InvalidInput | ResultsLocked | EmptyBatch | TooManyLines | SheetError>
  > {
    const parsed = parseInput(
      z.object({ fileName: z.string().min(1).max(255), data: z.instanceof(Uint8Array), ...scopeInput }),
      input,
    )
    if (!parsed.ok) return parsed
    const scope = await writableScope(this.stores, actor, parsed.value)
    if (!scope.ok) return scope
    const read = await readSheet(parsed.value.fileName, parsed.value.data)
    if (!read.ok) return read
    const groups = read.value.tables.map((t) =>
      t.rows.map((r) => sheetLine(r.row, read.value.format === 'csv' ? null : t.name, r.cells)),
    )
    return this.preview(scope.value, groups, {
      source: 'file',
      fileName: parsed.value.fileName,
      format: read.value.format,
    })
  }

  /**
   * The same from the Mini App's grade sheet: one row per person, cells by component key. The rows
   * become grade lines (./grade-grid.ts) read like a message, so the preview, the checks, the
   * history and the undo are the message's; `places` maps each error back to its cell.
   */
  async parseGrid(
    actor: Actor,
    input: { rows: GridRow[]; schoolId?: number; departmentId?: number; schoolYearId?: number },
  ): Promise<
    Result<
      { preview: GradePreview; places: Map<number, GridPlace> },
      ScopeError | InvalidInput | ResultsLocked | EmptyBatch | TooManyLines
    >
  > {
    const row = z.object({ personId: id, scores: z.record(z.string().max(32), z.string().max(32)) })
    const parsed = parseInput(z.object({ rows: z.array(row).max(MAX_LINES), ...scopeInput }), input)
    if (!parsed.ok) return parsed
    const scope = await writableScope(this.stores, actor, parsed.value)
    if (!scope.ok) return scope
    const s = scope.value
    const rows = parsed.value.rows
    const plans = await this.grades().plansOf(
      s.year.id,
      rows.map((r) => r.personId),
    )
    const grid = gridLines(rows, new Map(s.people.map((p) => [p.id, p.fullName])), plans)
    if (grid.unknownKeys.length > 0)
      return fail({
        code: 'invalid-input' as const,
        issues: grid.unknownKeys.map((k) => ({
          path: `rows.${k.personId}.${k.key}`,
          code: 'unknown-component',
        })),
      })
    const preview = await this.preview(s, [grid.lines], { source: 'message', fileName: null, format: 'text' })
    if (!preview.ok) return preview
    return ok({ preview: preview.value, places: grid.places })
  }

  /**
   * Saves a preview without errors, all lines in one transaction, after checking again that the
   * actor may grade every one of them and that no score or plan changed since the preview.
   */
  async commitBatch(
    actor: Actor,
    input: { preview: GradePreview },
  ): Promise<
    Result<
      CommitResult,
      | ScopeError
      | InvalidInput
      | ResultsLocked
      | PreviewHasErrors
      | PreviewMismatch
      | PreviewStale
      | NothingToSave
    >
  > {
    const parsed = parseInput(z.object({ preview: previewSchema }), input)
    if (!parsed.ok) return parsed
    const preview = parsed.value.preview
    if (preview.errors.length > 0)
      return fail({ code: 'preview-has-errors' as const, count: preview.errors.length })
    const who = await whoIs(this.stores, actor)
    if (preview.actorTelegramId !== who.telegramId) return fail({ code: 'preview-mismatch' as const })
    const scope = await writableScope(this.stores, actor, {
      schoolId: preview.schoolId,
      departmentId: preview.departmentId ?? undefined,
      schoolYearId: preview.schoolYearId,
    })
    if (!scope.ok) return scope
    const s = scope.value
    const changes = preview.lines.reduce((n, l) => n + l.changes.length, 0)
    if (changes === 0) return fail({ code: 'nothing-to-save' as const })
    for (const line of preview.lines) {
      const stored = new Map(line.components.map((c) => [c.key, c.stored]))
      const consistent = line.changes.every(
        (c) => stored.has(c.key) && stored.get(c.key) === c.old && c.new !== c.old,
      )
      if (!consistent || new Set(line.changes.map((c) => c.key)).size !== line.changes.length)
        return fail({ code: 'preview-mismatch' as const })
    }
    if (new Set(preview.lines.map((l) => l.person.id)).size !== preview.lines.length)
      return fail({ code: 'preview-mismatch' as const })
    const byId = new Map(s.people.map((p) => [p.id, p]))
    for (const line of preview.lines) {
      const person = byId.get(line.person.id)
      if (!person || gradable(s, person) !== null) return forbidden()
    }
    const now = this.ctx.now().toISOString()
    const personIds = preview.lines.map((l) => l.person.id)
    type Outcome =
      | { locked: true }
      | { stale: PreviewStale['lines'][number][] }
      | {
          batch: GradeBatch
          plans: Map<number, PlanWithModules>
          stored: Map<number, Map<ComponentKey, StoredScore>>
        }
    const outcome = await this.stores.transaction(async (tx): Promise<Outcome> => {
      const grades = this.grades(tx)
      const year = await tx.schools.getYear(s.year.id)
      if (!year || year.resultsLocked) return { locked: true }
      const plans = await grades.plansOf(s.year.id, personIds)
      const stored = await grades.scoresOf(s.year.id, personIds)
      const stale: PreviewStale['lines'][number][] = []
      for (const line of preview.lines) {
        const plan = plans.get(line.person.id)
        const mine = stored.get(line.person.id)
        const same =
          plan !== undefined &&
          plan.status === 'approved' &&
          plan.planId === line.planId &&
          sameComponents(componentsOf(plan), line.components) &&
          line.components.every((c) => (mine?.get(c.key as ComponentKey)?.value ?? null) === c.stored)
        if (!same)
          stale.push({
            line: line.line,
            sheet: line.sheet,
            personId: line.person.id,
            fullName: byId.get(line.person.id)!.fullName,
          })
      }
      if (stale.length > 0) return { stale }
      const kinds = new Set(preview.lines.map((l) => judgedAsOf(byId.get(l.person.id)!)))
      const batch = await grades.createBatch({
        schoolId: s.school.id,
        schoolYearId: s.year.id,
        departmentId: s.departmentId,
        kind: kinds.size === 1 ? [...kinds][0]! : 'mixed',
        source: preview.source,
        fileName: preview.fileName,
        authorTelegramId: who.telegramId,
        authorPersonId: who.person?.id ?? null,
        lineCount: preview.lines.length,
        changeCount: changes,
        createdAt: now,
      })
      const writes = preview.lines.flatMap((l) =>
        l.changes.map((c) => ({
          personId: l.person.id,
          schoolYearId: s.year.id,
          component: c.key as ComponentKey,
          value: c.new,
          batchId: batch.id,
          at: now,
          by: who.telegramId,
        })),
      )
      await grades.writeScores(writes)
      await grades.addEvents(
        preview.lines.flatMap((l) =>
          l.changes.map((c) => ({
            batchId: batch.id,
            action: 'set' as const,
            personId: l.person.id,
            schoolYearId: s.year.id,
            component: c.key as ComponentKey,
            oldValue: c.old,
            newValue: c.new,
            at: now,
            actorTelegramId: who.telegramId,
            actorPersonId: who.person?.id ?? null,
          })),
        ),
      )
      await tx.audit.record(
        who.telegramId,
        'grades.commit',
        {
          batchId: batch.id,
          schoolYearId: s.year.id,
          departmentId: s.departmentId,
          lines: preview.lines.length,
          changes,
        },
        now,
      )
      return { batch, plans, stored }
    })
    if ('locked' in outcome) return fail(locked(s.year))
    if ('stale' in outcome) return fail({ code: 'preview-stale' as const, lines: outcome.stale })
    const changed = new Map(
      preview.lines.map((l) => [l.person.id, new Map(l.changes.map((c) => [c.key as ComponentKey, c.new]))]),
    )
    const { notify, unreachable } = await gradeNotices(
      this.stores,
      s.year,
      preview.lines.map((l) => byId.get(l.person.id)!),
      {
        plans: outcome.plans,
        before: outcome.stored,
        after: (personId, key, before) => {
          const v = changed.get(personId)?.get(key)
          return v === undefined ? before : v
        },
      },
    )
    return ok({
      batchId: outcome.batch.id,
      at: now,
      lines: preview.lines.length,
      changes,
      notify,
      unreachable,
    })
  }

  /**
   * The .xlsx to fill in (./grade-template.ts) with a row per person the actor grades who has an
   * approved plan; the others are listed in `leftOut`. Given while the results are locked too.
   */
  async gradeTemplate(
    actor: Actor,
    input: { schoolId?: number; departmentId?: number; schoolYearId?: number } = {},
  ): Promise<Result<TemplateFile, ScopeError | InvalidInput>> {
    const parsed = parseInput(z.object(scopeInput), input)
    if (!parsed.ok) return parsed
    const scope = await gradeScope(this.stores, actor, parsed.value)
    if (!scope.ok) return scope
    return ok(await templateFile(this.stores, scope.value))
  }

  /** The module codes the actor's teachers' approved plans have, in a sheet's order (the intro's example header). */
  async moduleColumns(actor: Actor): Promise<Result<string[], ScopeError>> {
    const scope = await gradeScope(this.stores, actor, {})
    if (!scope.ok) return scope
    return ok(await teacherModuleCodes(this.stores, scope.value))
  }

  /** Whether the actor may enter grades now (asked before a grade file is downloaded). */
  async mayEnterGrades(actor: Actor): Promise<Result<null, ScopeError | ResultsLocked>> {
    const scope = await writableScope(this.stores, actor, {})
    return scope.ok ? ok(null) : scope
  }

  // ——— internals ———————————————————————————————————————————————————————————————————

  /** The preview of some groups of lines (a message: one group; a file: one per sheet). */
  private async preview(
    scope: GradeScope,
    groups: RawLine[][],
    source: Pick<GradePreview, 'source' | 'fileName' | 'format'>,
  ): Promise<Result<GradePreview, EmptyBatch | TooManyLines>> {
    const total = groups.reduce((n, g) => n + g.length, 0)
    if (total === 0) return fail({ code: 'empty-batch' as const })
    if (total > MAX_LINES + 50) return fail({ code: 'too-many-lines' as const, max: MAX_LINES, lines: total })
    const grades = this.grades()
    const view: PreviewScope = {
      schoolId: scope.school.id,
      year: scope.year,
      profile: scope.profile,
      departmentId: scope.departmentId,
      actorTelegramId: scope.who.telegramId,
      people: scope.people,
      inScope: (p) => inScope(scope, p),
      gradable: (p) => gradable(scope, p),
      departmentName: (p) => departmentNameOf(scope, p),
    }
    const preview = await buildPreview(
      view,
      groups,
      source,
      {
        knownCodeKeys: (keys) => grades.knownCodeKeys(keys),
        plans: (ids) => grades.plansOf(scope.year.id, ids),
        scores: (ids) => grades.scoresOf(scope.year.id, ids),
        moduleCodesInScope: async () => {
          const ids = scope.people.filter((p) => gradable(scope, p) === null).map((p) => p.id)
          const codes = new Map<string, string>()
          for (const plan of (await grades.plansOf(scope.year.id, ids)).values())
            if (plan.status === 'approved') for (const m of plan.modules) codes.set(m.codeKey, m.code)
          return [...codes.values()].sort()
        },
      },
      this.ctx.now().toISOString(),
    )
    return ok(preview)
  }
}

// ——— the preview as commit reads it back (it may have waited in a session as JSON) ———

const scoreValue = z.number().int().min(0).max(1000)
const componentKey = z.string().regex(/^(nd1|nd2|module:\d+)$/)
const previewSchema = z.object({
  kind: z.literal('grades'),
  version: z.literal(1),
  schoolId: id,
  schoolYearId: id,
  departmentId: id.nullable(),
  actorTelegramId: z.number().int().positive(),
  source: z.enum(['message', 'file']),
  fileName: z.string().max(255).nullable(),
  errors: z.array(z.unknown()),
  lines: z
    .array(
      z.object({
        line: z.number().int(),
        sheet: z.string().nullable(),
        person: z.object({ id }),
        planId: id,
        components: z.array(z.object({ key: componentKey, stored: scoreValue.nullable() })),
        changes: z.array(z.object({ key: componentKey, old: scoreValue.nullable(), new: scoreValue })),
      }),
    )
    .max(MAX_LINES + 50),
})
