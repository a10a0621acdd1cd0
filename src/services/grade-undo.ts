/**
 * Undoing a batch of grades: its author (or an owner), until the admin locks the year's results
 * (results-lock.ts), and only while no later batch changed the same scores. The old values are
 * put back in one transaction and recorded as 'undo' score events; whoever's result changed back
 * is told (grade-notices.ts). `myBatches` lists the actor's latest batches to offer the undo.
 *
 *   const undone = await deps.gradeUndo.undoBatch(actor, { batchId: saved.batchId })
 *   if (undone.ok) for (const n of undone.value.notify) send(n.recipient.telegramId, …)
 */
import { z } from 'zod'
import {
  type BatchKind,
  type ComponentKey,
  type GradeBatch,
  GradeStore,
  type PlanWithModules,
  type ScoreEvent,
  type StoredScore,
} from '../store/grades.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, whoIs } from './access.ts'
import { type ComponentLabel, labelOf } from './grade-components.ts'
import { type GradeNotices, gradeNotices } from './grade-notices.ts'
import {
  type GradeNotFound,
  gradeScope,
  locked,
  type NoCurrentYear,
  type ResultsLocked,
  type SchoolRequired,
  yearOf,
} from './grade-scope.ts'
import type { ServiceContext } from './options.ts'
import {
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

export interface UndoResult extends GradeNotices {
  batchId: number
  undoneAt: string
  /** scores put back as they were */
  restored: number
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

const id = z.number().int().positive()

export class GradeUndoService {
  constructor(private readonly ctx: ServiceContext) {}

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
    const stores = this.ctx.stores
    const who = await whoIs(stores, actor)
    const batch = await new GradeStore(stores.db).getBatch(parsed.value.batchId)
    if (!batch) return fail({ code: 'not-found' as const, entity: 'grade-batch' as const })
    if (batch.authorTelegramId !== who.telegramId && !who.isOwner) return forbidden()
    // the author must still be allowed to grade there: a head moved or demoted since cannot undo
    const still = await gradeScope(stores, actor, {
      schoolId: batch.schoolId,
      departmentId: batch.departmentId ?? undefined,
      schoolYearId: batch.schoolYearId,
    })
    if (!still.ok) return forbidden()
    const year = await stores.schools.getYear(batch.schoolYearId)
    if (!year) return notFound('school-year')
    const now = this.ctx.now().toISOString()
    type Outcome =
      | { error: ResultsLocked | AlreadyUndone | BatchSuperseded }
      | {
          events: ScoreEvent[]
          plans: Map<number, PlanWithModules>
          before: Map<number, Map<ComponentKey, StoredScore>>
        }
    const outcome: Outcome = await stores.transaction(async (tx): Promise<Outcome> => {
      const grades = new GradeStore(tx.db)
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
        const codes = await moduleCodes(
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
    const bySchool = new Map((await stores.people.list({ schoolId: batch.schoolId })).map((p) => [p.id, p]))
    const people = [...new Set(outcome.events.map((e) => e.personId))].flatMap((personId) => {
      const p = bySchool.get(personId)
      return p ? [p] : []
    })
    const { notify, unreachable } = await gradeNotices(stores, year, people, {
      plans: outcome.plans,
      before: outcome.before,
      after: (personId, key, before) => {
        const k = `${personId}|${key}`
        return restored.has(k) ? (restored.get(k) ?? null) : before
      },
    })
    return ok({ batchId: batch.id, undoneAt: now, restored: outcome.events.length, notify, unreachable })
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
    const stores = this.ctx.stores
    const who = await whoIs(stores, actor)
    const schoolId = parsed.value.schoolId ?? who.person?.schoolId
    if (schoolId === undefined) return who.isOwner ? fail({ code: 'school-required' as const }) : notLinked()
    if (!who.isOwner && who.person?.schoolId !== schoolId) return forbidden()
    const year = await yearOf(stores, schoolId, parsed.value.schoolYearId)
    if (!year.ok) return year
    const batches = await new GradeStore(stores.db).batches(year.value.id, {
      authorTelegramId: who.telegramId,
      limit: parsed.value.limit ?? 10,
    })
    return ok(batches.map(batchView))
  }
}

async function moduleCodes(tx: Stores, moduleIds: Array<number | null>): Promise<Map<number, string>> {
  const ids = [...new Set(moduleIds.filter((m) => m !== null))]
  return new Map((await tx.modules.byIds(ids)).map((m) => [m.id, m.code]))
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
