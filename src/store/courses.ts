/**
 * Training courses (a school's, or the owner's for every school) and who signed up for them.
 * A sign-up holds a seat or waits; the waiting list is ordered by when people signed up.
 */
import type { Kysely, Selectable } from 'kysely'
import type { CoursesTable, Database } from '../db/schema.ts'
import type { Role } from './people.ts'

export interface Course {
  id: number
  /** null: the owner's course, for every school */
  schoolId: number | null
  name: string
  classes: number
  seats: number
  feePerPerson: number
  /** the roles invited to sign up; null until opened */
  audience: Role[] | null
  openedAt: string | null
  createdAt: string
}

export interface CourseCounts {
  seated: number
  waiting: number
}

export type SignupState = 'seat' | 'waiting'

export interface Signup {
  personId: number
  fullName: string
  schoolName: string
  state: SignupState
  createdAt: string
}

export interface NewCourse {
  schoolId: number | null
  name: string
  classes: number
  seats: number
  feePerPerson: number
}

function toCourse(row: Selectable<CoursesTable>): Course {
  return {
    id: row.id,
    schoolId: row.school_id,
    name: row.name,
    classes: row.classes,
    seats: row.seats,
    feePerPerson: Number(row.fee_per_person),
    audience: row.audience ? (row.audience.split(',') as Role[]) : null,
    openedAt: row.opened_at,
    createdAt: row.created_at,
  }
}

export class CourseStore {
  constructor(private readonly db: Kysely<Database>) {}

  async createMany(courses: readonly NewCourse[], createdBy: number, now: string): Promise<number> {
    if (courses.length === 0) return 0
    await this.db
      .insertInto('courses')
      .values(
        courses.map((c) => ({
          school_id: c.schoolId,
          name: c.name,
          classes: c.classes,
          seats: c.seats,
          fee_per_person: c.feePerPerson,
          created_by: createdBy,
          created_at: now,
        })),
      )
      .execute()
    return courses.length
  }

  /**
   * Takes the course's row lock for the rest of the transaction (a no-op write), so that sign-ups
   * and withdrawals of one course run one after another on PostgreSQL too: two people racing for
   * the last seat cannot both count it free.
   */
  async lock(id: number): Promise<void> {
    await this.db
      .updateTable('courses')
      .set((eb) => ({ seats: eb.ref('seats') }))
      .where('id', '=', id)
      .execute()
  }

  async get(id: number): Promise<Course | undefined> {
    const row = await this.db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst()
    return row ? toCourse(row) : undefined
  }

  /** A school's courses, or the owner's (schoolId null), oldest first. */
  async list(schoolId: number | null): Promise<Course[]> {
    const rows = await this.db
      .selectFrom('courses')
      .selectAll()
      .where('school_id', schoolId === null ? 'is' : '=', schoolId)
      .orderBy('id')
      .execute()
    return rows.map(toCourse)
  }

  /** The opened courses a person of this school could sign up for: their school's and the owner's. */
  async openFor(schoolId: number): Promise<Course[]> {
    const rows = await this.db
      .selectFrom('courses')
      .selectAll()
      .where('opened_at', 'is not', null)
      .where((eb) => eb.or([eb('school_id', '=', schoolId), eb('school_id', 'is', null)]))
      .orderBy('id')
      .execute()
    return rows.map(toCourse)
  }

  async open(id: number, audience: readonly Role[], now: string): Promise<void> {
    await this.db
      .updateTable('courses')
      .set({ audience: audience.join(','), opened_at: now })
      .where('id', '=', id)
      .execute()
  }

  /** Invites these people by name (those falling short of a standard), beside the roles. */
  async invite(courseId: number, personIds: readonly number[]): Promise<void> {
    if (personIds.length === 0) return
    const known = new Set(
      (
        await this.db
          .selectFrom('course_invitees')
          .select('person_id')
          .where('course_id', '=', courseId)
          .execute()
      ).map((r) => r.person_id),
    )
    const fresh = personIds.filter((id) => !known.has(id))
    if (fresh.length === 0) return
    await this.db
      .insertInto('course_invitees')
      .values(fresh.map((person_id) => ({ course_id: courseId, person_id })))
      .execute()
  }

  /** The courses among these that invited this person by name. */
  async invitedTo(personId: number, courseIds: readonly number[]): Promise<Set<number>> {
    if (courseIds.length === 0) return new Set()
    const rows = await this.db
      .selectFrom('course_invitees')
      .select('course_id')
      .where('person_id', '=', personId)
      .where('course_id', 'in', courseIds)
      .execute()
    return new Set(rows.map((r) => r.course_id))
  }

  async counts(courseIds: readonly number[]): Promise<Map<number, CourseCounts>> {
    const counts = new Map<number, CourseCounts>(courseIds.map((id) => [id, { seated: 0, waiting: 0 }]))
    if (courseIds.length === 0) return counts
    const rows = await this.db
      .selectFrom('course_signups')
      .select(['course_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('course_id', 'in', courseIds)
      .groupBy(['course_id', 'state'])
      .execute()
    for (const row of rows) {
      const c = counts.get(row.course_id)!
      if (row.state === 'seat') c.seated = Number(row.n)
      else c.waiting = Number(row.n)
    }
    return counts
  }

  async signupOf(
    courseId: number,
    personId: number,
  ): Promise<{ id: number; state: SignupState } | undefined> {
    const row = await this.db
      .selectFrom('course_signups')
      .select(['id', 'state'])
      .where('course_id', '=', courseId)
      .where('person_id', '=', personId)
      .executeTakeFirst()
    return row ? { id: row.id, state: row.state as SignupState } : undefined
  }

  /** The person's place on the waiting list, from 1. */
  async waitingPosition(courseId: number, signupId: number): Promise<number> {
    const row = await this.db
      .selectFrom('course_signups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('course_id', '=', courseId)
      .where('state', '=', 'waiting')
      .where('id', '<=', signupId)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  async addSignup(courseId: number, personId: number, state: SignupState, now: string): Promise<number> {
    const row = await this.db
      .insertInto('course_signups')
      .values({ course_id: courseId, person_id: personId, state, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  async removeSignup(id: number): Promise<void> {
    await this.db.deleteFrom('course_signups').where('id', '=', id).execute()
  }

  /** Gives the first person waiting the freed seat; their person id, or undefined when nobody waits. */
  async promoteFirstWaiting(courseId: number): Promise<number | undefined> {
    const first = await this.db
      .selectFrom('course_signups')
      .select(['id', 'person_id'])
      .where('course_id', '=', courseId)
      .where('state', '=', 'waiting')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()
    if (!first) return undefined
    await this.db.updateTable('course_signups').set({ state: 'seat' }).where('id', '=', first.id).execute()
    return first.person_id
  }

  async signups(courseId: number): Promise<Signup[]> {
    const rows = await this.db
      .selectFrom('course_signups')
      .innerJoin('people', 'people.id', 'course_signups.person_id')
      .innerJoin('schools', 'schools.id', 'people.school_id')
      .select([
        'course_signups.person_id',
        'people.full_name',
        'schools.name as school_name',
        'course_signups.state',
        'course_signups.created_at',
      ])
      .where('course_signups.course_id', '=', courseId)
      .orderBy('course_signups.id')
      .execute()
    return rows.map((r) => ({
      personId: r.person_id,
      fullName: r.full_name,
      schoolName: r.school_name,
      state: r.state as SignupState,
      createdAt: r.created_at,
    }))
  }
}
