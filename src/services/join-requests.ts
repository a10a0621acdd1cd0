/**
 * Join requests: someone who opens a department-wide invite and says they are a colleague already
 * on the staff list is not linked at once (anyone the link was forwarded to could say so). The
 * request goes to that department's head and the school's admins, with the Telegram name of the
 * claimant; the first to approve links the account, a rejection closes it.
 *
 *   const asked = await deps.joinRequests.request(newcomer, { code, personId, telegramName: 'Lan @lan' })
 *   asked.value.approvers          // → a message with Approve / Reject buttons to each
 *   const decided = await deps.joinRequests.decide(head, { requestId, approve: true })
 *   decided.value.claimant         // → told they joined (or not)
 *
 * Listed staff who must not wait join by their own single-use link (/unreachable gives one).
 */
import { z } from 'zod'
import type { JoinRequest } from '../store/join-requests.ts'
import type { Person, Recipient, Role } from '../store/people.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, whoIs } from './access.ts'
import { normalizeCode } from './codes.ts'
import { commandsFor } from './commands.ts'
import {
  type AlreadyLinked,
  alreadyLinked,
  type InviteError,
  mayInvite,
  type PersonUnavailable,
  usable,
} from './invites.ts'
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

/** The request was approved, rejected or closed already (by another approver, or lapsed). */
export type RequestDecided = { readonly code: 'join-request-decided'; readonly state: string }
/** Only department-wide invites take requests; any other link joins at once. */
export type NoRequestNeeded = { readonly code: 'no-request-needed' }

export interface Requested {
  requestId: number
  person: { id: number; fullName: string }
  school: { id: number; name: string }
  department: { id: number; name: string } | null
  role: Role
  telegramName: string
  /** who may decide: the department's head (for teachers), the school's admins, the inviter */
  approvers: Recipient[]
  /** the same claim was waiting already: its approvers were told then */
  alreadyWaiting: boolean
}

export interface Decided {
  status: 'approved' | 'rejected'
  person: Person
  school: { id: number; name: string }
  department: { id: number; name: string } | null
  telegramName: string
  /** the person who asked, to be told */
  claimant: Recipient
  /** approved: what the claimant still has to give (level, subject) and their commands */
  missing: ProfileField[]
  commands: string[]
}

const requestSchema = z.object({
  code: z
    .string()
    .transform(normalizeCode)
    .pipe(z.string().regex(/^[a-z0-9_-]{1,64}$/)),
  personId: z.number().int().positive(),
  telegramName: z.string().trim().min(1).max(200),
})

export class JoinRequestService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  /**
   * The actor, not linked yet, claims `personId` through the department-wide invite `code`. A newer
   * claim replaces one still waiting; the same claim again is not sent to the approvers twice.
   */
  async request(
    actor: Actor,
    input: { code: string; personId: number; telegramName: string },
  ): Promise<
    Result<Requested, InviteError | AlreadyLinked | PersonUnavailable | NoRequestNeeded | InvalidInput>
  > {
    const parsed = parseInput(requestSchema, input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    if (who.person) return fail(alreadyLinked(who.person))
    const nowDate = this.ctx.now()
    const now = nowDate.toISOString()
    const done = await this.stores.transaction(
      async (
        tx,
      ): Promise<
        Result<
          { request: JoinRequest; person: Person; alreadyWaiting: boolean },
          InviteError | PersonUnavailable | NoRequestNeeded
        >
      > => {
        const checked = await usable(tx, parsed.value.code, nowDate)
        if (!checked.ok) return checked
        const invite = checked.value
        if (invite.kind !== 'department' || invite.personId !== null)
          return fail({ code: 'no-request-needed' as const })
        const person = await tx.people.get(parsed.value.personId)
        if (
          !person ||
          person.schoolId !== invite.schoolId ||
          person.role !== invite.role ||
          person.departmentId !== invite.departmentId ||
          person.telegramId !== null
        )
          return fail({ code: 'person-unavailable' as const, personId: parsed.value.personId })
        const waiting = await tx.joinRequests.pendingFor(who.telegramId)
        if (waiting?.personId === person.id) return ok({ request: waiting, person, alreadyWaiting: true })
        if (waiting) await tx.joinRequests.close(waiting.id, 'withdrawn', who.telegramId, now)
        const request = await tx.joinRequests.create(
          {
            inviteId: invite.id,
            personId: person.id,
            telegramId: who.telegramId,
            telegramName: parsed.value.telegramName,
          },
          now,
        )
        await tx.audit.record(
          who.telegramId,
          'join.request',
          { requestId: request.id, inviteId: invite.id, personId: person.id },
          now,
        )
        return ok({ request, person, alreadyWaiting: false })
      },
    )
    if (!done.ok) return done
    const { request, person, alreadyWaiting } = done.value
    const invite = (await this.stores.invites.get(request.inviteId))!
    const where = await this.where(person)
    return ok({
      requestId: request.id,
      person: { id: person.id, fullName: person.fullName },
      ...where,
      role: person.role,
      telegramName: request.telegramName,
      approvers: alreadyWaiting ? [] : await this.approvers(person, invite.createdBy),
      alreadyWaiting,
    })
  }

  /**
   * An approver's answer. The department's head (for a teacher), the school's admins and owners
   * may decide; the first answer counts. Approving links the account to the person, provided
   * neither was linked meanwhile (then the request lapses).
   */
  async decide(
    actor: Actor,
    input: { requestId: number; approve: boolean },
  ): Promise<
    Result<Decided, Forbidden | NotFound | InvalidInput | RequestDecided | PersonUnavailable | AlreadyLinked>
  > {
    const parsed = parseInput(
      z.object({ requestId: z.number().int().positive(), approve: z.boolean() }),
      input,
    )
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    const found = await this.stores.joinRequests.get(parsed.value.requestId)
    if (!found) return notFound('join-request')
    const listed = await this.stores.people.get(found.personId)
    if (!listed) return notFound('person')
    if (!mayInvite(who, listed.schoolId, listed.role, listed.departmentId)) return forbidden()
    const now = this.ctx.now().toISOString()
    const { approve } = parsed.value
    const result = await this.stores.transaction(
      async (tx): Promise<Result<Person, RequestDecided | PersonUnavailable | AlreadyLinked>> => {
        const request = (await tx.joinRequests.get(found.id))!
        if (request.status !== 'pending')
          return fail({ code: 'join-request-decided' as const, state: request.status })
        const person = (await tx.people.get(request.personId))!
        if (!approve) {
          if (!(await tx.joinRequests.close(request.id, 'rejected', who.telegramId, now)))
            return fail({ code: 'join-request-decided' as const, state: 'rejected' })
          await tx.audit.record(
            who.telegramId,
            'join.reject',
            { requestId: request.id, personId: person.id },
            now,
          )
          return ok(person)
        }
        // linked otherwise meanwhile: the request can no longer be granted
        const claimantPerson = await tx.people.byTelegramId(request.telegramId)
        if (person.telegramId !== null || claimantPerson) {
          await tx.joinRequests.close(request.id, 'lapsed', who.telegramId, now)
          return claimantPerson
            ? fail(alreadyLinked(claimantPerson))
            : fail({ code: 'person-unavailable' as const, personId: person.id })
        }
        if (!(await tx.joinRequests.close(request.id, 'approved', who.telegramId, now)))
          return fail({ code: 'join-request-decided' as const, state: 'approved' })
        if (!(await tx.people.link(person.id, request.telegramId, now)))
          return fail({ code: 'person-unavailable' as const, personId: person.id })
        // counted as a use of the link it came through (whether or not that link still works)
        await tx.invites.use(request.inviteId)
        await tx.audit.record(
          who.telegramId,
          'join.approve',
          { requestId: request.id, personId: person.id, telegramId: request.telegramId },
          now,
        )
        return ok({ ...person, telegramId: request.telegramId })
      },
    )
    if (!result.ok) return result
    const person = result.value
    return ok({
      status: approve ? ('approved' as const) : ('rejected' as const),
      person,
      ...(await this.where(person)),
      telegramName: found.telegramName,
      claimant: await this.stores.people.recipientByTelegramId(found.telegramId),
      missing: approve ? missingProfile(person) : [],
      commands: approve
        ? commandsFor({ role: person.role, isOwner: await this.stores.owners.isOwner(found.telegramId) })
        : [],
    })
  }

  private async where(person: Person) {
    const school = (await this.stores.schools.get(person.schoolId))!
    const department =
      person.departmentId === null ? undefined : await this.stores.schools.getDepartment(person.departmentId)
    return {
      school: { id: school.id, name: school.name },
      department: department ? { id: department.id, name: department.name } : null,
    }
  }

  /** The department's heads (for a teacher), the school's admins and the inviter: linked ones, once each. */
  private async approvers(person: Person, inviter: number): Promise<Recipient[]> {
    const heads =
      person.role === 'teacher' && person.departmentId !== null
        ? await this.stores.people.heads(person.departmentId)
        : []
    const admins = await this.stores.people.admins(person.schoolId)
    const recipients = await this.stores.people.recipients([...heads, ...admins].map((p) => p.id))
    const seen = new Set(recipients.map((r) => r.telegramId))
    if (!seen.has(inviter)) {
      const invitedBy = await whoIs(this.stores, { telegramId: inviter })
      if (mayInvite(invitedBy, person.schoolId, person.role, person.departmentId))
        recipients.push(await this.stores.people.recipientByTelegramId(inviter))
    }
    return recipients
  }
}
