/**
 * The deployment's owners (issue 10, item 7): the one-time setup link works for 24 hours and is
 * announced only when it is issued; an owner revokes another owner, never the last one.
 */
import { describe, expect, it } from 'vitest'
import { account, must, refused, world } from './support.ts'

const HOUR = 60 * 60 * 1000

describe('the setup link', () => {
  it('is announced once, works for 24 hours, then a start with no owner issues a fresh one', async () => {
    const w = await world()
    const { setup } = w.services
    const first = await setup.bootstrap({ ownerTelegramIds: [] })
    expect(first).toMatchObject({
      issued: true,
      expiresAt: new Date(w.clock.now.getTime() + 24 * HOUR).toISOString(),
    })

    // a restart an hour later: the same code still works, and is not announced again
    w.at(new Date(w.clock.now.getTime() + HOUR).toISOString())
    expect(await setup.bootstrap({ ownerTelegramIds: [] })).toMatchObject({
      setupCode: first.setupCode,
      issued: false,
    })

    // a day later it no longer works, even though nobody used it
    w.at(new Date(w.clock.now.getTime() + 24 * HOUR).toISOString())
    const someone = await account(w, 42)
    expect(refused(await setup.claim(someone, first.setupCode!))).toEqual({ code: 'setup-expired' })
    expect(await setup.isOwner(42)).toBe(false)

    // the next start issues a fresh one, announced once
    const second = await setup.bootstrap({ ownerTelegramIds: [] })
    expect(second).toMatchObject({ issued: true })
    expect(second.setupCode).not.toBe(first.setupCode)
    must(await setup.claim(someone, second.setupCode!))
    // once there is an owner there is nothing to announce, at any start
    expect(await setup.bootstrap({ ownerTelegramIds: [] })).toMatchObject({ setupCode: null, issued: false })
  })
})

describe('revoking an owner', () => {
  it('an owner revokes another, never themselves, never a configured one; others may not', async () => {
    const w = await world()
    const { setup } = w.services
    await setup.bootstrap({ ownerTelegramIds: [7] })
    must(await setup.addOwner({ telegramId: 7 }, { telegramId: 10 }))
    must(await setup.addOwner({ telegramId: 7 }, { telegramId: 11 }))
    expect(refused(await setup.revokeOwner({ telegramId: 99 }, { telegramId: 10 }))).toEqual({
      code: 'forbidden',
    })
    expect(refused(await setup.revokeOwner({ telegramId: 10 }, { telegramId: 10 }))).toEqual({
      code: 'owner-self',
    })
    expect(refused(await setup.revokeOwner({ telegramId: 10 }, { telegramId: 7 }))).toEqual({
      code: 'owner-from-config',
      telegramId: 7,
    })
    expect(refused(await setup.revokeOwner({ telegramId: 10 }, { telegramId: 12 }))).toEqual({
      code: 'not-an-owner',
      telegramId: 12,
    })
    expect(must(await setup.revokeOwner({ telegramId: 10 }, { telegramId: 11 }))).toEqual({
      revoked: 11,
      remaining: 2,
    })
    expect(await setup.isOwner(11)).toBe(false)
    // a former owner revokes nobody
    expect(refused(await setup.revokeOwner({ telegramId: 11 }, { telegramId: 10 }))).toEqual({
      code: 'forbidden',
    })
    expect(
      (await w.app.db.selectFrom('audit_log').select('action').where('action', '=', 'owner.revoke').execute())
        .length,
    ).toBe(1)
  })

  it('two owners revoking each other at once leave one owner, never none', async () => {
    const w = await world()
    const { setup } = w.services
    const { setupCode } = await setup.bootstrap({ ownerTelegramIds: [] })
    must(await setup.claim(await account(w, 20), setupCode!))
    must(await setup.addOwner({ telegramId: 20 }, { telegramId: 21 }))
    const results = await Promise.all([
      setup.revokeOwner({ telegramId: 20 }, { telegramId: 21 }),
      setup.revokeOwner({ telegramId: 21 }, { telegramId: 20 }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect((await setup.bootstrap({ ownerTelegramIds: [] })).owners).toHaveLength(1)
  })
})
