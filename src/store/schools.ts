/**
 * Schools (the tenants), their school years with each year's regulation profile and deadlines,
 * and their departments (tổ).
 */
import type { Kysely, Selectable } from 'kysely'
import type { Database, SchoolYearsTable } from '../db/schema.ts'
import { fold, tidy } from './text.ts'

export interface School {
  id: number
  name: string
  createdAt: string
}

export interface SchoolYear {
  id: number
  schoolId: number
  /** e.g. "2025-2026" */
  name: string
  startsOn: string
  endsOn: string
  profileId: string
  requiredNd3Hours: number
  /** YYYY-MM-DD, inclusive */
  planDeadline: string
  /** YYYY-MM-DD, inclusive */
  approvalDeadline: string
  resultsLocked: boolean
  isCurrent: boolean
}

export interface NewSchoolYear {
  schoolId: number
  name: string
  startsOn: string
  endsOn: string
  profileId: string
  requiredNd3Hours: number
  planDeadline: string
  approvalDeadline: string
}

export interface Department {
  id: number
  schoolId: number
  name: string
}

export class SchoolStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(name: string, createdBy: number | null, now: string): Promise<School> {
    const row = await this.db
      .insertInto('schools')
      .values({
        name: tidy(name),
        name_key: fold(name),
        created_by: createdBy,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'name', 'created_at'])
      .executeTakeFirstOrThrow()
    return { id: row.id, name: row.name, createdAt: row.created_at }
  }

  async nameTaken(name: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('schools')
      .select('id')
      .where('name_key', '=', fold(name))
      .executeTakeFirst()
    return row !== undefined
  }

  async get(id: number): Promise<School | undefined> {
    const row = await this.db
      .selectFrom('schools')
      .select(['id', 'name', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirst()
    return row && { id: row.id, name: row.name, createdAt: row.created_at }
  }

  async list(ids?: number[]): Promise<School[]> {
    if (ids && ids.length === 0) return []
    let query = this.db.selectFrom('schools').select(['id', 'name', 'created_at']).orderBy('name_key')
    if (ids) query = query.where('id', 'in', ids)
    const rows = await query.execute()
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }))
  }

  // school years

  async createYear(year: NewSchoolYear, current: boolean, now: string): Promise<SchoolYear> {
    if (current) {
      await this.db
        .updateTable('school_years')
        .set({ is_current: 0, updated_at: now })
        .where('school_id', '=', year.schoolId)
        .where('is_current', '=', 1)
        .execute()
    }
    const row = await this.db
      .insertInto('school_years')
      .values({
        school_id: year.schoolId,
        name: year.name,
        starts_on: year.startsOn,
        ends_on: year.endsOn,
        profile_id: year.profileId,
        required_nd3_hours: year.requiredNd3Hours,
        plan_deadline: year.planDeadline,
        approval_deadline: year.approvalDeadline,
        results_locked: 0,
        is_current: current ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toYear(row)
  }

  async currentYear(schoolId: number): Promise<SchoolYear | undefined> {
    const row = await this.db
      .selectFrom('school_years')
      .selectAll()
      .where('school_id', '=', schoolId)
      .where('is_current', '=', 1)
      .executeTakeFirst()
    return row && toYear(row)
  }

  async getYear(id: number): Promise<SchoolYear | undefined> {
    const row = await this.db.selectFrom('school_years').selectAll().where('id', '=', id).executeTakeFirst()
    return row && toYear(row)
  }

  async listYears(schoolId: number): Promise<SchoolYear[]> {
    const rows = await this.db
      .selectFrom('school_years')
      .selectAll()
      .where('school_id', '=', schoolId)
      .orderBy('starts_on', 'desc')
      .execute()
    return rows.map(toYear)
  }

  async setDeadlines(
    id: number,
    deadlines: { planDeadline: string; approvalDeadline: string },
    now: string,
  ): Promise<SchoolYear | undefined> {
    const row = await this.db
      .updateTable('school_years')
      .set({
        plan_deadline: deadlines.planDeadline,
        approval_deadline: deadlines.approvalDeadline,
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()
    return row && toYear(row)
  }

  /** Names the year's regulation profile, with the ND3 hours it asks. */
  async setProfile(
    id: number,
    profile: { profileId: string; requiredNd3Hours: number },
    now: string,
  ): Promise<SchoolYear | undefined> {
    const row = await this.db
      .updateTable('school_years')
      .set({ profile_id: profile.profileId, required_nd3_hours: profile.requiredNd3Hours, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()
    return row && toYear(row)
  }

  /** Whether any result of the year is saved (a profile may change only before). */
  async yearHasScores(id: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('scores')
      .select('person_id')
      .where('school_year_id', '=', id)
      .limit(1)
      .executeTakeFirst()
    return row !== undefined
  }

  // departments

  async createDepartment(schoolId: number, name: string, now: string): Promise<Department> {
    const row = await this.db
      .insertInto('departments')
      .values({
        school_id: schoolId,
        name: tidy(name),
        name_key: fold(name),
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'school_id', 'name'])
      .executeTakeFirstOrThrow()
    return { id: row.id, schoolId: row.school_id, name: row.name }
  }

  /** Creates the departments of these names that the school lacks; returns every one by folded name. */
  async ensureDepartments(schoolId: number, names: string[], now: string): Promise<Map<string, Department>> {
    const byKey = new Map((await this.listDepartments(schoolId)).map((d) => [fold(d.name), d]))
    for (const name of names) {
      const key = fold(name)
      if (key === '' || byKey.has(key)) continue
      byKey.set(key, await this.createDepartment(schoolId, name, now))
    }
    return byKey
  }

  async renameDepartment(id: number, name: string, now: string): Promise<Department | undefined> {
    const row = await this.db
      .updateTable('departments')
      .set({ name: tidy(name), name_key: fold(name), updated_at: now })
      .where('id', '=', id)
      .returning(['id', 'school_id', 'name'])
      .executeTakeFirst()
    return row && { id: row.id, schoolId: row.school_id, name: row.name }
  }

  /**
   * Joins department `fromId` into `intoId` (same school): its people, invites, grade batches and
   * the deadlines that name it move to `intoId`; then `fromId` goes. Nothing else is lost: scores,
   * plans and links belong to people. Call inside a transaction. Returns how many people moved.
   */
  async mergeDepartment(fromId: number, intoId: number, schoolId: number, now: string): Promise<number> {
    const moved = await this.db
      .updateTable('people')
      .set({ department_id: intoId, updated_at: now })
      .where('department_id', '=', fromId)
      .executeTakeFirst()
    await this.db
      .updateTable('invites')
      .set({ department_id: intoId })
      .where('department_id', '=', fromId)
      .execute()
    await this.db
      .updateTable('grade_batches')
      .set({ department_id: intoId })
      .where('department_id', '=', fromId)
      .execute()
    const deadlines = await this.db
      .selectFrom('deadlines')
      .innerJoin('school_years', 'school_years.id', 'deadlines.school_year_id')
      .select(['deadlines.id', 'deadlines.department_ids'])
      .where('school_years.school_id', '=', schoolId)
      .where('deadlines.department_ids', 'is not', null)
      .execute()
    for (const d of deadlines) {
      const ids = JSON.parse(d.department_ids!) as number[]
      if (!ids.includes(fromId)) continue
      const next = [...new Set(ids.map((x) => (x === fromId ? intoId : x)))]
      await this.db
        .updateTable('deadlines')
        .set({ department_ids: JSON.stringify(next) })
        .where('id', '=', d.id)
        .execute()
    }
    await this.db.deleteFrom('departments').where('id', '=', fromId).execute()
    return Number(moved.numUpdatedRows)
  }

  async departmentByName(schoolId: number, name: string): Promise<Department | undefined> {
    const row = await this.db
      .selectFrom('departments')
      .select(['id', 'school_id', 'name'])
      .where('school_id', '=', schoolId)
      .where('name_key', '=', fold(name))
      .executeTakeFirst()
    return row && { id: row.id, schoolId: row.school_id, name: row.name }
  }

  async getDepartment(id: number): Promise<Department | undefined> {
    const row = await this.db
      .selectFrom('departments')
      .select(['id', 'school_id', 'name'])
      .where('id', '=', id)
      .executeTakeFirst()
    return row && { id: row.id, schoolId: row.school_id, name: row.name }
  }

  async listDepartments(schoolId: number): Promise<Department[]> {
    const rows = await this.db
      .selectFrom('departments')
      .select(['id', 'school_id', 'name'])
      .where('school_id', '=', schoolId)
      .orderBy('name_key')
      .execute()
    return rows.map((r) => ({ id: r.id, schoolId: r.school_id, name: r.name }))
  }
}

export function toYear(row: Selectable<SchoolYearsTable>): SchoolYear {
  return {
    id: row.id,
    schoolId: row.school_id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    profileId: row.profile_id,
    requiredNd3Hours: row.required_nd3_hours,
    planDeadline: row.plan_deadline,
    approvalDeadline: row.approval_deadline,
    resultsLocked: Number(row.results_locked) === 1,
    isCurrent: Number(row.is_current) === 1,
  }
}
