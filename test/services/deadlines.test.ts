/**
 * Registration closes at the end of the year's plan deadline (Vietnam time); after it only an
 * admin changes plans. The clock is the test's.
 */
import { describe, expect, it } from 'vitest'
import { commandsFor } from '../../src/services/commands.ts'
import { deadlinePassed, schoolYearAt } from '../../src/services/vietnam-days.ts'
import { seedCalendar } from '../../src/services/year-calendar.ts'
import { fullPlan, must, OWNER, refused, school, snapshot, world } from './support.ts'

describe('the plan deadline', () => {
  it('closes at midnight Vietnam time after 7 September; an admin may still change plans', async () => {
    const w = await world()
    await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
    const a = await school(w, 'THPT A', 100)
    const { plans, schools } = w.services
    const planId = must(await plans.getOrCreate(a.teacherToan)).plan.id
    must(await plans.addModule(a.teacherToan, { planId, code: 'THPT 17' }))

    w.at('2025-09-07T16:59:59Z') // 23:59:59 on 7/9 in Vietnam
    must(await plans.addModule(a.teacherToan, { planId, code: 'THPT 19' }))
    expect(must(await plans.get(a.teacherToan, { planId }))).toMatchObject({
      deadlinePassed: false,
      editable: true,
    })

    w.at('2025-09-07T17:00:00Z') // 00:00 on 8/9 in Vietnam
    const before = await snapshot(w)
    expect(refused(await plans.addModule(a.teacherToan, { planId, code: 'THPT 20' }))).toEqual({
      code: 'deadline-passed',
      deadline: '2025-09-07',
    })
    const moduleId = must(await plans.get(a.teacherToan, { planId })).modules[0]!.id
    expect(refused(await plans.removeModule(a.teacherToan, { planId, moduleId }))).toMatchObject({
      code: 'deadline-passed',
    })
    expect(refused(await plans.submit(a.teacherToan, { planId }))).toMatchObject({ code: 'deadline-passed' })
    expect(must(await plans.get(a.teacherToan, { planId }))).toMatchObject({
      deadlinePassed: true,
      editable: false,
      canSubmit: false,
    })
    expect(await snapshot(w)).toBe(before)

    // the admin can
    for (const code of ['THPT 20', 'THPT 22']) must(await plans.addModule(a.admin, { planId, code }))
    expect(must(await plans.get(a.admin, { planId }))).toMatchObject({ editable: true, canSubmit: true })
    const events = must(await plans.events(a.teacherToan, { planId }))
    expect(events.at(-1)).toMatchObject({ action: 'add-module', actorTelegramId: a.admin.telegramId })

    // the admin moves the deadline: the teacher can again
    expect(
      refused(await schools.setDeadlines(a.admin, { schoolYearId: a.year.id, planDeadline: '2025-09-20' })),
    ).toEqual({
      code: 'deadline-order',
      planDeadline: '2025-09-20',
      approvalDeadline: '2025-09-14',
    })
    expect(
      refused(await schools.setDeadlines(a.admin, { schoolYearId: a.year.id, planDeadline: '2025-02-30' })),
    ).toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'planDeadline' }],
    })
    must(
      await schools.setDeadlines(a.admin, {
        schoolYearId: a.year.id,
        planDeadline: '2025-09-10',
        approvalDeadline: '2025-09-17',
      }),
    )
    must(await plans.submit(a.teacherToan, { planId }))
  })

  it('does not stop the head and the admin from approving after the deadline', async () => {
    const w = await world()
    await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
    const a = await school(w, 'THPT A', 100)
    const planId = await fullPlan(w, a.teacherToan)
    must(await w.services.plans.submit(a.teacherToan, { planId }))
    w.at('2025-09-20T03:00:00Z')
    must(await w.services.planApprovals.approve(a.headToan, { planId }))
    expect(must(await w.services.planApprovals.approve(a.admin, { planId })).view.plan.status).toBe(
      'approved',
    )
  })
})

describe('the school-year calendar', () => {
  it('moves the seed 004 calendar to the school year of the day', () => {
    expect(schoolYearAt(new Date('2025-10-01T00:00:00Z'))).toEqual({ name: '2025-2026', startYear: 2025 })
    expect(schoolYearAt(new Date('2026-03-01T00:00:00Z'))).toEqual({ name: '2025-2026', startYear: 2025 })
    expect(schoolYearAt(new Date('2026-06-30T16:59:59Z')).name).toBe('2025-2026')
    expect(schoolYearAt(new Date('2026-06-30T17:00:00Z')).name).toBe('2026-2027') // 1/7 in Vietnam
    expect(seedCalendar(2025)).toEqual({
      name: '2025-2026',
      startsOn: '2025-08-27',
      endsOn: '2026-05-30',
      planDeadline: '2025-09-07',
      approvalDeadline: '2025-09-14',
    })
    expect(deadlinePassed('2025-09-07', new Date('2025-09-07T16:59:59Z'))).toBe(false)
    expect(deadlinePassed('2025-09-07', new Date('2025-09-07T17:00:00Z'))).toBe(true)
  })

  it('gives a school that starts mid-year two weeks to register, not a deadline already past', async () => {
    const w = await world('2025-10-15T03:00:00Z')
    await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
    const made = must(await w.services.schools.createSchool(OWNER, { name: 'THPT Muộn' }))
    expect(made.year).toMatchObject({
      name: '2025-2026',
      planDeadline: '2025-10-29',
      approvalDeadline: '2025-11-05',
    })
    expect(made.planDeadlineMovedFrom).toBe('2025-09-07')

    // its teachers register and submit at once, and their calendar shows the same dates
    const late = await school(w, 'THPT Muộn Hơn', 300)
    const planId = await fullPlan(w, late.teacherToan)
    must(await w.services.plans.submit(late.teacherToan, { planId }))
    const dates = must(await w.services.calendar.deadlinesFor(late.teacherToan)).map((d) => d.dueDate)
    expect(dates).toContain('2025-10-29')
    expect(dates).not.toContain('2025-09-07')
  })

  it('keeps the common calendar for a school created on the plan deadline day or before', async () => {
    const w = await world('2025-09-07T16:59:59Z') // 23:59:59 on 7/9 in Vietnam
    await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
    const made = must(await w.services.schools.createSchool(OWNER, { name: 'THPT Đúng Hạn' }))
    expect(made.year).toMatchObject({ planDeadline: '2025-09-07', approvalDeadline: '2025-09-14' })
    expect(made.planDeadlineMovedFrom).toBeNull()
  })
})

describe('command lists', () => {
  it('gives each role its commands', () => {
    expect(commandsFor({ role: null, isOwner: false })).toEqual([
      'start',
      'modules',
      'cefr',
      'need',
      'lang',
      'help',
      'cancel',
    ])
    expect(commandsFor({ role: 'teacher', isOwner: false })).toEqual([
      'start',
      'plan',
      'scores',
      'deadlines',
      'modules',
      'survey',
      'me',
      'settings',
      'courses',
      'cefr',
      'need',
      'lang',
      'help',
      'cancel',
    ])
    expect(commandsFor({ role: 'head', isOwner: false })).toEqual(
      expect.arrayContaining(['approve', 'grades', 'team', 'invite', 'people']),
    )
    expect(commandsFor({ role: 'admin', isOwner: false })).toEqual(
      expect.arrayContaining(['approve', 'invite', 'people', 'departments', 'import']),
    )
    expect(commandsFor({ role: 'staff', isOwner: false })).not.toContain('plan')
    expect(commandsFor({ role: null, isOwner: true })).toEqual(
      expect.arrayContaining(['schools', 'approve', 'import']),
    )
  })
})
