/**
 * Claims of a listed name through a department-wide invite (issue 10, item 7): only that
 * department's head, the school's admins and owners decide; the first answer counts; a claim the
 * store can no longer grant lapses; a newer claim replaces a waiting one; other links need none.
 */
import { describe, expect, it } from 'vitest'
import { account, must, OWNER, refused, school, snapshot, world } from './support.ts'

async function claimWorld() {
  const w = await world()
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  const a = await school(w, 'THPT A', 100)
  const other = await school(w, 'THPT B', 200)
  const listed = async (fullName: string) =>
    must(
      await w.services.people.add(a.admin, {
        schoolId: a.school.id,
        fullName,
        role: 'teacher',
        departmentId: a.toan.id,
        level: 'THPT',
        subject: 'Toán',
      }),
    ).id
  const mai = await listed('Đặng Thị Mai')
  const son = await listed('Lò Văn Sơn')
  const invite = must(
    await w.services.invites.create(a.admin, {
      schoolId: a.school.id,
      role: 'teacher',
      departmentId: a.toan.id,
      kind: 'department',
    }),
  )
  return { w, a, other, mai, son, code: invite.code }
}

describe('join requests', () => {
  it('only the head of that department, the admins of that school and owners decide; others change nothing', async () => {
    const { w, a, other, mai, code } = await claimWorld()
    const claimant = await account(w, 900)
    const asked = must(
      await w.services.joinRequests.request(claimant, { code, personId: mai, telegramName: 'X' }),
    )
    const before = await snapshot(w)
    for (const outsider of [a.teacherToan, a.headVan, a.teacherVan, other.admin, other.headToan, claimant]) {
      expect(
        refused(
          await w.services.joinRequests.decide(outsider, { requestId: asked.requestId, approve: true }),
        ),
      ).toEqual({ code: 'forbidden' })
    }
    expect(await snapshot(w)).toBe(before)
    // an owner may
    const decided = must(
      await w.services.joinRequests.decide(OWNER, { requestId: asked.requestId, approve: true }),
    )
    expect(decided.person).toMatchObject({ id: mai, telegramId: 900 })
    // the first answer counts
    expect(
      refused(await w.services.joinRequests.decide(a.admin, { requestId: asked.requestId, approve: false })),
    ).toEqual({ code: 'join-request-decided', state: 'approved' })
  })

  it('a rejected claim links nothing; the same claim twice is one request; a newer one replaces it', async () => {
    const { w, a, mai, son, code } = await claimWorld()
    const claimant = await account(w, 901)
    const first = must(
      await w.services.joinRequests.request(claimant, { code, personId: mai, telegramName: 'X' }),
    )
    expect(first.alreadyWaiting).toBe(false)
    const again = must(
      await w.services.joinRequests.request(claimant, { code, personId: mai, telegramName: 'X' }),
    )
    expect(again).toMatchObject({ requestId: first.requestId, alreadyWaiting: true, approvers: [] })
    const newer = must(
      await w.services.joinRequests.request(claimant, { code, personId: son, telegramName: 'X' }),
    )
    expect(newer.requestId).not.toBe(first.requestId)
    expect(
      refused(
        await w.services.joinRequests.decide(a.headToan, { requestId: first.requestId, approve: true }),
      ),
    ).toEqual({ code: 'join-request-decided', state: 'withdrawn' })
    const rejected = must(
      await w.services.joinRequests.decide(a.headToan, { requestId: newer.requestId, approve: false }),
    )
    expect(rejected).toMatchObject({ status: 'rejected', claimant: { telegramId: 901 } })
    expect(must(await w.services.people.whoAmI(claimant)).person).toBeNull()
  })

  it('lapses when the colleague joined by their own link meanwhile; personal links need no approval', async () => {
    const { w, a, mai, code } = await claimWorld()
    const claimant = await account(w, 902)
    const asked = must(
      await w.services.joinRequests.request(claimant, { code, personId: mai, telegramName: 'X' }),
    )
    const personal = must(
      await w.services.invites.create(a.admin, {
        schoolId: a.school.id,
        role: 'teacher',
        departmentId: a.toan.id,
        personId: mai,
      }),
    )
    const real = await account(w, 903)
    must(await w.services.invites.redeem(real, { code: personal.code, personId: mai }))
    expect(
      refused(await w.services.joinRequests.decide(a.admin, { requestId: asked.requestId, approve: true })),
    ).toEqual({ code: 'person-unavailable', personId: mai })
    expect(
      refused(await w.services.joinRequests.decide(a.admin, { requestId: asked.requestId, approve: true })),
    ).toEqual({ code: 'join-request-decided', state: 'lapsed' })
    expect(must(await w.services.people.whoAmI(claimant)).person).toBeNull()
    // a personal or single-use link is not a request
    expect(
      refused(
        await w.services.joinRequests.request(await account(w, 904), {
          code: personal.code,
          personId: mai,
          telegramName: 'Y',
        }),
      ),
    ).toMatchObject({ code: 'invite-used' })
  })
})
