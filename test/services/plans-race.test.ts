/**
 * A plan edited and submitted at the same moment (two phones, or a double tap): the status and
 * the rule engine's check are read in the same transaction as the write, so a submitted plan is
 * always one the rule engine accepted, whatever the order the two requests meet in.
 */
import { expect, it } from 'vitest'
import { fullPlan, must, school, world } from './support.ts'

it('a module removed while the plan is submitted never leaves a submitted plan short of hours', async () => {
  const w = await world()
  await w.services.setup.bootstrap({ ownerTelegramIds: [1] })
  const s = await school(w, 'THPT Race', 200)
  const teacher = s.teacherToan
  for (let run = 0; run < 20; run++) {
    const planId = await fullPlan(w, teacher)
    const view = must(await w.services.plans.get(teacher, { planId }))
    const last = view.modules.at(-1)!
    await Promise.all([
      w.services.plans.submit(teacher, { planId }),
      w.services.plans.removeModule(teacher, { planId, moduleId: last.id }),
    ])
    const after = must(await w.services.plans.get(teacher, { planId }))
    if (after.plan.status === 'submitted') expect(after.check?.valid).toBe(true)
    // start the next run from a fresh draft
    if (after.plan.status === 'submitted')
      must(await w.services.planApprovals.returnPlan(s.headToan, { planId, reason: 'lại' }))
    for (const m of must(await w.services.plans.get(teacher, { planId })).modules)
      must(await w.services.plans.removeModule(teacher, { planId, moduleId: m.id }))
  }
})
