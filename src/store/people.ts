/**
 * The staff of each school: name, role, department, level, subject, and the Telegram account
 * linked to them (a person may exist long before anyone opens the bot).
 */
import type { Kysely, Selectable } from 'kysely'
import type { Database, PeopleTable } from '../db/schema.ts'
import type { Level } from '../rules/index.ts'
import { fold, tidy } from './text.ts'

export const ROLES = ['teacher', 'head', 'manager', 'admin', 'staff'] as const
export type Role = (typeof ROLES)[number]

export interface Person {
  id: number
  schoolId: number
  fullName: string
  role: Role
  departmentId: number | null
  level: Level | null
  subject: string | null
  telegramId: number | null
}

export interface NewPerson {
  schoolId: number
  fullName: string
  role: Role
  departmentId: number | null
  level: Level | null
  subject: string | null
}

export interface PersonPatch {
  fullName?: string
  role?: Role
  departmentId?: number | null
  level?: Level | null
  subject?: string | null
}

/** Someone to send a message to, in their language. */
export interface Recipient {
  personId: number | null
  telegramId: number
  fullName: string | null
  /** telegram_users.language, else 'vi' */
  language: string
}

const INSERT_CHUNK = 200

export class PeopleStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: number): Promise<Person | undefined> {
    const row = await this.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()
    return row && toPerson(row)
  }

  async byTelegramId(telegramId: number): Promise<Person | undefined> {
    const row = await this.db
      .selectFrom('people')
      .selectAll()
      .where('telegram_id', '=', telegramId)
      .executeTakeFirst()
    return row && toPerson(row)
  }

  async list(filter: {
    schoolId: number
    departmentId?: number | null
    role?: Role
    unlinkedOnly?: boolean
  }): Promise<Person[]> {
    let query = this.db.selectFrom('people').selectAll().where('school_id', '=', filter.schoolId)
    if (filter.departmentId === null) query = query.where('department_id', 'is', null)
    else if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId)
    if (filter.role) query = query.where('role', '=', filter.role)
    if (filter.unlinkedOnly) query = query.where('telegram_id', 'is', null)
    const rows = await query.orderBy('name_key').orderBy('id').execute()
    return rows.map(toPerson)
  }

  async create(person: NewPerson, now: string): Promise<Person> {
    const row = await this.db
      .insertInto('people')
      .values(toRow(person, now))
      .returningAll()
      .executeTakeFirstOrThrow()
    return toPerson(row)
  }

  /** Inserts many people in a few statements (imports). */
  async createMany(people: NewPerson[], now: string): Promise<number> {
    for (let i = 0; i < people.length; i += INSERT_CHUNK) {
      const chunk = people.slice(i, i + INSERT_CHUNK)
      await this.db
        .insertInto('people')
        .values(chunk.map((p) => toRow(p, now)))
        .execute()
    }
    return people.length
  }

  async update(id: number, patch: PersonPatch, now: string): Promise<Person | undefined> {
    const set: Partial<Selectable<PeopleTable>> = { updated_at: now }
    if (patch.fullName !== undefined) {
      set.full_name = tidy(patch.fullName)
      set.name_key = fold(patch.fullName)
    }
    if (patch.role !== undefined) set.role = patch.role
    if (patch.departmentId !== undefined) set.department_id = patch.departmentId
    if (patch.level !== undefined) set.level = patch.level
    if (patch.subject !== undefined) set.subject = patch.subject
    const row = await this.db
      .updateTable('people')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()
    return row && toPerson(row)
  }

  /** Links an account to a person that has none; false when the person was linked meanwhile. */
  async link(id: number, telegramId: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('people')
      .set({ telegram_id: telegramId, linked_at: now, updated_at: now })
      .where('id', '=', id)
      .where('telegram_id', 'is', null)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  async unlink(id: number, now: string): Promise<void> {
    await this.db
      .updateTable('people')
      .set({ telegram_id: null, linked_at: null, updated_at: now })
      .where('id', '=', id)
      .execute()
  }

  /** The heads of a department (usually one). */
  async heads(departmentId: number): Promise<Person[]> {
    const rows = await this.db
      .selectFrom('people')
      .selectAll()
      .where('department_id', '=', departmentId)
      .where('role', '=', 'head')
      .orderBy('id')
      .execute()
    return rows.map(toPerson)
  }

  async admins(schoolId: number): Promise<Person[]> {
    const rows = await this.db
      .selectFrom('people')
      .selectAll()
      .where('school_id', '=', schoolId)
      .where('role', '=', 'admin')
      .orderBy('id')
      .execute()
    return rows.map(toPerson)
  }

  /** The linked ones among these people, with their language. */
  async recipients(personIds: number[]): Promise<Recipient[]> {
    if (personIds.length === 0) return []
    const rows = await this.db
      .selectFrom('people')
      .leftJoin('telegram_users', 'telegram_users.telegram_id', 'people.telegram_id')
      .select(['people.id', 'people.full_name', 'people.telegram_id', 'telegram_users.language'])
      .where('people.id', 'in', personIds)
      .where('people.telegram_id', 'is not', null)
      .execute()
    return rows.map((r) => ({
      personId: r.id,
      telegramId: Number(r.telegram_id),
      fullName: r.full_name,
      language: r.language ?? 'vi',
    }))
  }

  /** A Telegram account that may not be a person (an owner), with its language. */
  async recipientByTelegramId(telegramId: number): Promise<Recipient> {
    const person = await this.db
      .selectFrom('people')
      .select(['id', 'full_name'])
      .where('telegram_id', '=', telegramId)
      .executeTakeFirst()
    const user = await this.db
      .selectFrom('telegram_users')
      .select('language')
      .where('telegram_id', '=', telegramId)
      .executeTakeFirst()
    return {
      personId: person?.id ?? null,
      telegramId,
      fullName: person?.full_name ?? null,
      language: user?.language ?? 'vi',
    }
  }
}

function toRow(person: NewPerson, now: string) {
  return {
    school_id: person.schoolId,
    full_name: tidy(person.fullName),
    name_key: fold(person.fullName),
    role: person.role,
    department_id: person.departmentId,
    level: person.level,
    subject: person.subject,
    telegram_id: null,
    linked_at: null,
    created_at: now,
    updated_at: now,
  }
}

export function toPerson(row: Selectable<PeopleTable>): Person {
  return {
    id: row.id,
    schoolId: row.school_id,
    fullName: row.full_name,
    role: row.role as Role,
    departmentId: row.department_id,
    level: row.level as Level | null,
    subject: row.subject,
    telegramId: row.telegram_id === null ? null : Number(row.telegram_id),
  }
}
