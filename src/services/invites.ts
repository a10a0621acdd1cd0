/**
 * Joining by invite. An admin (for any role of their school) or a head (teachers of their own
 * department) makes a code; the link `https://t.me/<bot>?start=<code>` opens the bot, which shows
 * who the invite is for and, for a department, the names not yet linked to pick from; redeeming
 * links the Telegram account to that person, or to a new one with the name entered.
 *
 *   const made = await deps.invites.create(actor, { schoolId, role: 'teacher', departmentId, kind: 'department' })
 *   startLink(bot, made.value.code)
 *   const seen = await deps.invites.inspect(newcomer, code)      // school, department, names to pick
 *   const joined = await deps.invites.redeem(newcomer, { code, fullName: 'Nguyễn Văn An' })
 *   joined.value.missing                                          // ['level', 'subject'] → ask, then people.setProfile
 *
 * A department-wide link reaches whoever it is forwarded to, so it does not link anyone to a
 * name already on the staff list: that claim (a listed name picked, or typed) is refused with
 * `approval-needed`, and becomes a join request the head or admin approves (join-requests.ts).
 * Listed staff join at once by their own single-use link (/unreachable gives one).
 */
import { z } from 'zod'
import type { Invite, InviteKind } from '../store/invites.ts'
import type { Recipient } from '../store/people.ts'
import { type Person, ROLES, type Role } from '../store/people.ts'
import type { Stores } from '../store/stores.ts'
import { fold } from '../store/text.ts'
import { type Actor, type ActorInfo, isAdminOf, isHeadOf, whoIs } from './access.ts'
import { INVITE_CODE_LENGTH, normalizeCode, randomCode } from './codes.ts'
import { commandsFor } from './commands.ts'
import type { ServiceContext } from './options.ts'
import { missingProfile, type ProfileField } from './people.ts'
import {
  type Forbidden,
  fail,
  forbidden,
  type InvalidInput,
  type NotFound,
  notFound,
  ok,
  parseInput,
  type Result,
} from './result.ts'

export const DEFAULT_INVITE_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000

export type InviteState = 'active' | 'expired' | 'used' | 'revoked'

export interface InviteView {
  id: number
  /** the deep-link payload and the code to type */
  code: string
  kind: InviteKind
  role: Role
  schoolId: number
  departmentId: number | null
  /** an invite made for one named person */
  personId: number | null
  expiresAt: string
  usedCount: number
  state: InviteState
}

export type InviteError =
  | { readonly code: 'invite-unknown' }
  | { readonly code: 'invite-expired'; readonly expiresAt: string }
  | { readonly code: 'invite-used' }
  | { readonly code: 'invite-revoked' }

/** The account is linked to a person already (one account, one person). */
export type AlreadyLinked = {
  readonly code: 'already-linked'
  readonly personId: number
  readonly schoolId: number
}
/** The chosen person is not one this invite may link (other department/role, or linked meanwhile). */
export type PersonUnavailable = { readonly code: 'person-unavailable'; readonly personId: number }
/** A department-wide link claims a listed name: that needs the head's or admin's approval. */
export type ApprovalNeeded = { readonly code: 'approval-needed'; readonly personId: number }
/** teacher and head invites need a department; a department-wide invite too */
export type DepartmentRequired = { readonly code: 'department-required'; readonly role: Role }

export interface InviteInfo {
  invite: InviteView
  school: { id: number; name: string }
  department: { id: number; name: string } | null
  /** set when the invite was made for one person: redeeming links to them */
  person: { id: number; fullName: string } | null
  /** the people of this department and role with no account yet, to pick one's own name from */
  candidates: Array<{ id: number; fullName: string }>
  /** picking one of the candidates is a request the head or admin approves (department-wide links) */
  claimNeedsApproval: boolean
}

export interface Joined {
  person: Person
  school: { id: number; name: string }
  department: { id: number; name: string } | null
  /** what the bot should ask for next (then people.setProfile) */
  missing: ProfileField[]
  /** the person's command list, for setMyCommands */
  commands: string[]
  /** whoever made the invite, to tell them someone joined */
  notify: Recipient[]
}

const createSchema = z.object({
  schoolId: z.number().int().positive(),
  role: z.enum(ROLES),
  departmentId: z.number().int().positive().nullable().optional(),
  personId: z.number().int().positive().nullable().optional(),
  kind: z.enum(['single', 'department']).default('single'),
  days: z.number().int().min(1).max(90).optional(),
})

const codeSchema = z
  .string()
  .transform(normalizeCode)
  .pipe(z.string().regex(/^[a-z0-9_-]{1,64}$/))

const redeemSchema = z
  .object({
    code: codeSchema,
    personId: z.number().int().positive().optional(),
    fullName: z.string().trim().min(2).max(100).optional(),
  })
  .refine((v) => v.personId !== undefined || v.fullName !== undefined, {
    message: 'personId or fullName',
    path: ['fullName'],
  })

export class InviteService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  /**
   * Makes an invite. Admins: any role of their school; heads: teachers of their own department;
   * owners: anything. Single-use by default; 'department' invites serve the whole department
   * until they expire (default 7 days).
   */
  async create(
    actor: Actor,
    input: {
      schoolId: number
      role: Role
      departmentId?: number | null
      personId?: number | null
      kind?: InviteKind
      /** days until it expires, 1–90, default 7 */
      days?: number
    },
  ): Promise<
    Result<InviteView, Forbidden | NotFound | InvalidInput | DepartmentRequired | PersonUnavailable>
  > {
    const parsed = parseInput(createSchema, input)
    if (!parsed.ok) return parsed
    const value = parsed.value
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(value.schoolId)
    if (!school) return notFound('school')
    const departmentId = value.departmentId ?? null
    if (departmentId !== null) {
      const department = await this.stores.schools.getDepartment(departmentId)
      if (!department) return notFound('department')
      if (department.schoolId !== school.id) return forbidden()
    }
    if (!mayInvite(who, school.id, value.role, departmentId)) return forbidden()
    if (
      departmentId === null &&
      (value.role === 'teacher' || value.role === 'head' || value.kind === 'department')
    ) {
      return fail({ code: 'department-required' as const, role: value.role })
    }
    const personId = value.personId ?? null
    if (personId !== null) {
      const person = await this.stores.people.get(personId)
      if (!person) return notFound('person')
      if (person.schoolId !== school.id) return forbidden()
      if (
        person.telegramId !== null ||
        person.role !== value.role ||
        person.departmentId !== departmentId ||
        value.kind !== 'single'
      ) {
        return fail({ code: 'person-unavailable' as const, personId })
      }
    }
    const nowDate = this.ctx.now()
    const invite = await this.stores.transaction(async (tx) => {
      const invite = await issueInvite(
        tx,
        {
          schoolId: school.id,
          role: value.role,
          departmentId,
          personId,
          kind: value.kind,
          days: value.days,
          createdBy: who.telegramId,
        },
        nowDate,
      )
      await tx.audit.record(
        who.telegramId,
        'invite.create',
        {
          inviteId: invite.id,
          schoolId: school.id,
          role: value.role,
          departmentId,
          personId,
          kind: value.kind,
        },
        nowDate.toISOString(),
      )
      return invite
    })
    return ok(invite)
  }

  /** The invites of a school (admins) or of the head's own department. */
  async list(
    actor: Actor,
    input: { schoolId: number; departmentId?: number; activeOnly?: boolean },
  ): Promise<Result<InviteView[], Forbidden | NotFound | InvalidInput>> {
    const parsed = parseInput(
      z.object({
        schoolId: z.number().int().positive(),
        departmentId: z.number().int().positive().optional(),
        activeOnly: z.boolean().optional(),
      }),
      input,
    )
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const school = await this.stores.schools.get(parsed.value.schoolId)
    if (!school) return notFound('school')
    let departmentId = parsed.value.departmentId
    if (!isAdminOf(who, school.id)) {
      if (who.person?.role !== 'head' || who.person.schoolId !== school.id) return forbidden()
      if (departmentId !== undefined && departmentId !== who.person.departmentId) return forbidden()
      if (who.person.departmentId === null) return forbidden()
      departmentId = who.person.departmentId
    }
    const now = this.ctx.now()
    const invites = await this.stores.invites.list({
      schoolId: school.id,
      departmentId,
      activeAt: parsed.value.activeOnly ? now.toISOString() : undefined,
    })
    return ok(invites.map((i) => toView(i, now)))
  }

  /** Revokes an invite: whoever may make such an invite may revoke it. */
  async revoke(
    actor: Actor,
    input: { inviteId: number },
  ): Promise<Result<InviteView, Forbidden | NotFound | InvalidInput>> {
    const parsed = parseInput(z.object({ inviteId: z.number().int().positive() }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const invite = await this.stores.invites.get(parsed.value.inviteId)
    if (!invite) return notFound('invite')
    if (!mayInvite(who, invite.schoolId, invite.role, invite.departmentId)) return forbidden()
    const nowDate = this.ctx.now()
    const now = nowDate.toISOString()
    await this.stores.transaction(async (tx) => {
      await tx.invites.revoke(invite.id, now)
      await tx.audit.record(who.telegramId, 'invite.revoke', { inviteId: invite.id }, now)
    })
    return ok(toView({ ...invite, revokedAt: now }, nowDate))
  }

  /** What a code opens: checked like redeem, without using it. */
  async inspect(
    actor: Actor,
    code: string,
  ): Promise<Result<InviteInfo, InviteError | AlreadyLinked | InvalidInput>> {
    const parsed = parseInput(codeSchema, code)
    if (!parsed.ok) return fail({ code: 'invite-unknown' as const })
    const who = await whoIs(this.stores, actor)
    if (who.person) return fail(alreadyLinked(who.person))
    const checked = await usable(this.stores, parsed.value, this.ctx.now())
    if (!checked.ok) return checked
    return ok(await describe(this.stores, checked.value, this.ctx.now()))
  }

  /**
   * Links the actor's account: to the invite's own person, to `personId` (an unlinked person of the
   * invite's department and role), or to a new person named `fullName`.
   */
  async redeem(
    actor: Actor,
    input: { code: string; personId?: number; fullName?: string },
  ): Promise<
    Result<Joined, InviteError | AlreadyLinked | PersonUnavailable | ApprovalNeeded | InvalidInput>
  > {
    const parsed = parseInput(redeemSchema, input)
    if (!parsed.ok) {
      const codeIssue = parsed.error.issues.some((i) => i.path === 'code')
      return codeIssue ? fail({ code: 'invite-unknown' as const }) : parsed
    }
    const who = await whoIs(this.stores, actor)
    if (who.person) return fail(alreadyLinked(who.person))
    const nowDate = this.ctx.now()
    const now = nowDate.toISOString()
    const result = await this.stores
      .transaction(
        async (
          tx,
        ): Promise<Result<Person, InviteError | AlreadyLinked | PersonUnavailable | ApprovalNeeded>> => {
          const checked = await usable(tx, parsed.value.code, nowDate)
          if (!checked.ok) return checked
          const invite = checked.value
          let person: Person | undefined
          const chosen =
            invite.personId ?? parsed.value.personId ?? (await listedNamed(tx, invite, parsed.value.fullName))
          // nothing is written before this point, so a refusal here leaves the store as it was
          if (chosen !== undefined && chosen !== null) {
            const candidate = await tx.people.get(chosen)
            if (
              !candidate ||
              candidate.schoolId !== invite.schoolId ||
              candidate.role !== invite.role ||
              candidate.departmentId !== invite.departmentId ||
              candidate.telegramId !== null
            ) {
              return fail({ code: 'person-unavailable' as const, personId: chosen })
            }
            // anyone holding a department-wide link could say they are this colleague: ask first
            if (invite.personId === null && invite.kind === 'department')
              return fail({ code: 'approval-needed' as const, personId: chosen })
            person = candidate
            if (!(await tx.invites.use(invite.id))) return fail({ code: 'invite-used' as const })
          } else {
            if (!(await tx.invites.use(invite.id))) return fail({ code: 'invite-used' as const })
            person = await tx.people.create(
              {
                schoolId: invite.schoolId,
                fullName: parsed.value.fullName!,
                role: invite.role,
                departmentId: invite.departmentId,
                level: null,
                subject: null,
              },
              now,
            )
          }
          if (!(await tx.people.link(person.id, who.telegramId, now))) {
            throw new RaceLost({ code: 'person-unavailable', personId: person.id })
          }
          await tx.audit.record(
            who.telegramId,
            'invite.redeem',
            { inviteId: invite.id, personId: person.id, created: chosen === undefined || chosen === null },
            now,
          )
          return ok({ ...person, telegramId: who.telegramId })
        },
      )
      .catch((error: unknown) => {
        if (error instanceof RaceLost) return fail(error.error)
        throw error
      })
    if (!result.ok) return result
    const person = result.value
    const school = (await this.stores.schools.get(person.schoolId))!
    const department =
      person.departmentId === null ? undefined : await this.stores.schools.getDepartment(person.departmentId)
    const invite = (await this.stores.invites.byCode(parsed.value.code))!
    const inviter = await this.stores.people.recipientByTelegramId(invite.createdBy)
    return ok({
      person,
      school: { id: school.id, name: school.name },
      department: department ? { id: department.id, name: department.name } : null,
      missing: missingProfile(person),
      commands: commandsFor({ role: person.role, isOwner: await this.stores.owners.isOwner(who.telegramId) }),
      notify: inviter.telegramId === who.telegramId ? [] : [inviter],
    })
  }
}

/** Thrown inside a transaction to roll it back, caught outside to become an error value. */
class RaceLost extends Error {
  constructor(readonly error: PersonUnavailable) {
    super(error.code)
  }
}

/**
 * The unlinked person of this department-wide invite whose name is the one typed, if any: typing
 * a listed name is claiming it, as picking it is.
 */
async function listedNamed(stores: Stores, invite: Invite, fullName: string | undefined) {
  if (invite.kind !== 'department' || invite.personId !== null || fullName === undefined) return undefined
  const key = fold(fullName)
  const listed = await stores.people.list({
    schoolId: invite.schoolId,
    departmentId: invite.departmentId,
    role: invite.role,
    unlinkedOnly: true,
  })
  return listed.find((p) => fold(p.fullName) === key)?.id
}

export function alreadyLinked(person: Person): AlreadyLinked {
  return { code: 'already-linked', personId: person.id, schoolId: person.schoolId }
}

/** Admins and owners: any role of the school; a head: teachers of their own department. */
export function mayInvite(
  who: ActorInfo,
  schoolId: number,
  role: Role,
  departmentId: number | null,
): boolean {
  if (isAdminOf(who, schoolId)) return true
  return role === 'teacher' && isHeadOf(who, departmentId) && who.person?.schoolId === schoolId
}

export async function usable(stores: Stores, code: string, now: Date): Promise<Result<Invite, InviteError>> {
  const invite = await stores.invites.byCode(code)
  if (!invite) return fail({ code: 'invite-unknown' })
  if (invite.revokedAt !== null) return fail({ code: 'invite-revoked' })
  if (invite.kind === 'single' && invite.usedCount > 0) return fail({ code: 'invite-used' })
  if (invite.expiresAt <= now.toISOString())
    return fail({ code: 'invite-expired', expiresAt: invite.expiresAt })
  if (invite.personId !== null) {
    const person = await stores.people.get(invite.personId)
    if (!person || person.telegramId !== null) return fail({ code: 'invite-used' })
  }
  return ok(invite)
}

async function describe(stores: Stores, invite: Invite, now: Date): Promise<InviteInfo> {
  const school = (await stores.schools.get(invite.schoolId))!
  const department =
    invite.departmentId === null ? undefined : await stores.schools.getDepartment(invite.departmentId)
  const person = invite.personId === null ? undefined : await stores.people.get(invite.personId)
  const candidates = person
    ? []
    : await stores.people.list({
        schoolId: invite.schoolId,
        departmentId: invite.departmentId,
        role: invite.role,
        unlinkedOnly: true,
      })
  return {
    invite: toView(invite, now),
    school: { id: school.id, name: school.name },
    department: department ? { id: department.id, name: department.name } : null,
    person: person ? { id: person.id, fullName: person.fullName } : null,
    candidates: candidates.map((p) => ({ id: p.id, fullName: p.fullName })),
    claimNeedsApproval: invite.kind === 'department' && invite.personId === null,
  }
}

/** Makes an invite with a fresh code, inside the caller's transaction. */
export async function issueInvite(
  stores: Stores,
  fields: {
    schoolId: number
    role: Role
    departmentId: number | null
    personId: number | null
    kind: InviteKind
    days: number | undefined
    createdBy: number
  },
  now: Date,
): Promise<InviteView> {
  let code = randomCode(INVITE_CODE_LENGTH)
  // 50 random bits: a clash is next to impossible, but cheap to rule out
  while (await stores.invites.byCode(code)) code = randomCode(INVITE_CODE_LENGTH)
  const expiresAt = new Date(now.getTime() + (fields.days ?? DEFAULT_INVITE_DAYS) * DAY_MS).toISOString()
  const invite = await stores.invites.create(
    {
      code,
      schoolId: fields.schoolId,
      role: fields.role,
      departmentId: fields.departmentId,
      personId: fields.personId,
      kind: fields.kind,
      expiresAt,
      createdBy: fields.createdBy,
    },
    now.toISOString(),
  )
  return toView(invite, now)
}

function toView(invite: Invite, now: Date): InviteView {
  const state: InviteState =
    invite.revokedAt !== null
      ? 'revoked'
      : invite.kind === 'single' && invite.usedCount > 0
        ? 'used'
        : invite.expiresAt <= now.toISOString()
          ? 'expired'
          : 'active'
  return {
    id: invite.id,
    code: invite.code,
    kind: invite.kind,
    role: invite.role,
    schoolId: invite.schoolId,
    departmentId: invite.departmentId,
    personId: invite.personId,
    expiresAt: invite.expiresAt,
    usedCount: invite.usedCount,
    state,
  }
}
