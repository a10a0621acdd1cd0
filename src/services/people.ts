/**
 * People of a school: who am I, completing one's profile (level, subject), the staff list an
 * admin or a head sees, and an admin's changes to it.
 *
 *   const me = await deps.people.whoAmI(actor)
 *   me.value.missing          // ['level'] → ask, then:
 *   await deps.people.setProfile(actor, { level: 'THPT' })   // 'thpt', 'trung học phổ thông' too
 *   me.value.commands         // for setMyCommands
 */
import { z } from 'zod'
import { LEVELS, type Level } from '../rules/index.ts'
import { type Person, ROLES, type Role } from '../store/people.ts'
import type { Department, School } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, type ActorInfo, canView, isAdminOf, isSelf, whoIs } from './access.ts'
import { commandsFor } from './commands.ts'
import type { ServiceContext } from './options.ts'
import {
  type Forbidden,
  fail,
  forbidden,
  type InvalidInput,
  type NotFound,
  type NotLinked,
  notFound,
  notLinked,
  ok,
  parseInput,
  type Result,
} from './result.ts'
import { parseLevel } from './vocabulary.ts'

export type ProfileField = 'level' | 'subject'

/** A level the bot does not know; `expected` lists the ones it does. */
export type UnknownLevel = {
  readonly code: 'unknown-level'
  readonly value: string
  readonly expected: readonly Level[]
}
/** The department belongs to another school. */
export type WrongSchool = { readonly code: 'wrong-school'; readonly departmentId: number }

/** Level for everyone but staff; subject for teachers and heads. */
export function missingProfile(person: Pick<Person, 'role' | 'level' | 'subject'>): ProfileField[] {
  const missing: ProfileField[] = []
  if (person.role !== 'staff' && person.level === null) missing.push('level')
  if ((person.role === 'teacher' || person.role === 'head') && !person.subject) missing.push('subject')
  return missing
}

export interface PersonView extends Person {
  departmentName: string | null
}

export interface Me {
  telegramId: number
  isOwner: boolean
  person: PersonView | null
  school: School | null
  missing: ProfileField[]
  commands: string[]
}

const id = z.number().int().positive()
const fullName = z.string().trim().min(2).max(100)
const subject = z.string().trim().min(1).max(60)
const levelText = z.string().trim().min(1).max(40)

export class PeopleService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  /** The actor as the bot knows them, with what their profile lacks and their command list. */
  async whoAmI(actor: Actor): Promise<Result<Me, never>> {
    const who = await whoIs(this.stores, actor)
    const person = who.person ? await this.view(who.person) : null
    return ok({
      telegramId: who.telegramId,
      isOwner: who.isOwner,
      person,
      school: person ? ((await this.stores.schools.get(person.schoolId)) ?? null) : null,
      missing: person ? missingProfile(person) : [],
      commands: commandsFor({ role: person?.role ?? null, isOwner: who.isOwner }),
    })
  }

  /** The command names for the actor's role (owners get theirs added). */
  async commands(actor: Actor): Promise<string[]> {
    const who = await whoIs(this.stores, actor)
    return commandsFor({ role: who.person?.role ?? null, isOwner: who.isOwner })
  }

  /**
   * Sets level and/or subject: one's own, or (admins) anyone's of their school. The level may be
   * written as a code or in words ("THPT", "trung học phổ thông").
   */
  async setProfile(
    actor: Actor,
    input: { personId?: number; level?: string | null; subject?: string | null },
  ): Promise<
    Result<
      { person: PersonView; missing: ProfileField[] },
      Forbidden | NotFound | NotLinked | InvalidInput | UnknownLevel
    >
  > {
    const parsed = parseInput(
      z.object({
        personId: id.optional(),
        level: levelText.nullable().optional(),
        subject: subject.nullable().optional(),
      }),
      input,
    )
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const target = await this.target(who, parsed.value.personId)
    if (!target.ok) return target
    const person = target.value
    if (!isSelf(who, person.id) && !isAdminOf(who, person.schoolId)) return forbidden()
    let level: Level | null | undefined
    if (parsed.value.level === null) level = null
    else if (parsed.value.level !== undefined) {
      level = parseLevel(parsed.value.level)
      if (!level) return fail({ code: 'unknown-level' as const, value: parsed.value.level, expected: LEVELS })
    }
    const now = this.ctx.now().toISOString()
    const updated = await this.stores.transaction(async (tx) => {
      const updated = await tx.people.update(person.id, { level, subject: parsed.value.subject }, now)
      await tx.audit.record(
        who.telegramId,
        'person.profile',
        { personId: person.id, level: level ?? undefined, subject: parsed.value.subject ?? undefined },
        now,
      )
      return updated!
    })
    return ok({ person: await this.view(updated), missing: missingProfile(updated) })
  }

  /**
   * The people of a school (admins, owners) or of the head's own department (heads), optionally
   * filtered; `unlinkedOnly` lists those who have not joined yet.
   */
  async list(
    actor: Actor,
    input: { schoolId: number; departmentId?: number | null; role?: Role; unlinkedOnly?: boolean },
  ): Promise<Result<PersonView[], Forbidden | NotFound | InvalidInput>> {
    const parsed = parseInput(
      z.object({
        schoolId: id,
        departmentId: id.nullable().optional(),
        role: z.enum(ROLES).optional(),
        unlinkedOnly: z.boolean().optional(),
      }),
      input,
    )
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(parsed.value.schoolId)
    if (!school) return notFound('school')
    let departmentId = parsed.value.departmentId
    if (!isAdminOf(who, school.id)) {
      const own = who.person
      if (own?.role !== 'head' || own.schoolId !== school.id || own.departmentId === null) return forbidden()
      if (departmentId !== undefined && departmentId !== own.departmentId) return forbidden()
      departmentId = own.departmentId
    }
    const people = await this.stores.people.list({
      schoolId: school.id,
      departmentId,
      role: parsed.value.role,
      unlinkedOnly: parsed.value.unlinkedOnly,
    })
    const names = await this.departmentNames(school.id)
    return ok(
      people.map((p) => ({
        ...p,
        departmentName: p.departmentId === null ? null : (names.get(p.departmentId) ?? null),
      })),
    )
  }

  /** One person, for whoever may see them (themselves, their head, their school's admins). */
  async get(
    actor: Actor,
    input: { personId: number },
  ): Promise<Result<PersonView, Forbidden | NotFound | InvalidInput>> {
    const parsed = parseInput(z.object({ personId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const person = await this.stores.people.get(parsed.value.personId)
    if (!person) return notFound('person')
    if (!canView(who, person)) return forbidden()
    return ok(await this.view(person))
  }

  /** An admin adds someone to the staff list (they may join later by invite). */
  async add(
    actor: Actor,
    input: {
      schoolId: number
      fullName: string
      role: Role
      departmentId?: number | null
      level?: string | null
      subject?: string | null
    },
  ): Promise<Result<PersonView, Forbidden | NotFound | InvalidInput | UnknownLevel | WrongSchool>> {
    const parsed = parseInput(
      z.object({
        schoolId: id,
        fullName,
        role: z.enum(ROLES),
        departmentId: id.nullable().optional(),
        level: levelText.nullable().optional(),
        subject: subject.nullable().optional(),
      }),
      input,
    )
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(parsed.value.schoolId)
    if (!school) return notFound('school')
    if (!isAdminOf(who, school.id)) return forbidden()
    const departmentId = parsed.value.departmentId ?? null
    if (departmentId !== null) {
      const department = await this.stores.schools.getDepartment(departmentId)
      if (!department) return notFound('department')
      if (department.schoolId !== school.id) return fail({ code: 'wrong-school' as const, departmentId })
    }
    let level: Level | null = null
    if (parsed.value.level) {
      const known = parseLevel(parsed.value.level)
      if (!known) return fail({ code: 'unknown-level' as const, value: parsed.value.level, expected: LEVELS })
      level = known
    }
    const now = this.ctx.now().toISOString()
    const person = await this.stores.transaction(async (tx) => {
      const person = await tx.people.create(
        {
          schoolId: school.id,
          fullName: parsed.value.fullName,
          role: parsed.value.role,
          departmentId,
          level,
          subject: parsed.value.subject ?? null,
        },
        now,
      )
      await tx.audit.record(who.telegramId, 'person.add', { personId: person.id, schoolId: school.id }, now)
      return person
    })
    return ok(await this.view(person))
  }

  /** An admin changes someone's name, role, department, level or subject. */
  async update(
    actor: Actor,
    input: {
      personId: number
      fullName?: string
      role?: Role
      departmentId?: number | null
      level?: string | null
      subject?: string | null
    },
  ): Promise<Result<PersonView, Forbidden | NotFound | InvalidInput | UnknownLevel | WrongSchool>> {
    const parsed = parseInput(
      z.object({
        personId: id,
        fullName: fullName.optional(),
        role: z.enum(ROLES).optional(),
        departmentId: id.nullable().optional(),
        level: levelText.nullable().optional(),
        subject: subject.nullable().optional(),
      }),
      input,
    )
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const person = await this.stores.people.get(parsed.value.personId)
    if (!person) return notFound('person')
    if (!isAdminOf(who, person.schoolId)) return forbidden()
    const departmentId = parsed.value.departmentId
    if (departmentId !== undefined && departmentId !== null) {
      const department = await this.stores.schools.getDepartment(departmentId)
      if (!department) return notFound('department')
      if (department.schoolId !== person.schoolId)
        return fail({ code: 'wrong-school' as const, departmentId })
    }
    let level: Level | null | undefined
    if (parsed.value.level === null) level = null
    else if (parsed.value.level !== undefined) {
      level = parseLevel(parsed.value.level)
      if (!level) return fail({ code: 'unknown-level' as const, value: parsed.value.level, expected: LEVELS })
    }
    const now = this.ctx.now().toISOString()
    const patch = {
      fullName: parsed.value.fullName,
      role: parsed.value.role,
      departmentId,
      level,
      subject: parsed.value.subject,
    }
    const updated = await this.stores.transaction(async (tx) => {
      const updated = await tx.people.update(person.id, patch, now)
      await tx.audit.record(
        who.telegramId,
        'person.update',
        { personId: person.id, before: person, patch },
        now,
      )
      return updated!
    })
    return ok(await this.view(updated))
  }

  /** Unlinks a Telegram account from a person: the person themselves, or an admin of their school. */
  async unlink(
    actor: Actor,
    input: { personId: number },
  ): Promise<Result<PersonView, Forbidden | NotFound | InvalidInput>> {
    const parsed = parseInput(z.object({ personId: id }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const person = await this.stores.people.get(parsed.value.personId)
    if (!person) return notFound('person')
    if (!isSelf(who, person.id) && !isAdminOf(who, person.schoolId)) return forbidden()
    const now = this.ctx.now().toISOString()
    await this.stores.transaction(async (tx) => {
      await tx.people.unlink(person.id, now)
      await tx.audit.record(
        who.telegramId,
        'person.unlink',
        { personId: person.id, telegramId: person.telegramId },
        now,
      )
    })
    return ok(await this.view({ ...person, telegramId: null }))
  }

  private async target(
    who: ActorInfo,
    personId: number | undefined,
  ): Promise<Result<Person, NotFound | NotLinked>> {
    if (personId === undefined) return who.person ? ok(who.person) : notLinked()
    const person = await this.stores.people.get(personId)
    return person ? ok(person) : notFound('person')
  }

  private async departmentNames(schoolId: number): Promise<Map<number, string>> {
    const departments: Department[] = await this.stores.schools.listDepartments(schoolId)
    return new Map(departments.map((d) => [d.id, d.name]))
  }

  private async view(person: Person): Promise<PersonView> {
    const department =
      person.departmentId === null ? undefined : await this.stores.schools.getDepartment(person.departmentId)
    return { ...person, departmentName: department?.name ?? null }
  }
}
