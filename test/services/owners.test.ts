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
