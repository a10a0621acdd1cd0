/**
 * Invite codes and the setup link: unknown, expired, used and revoked codes are distinct errors;
 * department-wide codes serve many; picking one's own name from the list; one account, one person.
 */
import { describe, expect, it } from 'vitest'
import { startLink } from '../../src/services/codes.ts'
import { isSetupCode } from '../../src/services/setup.ts'
import { account, must, OWNER, refused, school, snapshot, world } from './support.ts'

async function schoolWorld() {
  const w = await world()
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  return { w, a: await school(w, 'THPT A', 100) }
}

describe('invites', () => {
  it('makes short, URL-safe codes that fit a deep link, expiring in 7 days by default', async () => {
    const { w, a } = await schoolWorld()
    const invite = must(
      await w.services.invites.create(a.admin, {
        schoolId: a.school.id,
        role: 'teacher',
        departmentId: a.toan.id,
      }),
    )
    expect(invite.code).toMatch(/^[a-z2-7]{10}$/)
    expect(new Date(invite.expiresAt).getTime() - w.clock.now.getTime()).toBe(7 * 24 * 3600 * 1000)
    expect(startLink('@bdtx_bot', invite.code)).toBe(`https://t.me/bdtx_bot?start=${invite.code}`)
    const codes = new Set<string>()
    for (let i = 0; i < 50; i++) {
      codes.add(must(await w.services.invites.create(a.admin, { schoolId: a.school.id, role: 'staff' })).code)
    }
    expect(codes.size).toBe(50)
  })

  it('tells unknown, expired, used and revoked codes apart, changing nothing', async () => {
    const { w, a } = await schoolWorld()
    const { invites } = w.services
    const newcomer = await account(w, 500)
    const second = await account(w, 501)
    const before = await snapshot(w)
    expect(refused(await invites.inspect(newcomer, 'nosuchcode'))).toEqual({ code: 'invite-unknown' })
    expect(refused(await invites.redeem(newcomer, { code: 'nosuchcode', fullName: 'A B' }))).toEqual({
      code: 'invite-unknown',
    })
    expect(refused(await invites.redeem(newcomer, { code: 'bad code; drop', fullName: 'A B' }))).toEqual({
      code: 'invite-unknown',
    })
    expect(await snapshot(w)).toBe(before)

    const short = must(
      await invites.create(a.admin, {
        schoolId: a.school.id,
        role: 'teacher',
        departmentId: a.toan.id,
        days: 1,
      }),
    )
    w.at('2025-08-29T03:00:01Z')
    const expired = await snapshot(w)
    expect(refused(await invites.redeem(newcomer, { code: short.code, fullName: 'A B' }))).toEqual({
      code: 'invite-expired',
      expiresAt: short.expiresAt,
    })
    expect(await snapshot(w)).toBe(expired)

    const single = must(
      await invites.create(a.admin, { schoolId: a.school.id, role: 'teacher', departmentId: a.toan.id }),
    )
    // typed by hand: case and spaces do not matter
    must(await invites.redeem(newcomer, { code: ` ${single.code.toUpperCase()} `, fullName: 'Người Mới' }))
    expect(refused(await invites.redeem(second, { code: single.code, fullName: 'Người Khác' }))).toEqual({
      code: 'invite-used',
    })
    expect(refused(await invites.inspect(second, single.code))).toEqual({ code: 'invite-used' })

    const revoked = must(
      await invites.create(a.admin, { schoolId: a.school.id, role: 'teacher', departmentId: a.toan.id }),
    )
    expect(must(await invites.revoke(a.admin, { inviteId: revoked.id })).state).toBe('revoked')
    expect(refused(await invites.redeem(second, { code: revoked.code, fullName: 'Người Khác' }))).toEqual({
      code: 'invite-revoked',
    })
    const states = must(await invites.list(a.admin, { schoolId: a.school.id })).map((i) => [i.id, i.state])
    expect(states).toEqual(
      expect.arrayContaining([
        [short.id, 'expired'],
        [single.id, 'used'],
        [revoked.id, 'revoked'],
      ]),
    )
    expect(
      must(await invites.list(a.admin, { schoolId: a.school.id, activeOnly: true })).map((i) => i.id),
    ).not.toContain(single.id)
  })

  it('serves a whole department with one code, and lets people pick their own name', async () => {
    const { w, a } = await schoolWorld()
    const { invites, people } = w.services
    const listed = must(
      await people.add(a.admin, {
        schoolId: a.school.id,
        fullName: 'Đặng Thị Mai',
        role: 'teacher',
        departmentId: a.toan.id,
        level: 'THPT',
        subject: 'Toán',
      }),
    )
    must(
      await people.add(a.admin, {
        schoolId: a.school.id,
        fullName: 'Someone Văn',
        role: 'teacher',
        departmentId: a.van.id,
      }),
    )
    const invite = must(
      await invites.create(a.headToan, {
        schoolId: a.school.id,
        role: 'teacher',
        departmentId: a.toan.id,
        kind: 'department',
      }),
    )
    const mai = await account(w, 600)
    const info = must(await invites.inspect(mai, invite.code))
    // only the unlinked teachers of Tổ Toán are offered
    expect(info.candidates).toEqual([{ id: listed.id, fullName: 'Đặng Thị Mai' }])
    // a listed name through a link anyone may hold: not linked at once, but asked of the head and admin
    expect(refused(await invites.redeem(mai, { code: invite.code, personId: listed.id }))).toEqual({
      code: 'approval-needed',
      personId: listed.id,
    })
    const asked = must(
      await w.services.joinRequests.request(mai, {
        code: invite.code,
        personId: listed.id,
        telegramName: 'Mai',
      }),
    )
    expect(asked.approvers.map((r) => r.telegramId).sort()).toEqual(
      [a.admin.telegramId, a.headToan.telegramId].sort(),
    )
    const joined = must(
      await w.services.joinRequests.decide(a.headToan, { requestId: asked.requestId, approve: true }),
    )
    expect(joined.person).toMatchObject({ id: listed.id, telegramId: 600 })
    expect(joined.missing).toEqual([])

    // the same code again, for someone else, who enters a name
    const other = await account(w, 601)
    expect(must(await invites.inspect(other, invite.code)).candidates).toEqual([])
    // Mai is taken; a person of another department is not on offer
    expect(refused(await invites.redeem(other, { code: invite.code, personId: listed.id }))).toEqual({
      code: 'person-unavailable',
      personId: listed.id,
    })
    const vanPerson = must(
      await people.list(a.admin, { schoolId: a.school.id, departmentId: a.van.id, unlinkedOnly: true }),
    )[0]!
    expect(refused(await invites.redeem(other, { code: invite.code, personId: vanPerson.id }))).toMatchObject(
      {
        code: 'person-unavailable',
      },
    )
    const joinedOther = must(await invites.redeem(other, { code: invite.code, fullName: 'Hồ Văn Nam' }))
    expect(joinedOther.person).toMatchObject({
      fullName: 'Hồ Văn Nam',
      role: 'teacher',
      departmentId: a.toan.id,
    })
    expect(joinedOther.missing).toEqual(['level', 'subject'])
    expect(
      must(await invites.list(a.headToan, { schoolId: a.school.id })).find((i) => i.id === invite.id),
    ).toMatchObject({
      usedCount: 2,
      state: 'active',
    })

    // one account, one person
    expect(refused(await invites.redeem(other, { code: invite.code, fullName: 'Again' }))).toEqual({
      code: 'already-linked',
      personId: joinedOther.person.id,
      schoolId: a.school.id,
    })
    // a name or a choice is needed
    expect(refused(await invites.redeem(await account(w, 602), { code: invite.code }))).toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'fullName' }],
    })
  })

  it('needs a department for teachers and heads, and checks the named person', async () => {
    const { w, a } = await schoolWorld()
    const { invites, people } = w.services
    expect(refused(await invites.create(a.admin, { schoolId: a.school.id, role: 'teacher' }))).toEqual({
      code: 'department-required',
      role: 'teacher',
    })
    const linked = a.teacherToan.personId
    expect(
      refused(
        await invites.create(a.admin, {
          schoolId: a.school.id,
          role: 'teacher',
          departmentId: a.toan.id,
          personId: linked,
        }),
      ),
    ).toEqual({ code: 'person-unavailable', personId: linked })
    const p = must(
      await people.add(a.admin, {
        schoolId: a.school.id,
        fullName: 'Named One',
        role: 'teacher',
        departmentId: a.toan.id,
      }),
    )
    const invite = must(
      await invites.create(a.admin, {
        schoolId: a.school.id,
        role: 'teacher',
        departmentId: a.toan.id,
        personId: p.id,
      }),
    )
    const info = must(await invites.inspect(await account(w, 700), invite.code))
    expect(info.person).toEqual({ id: p.id, fullName: 'Named One' })
    // once the person is linked by another invite, the named invite is spent
    const other = must(
      await invites.create(a.admin, { schoolId: a.school.id, role: 'teacher', departmentId: a.toan.id }),
    )
    must(await invites.redeem(await account(w, 701), { code: other.code, personId: p.id }))
    expect(
      refused(await invites.redeem(await account(w, 700), { code: invite.code, fullName: 'x y' })),
    ).toEqual({
      code: 'invite-used',
    })
  })
})

describe('owners and the setup link', () => {
  it('makes a one-time setup code when there is no owner, and the first to open it owns the deployment', async () => {
    const w = await world()
    const { setup } = w.services
    const first = await setup.bootstrap({ ownerTelegramIds: [] })
    expect(first.owners).toEqual([])
    expect(first.setupCode).toMatch(/^setup-[a-z2-7]{16}$/)
    expect(first.setupCode!.length).toBeLessThanOrEqual(64)
    expect(isSetupCode(first.setupCode!)).toBe(true)
    expect(isSetupCode('abcdefghij')).toBe(false)
    // a restart before anyone claimed it keeps the same link, without printing it again
    expect(await setup.bootstrap({ ownerTelegramIds: [] })).toMatchObject({
      setupCode: first.setupCode,
      issued: false,
    })

    const someone = await account(w, 42)
    expect(refused(await setup.claim(someone, 'setup-nope'))).toEqual({ code: 'setup-unknown' })
    must(await setup.claim(someone, first.setupCode!))
    expect(await setup.isOwner(42)).toBe(true)
    expect(refused(await setup.claim(await account(w, 43), first.setupCode!))).toEqual({ code: 'setup-used' })
    expect(await setup.bootstrap({ ownerTelegramIds: [] })).toMatchObject({
      owners: [42],
      setupCode: null,
      issued: false,
    })
    expect(must(await w.services.people.whoAmI(someone))).toMatchObject({ isOwner: true, person: null })
    expect(must(await w.services.people.whoAmI(someone)).commands).toContain('schools')
  })

  it('closes setup once an owner is configured, and owners add owners', async () => {
    const w = await world()
    const { setup } = w.services
    const { setupCode } = await setup.bootstrap({ ownerTelegramIds: [] })
    expect(await setup.bootstrap({ ownerTelegramIds: [7, 8] })).toMatchObject({
      owners: [7, 8],
      setupCode: null,
    })
    expect(refused(await setup.claim({ telegramId: 9 }, setupCode!))).toEqual({ code: 'setup-closed' })
    expect(refused(await setup.addOwner({ telegramId: 9 }, { telegramId: 10 }))).toEqual({
      code: 'forbidden',
    })
    expect(must(await setup.addOwner({ telegramId: 7 }, { telegramId: 10 }))).toEqual({ added: true })
    expect(must(await setup.addOwner({ telegramId: 7 }, { telegramId: 10 }))).toEqual({ added: false })
  })
})
