/**
 * Owners of the deployment. At start-up the Telegram ids of OWNER_TELEGRAM_IDS become owners; with
 * no owner at all (none configured, none stored) a one-time setup code is made, and main prints
 * its link: the first person to open it becomes the owner.
 *
 *   const { setupCode } = await deps.setup.bootstrap({ ownerTelegramIds: config.ownerTelegramIds })
 *   if (setupCode) console.log(startLink(bot.botInfo.username, setupCode))
 *   // /start setup-…  →  deps.setup.claim({ telegramId: ctx.from.id }, payload)
 */
import { z } from 'zod'
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
   * Makes the configured ids owners (idempotent). Returns the setup code to print when the
   * deployment has no owner; the same unused code is returned on every start until claimed.
   */
  async bootstrap(input: {
    ownerTelegramIds: readonly number[]
  }): Promise<{ owners: number[]; setupCode: string | null }> {
    const ids = z.array(z.number().int().positive()).parse(input.ownerTelegramIds)
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      for (const id of ids) {
        if (await tx.owners.add(id, 'config', null, now)) {
          await tx.audit.record(null, 'owner.add', { telegramId: id, source: 'config' }, now)
        }
      }
      const owners = await tx.owners.list()
      if (owners.length > 0) return { owners, setupCode: null }
      const existing = await tx.owners.unusedSetupCode()
      if (existing) return { owners, setupCode: existing.code }
      const code = SETUP_PREFIX + randomCode(SETUP_CODE_LENGTH)
      await tx.owners.createSetupCode(code, now)
      return { owners, setupCode: code }
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
