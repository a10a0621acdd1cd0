/**
 * Personal BDTX plans: one per person and school year, its ND3 modules in the order chosen, and
 * every change (module added or removed, each state change) with who and when.
 */
import type { Kysely, Selectable } from 'kysely'
import type { Database, PlanEventsTable, PlansTable } from '../db/schema.ts'

export const PLAN_STATUSES = ['draft', 'submitted', 'head_approved', 'approved', 'returned'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export type PlanAction =
  | 'create'
  | 'add-module'
  | 'remove-module'
  | 'submit'
  | 'approve'
  | 'return'
  | 'reopen'

export interface Plan {
  id: number
  personId: number
  schoolYearId: number
  status: PlanStatus
  returnReason: string | null
  createdAt: string
  updatedAt: string
}

export interface PlanEvent {
  id: number
  planId: number
  at: string
  actorTelegramId: number | null
  actorPersonId: number | null
  action: PlanAction
  fromStatus: PlanStatus | null
  toStatus: PlanStatus | null
  reason: string | null
  moduleId: number | null
}

export type NewPlanEvent = Omit<PlanEvent, 'id'>

/** A plan waiting for someone, with its owner. */
export interface PlanListItem {
  plan: Plan
  person: { id: number; fullName: string; role: string; departmentId: number | null; level: string | null }
  schoolId: number
}

export class PlanStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: number): Promise<Plan | undefined> {
    const row = await this.db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst()
    return row && toPlan(row)
  }

  async byPersonYear(personId: number, schoolYearId: number): Promise<Plan | undefined> {
    const row = await this.db
      .selectFrom('plans')
      .selectAll()
      .where('person_id', '=', personId)
      .where('school_year_id', '=', schoolYearId)
      .executeTakeFirst()
    return row && toPlan(row)
  }

  async create(personId: number, schoolYearId: number, now: string): Promise<Plan> {
    const row = await this.db
      .insertInto('plans')
      .values({
        person_id: personId,
        school_year_id: schoolYearId,
        status: 'draft',
        return_reason: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toPlan(row)
  }

  /** The plan's module ids in the order they were chosen. */
  async moduleIds(planId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('plan_modules')
      .select('module_id')
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute()
    return rows.map((r) => r.module_id)
  }

  /** Module ids of many plans at once, in order. */
  async moduleIdsOf(planIds: number[]): Promise<Map<number, number[]>> {
    const result = new Map<number, number[]>(planIds.map((id) => [id, []]))
    if (planIds.length === 0) return result
    const rows = await this.db
      .selectFrom('plan_modules')
      .select(['plan_id', 'module_id'])
      .where('plan_id', 'in', planIds)
      .orderBy('plan_id')
      .orderBy('position')
      .execute()
    for (const r of rows) result.get(r.plan_id)?.push(r.module_id)
    return result
  }

  async addModule(planId: number, moduleId: number, now: string): Promise<void> {
    const last = await this.db
      .selectFrom('plan_modules')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('plan_id', '=', planId)
      .executeTakeFirst()
    const position = Number(last?.p ?? 0) + 1
    await this.db
      .insertInto('plan_modules')
      .values({ plan_id: planId, module_id: moduleId, position, added_at: now })
      .execute()
  }

  /** false when the module was not in the plan */
  async removeModule(planId: number, moduleId: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('plan_modules')
      .where('plan_id', '=', planId)
      .where('module_id', '=', moduleId)
      .executeTakeFirst()
    return Number(result.numDeletedRows) > 0
  }

  /**
   * Marks the plan changed if its status is still one of `statuses`; false otherwise. Being an
   * UPDATE, it also locks the plan's row until the transaction ends (PostgreSQL), so an edit and
   * a submit of the same plan cannot overlap.
   */
  async touchIf(planId: number, statuses: readonly PlanStatus[], now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('plans')
      .set({ updated_at: now })
      .where('id', '=', planId)
      .where('status', 'in', [...statuses])
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  /**
   * Moves a plan from one of `from` to `to`; false when its status was no longer one of `from`
   * (someone else acted first), so two taps on the same button cannot both succeed.
   */
  async transition(
    planId: number,
    from: readonly PlanStatus[],
    to: PlanStatus,
    returnReason: string | null,
    now: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('plans')
      .set({ status: to, return_reason: returnReason, updated_at: now })
      .where('id', '=', planId)
      .where('status', 'in', [...from])
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  async addEvent(event: NewPlanEvent): Promise<void> {
    await this.db
      .insertInto('plan_events')
      .values({
        plan_id: event.planId,
        at: event.at,
        actor_telegram_id: event.actorTelegramId,
        actor_person_id: event.actorPersonId,
        action: event.action,
        from_status: event.fromStatus,
        to_status: event.toStatus,
        reason: event.reason,
        module_id: event.moduleId,
      })
      .execute()
  }

  async events(planId: number): Promise<PlanEvent[]> {
    const rows = await this.db
      .selectFrom('plan_events')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('id')
      .execute()
    return rows.map(toEvent)
  }

  /** Plans of a school year in one of these statuses, optionally of one department. */
  async list(filter: {
    schoolYearIds: number[]
    statuses: readonly PlanStatus[]
    departmentId?: number
  }): Promise<PlanListItem[]> {
    if (filter.schoolYearIds.length === 0) return []
    let query = this.db
      .selectFrom('plans')
      .innerJoin('people', 'people.id', 'plans.person_id')
      .selectAll('plans')
      .select([
        'people.full_name',
        'people.role as person_role',
        'people.department_id',
        'people.level',
        'people.school_id',
        'people.name_key',
      ])
      .where('plans.school_year_id', 'in', filter.schoolYearIds)
      .where('plans.status', 'in', [...filter.statuses])
    if (filter.departmentId !== undefined)
      query = query.where('people.department_id', '=', filter.departmentId)
    const rows = await query.orderBy('plans.updated_at').orderBy('plans.id').execute()
    return rows.map((r) => ({
      plan: toPlan(r),
      person: {
        id: r.person_id,
        fullName: r.full_name,
        role: r.person_role,
        departmentId: r.department_id,
        level: r.level,
      },
      schoolId: r.school_id,
    }))
  }
}

function toPlan(row: Selectable<PlansTable>): Plan {
  return {
    id: row.id,
    personId: row.person_id,
    schoolYearId: row.school_year_id,
    status: row.status as PlanStatus,
    returnReason: row.return_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toEvent(row: Selectable<PlanEventsTable>): PlanEvent {
  return {
    id: row.id,
    planId: row.plan_id,
    at: row.at,
    actorTelegramId: row.actor_telegram_id === null ? null : Number(row.actor_telegram_id),
    actorPersonId: row.actor_person_id,
    action: row.action as PlanAction,
    fromStatus: row.from_status as PlanStatus | null,
    toStatus: row.to_status as PlanStatus | null,
    reason: row.reason,
    moduleId: row.module_id,
  }
}
