/**
 * How a plan changes: every change is a plan_event with who and when (`recordPlanEvent`), and a
 * step of its way (submit, approve, return, reopen) is one conditional update with its event and
 * audit row (`movePlan`), answered with the new view and whom to tell. The way of a plan:
 *
 *   draft ──submit──▶ submitted ──head approves──▶ head_approved ──admin approves──▶ approved
 *     ▲                  │ │                           │                               │
 *     │                  │ └─(no head in the tổ: the admin approves directly)──────────▶
 *     └── returned ◀─────┴── return (head or admin) ───┴── return (admin) ◀── reopen ───┘
 *
 *   return movePlan(ctx, who, loaded, 'approve', ['submitted'], 'head_approved', null, recipients)
 */
import type { PlanAction, PlanStatus } from '../store/plans.ts'
import type { Stores } from '../store/stores.ts'
import type { ActorInfo } from './access.ts'
import type { ServiceContext } from './options.ts'
import type { Notified } from './plan-notices.ts'
import { type LoadedPlan, type PlanView, planView } from './plan-view.ts'
import { fail, ok, type Result } from './result.ts'

/** The plan is not in a state this action applies to (e.g. approved twice, or still with the head). */
export type WrongStatus = {
  readonly code: 'wrong-status'
  readonly status: PlanStatus
  readonly expected: ReadonlyArray<PlanStatus>
}

export interface PlanTransition {
  planId: number
  action: 'submit' | 'approve' | 'return' | 'reopen'
  from: PlanStatus
  to: PlanStatus
  reason: string | null
  at: string
  actor: { telegramId: number; personId: number | null; fullName: string | null }
  owner: { personId: number; fullName: string }
  /** who to tell, in their language; the actor is never among them */
  notify: Notified[]
}

/** One state change: conditional update, event, audit; then the view and whom to tell. */
export async function movePlan<E = never>(
  ctx: ServiceContext,
  who: ActorInfo,
  loaded: LoadedPlan,
  action: PlanTransition['action'],
  from: readonly PlanStatus[],
  to: PlanStatus,
  reasonText: string | null,
  recipients: () => Promise<Notified[]>,
  guard?: (tx: Stores) => Promise<E | null>,
): Promise<Result<{ view: PlanView; transition: PlanTransition }, WrongStatus | E>> {
  const { stores } = ctx
  const now = ctx.now().toISOString()
  const before = loaded.plan.status
  // the transition comes first: it locks the plan's row, so the guard judges what is committed
  // once no edit of this plan is under way, and its refusal rolls the transition back
  const moved = await stores
    .transaction(async (tx) => {
      if (!(await tx.plans.transition(loaded.plan.id, from, to, to === 'returned' ? reasonText : null, now)))
        return false
      const refused = await guard?.(tx)
      if (refused) throw new Refused(refused)
      await recordPlanEvent(tx, who, loaded.plan.id, action, before, to, reasonText, null, now)
      await tx.audit.record(
        who.telegramId,
        `plan.${action}`,
        { planId: loaded.plan.id, personId: loaded.owner.id, from: before, to, reason: reasonText },
        now,
      )
      return true
    })
    .catch((error: unknown) => {
      if (error instanceof Refused) return error.refusal as E
      throw error
    })
  if (moved !== true && moved !== false) return fail(moved)
  if (!moved) {
    const current = (await stores.plans.get(loaded.plan.id))?.status ?? before
    return fail({ code: 'wrong-status', status: current, expected: from })
  }
  const plan = (await stores.plans.get(loaded.plan.id))!
  const seen = new Set<number>([who.telegramId])
  const notify = (await recipients()).filter((r) => !seen.has(r.telegramId) && seen.add(r.telegramId))
  return ok({
    view: await planView(ctx, who, { ...loaded, plan }),
    transition: {
      planId: plan.id,
      action,
      from: before,
      to,
      reason: reasonText,
      at: now,
      actor: {
        telegramId: who.telegramId,
        personId: who.person?.id ?? null,
        fullName: who.person?.fullName ?? null,
      },
      owner: { personId: loaded.owner.id, fullName: loaded.owner.fullName },
      notify,
    },
  })
}

/** A plan_event in the change's transaction; creating the plan and module changes are audited here too. */
export async function recordPlanEvent(
  tx: Stores,
  who: ActorInfo,
  planId: number,
  action: PlanAction,
  from: PlanStatus | null,
  to: PlanStatus | null,
  reasonText: string | null,
  moduleId: number | null,
  now: string,
): Promise<void> {
  await tx.plans.addEvent({
    planId,
    at: now,
    actorTelegramId: who.telegramId,
    actorPersonId: who.person?.id ?? null,
    action,
    fromStatus: from,
    toStatus: to,
    reason: reasonText,
    moduleId,
  })
  if (action === 'add-module' || action === 'remove-module' || action === 'create') {
    await tx.audit.record(who.telegramId, `plan.${action}`, { planId, moduleId }, now)
  }
}

/** A guard's refusal inside a transaction: thrown to roll it back, caught to return it. */
class Refused extends Error {
  constructor(readonly refusal: unknown) {
    super('refused inside the transaction')
  }
}
