/**
 * Scores, their history and the batches they came in. A score is one row per person, school year
 * and component — 'nd1', 'nd2' or 'module:<modules.id>' — in whole hundredths (8.5 → 850); every
 * change is a score_event (old → new, who, when, which batch), so a correction is a new batch and
 * an undo is a batch's events played backwards, recorded as events too.
 *
 *   const grades = new GradeStore(tx.db)            // inside stores.transaction(async (tx) => …)
 *   const batchId = await grades.createBatch({ … })
 *   await grades.writeScores([{ personId, schoolYearId, component: 'nd1', moduleId: null, value: 850, … }])
 *   await grades.addEvents([{ batchId, action: 'set', personId, component: 'nd1', oldValue: null, newValue: 850, … }])
 */
import type { Kysely, Selectable } from 'kysely'
import type { Database, GradeBatchesTable, ScoreEventsTable } from '../db/schema.ts'
import type { CatalogueId } from '../rules/index.ts'
import { chunk } from './bulk.ts'
import type { PlanStatus } from './plans.ts'
import { moduleCodeKey } from './text.ts'

/** 'nd1', 'nd2', or a module of the plan by its catalogue id. */
export type ComponentKey = 'nd1' | 'nd2' | `module:${number}`

export const moduleComponent = (moduleId: number): ComponentKey => `module:${moduleId}`

/** The module id of a module component, else null. */
export function moduleIdOf(component: string): number | null {
  const match = /^module:(\d+)$/.exec(component)
  return match ? Number(match[1]) : null
}

export function isComponentKey(text: string): text is ComponentKey {
  return text === 'nd1' || text === 'nd2' || moduleIdOf(text) !== null
}

export type BatchKind = 'teacher' | 'manager' | 'mixed'
export type BatchSource = 'message' | 'file'
export type ScoreAction = 'set' | 'undo'

export interface PlanModuleRef {
  id: number
  code: string
  /** normalizeModuleCode(code) */
  codeKey: string
  title: string
  level: CatalogueId
}

/** A person's plan for a year with its ND3 modules in plan order. */
export interface PlanWithModules {
  planId: number
  personId: number
  status: PlanStatus
  modules: PlanModuleRef[]
}

export interface StoredScore {
  /** whole hundredths */
  value: number
  updatedAt: string
  updatedBy: number
  batchId: number
}

export interface ScoreWrite {
  personId: number
  schoolYearId: number
  component: ComponentKey
  value: number
  batchId: number
  at: string
  by: number
}

export interface GradeBatch {
  id: number
  schoolId: number
  schoolYearId: number
  departmentId: number | null
  kind: BatchKind
  source: BatchSource
  fileName: string | null
  authorTelegramId: number
  authorPersonId: number | null
  lineCount: number
  changeCount: number
  createdAt: string
  undoneAt: string | null
  undoneBy: number | null
}

export type NewGradeBatch = Omit<GradeBatch, 'id' | 'undoneAt' | 'undoneBy'>

export interface ScoreEvent {
  id: number
  batchId: number
  action: ScoreAction
  personId: number
  schoolYearId: number
  component: ComponentKey
  moduleId: number | null
  oldValue: number | null
  newValue: number | null
  at: string
  actorTelegramId: number
  actorPersonId: number | null
}

export type NewScoreEvent = Omit<ScoreEvent, 'id' | 'moduleId'>

/** An event with the names a history needs. */
export interface ScoreEventRow extends ScoreEvent {
  actorName: string | null
  moduleCode: string | null
  batchUndoneAt: string | null
}

/** Rows per multi-row statement; well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500

export class GradeStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The plans of these people for the year, with their modules in plan order. */
  async plansOf(schoolYearId: number, personIds: readonly number[]): Promise<Map<number, PlanWithModules>> {
    const result = new Map<number, PlanWithModules>()
    for (const ids of chunk([...new Set(personIds)], CHUNK)) {
      const plans = await this.db
        .selectFrom('plans')
        .select(['id', 'person_id', 'status'])
        .where('school_year_id', '=', schoolYearId)
        .where('person_id', 'in', ids)
        .execute()
      if (plans.length === 0) continue
      const byPlan = new Map<number, PlanWithModules>()
      for (const p of plans) {
        const plan: PlanWithModules = {
          planId: p.id,
          personId: p.person_id,
          status: p.status as PlanStatus,
          modules: [],
        }
        byPlan.set(p.id, plan)
        result.set(p.person_id, plan)
      }
      const rows = await this.db
        .selectFrom('plan_modules')
        .innerJoin('modules', 'modules.id', 'plan_modules.module_id')
        .select([
          'plan_modules.plan_id',
          'modules.id',
          'modules.code',
          'modules.code_key',
          'modules.title',
          'modules.level',
        ])
        .where(
          'plan_modules.plan_id',
          'in',
          plans.map((p) => p.id),
        )
        .orderBy('plan_modules.plan_id')
        .orderBy('plan_modules.position')
        .execute()
      for (const r of rows) {
        byPlan.get(r.plan_id)?.modules.push({
          id: r.id,
          code: r.code,
          codeKey: r.code_key,
          title: r.title,
          level: r.level as CatalogueId,
        })
      }
    }
    return result
  }

  /** The current scores of these people for the year, by person and component. */
  async scoresOf(
    schoolYearId: number,
    personIds: readonly number[],
  ): Promise<Map<number, Map<ComponentKey, StoredScore>>> {
    const result = new Map<number, Map<ComponentKey, StoredScore>>()
    for (const ids of chunk([...new Set(personIds)], CHUNK)) {
      const rows = await this.db
        .selectFrom('scores')
        .select(['person_id', 'component', 'value', 'updated_at', 'updated_by', 'batch_id'])
        .where('school_year_id', '=', schoolYearId)
        .where('person_id', 'in', ids)
        .execute()
      for (const r of rows) {
        let mine = result.get(r.person_id)
        if (!mine) {
          mine = new Map()
          result.set(r.person_id, mine)
        }
        mine.set(r.component as ComponentKey, {
          value: r.value,
          updatedAt: r.updated_at,
          updatedBy: Number(r.updated_by),
          batchId: r.batch_id,
        })
      }
    }
    return result
  }

  /** Sets these scores (insert or replace), a few hundred per statement. */
  async writeScores(writes: readonly ScoreWrite[]): Promise<void> {
    for (const part of chunk(writes, CHUNK)) {
      await this.db
        .insertInto('scores')
        .values(
          part.map((w) => ({
            person_id: w.personId,
            school_year_id: w.schoolYearId,
            component: w.component,
            module_id: moduleIdOf(w.component),
            value: w.value,
            updated_at: w.at,
            updated_by: w.by,
            batch_id: w.batchId,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['person_id', 'school_year_id', 'component']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            updated_at: eb.ref('excluded.updated_at'),
            updated_by: eb.ref('excluded.updated_by'),
            batch_id: eb.ref('excluded.batch_id'),
          })),
        )
        .execute()
    }
  }

  /** Removes scores (an undo back to "no score yet"). */
  async deleteScores(
    keys: ReadonlyArray<{ personId: number; schoolYearId: number; component: ComponentKey }>,
  ): Promise<void> {
    for (const k of keys) {
      await this.db
        .deleteFrom('scores')
        .where('person_id', '=', k.personId)
        .where('school_year_id', '=', k.schoolYearId)
        .where('component', '=', k.component)
        .execute()
    }
  }

  async addEvents(events: readonly NewScoreEvent[]): Promise<void> {
    for (const part of chunk(events, CHUNK)) {
      await this.db
        .insertInto('score_events')
        .values(
          part.map((e) => ({
            batch_id: e.batchId,
            action: e.action,
            person_id: e.personId,
            school_year_id: e.schoolYearId,
            component: e.component,
            module_id: moduleIdOf(e.component),
            old_value: e.oldValue,
            new_value: e.newValue,
            at: e.at,
            actor_telegram_id: e.actorTelegramId,
            actor_person_id: e.actorPersonId,
          })),
        )
        .execute()
    }
  }

  async createBatch(batch: NewGradeBatch): Promise<GradeBatch> {
    const row = await this.db
      .insertInto('grade_batches')
      .values({
        school_id: batch.schoolId,
        school_year_id: batch.schoolYearId,
        department_id: batch.departmentId,
        kind: batch.kind,
        source: batch.source,
        file_name: batch.fileName,
        author_telegram_id: batch.authorTelegramId,
        author_person_id: batch.authorPersonId,
        line_count: batch.lineCount,
        change_count: batch.changeCount,
        created_at: batch.createdAt,
        undone_at: null,
        undone_by: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toBatch(row)
  }

  async getBatch(id: number): Promise<GradeBatch | undefined> {
    const row = await this.db.selectFrom('grade_batches').selectAll().where('id', '=', id).executeTakeFirst()
    return row && toBatch(row)
  }

  /** The latest batches of a year, newest first; of one author when given. */
  async batches(
    schoolYearId: number,
    options: { authorTelegramId?: number; limit?: number } = {},
  ): Promise<GradeBatch[]> {
    let query = this.db.selectFrom('grade_batches').selectAll().where('school_year_id', '=', schoolYearId)
    if (options.authorTelegramId !== undefined)
      query = query.where('author_telegram_id', '=', options.authorTelegramId)
    const rows = await query
      .orderBy('id', 'desc')
      .limit(options.limit ?? 20)
      .execute()
    return rows.map(toBatch)
  }

  /** Marks a batch undone; false when it already was (two taps cannot both undo it). */
  async markUndone(id: number, at: string, by: number): Promise<boolean> {
    const result = await this.db
      .updateTable('grade_batches')
      .set({ undone_at: at, undone_by: by })
      .where('id', '=', id)
      .where('undone_at', 'is', null)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  /** The events of a batch, in order. */
  async batchEvents(batchId: number): Promise<ScoreEvent[]> {
    const rows = await this.db
      .selectFrom('score_events')
      .selectAll()
      .where('batch_id', '=', batchId)
      .orderBy('id')
      .execute()
    return rows.map(toEvent)
  }

  /**
   * Events of other, not undone batches on these people's scores after event `afterId`: what
   * would be lost if a batch were undone now.
   */
  async laterLiveEvents(
    schoolYearId: number,
    personIds: readonly number[],
    afterId: number,
    excludeBatchId: number,
  ): Promise<ScoreEvent[]> {
    const out: ScoreEvent[] = []
    for (const ids of chunk([...new Set(personIds)], CHUNK)) {
      const rows = await this.db
        .selectFrom('score_events')
        .innerJoin('grade_batches', 'grade_batches.id', 'score_events.batch_id')
        .selectAll('score_events')
        .where('score_events.school_year_id', '=', schoolYearId)
        .where('score_events.person_id', 'in', ids)
        .where('score_events.id', '>', afterId)
        .where('score_events.batch_id', '!=', excludeBatchId)
        .where('grade_batches.undone_at', 'is', null)
        .orderBy('score_events.id')
        .execute()
      out.push(...rows.map(toEvent))
    }
    return out
  }

  /** Every change of one person's scores in a year, oldest first, with names. */
  async history(schoolYearId: number, personId: number): Promise<ScoreEventRow[]> {
    const rows = await this.db
      .selectFrom('score_events')
      .innerJoin('grade_batches', 'grade_batches.id', 'score_events.batch_id')
      .leftJoin('people', 'people.id', 'score_events.actor_person_id')
      .leftJoin('modules', 'modules.id', 'score_events.module_id')
      .selectAll('score_events')
      .select(['people.full_name as actor_name', 'modules.code as module_code', 'grade_batches.undone_at'])
      .where('score_events.school_year_id', '=', schoolYearId)
      .where('score_events.person_id', '=', personId)
      .orderBy('score_events.id')
      .execute()
    return rows.map((r) => ({
      ...toEvent(r),
      actorName: r.actor_name,
      moduleCode: r.module_code,
      batchUndoneAt: r.undone_at,
    }))
  }

  /** Sets a year's results_locked flag; false when it already had that value. */
  async setResultsLocked(schoolYearId: number, locked: boolean, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('school_years')
      .set({ results_locked: locked ? 1 : 0, updated_at: now })
      .where('id', '=', schoolYearId)
      .where('results_locked', '=', locked ? 0 : 1)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  /** Module codes the catalogue knows, as normalized keys (to recognise a header's columns). */
  async knownCodeKeys(keys: readonly string[]): Promise<Set<string>> {
    const wanted = [...new Set(keys.map((k) => moduleCodeKey(k)))]
    if (wanted.length === 0) return new Set()
    const rows = await this.db
      .selectFrom('modules')
      .select('code_key')
      .where('code_key', 'in', wanted)
      .execute()
    return new Set(rows.map((r) => r.code_key))
  }

  /** The catalogue's spelling of a module code key ("THPT 17"), for headers of unknown columns. */
  async codeOfKey(key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('modules')
      .select('code')
      .where('code_key', '=', key)
      .orderBy('id')
      .executeTakeFirst()
    return row?.code
  }
}

function toBatch(row: Selectable<GradeBatchesTable>): GradeBatch {
  return {
    id: row.id,
    schoolId: row.school_id,
    schoolYearId: row.school_year_id,
    departmentId: row.department_id,
    kind: row.kind as BatchKind,
    source: row.source as BatchSource,
    fileName: row.file_name,
    authorTelegramId: Number(row.author_telegram_id),
    authorPersonId: row.author_person_id,
    lineCount: row.line_count,
    changeCount: row.change_count,
    createdAt: row.created_at,
    undoneAt: row.undone_at,
    undoneBy: row.undone_by === null ? null : Number(row.undone_by),
  }
}

function toEvent(row: Selectable<ScoreEventsTable>): ScoreEvent {
  return {
    id: row.id,
    batchId: row.batch_id,
    action: row.action as ScoreAction,
    personId: row.person_id,
    schoolYearId: row.school_year_id,
    component: row.component as ComponentKey,
    moduleId: row.module_id,
    oldValue: row.old_value,
    newValue: row.new_value,
    at: row.at,
    actorTelegramId: Number(row.actor_telegram_id),
    actorPersonId: row.actor_person_id,
  }
}
