/**
 * Owners of the deployment. At start-up the Telegram ids of OWNER_TELEGRAM_IDS become owners; with
 * no owner at all (none configured, none stored) a one-time setup code is made, and main prints
 * its link: the first person to open it becomes the owner. A setup code works for 24 hours; a
 * start with no owner after that issues a fresh one. Main prints the link only when it is issued,
 * so that logs do not repeat a live owner link at every start (and never once an owner exists).
 *
 *   const { setupCode, issued } = await deps.setup.bootstrap({ ownerTelegramIds: config.ownerTelegramIds })
 *   if (setupCode && issued) console.log(startLink(bot.botInfo.username, setupCode))
 *   // /start setup-…  →  deps.setup.claim({ telegramId: ctx.from.id }, payload)
 *
 * Owners revoke owners (`revokeOwner`): never themselves, never the last one, and not one the
 * environment names (OWNER_TELEGRAM_IDS would make them an owner again at the next start).
 */
import { z } from 'zod'
import type { OwnerInfo } from '../store/owners.ts'
import { type Actor, whoIs } from './access.ts'
import { normalizeCode, randomCode, SETUP_CODE_LENGTH, SETUP_PREFIX } from './codes.ts'
import type { ServiceContext } from './options.ts'
import { type Forbidden, fail, forbidden, type InvalidInput, ok, parseInput, type Result } from './result.ts'

export type SetupError =
  /** no such setup code */
  | { readonly code: 'setup-unknown' }
  /** the code was used already (by someone else, or by you) */
  | { readonly code: 'setup-used' }
  /** the deployment already has an owner; setup links no longer work */
  | { readonly code: 'setup-closed' }
  /** the code is over 24 hours old; a restart of the bot issues a fresh one */
  | { readonly code: 'setup-expired' }

export type OwnerRevokeError =
  /** an owner does not revoke themselves (so the last owner stays) */
  | { readonly code: 'owner-self' }
  /** the deployment must keep at least one owner */
  | { readonly code: 'last-owner' }
  | { readonly code: 'not-an-owner'; readonly telegramId: number }
  /** named in OWNER_TELEGRAM_IDS: remove them there, or the next start makes them owner again */
  | { readonly code: 'owner-from-config'; readonly telegramId: number }

/** How long a setup code works after it is issued. */
export const SETUP_CODE_HOURS = 24
const SETUP_CODE_MS = SETUP_CODE_HOURS * 60 * 60 * 1000

function setupExpiresAt(createdAt: string): string {
  return new Date(new Date(createdAt).getTime() + SETUP_CODE_MS).toISOString()
}

/** Tells a setup code from an invite code in a `/start` payload. */
export function isSetupCode(payload: string): boolean {
  return normalizeCode(payload).startsWith(SETUP_PREFIX)
}

export class SetupService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores() {
    return this.ctx.stores
  }

  /**
   * Makes the configured ids owners (idempotent). When the deployment has no owner, returns the
   * live setup code: the unused one while it works (`issued: false`: it was announced already),
   * else a fresh one (`issued: true`: announce it). With an owner: no code at all.
   */
  async bootstrap(input: { ownerTelegramIds: readonly number[] }): Promise<{
    owners: number[]
    setupCode: string | null
    /** the code was made by this call: the one time to print it */
    issued: boolean
    expiresAt: string | null
  }> {
    const ids = z.array(z.number().int().positive()).parse(input.ownerTelegramIds)
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      for (const id of ids) {
        if (await tx.owners.add(id, 'config', null, now)) {
          await tx.audit.record(null, 'owner.add', { telegramId: id, source: 'config' }, now)
        }
      }
      const owners = await tx.owners.list()
      if (owners.length > 0) return { owners, setupCode: null, issued: false, expiresAt: null }
      const existing = await tx.owners.unusedSetupCode()
      if (existing && setupExpiresAt(existing.createdAt) > now)
        return {
          owners,
          setupCode: existing.code,
          issued: false,
          expiresAt: setupExpiresAt(existing.createdAt),
        }
      const code = SETUP_PREFIX + randomCode(SETUP_CODE_LENGTH)
      await tx.owners.createSetupCode(code, now)
      await tx.audit.record(null, 'setup.issue', { expiresAt: setupExpiresAt(now) }, now)
      return { owners, setupCode: code, issued: true, expiresAt: setupExpiresAt(now) }
    })
  }

  /** The actor opened the setup link: they become the owner, once. */
  async claim(actor: Actor, code: string): Promise<Result<{ owner: true }, SetupError>> {
    const who = await whoIs(this.stores, actor)
    const now = this.ctx.now().toISOString()
    const typed = normalizeCode(code)
    return this.stores.transaction(async (tx) => {
      const setup = await tx.owners.getSetupCode(typed)
      if (!setup) return fail({ code: 'setup-unknown' as const })
      if (setup.usedAt !== null) return fail({ code: 'setup-used' as const })
      if ((await tx.owners.list()).length > 0) return fail({ code: 'setup-closed' as const })
      if (setupExpiresAt(setup.createdAt) <= now) return fail({ code: 'setup-expired' as const })
      if (!(await tx.owners.useSetupCode(typed, who.telegramId, now)))
        return fail({ code: 'setup-used' as const })
      await tx.owners.add(who.telegramId, 'setup', null, now)
      await tx.audit.record(who.telegramId, 'owner.add', { telegramId: who.telegramId, source: 'setup' }, now)
      return ok({ owner: true as const })
    })
  }

  async isOwner(telegramId: number): Promise<boolean> {
    return this.stores.owners.isOwner(telegramId)
  }

  /** The deployment's owners, for an owner. */
  async listOwners(actor: Actor): Promise<Result<OwnerInfo[], Forbidden>> {
    const who = await whoIs(this.stores, actor)
    if (!who.isOwner) return forbidden()
    return ok(await this.stores.owners.listDetailed())
  }

  /**
   * An owner takes another owner's rights away. Never their own (so never the last owner), and
   * not an owner the environment names: OWNER_TELEGRAM_IDS would make them an owner again at the
   * next start, so that is changed where it is set.
   */
  async revokeOwner(
    actor: Actor,
    input: { telegramId: number },
  ): Promise<Result<{ revoked: number; remaining: number }, Forbidden | InvalidInput | OwnerRevokeError>> {
    const parsed = parseInput(z.object({ telegramId: z.number().int().positive() }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    if (!who.isOwner) return forbidden()
    const target = parsed.value.telegramId
    if (target === who.telegramId) return fail({ code: 'owner-self' as const })
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      // both rows in one order, whoever revokes whom: a mutual revocation waits, then finds its
      // revoker gone, and the deployment keeps an owner
      const [first, second] = [who.telegramId, target].sort((x, y) => x - y) as [number, number]
      const locked = new Map([
        [first, await tx.owners.lock(first)],
        [second, await tx.owners.lock(second)],
      ])
      if (!locked.get(who.telegramId)) return forbidden()
      if (!locked.get(target)) return fail({ code: 'not-an-owner' as const, telegramId: target })
      if ((await tx.owners.source(target)) === 'config')
        return fail({ code: 'owner-from-config' as const, telegramId: target })
      const remaining = (await tx.owners.list()).filter((id) => id !== target).length
      if (remaining === 0) return fail({ code: 'last-owner' as const })
      await tx.owners.remove(target)
      await tx.audit.record(who.telegramId, 'owner.revoke', { telegramId: target }, now)
      return ok({ revoked: target, remaining })
    })
  }

  /** An owner makes another Telegram account an owner. */
  async addOwner(
    actor: Actor,
    input: { telegramId: number },
  ): Promise<Result<{ added: boolean }, Forbidden | InvalidInput>> {
    const parsed = parseInput(z.object({ telegramId: z.number().int().positive() }), input)
    if (!parsed.ok) return parsed
    const who = await whoIs(this.stores, actor)
    if (!who.isOwner) return forbidden()
    const now = this.ctx.now().toISOString()
    const added = await this.stores.transaction(async (tx) => {
      const added = await tx.owners.add(parsed.value.telegramId, 'owner', who.telegramId, now)
      if (added)
        await tx.audit.record(who.telegramId, 'owner.add', { telegramId: parsed.value.telegramId }, now)
      return added
    })
    return ok({ added })
  }
}
