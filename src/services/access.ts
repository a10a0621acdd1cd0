/**
 * Who is calling, and what they may touch. Every service takes the actor (the Telegram id of the
 * update's sender) and checks here, on the server, whatever the menus showed:
 * a teacher — their own data; a head — their department; an admin — their school; an owner —
 * everything.
 */
import { z } from 'zod'
import type { Person } from '../store/people.ts'
import type { Stores } from '../store/stores.ts'

/** The caller, as the bot knows them: `{ telegramId: ctx.from.id }`. */
export interface Actor {
  readonly telegramId: number
}

export interface ActorInfo {
  readonly telegramId: number
  readonly isOwner: boolean
  /** the person this account is linked to, if any */
  readonly person: Person | undefined
}

export const actorSchema = z.object({ telegramId: z.number().int().positive() })

export async function whoIs(stores: Stores, actor: Actor): Promise<ActorInfo> {
  const telegramId = actorSchema.parse(actor).telegramId
  const [isOwner, person] = await Promise.all([
    stores.owners.isOwner(telegramId),
    stores.people.byTelegramId(telegramId),
  ])
  return { telegramId, isOwner, person }
}

/** An owner, or an admin (BCĐ) of this school. */
export function isAdminOf(who: ActorInfo, schoolId: number): boolean {
  return who.isOwner || (who.person?.role === 'admin' && who.person.schoolId === schoolId)
}

/** The head (TTCM) of this department. Owners and admins are not heads. */
export function isHeadOf(who: ActorInfo, departmentId: number | null): boolean {
  return departmentId !== null && who.person?.role === 'head' && who.person.departmentId === departmentId
}

export function isMemberOf(who: ActorInfo, schoolId: number): boolean {
  return who.isOwner || who.person?.schoolId === schoolId
}

export function isSelf(who: ActorInfo, personId: number): boolean {
  return who.person?.id === personId
}

/** May see this person's data: themselves, their head, their school's admins, owners. */
export function canView(who: ActorInfo, target: Person): boolean {
  return (
    isSelf(who, target.id) ||
    isAdminOf(who, target.schoolId) ||
    (isHeadOf(who, target.departmentId) && who.person?.schoolId === target.schoolId)
  )
}
