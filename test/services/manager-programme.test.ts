/**
 * The managers' programme is written for some schools only: TT 27/2015 for THCS and THPT managers,
 * TT 18/2019 for phổ thông (not preschool) managers. A primary school's manager under TT 26 is not
 * offered QLTrH modules as theirs, and is told why; a THPT manager still is.
 */
import { describe, expect, it } from 'vitest'
import { must, OWNER, refused, school, world } from './support.ts'

async function managerOf(level: 'TH' | 'THPT' | 'MN', profileId: 'tt26-2012' | 'tt19-2019') {
  const w = await world()
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  const s = await school(w, `Trường ${level}`, 100)
  must(await w.services.regulation.setProfile(s.admin, { schoolYearId: s.year.id, profileId }))
  const invite = must(await w.services.invites.create(s.admin, { schoolId: s.school.id, role: 'manager' }))
  const manager = { telegramId: 190 }
  must(await w.services.invites.redeem(manager, { code: invite.code, fullName: 'Phó Hiệu Trưởng' }))
  must(await w.services.people.setProfile(manager, { level }))
  const plan = must(await w.services.plans.getOrCreate(manager, {}))
  return { w, manager, planId: plan.plan.id }
}

describe("the managers' programme", () => {
  it('is not a primary manager’s under TT 26 (TT 27/2015 is for THCS and THPT): QLTrH refused, and said why', async () => {
    const { w, manager, planId } = await managerOf('TH', 'tt26-2012')
    expect(refused(await w.services.plans.addModule(manager, { planId, code: 'QLTrH 2' }))).toMatchObject({
      code: 'unknown-module',
    })
    expect(must(await w.services.plans.get(manager, { planId })).managerProgrammeMissing).toBe(true)
  })

  it('is a THPT manager’s under TT 26, and a primary manager’s under TT 19 (TT 18/2019), not a preschool one’s', async () => {
    const thpt = await managerOf('THPT', 'tt26-2012')
    must(await thpt.w.services.plans.addModule(thpt.manager, { planId: thpt.planId, code: 'QLTrH 2' }))
    expect(
      must(await thpt.w.services.plans.get(thpt.manager, { planId: thpt.planId })).managerProgrammeMissing,
    ).toBe(false)
    const th19 = await managerOf('TH', 'tt19-2019')
    expect(
      must(await th19.w.services.plans.get(th19.manager, { planId: th19.planId })).managerProgrammeMissing,
    ).toBe(false)
    const mn19 = await managerOf('MN', 'tt19-2019')
    expect(
      must(await mn19.w.services.plans.get(mn19.manager, { planId: mn19.planId })).managerProgrammeMissing,
    ).toBe(true)
  })
})
