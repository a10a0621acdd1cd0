/**
 * The reminder pass reads whose task is open for thousands of schools at once (the facts of all of
 * them in a few queries); it must find, for every deadline, exactly the people the school's own
 * list shows open — with their language and how much they have left — at every step of the year.
 */
import { describe, expect, it } from 'vitest'
import { openTasksOfMany } from '../../src/jobs/reminder-batches.ts'
import { fullPlan, must, OWNER, school, score, world } from '../services/support.ts'

describe('whose task is open, read for many schools at once', () => {
  it('is, for every deadline of every school, what the school’s own list says', async () => {
    const w = await world()
    await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
    const a = await school(w, 'THPT A', 100)
    const b = await school(w, 'THPT B', 200)
    await w.app.deps.telegramUsers.setLanguage(a.teacherVan.telegramId, 'en')
    const deadlines = async () =>
      (
        await Promise.all(
          [a, b].map(async (s) =>
            must(await w.services.calendar.list(s.admin, { schoolId: s.school.id })).map((deadline) => ({
              deadline,
              schoolId: s.school.id,
            })),
          ),
        )
      ).flat()
    const items = await deadlines()
    expect(new Set(items.map((i) => i.deadline.task))).toEqual(
      new Set([null, 'plan-submitted', 'plan-head-approved', 'plan-approved-by-school', 'grades-entered']),
    )
    /** the pass's answer next to the list's, deadline by deadline; and how many are open in all */
    const compare = async () => {
      const many = await openTasksOfMany(w.app.db, items)
      let open = 0
      for (const [i, { deadline }] of items.entries()) {
        expect(many[i], `${deadline.key} of school ${items[i]!.schoolId}`).toEqual(
          await w.services.calendar.openTasks(deadline.id),
        )
        open += many[i]!.length
      }
      return open
    }
    const grading = (s: typeof a) =>
      openTasksOfMany(
        w.app.db,
        items.filter((i) => i.schoolId === s.school.id && i.deadline.task === 'grades-entered'),
      ).then((lists) => lists.flat().map((p) => [p.personId, p.task?.pending]))

    expect(await compare()).toBeGreaterThan(0)
    // A: a teacher submits, and a head his own plan (no other head in his department: it goes
    // straight to the school); B: a teacher submits and waits for his head
    const toanPlan = await fullPlan(w, a.teacherToan)
    must(await w.services.plans.submit(a.teacherToan, { planId: toanPlan }))
    const headPlan = await fullPlan(w, a.headToan)
    must(await w.services.plans.submit(a.headToan, { planId: headPlan }))
    const vanPlan = await fullPlan(w, b.teacherVan)
    must(await w.services.plans.submit(b.teacherVan, { planId: vanPlan }))
    await compare()
    must(await w.services.planApprovals.approve(a.headToan, { planId: toanPlan }))
    await compare()
    must(await w.services.planApprovals.approve(a.admin, { planId: toanPlan }))
    must(await w.services.planApprovals.approve(a.admin, { planId: headPlan }))
    await compare()
    // grades (the heads'): A's head of Tổ Toán until every component of his teacher's plan has a score
    expect(await grading(a)).toEqual([[a.headToan.personId, 1]])
    expect(await grading(b)).toEqual([])
    await score(w, a, a.teacherToan.personId, ['nd1', 'nd2'])
    await compare()
    await score(w, a, a.headToan.personId)
    await compare()
    expect(await grading(a)).toEqual([[a.headToan.personId, 1]])
    await w.app.db.deleteFrom('scores').where('person_id', '=', a.teacherToan.personId).execute()
    await score(w, a, a.teacherToan.personId)
    await compare()
    expect(await grading(a)).toEqual([])
    await w.app.close()
  })
})
