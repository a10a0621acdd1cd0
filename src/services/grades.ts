/**
 * Grades (issue 5): a head of department enters a whole team's BDTX scores in one message or one
 * spreadsheet, sees a preview — per teacher the scores read, what changes, and the rule engine's
 * result — with every error of every line, confirms, and the batch is saved whole in one
 * transaction. An admin does the same for anyone of the school, managers (CBQL) included, who are
 * judged pass/fail. Every change is a score event; a batch can be undone by its author until the
 * admin locks the year's results. Teachers see their own scores and "what do I still need".
 *
 *   const p = await deps.grades.parseBatch(actor, { text: 'Nguyễn Văn An: 8 9 8,5 9 7 8' })
 *   if (p.ok && p.value.errors.length === 0)                           // show p.value, keep it
 *     const saved = await deps.grades.commitBatch(actor, { preview: p.value })   // after "OK"
 *   for (const n of saved.value.notify) send(n.recipient.telegramId, n.recipient.language, …)
 *
 * How lines are read: ./grade-lines.ts (separators, decimal commas, headers) and
 * ./grade-preview.ts (names, plans, values, errors). Every judgement — score syntax, ĐTB, class,
 * pass/fail, "what do I need" — comes from src/rules.
 */
import { z } from 'zod'
import {
  type ComponentRef,
  classifyManager,
  classifyTeacher,
  type ManagerResult,
  missingComponents,
  type RegulationProfile,
  type RequiredManagerScores,
  type RequiredScores,
  requiredManagerScores,
  requiredScores,
  type Score,
  type TeacherGrade,
  type TeacherResult,
  type Tenths,
  teacherAverage,
} from '../rules/index.ts'
import {
  type BatchKind,
  type ComponentKey,
  type GradeBatch,
  GradeStore,
  type PlanWithModules,
  type ScoreEvent,
  type StoredScore,
} from '../store/grades.ts'
import type { Person, Recipient } from '../store/people.ts'
import type { PlanStatus } from '../store/plans.ts'
import type { School, SchoolYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { fold } from '../store/text.ts'
import { type Actor, type ActorInfo, canView, isAdminOf, whoIs } from './access.ts'
import {
  asScore,
  type ComponentLabel,
  componentsOf,
  type GradeComponent,
  type GradePerson,
  type JudgedAs,
  judge,
  judgedAsOf,
  labelOf,
  personOf,
  sameComponents,
  sameData,
  teacherScores,
} from './grade-components.ts'
import { type GridPlace, type GridRow, gridLines } from './grade-grid.ts'
import { type RawLine, sheetLine, splitMessage } from './grade-lines.ts'
import { buildPreview, type GradePreview, type NotGradable, type PreviewScope } from './grade-preview.ts'
import { sheetModules, templateWorkbook } from './grade-template.ts'
import type { ServiceContext } from './options.ts'
import { profileOfYear } from './regulation.ts'
import {
  type Entity,
  type Forbidden,
  fail,
  forbidden,
  type InvalidInput,
  type NotLinked,
  notFound,
  notLinked,
  ok,
  parseInput,
  type Result,
} from './result.ts'
import { readSheet, type SheetError } from './sheets.ts'

export type { ComponentLabel, GradeComponent, GradePerson, JudgedAs } from './grade-components.ts'
export type { GridPlace, GridRow } from './grade-grid.ts'
export type { Separator } from './grade-lines.ts'
export type {
  Candidate,
  GradeLineError,
  GradeLineErrorCode,
  GradePreview,
  HeaderColumnRole,
  HeaderInfo,
  PreviewComponent,
  PreviewLine,
  ScoreChange,
} from './grade-preview.ts'

// ——— results —————————————————————————————————————————————————————————————————————

/** One component with its current score, for /scores, /team and notifications. */
export interface ScoreView extends GradeComponent {
  value: Score | null
  updatedAt: string | null
}

export type Verdict = TeacherGrade | 'Dat' | 'KhongDat'

interface NoticeBase {
  recipient: Recipient
  personId: number
  fullName: string
  schoolYearName: string
  /** the regulation profile the year is judged by (its classes and citations) */
  profileId: string
  components: Array<ScoreView & { old: Score | null; changed: boolean }>
  /** ĐTB once every component is scored, else null */
  average: Tenths | null
  /** not final yet, or final below Giỏi / not passed: say what is needed */
  showRequired: boolean
}

/** Someone to tell that their result changed, in their language. */
export type GradeNotice = NoticeBase &
  (
    | { judgedAs: 'teacher'; result: TeacherResult; required: RequiredScores }
    | { judgedAs: 'manager'; result: ManagerResult; required: RequiredManagerScores }
  )

export interface CommitResult {
  batchId: number
  at: string
  lines: number
  changes: number
  notify: GradeNotice[]
  /** result changed, but no Telegram account is linked to tell them */
  unreachable: Array<{ personId: number; fullName: string }>
}

export interface UndoResult {
  batchId: number
  undoneAt: string
  /** scores put back as they were */
  restored: number
  notify: GradeNotice[]
  unreachable: Array<{ personId: number; fullName: string }>
}

interface MyScoresBase {
  person: GradePerson
  schoolYear: { id: number; name: string; resultsLocked: boolean; profileId: string }
  plan: { id: number; status: PlanStatus } | null
  components: ScoreView[]
  /** ĐTB once every component is scored (approved plan), else null */
  average: Tenths | null
  missing: ComponentRef[]
}

/** /scores: the result and "what do I need" are given for an approved plan only (else null). */
export type MyScores = MyScoresBase &
  (
    | { judgedAs: 'teacher'; result: TeacherResult | null; required: RequiredScores | null }
    | { judgedAs: 'manager'; result: ManagerResult | null; required: RequiredManagerScores | null }
  )

/** One row of /team. `summary`: the class or verdict when final, 'pending', or 'no-approved-plan'. */
export type TeamRow = MyScores & { summary: Verdict | 'pending' | 'no-approved-plan' }

export interface TeamTable {
  schoolId: number
  schoolYear: { id: number; name: string; resultsLocked: boolean; profileId: string }
  /** the regulation the year is judged by: every class and verdict in `rows` comes from it */
  regulation: RegulationProfile
  departmentId: number | null
  departmentName: string | null
  rows: TeamRow[]
  counts: {
    teachers: Record<TeacherGrade | 'pending' | 'no-approved-plan', number> & { total: number }
    managers: Record<'Dat' | 'KhongDat' | 'pending' | 'no-approved-plan', number> & { total: number }
  }
}

export interface TemplateFile {
  fileName: string
  data: Buffer
  schoolYearName: string
  sheets: Array<{ name: string; judgedAs: JudgedAs; people: number; moduleCodes: string[] }>
  /** people in scope left out of the template: no approved plan */
  leftOut: Array<{ personId: number; fullName: string; planStatus: PlanStatus | null }>
  resultsLocked: boolean
}

export interface HistoryEntry {
  eventId: number
  batchId: number
  at: string
  /** 'set': entered by a batch; 'undo': put back when its batch was undone */
  action: 'set' | 'undo'
  component: ComponentLabel
  old: Score | null
  new: Score | null
  actor: { telegramId: number; personId: number | null; fullName: string | null }
  /** the batch was undone later (its 'set' no longer holds) */
  batchUndone: boolean
}

export interface BatchView {
  id: number
  schoolYearId: number
  departmentId: number | null
  kind: BatchKind
  source: 'message' | 'file'
  fileName: string | null
  lines: number
  changes: number
  createdAt: string
  undoneAt: string | null
  authorTelegramId: number
}

// ——— errors ——————————————————————————————————————————————————————————————————————

export type NoCurrentYear = { readonly code: 'no-current-year'; readonly schoolId: number }
/** An owner who belongs to no school must say which school or department. */
export type SchoolRequired = { readonly code: 'school-required' }
export type ResultsLocked = {
  readonly code: 'results-locked'
  readonly schoolYearId: number
  readonly schoolYearName: string
}
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
export type AlreadyUndone = { readonly code: 'already-undone'; readonly undoneAt: string }
/** A later batch changed some of the same scores: undo that one first. */
export type BatchSuperseded = {
  readonly code: 'batch-superseded'
  readonly by: ReadonlyArray<{
    batchId: number
    personId: number
    fullName: string
    component: ComponentLabel
  }>
}
export type GradeNotFound = { readonly code: 'not-found'; readonly entity: Entity | 'grade-batch' }

type ScopeError = Forbidden | NotLinked | GradeNotFound | NoCurrentYear | SchoolRequired

// ——— implementation ——————————————————————————————————————————————————————————————

export const MAX_LINES = 5000
const MAX_TEXT = 1_000_000

const id = z.number().int().positive()
const scopeInput = {
  schoolId: id.optional(),
  departmentId: id.optional(),
  schoolYearId: id.optional(),
}

interface Scope {
  who: ActorInfo
  as: 'head' | 'admin' | 'owner'
  school: School
  year: SchoolYear
  profile: RegulationProfile
  departmentId: number | null
  departmentName: string | null
  departments: Map<number, string>
  /** everyone of the school */
  people: Person[]
}

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
    const scope = await this.writableScope(actor, parsed.value)
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
    const scope = await this.writableScope(actor, parsed.value)
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
    const scope = await this.writableScope(actor, parsed.value)
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
    const scope = await this.writableScope(actor, {
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
      if (!person || this.gradable(s, person) !== null) return forbidden()
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
    const { notify, unreachable } = await this.notices(
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
   * Undoes a batch: its author (or an owner), until the year's results are locked, and only while
   * no later batch changed the same scores. The old values are put back and recorded as events.
   */
  async undoBatch(
    actor: Actor,
    input: { batchId: number },
  ): Promise<
    Result<
      UndoResult,
      Forbidden | GradeNotFound | InvalidInput | ResultsLocked | AlreadyUndone | BatchSuperseded
    >
  > {
    const parsed = parseInput(z.object({ batchId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const batch = await this.grades().getBatch(parsed.value.batchId)
    if (!batch) return fail({ code: 'not-found' as const, entity: 'grade-batch' as const })
    if (batch.authorTelegramId !== who.telegramId && !who.isOwner) return forbidden()
    // the author must still be allowed to grade there: a head moved or demoted since cannot undo
    const still = await this.scope(actor, {
      schoolId: batch.schoolId,
      departmentId: batch.departmentId ?? undefined,
      schoolYearId: batch.schoolYearId,
    })
    if (!still.ok) return forbidden()
    const year = await this.stores.schools.getYear(batch.schoolYearId)
    if (!year) return notFound('school-year')
    const now = this.ctx.now().toISOString()
    type Outcome =
      | { error: ResultsLocked | AlreadyUndone | BatchSuperseded }
      | {
          events: ScoreEvent[]
          plans: Map<number, PlanWithModules>
          before: Map<number, Map<ComponentKey, StoredScore>>
        }
    const outcome: Outcome = await this.stores.transaction(async (tx): Promise<Outcome> => {
      const grades = this.grades(tx)
      const current = await grades.getBatch(batch.id)
      if (current?.undoneAt) return { error: { code: 'already-undone', undoneAt: current.undoneAt } }
      const y = await tx.schools.getYear(batch.schoolYearId)
      if (!y || y.resultsLocked) return { error: locked(year) }
      const events = (await grades.batchEvents(batch.id)).filter((e) => e.action === 'set')
      const personIds = [...new Set(events.map((e) => e.personId))]
      const firstId = Math.min(...events.map((e) => e.id))
      const later =
        events.length === 0 ? [] : await grades.laterLiveEvents(y.id, personIds, firstId - 1, batch.id)
      const mine = new Map(events.map((e) => [`${e.personId}|${e.component}`, e.id]))
      const blocking = later.filter((e) => {
        const at = mine.get(`${e.personId}|${e.component}`)
        return at !== undefined && e.id > at
      })
      if (blocking.length > 0) {
        const names = new Map(
          (await tx.people.list({ schoolId: batch.schoolId })).map((p) => [p.id, p.fullName]),
        )
        const codes = await this.moduleCodes(
          tx,
          blocking.map((e) => e.moduleId),
        )
        const seen = new Set<string>()
        const by: BatchSuperseded['by'][number][] = []
        for (const e of blocking) {
          const key = `${e.batchId}|${e.personId}|${e.component}`
          if (seen.has(key)) continue
          seen.add(key)
          by.push({
            batchId: e.batchId,
            personId: e.personId,
            fullName: names.get(e.personId) ?? '',
            component: labelOf(e.component, e.moduleId, codes),
          })
        }
        return { error: { code: 'batch-superseded', by } }
      }
      const plans = await grades.plansOf(y.id, personIds)
      const before = await grades.scoresOf(y.id, personIds)
      if (!(await grades.markUndone(batch.id, now, who.telegramId)))
        return { error: { code: 'already-undone', undoneAt: now } }
      const restore = events.filter((e) => e.oldValue !== null)
      await grades.writeScores(
        restore.map((e) => ({
          personId: e.personId,
          schoolYearId: y.id,
          component: e.component,
          value: e.oldValue!,
          batchId: batch.id,
          at: now,
          by: who.telegramId,
        })),
      )
      await grades.deleteScores(
        events
          .filter((e) => e.oldValue === null)
          .map((e) => ({ personId: e.personId, schoolYearId: y.id, component: e.component })),
      )
      await grades.addEvents(
        events.map((e) => ({
          batchId: batch.id,
          action: 'undo' as const,
          personId: e.personId,
          schoolYearId: y.id,
          component: e.component,
          oldValue: before.get(e.personId)?.get(e.component)?.value ?? null,
          newValue: e.oldValue,
          at: now,
          actorTelegramId: who.telegramId,
          actorPersonId: who.person?.id ?? null,
        })),
      )
      await tx.audit.record(
        who.telegramId,
        'grades.undo',
        { batchId: batch.id, restored: events.length },
        now,
      )
      return { events, plans, before }
    })
    if ('error' in outcome) return fail(outcome.error)
    const restored = new Map(outcome.events.map((e) => [`${e.personId}|${e.component}`, e.oldValue]))
    // in the batch's own order
    const bySchool = new Map(
      (await this.stores.people.list({ schoolId: batch.schoolId })).map((p) => [p.id, p]),
    )
    const people = [...new Set(outcome.events.map((e) => e.personId))].flatMap((personId) => {
      const p = bySchool.get(personId)
      return p ? [p] : []
    })
    const { notify, unreachable } = await this.notices(year, people, {
      plans: outcome.plans,
      before: outcome.before,
      after: (personId, key, before) => {
        const k = `${personId}|${key}`
        return restored.has(k) ? (restored.get(k) ?? null) : before
      },
    })
    return ok({ batchId: batch.id, undoneAt: now, restored: outcome.events.length, notify, unreachable })
  }

  /** The admin (or an owner) locks a year's results: no batch, no undo until unlocked. */
  async lockResults(
    actor: Actor,
    input: { schoolYearId: number },
  ): Promise<
    Result<
      { schoolYearId: number; name: string; resultsLocked: boolean; changed: boolean },
      Forbidden | GradeNotFound | InvalidInput
    >
  > {
    return this.setLock(actor, input, true)
  }

  async unlockResults(
    actor: Actor,
    input: { schoolYearId: number },
  ): Promise<
    Result<
      { schoolYearId: number; name: string; resultsLocked: boolean; changed: boolean },
      Forbidden | GradeNotFound | InvalidInput
    >
  > {
    return this.setLock(actor, input, false)
  }

  /**
   * /scores: a person's components for the year (current by default), the rule engine's result
   * and what they still need. Oneself by default; `personId` for whoever may see that person
   * (their head, their school's admins, owners).
   */
  async myScores(
    actor: Actor,
    input: { personId?: number; schoolYearId?: number } = {},
  ): Promise<Result<MyScores, Forbidden | NotLinked | GradeNotFound | InvalidInput | NoCurrentYear>> {
    const parsed = parseInput(z.object({ personId: id.optional(), schoolYearId: id.optional() }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    let person: Person | undefined
    if (parsed.value.personId === undefined) {
      if (!who.person) return notLinked()
      person = who.person
    } else {
      person = await this.stores.people.get(parsed.value.personId)
      if (!person) return notFound('person')
      if (!canView(who, person)) return forbidden()
    }
    const year = await this.yearOf(person.schoolId, parsed.value.schoolYearId)
    if (!year.ok) return year
    const grades = this.grades()
    const plans = await grades.plansOf(year.value.id, [person.id])
    const scores = await grades.scoresOf(year.value.id, [person.id])
    const department =
      person.departmentId === null ? undefined : await this.stores.schools.getDepartment(person.departmentId)
    return ok(
      scoresView(
        person,
        department?.name ?? null,
        year.value,
        plans.get(person.id),
        scores.get(person.id),
        profileOfYear(year.value),
      ),
    )
  }

  /**
   * /team: every person of the department (a head's; an admin's choice, or the whole school), with
   * plan state, scores, ĐTB, class or verdict, missing components, and counts per class.
   */
  async teamTable(
    actor: Actor,
    input: { departmentId?: number; schoolId?: number; schoolYearId?: number } = {},
  ): Promise<Result<TeamTable, ScopeError | InvalidInput>> {
    const parsed = parseInput(z.object(scopeInput), input)
    if (!parsed.ok) return parsed
    const scope = await this.scope(actor, parsed.value)
    if (!scope.ok) return scope
    const s = scope.value
    const members = s.people.filter((p) => this.inScope(s, p) && p.role !== 'staff')
    const grades = this.grades()
    const ids = members.map((p) => p.id)
    const plans = await grades.plansOf(s.year.id, ids)
    const scores = await grades.scoresOf(s.year.id, ids)
    const rows: TeamRow[] = members.map((p) => {
      const view = scoresView(p, departmentNameOf(s, p), s.year, plans.get(p.id), scores.get(p.id), s.profile)
      return { ...view, summary: summaryOf(view) }
    })
    return ok({
      schoolId: s.school.id,
      schoolYear: {
        id: s.year.id,
        name: s.year.name,
        resultsLocked: s.year.resultsLocked,
        profileId: s.year.profileId,
      },
      regulation: s.profile,
      departmentId: s.departmentId,
      departmentName: s.departmentName,
      rows,
      counts: classCounts(rows),
    })
  }

  /**
   * An .xlsx to fill in (./grade-template.ts): a sheet "Giáo viên" — and "CBQL" when managers are in
   * scope (an admin's school-wide template) — with "Họ và tên | ND1 | ND2 | <module codes> [| Tổ] |
   * Mã", one row per person the actor grades who has an approved plan, stored scores filled in, grey
   * cells under modules a plan lacks. People without an approved plan are listed in `leftOut`.
   */
  async gradeTemplate(
    actor: Actor,
    input: { schoolId?: number; departmentId?: number; schoolYearId?: number } = {},
  ): Promise<Result<TemplateFile, ScopeError | InvalidInput>> {
    const parsed = parseInput(z.object(scopeInput), input)
    if (!parsed.ok) return parsed
    const scope = await this.scope(actor, parsed.value)
    if (!scope.ok) return scope
    const s = scope.value
    const candidates = s.people.filter((p) => this.gradable(s, p) === null)
    const ids = candidates.map((p) => p.id)
    const plans = await this.grades().plansOf(s.year.id, ids)
    const scores = await this.grades().scoresOf(s.year.id, ids)
    const leftOut: TemplateFile['leftOut'] = []
    const rows: Record<JudgedAs, Array<Parameters<typeof sheetModules>[0][number]>> = {
      teacher: [],
      manager: [],
    }
    for (const person of candidates) {
      const plan = plans.get(person.id)
      if (plan?.status !== 'approved') {
        leftOut.push({ personId: person.id, fullName: person.fullName, planStatus: plan?.status ?? null })
        continue
      }
      rows[judgedAsOf(person)].push({
        person,
        plan,
        scores: scores.get(person.id),
        department: departmentNameOf(s, person),
      })
    }
    const sheets = [
      { name: 'Giáo viên', judgedAs: 'teacher' as const, rows: rows.teacher },
      ...(rows.manager.length > 0
        ? [{ name: 'CBQL', judgedAs: 'manager' as const, rows: rows.manager }]
        : []),
    ]
    const data = await templateWorkbook(sheets, { withDepartment: s.departmentId === null })
    const slug = fold(`${s.year.name} ${s.departmentName ?? s.school.name}`)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
    return ok({
      fileName: `diem-bdtx-${slug}.xlsx`,
      data,
      schoolYearName: s.year.name,
      sheets: sheets.map((sheet) => ({
        name: sheet.name,
        judgedAs: sheet.judgedAs,
        people: sheet.rows.length,
        moduleCodes: sheetModules(sheet.rows).map((m) => m.code),
      })),
      leftOut,
      resultsLocked: s.year.resultsLocked,
    })
  }

  /** Every change of one person's scores in a year, oldest first (for whoever may see them). */
  async scoreHistory(
    actor: Actor,
    input: { personId?: number; schoolYearId?: number } = {},
  ): Promise<
    Result<
      { person: GradePerson; schoolYear: { id: number; name: string }; events: HistoryEntry[] },
      Forbidden | NotLinked | GradeNotFound | InvalidInput | NoCurrentYear
    >
  > {
    const parsed = parseInput(z.object({ personId: id.optional(), schoolYearId: id.optional() }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    let person: Person | undefined
    if (parsed.value.personId === undefined) {
      if (!who.person) return notLinked()
      person = who.person
    } else {
      person = await this.stores.people.get(parsed.value.personId)
      if (!person) return notFound('person')
      if (!canView(who, person)) return forbidden()
    }
    const year = await this.yearOf(person.schoolId, parsed.value.schoolYearId)
    if (!year.ok) return year
    const rows = await this.grades().history(year.value.id, person.id)
    const department =
      person.departmentId === null ? undefined : await this.stores.schools.getDepartment(person.departmentId)
    return ok({
      person: personOf(person, department?.name ?? null),
      schoolYear: { id: year.value.id, name: year.value.name },
      events: rows.map((r) => ({
        eventId: r.id,
        batchId: r.batchId,
        at: r.at,
        action: r.action,
        component: labelOf(
          r.component,
          r.moduleId,
          new Map(r.moduleId ? [[r.moduleId, r.moduleCode ?? '']] : []),
        ),
        old: r.oldValue === null ? null : asScore(r.oldValue),
        new: r.newValue === null ? null : asScore(r.newValue),
        actor: { telegramId: r.actorTelegramId, personId: r.actorPersonId, fullName: r.actorName },
        batchUndone: r.batchUndoneAt !== null,
      })),
    })
  }

  /** The actor's latest batches of the year (to offer "undo"), newest first. */
  async myBatches(
    actor: Actor,
    input: { schoolId?: number; schoolYearId?: number; limit?: number } = {},
  ): Promise<
    Result<BatchView[], Forbidden | NotLinked | GradeNotFound | InvalidInput | NoCurrentYear | SchoolRequired>
  > {
    const parsed = parseInput(
      z.object({
        schoolId: id.optional(),
        schoolYearId: id.optional(),
        limit: z.number().int().min(1).max(100).optional(),
      }),
      input,
    )
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const schoolId = parsed.value.schoolId ?? who.person?.schoolId
    if (schoolId === undefined) return who.isOwner ? fail({ code: 'school-required' as const }) : notLinked()
    if (!who.isOwner && who.person?.schoolId !== schoolId) return forbidden()
    const year = await this.yearOf(schoolId, parsed.value.schoolYearId)
    if (!year.ok) return year
    const batches = await this.grades().batches(year.value.id, {
      authorTelegramId: who.telegramId,
      limit: parsed.value.limit ?? 10,
    })
    return ok(batches.map(batchView))
  }

  // ——— internals ———————————————————————————————————————————————————————————————————

  private async setLock(
    actor: Actor,
    input: { schoolYearId: number },
    lock: boolean,
  ): Promise<
    Result<
      { schoolYearId: number; name: string; resultsLocked: boolean; changed: boolean },
      Forbidden | GradeNotFound | InvalidInput
    >
  > {
    const parsed = parseInput(z.object({ schoolYearId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const year = await this.stores.schools.getYear(parsed.value.schoolYearId)
    if (!year) return notFound('school-year')
    if (!isAdminOf(who, year.schoolId)) return forbidden()
    const now = this.ctx.now().toISOString()
    const changed = await this.stores.transaction(async (tx) => {
      const changed = await this.grades(tx).setResultsLocked(year.id, lock, now)
      if (changed)
        await tx.audit.record(
          who.telegramId,
          lock ? 'grades.lock' : 'grades.unlock',
          { schoolYearId: year.id },
          now,
        )
      return changed
    })
    return ok({ schoolYearId: year.id, name: year.name, resultsLocked: lock, changed })
  }

  private async yearOf(
    schoolId: number,
    schoolYearId: number | undefined,
  ): Promise<Result<SchoolYear, GradeNotFound | NoCurrentYear>> {
    if (schoolYearId !== undefined) {
      const year = await this.stores.schools.getYear(schoolYearId)
      if (!year || year.schoolId !== schoolId) return notFound('school-year')
      return ok(year)
    }
    const year = await this.stores.schools.currentYear(schoolId)
    return year ? ok(year) : fail({ code: 'no-current-year' as const, schoolId })
  }

  /**
   * Who the actor may grade or list: a head — their department; an admin — their school, or one
   * department of it; an owner — the named school or department (their own school by default).
   */
  private async scope(
    actor: Actor,
    input: { schoolId?: number; departmentId?: number; schoolYearId?: number },
  ): Promise<Result<Scope, ScopeError>> {
    const who = await whoIs(this.stores, actor)
    const department =
      input.departmentId === undefined
        ? undefined
        : await this.stores.schools.getDepartment(input.departmentId)
    if (input.departmentId !== undefined && !department) return notFound('department')
    const schoolId = input.schoolId ?? department?.schoolId ?? who.person?.schoolId
    if (schoolId === undefined) return who.isOwner ? fail({ code: 'school-required' as const }) : notLinked()
    if (department && department.schoolId !== schoolId) return forbidden()
    let as: Scope['as']
    let departmentId: number | null
    if (isAdminOf(who, schoolId)) {
      as = who.isOwner ? 'owner' : 'admin'
      departmentId = department?.id ?? null
    } else if (
      who.person?.role === 'head' &&
      who.person.schoolId === schoolId &&
      who.person.departmentId !== null &&
      (!department || department.id === who.person.departmentId)
    ) {
      as = 'head'
      departmentId = who.person.departmentId
    } else {
      return who.person || who.isOwner ? forbidden() : notLinked()
    }
    const school = await this.stores.schools.get(schoolId)
    if (!school) return notFound('school')
    const year = await this.yearOf(schoolId, input.schoolYearId)
    if (!year.ok) return year
    const departments = new Map(
      (await this.stores.schools.listDepartments(schoolId)).map((d) => [d.id, d.name]),
    )
    return ok({
      who,
      as,
      school,
      year: year.value,
      profile: profileOfYear(year.value),
      departmentId,
      departmentName: departmentId === null ? null : (departments.get(departmentId) ?? null),
      departments,
      people: await this.stores.people.list({ schoolId }),
    })
  }

  /** Whether the actor may enter grades now (asked before a grade file is downloaded). */
  async mayEnterGrades(actor: Actor): Promise<Result<null, ScopeError | ResultsLocked>> {
    const scope = await this.writableScope(actor, {})
    return scope.ok ? ok(null) : scope
  }

  /** The scope for entering grades: also refused while the year's results are locked. */
  private async writableScope(
    actor: Actor,
    input: { schoolId?: number; departmentId?: number; schoolYearId?: number },
  ): Promise<Result<Scope, ScopeError | ResultsLocked>> {
    const scope = await this.scope(actor, input)
    if (!scope.ok) return scope
    if (scope.value.year.resultsLocked) return fail(locked(scope.value.year))
    return scope
  }

  private inScope(scope: Scope, person: Person): boolean {
    return scope.departmentId === null || person.departmentId === scope.departmentId
  }

  /** Why the actor may not grade this person (a line error code), or null when they may. */
  private gradable(scope: Scope, person: Person): NotGradable | null {
    if (person.schoolId !== scope.school.id || !this.inScope(scope, person)) return 'not-in-your-department'
    if (person.role === 'staff') return 'not-gradable'
    if (scope.as === 'head' && (person.role === 'manager' || person.role === 'admin')) return 'not-gradable'
    if (scope.who.person?.id === person.id) return 'own-scores'
    return null
  }

  /** The preview of some groups of lines (a message: one group; a file: one per sheet). */
  private async preview(
    scope: Scope,
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
      inScope: (p) => this.inScope(scope, p),
      gradable: (p) => this.gradable(scope, p),
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
          const ids = scope.people.filter((p) => this.gradable(scope, p) === null).map((p) => p.id)
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

  private async moduleCodes(tx: Stores, moduleIds: Array<number | null>): Promise<Map<number, string>> {
    const ids = [...new Set(moduleIds.filter((m) => m !== null))]
    return new Map((await tx.modules.byIds(ids)).map((m) => [m.id, m.code]))
  }

  /** Whom to tell after a change: each linked person whose rule-engine result changed. */
  private async notices(
    year: SchoolYear,
    people: Person[],
    data: {
      plans: Map<number, PlanWithModules>
      before: Map<number, Map<ComponentKey, StoredScore>>
      after: (personId: number, key: ComponentKey, before: number | null) => number | null
    },
  ): Promise<{ notify: GradeNotice[]; unreachable: CommitResult['unreachable'] }> {
    const profile = profileOfYear(year)
    const recipients = new Map(
      (await this.stores.people.recipients(people.map((p) => p.id))).map((r) => [r.personId, r]),
    )
    const notify: GradeNotice[] = []
    const unreachable: CommitResult['unreachable'] = []
    for (const person of people) {
      const plan = data.plans.get(person.id)
      if (plan?.status !== 'approved') continue
      const components = componentsOf(plan)
      const mine = data.before.get(person.id)
      const old = components.map((c) => mine?.get(c.key)?.value ?? null)
      const next = components.map((c, i) => data.after(person.id, c.key, old[i]!))
      const judgedAs = judgedAsOf(person)
      const scores = teacherScores(components, next)
      const afterResult = judge(judgedAs, scores, profile)
      if (sameData(judge(judgedAs, teacherScores(components, old), profile), afterResult)) continue
      const recipient = recipients.get(person.id)
      if (!recipient) {
        unreachable.push({ personId: person.id, fullName: person.fullName })
        continue
      }
      const base = {
        recipient,
        personId: person.id,
        fullName: person.fullName,
        schoolYearName: year.name,
        profileId: profile.id,
        components: components.map((c, i) => ({
          ...c,
          value: next[i] === null ? null : asScore(next[i]!),
          updatedAt: null,
          old: old[i] === null ? null : asScore(old[i]!),
          changed: old[i] !== next[i],
        })),
        average: teacherAverage(scores),
      }
      if (judgedAs === 'manager') {
        const result = afterResult as ManagerResult
        notify.push({
          ...base,
          judgedAs,
          result,
          required: requiredManagerScores(scores, profile),
          showRequired: result.kind === 'pending' || result.verdict !== 'Dat',
        })
      } else {
        const result = afterResult as TeacherResult
        notify.push({
          ...base,
          judgedAs,
          result,
          required: requiredScores(scores, profile),
          // below the profile's best class: say what the class above needs
          showRequired: result.kind === 'pending' || result.grade !== profile.teacher.classes[0]?.grade,
        })
      }
    }
    return { notify, unreachable }
  }
}

// ——— helpers ————————————————————————————————————————————————————————————————————

function locked(year: SchoolYear): ResultsLocked {
  return { code: 'results-locked', schoolYearId: year.id, schoolYearName: year.name }
}

function departmentNameOf(scope: Scope, p: Person): string | null {
  return p.departmentId === null ? null : (scope.departments.get(p.departmentId) ?? null)
}

export function scoresView(
  person: Person,
  departmentName: string | null,
  year: SchoolYear,
  plan: PlanWithModules | undefined,
  stored: Map<ComponentKey, StoredScore> | undefined,
  profile: RegulationProfile,
): MyScores {
  const components = componentsOf(plan ?? { modules: [] })
  const view: ScoreView[] = components.map((c) => {
    const s = stored?.get(c.key)
    return { ...c, value: s ? asScore(s.value) : null, updatedAt: s?.updatedAt ?? null }
  })
  const scores = teacherScores(
    components,
    view.map((v) => v.value),
  )
  const approved = plan?.status === 'approved'
  const base: MyScoresBase = {
    person: personOf(person, departmentName),
    schoolYear: {
      id: year.id,
      name: year.name,
      resultsLocked: year.resultsLocked,
      profileId: year.profileId,
    },
    plan: plan ? { id: plan.planId, status: plan.status } : null,
    components: view,
    average: approved ? teacherAverage(scores) : null,
    missing: missingComponents(scores),
  }
  if (judgedAsOf(person) === 'manager')
    return {
      ...base,
      judgedAs: 'manager',
      result: approved ? classifyManager(scores, profile) : null,
      required: approved ? requiredManagerScores(scores, profile) : null,
    }
  return {
    ...base,
    judgedAs: 'teacher',
    result: approved ? classifyTeacher(scores, profile) : null,
    required: approved ? requiredScores(scores, profile) : null,
  }
}

/** How many people of `rows` are in each class (teachers) and verdict (managers). */
export function classCounts(rows: readonly TeamRow[]): TeamTable['counts'] {
  const teachers = {
    Gioi: 0,
    Kha: 0,
    TrungBinh: 0,
    HoanThanh: 0,
    KhongHoanThanh: 0,
    pending: 0,
    'no-approved-plan': 0,
    total: 0,
  }
  const managers = { Dat: 0, KhongDat: 0, pending: 0, 'no-approved-plan': 0, total: 0 }
  for (const row of rows) {
    if (row.judgedAs === 'manager') {
      managers.total++
      managers[row.summary as keyof typeof managers]++
    } else {
      teachers.total++
      teachers[row.summary as keyof typeof teachers]++
    }
  }
  return { teachers, managers }
}

export function summaryOf(view: MyScores): TeamRow['summary'] {
  if (view.result === null) return 'no-approved-plan'
  if (view.result.kind === 'pending') return 'pending'
  return 'grade' in view.result ? view.result.grade : view.result.verdict
}

function batchView(b: GradeBatch): BatchView {
  return {
    id: b.id,
    schoolYearId: b.schoolYearId,
    departmentId: b.departmentId,
    kind: b.kind,
    source: b.source,
    fileName: b.fileName,
    lines: b.lineCount,
    changes: b.changeCount,
    createdAt: b.createdAt,
    undoneAt: b.undoneAt,
    authorTelegramId: b.authorTelegramId,
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
