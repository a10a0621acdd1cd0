/**
 * Whom a plan's step concerns, in their language: its owner, the heads of the owner's department,
 * the admins of the owner's school — never the owner among the heads or admins. A submit tells the
 * approver next in line (plans.ts), an approval or a return tells the owner (plan-approvals.ts);
 * plan-transition.ts leaves the actor out.
 *
 *   const notify = [...(await ownerNotice(stores, owner)), ...(await adminNotices(stores, owner))]
 */
import type { Person, Recipient } from '../store/people.ts'
import type { Stores } from '../store/stores.ts'

export type Audience = 'owner' | 'head' | 'admin'

export type Notified = Recipient & { audience: Audience }

export async function ownerNotice(stores: Stores, owner: Person): Promise<Notified[]> {
  return tag(await stores.people.recipients([owner.id]), 'owner')
}

export async function headNotices(stores: Stores, owner: Person): Promise<Notified[]> {
  if (owner.departmentId === null) return []
  const heads = (await stores.people.heads(owner.departmentId)).filter((h) => h.id !== owner.id)
  return tag(await stores.people.recipients(heads.map((h) => h.id)), 'head')
}

export async function adminNotices(stores: Stores, owner: Person): Promise<Notified[]> {
  const admins = (await stores.people.admins(owner.schoolId)).filter((a) => a.id !== owner.id)
  return tag(await stores.people.recipients(admins.map((a) => a.id)), 'admin')
}

function tag(recipients: Recipient[], audience: Audience): Notified[] {
  return recipients.map((r) => ({ ...r, audience }))
}
