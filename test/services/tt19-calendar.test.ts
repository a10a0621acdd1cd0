/**
 * A TT 19/2019 year gets its regulation's calendar: plans approved by 31 May of the year before,
 * sent upward in June, the rest as seed 004 has it. A year the bot creates always starts after that
 * 31 May: its school keeps a live deadline (two weeks from today, as for any late start) and the
 * regulation's day is shown as over, never reminded. Switching the regulation moves only the
 * deadlines still on the previous one's default days. The clock is the test's.
 */
import { describe, expect, it } from 'vitest'
import { defaultProfileFor, TT19_2019 } from '../../src/rules/index.ts'
import { CalendarStore } from '../../src/store/calendar.ts'
import { SchoolStore } from '../../src/store/schools.ts'
import { must, OWNER, school, type World, world } from './support.ts'

async function setup(start: string) {
  const w = await world(start, defaultProfileFor)
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  return w
}

type Dates = { opensOn: string | null; dueDate: string; fireAt: string[] }

async function calendarOf(w: World, schoolYearId: number): Promise<Record<string, Dates>> {
  const calendar = new CalendarStore(w.app.db)
  const deadlines = await calendar.listDeadlines(schoolYearId)
  const reminders = await calendar.remindersOf(deadlines.map((d) => d.id))
  return Object.fromEntries(
    deadlines.map((d) => [
      d.key,
      {
        opensOn: d.opensOn,
        dueDate: d.dueDate,
        fireAt: (reminders.get(d.id) ?? []).filter((r) => r.state === 'pending').map((r) => r.fireAt),
      },
    ]),
  )
}

describe('a TT 19/2019 year made before 31 May', () => {
  it('has its plans approved by 31 May and sent upward in June, and is reminded of those days', async () => {
    const w = await setup('2026-04-20T03:00:00Z')
    const a = await school(w, 'THPT A', 100)
    const year = await new SchoolStore(w.app.db).createYear(
      {
        schoolId: a.school.id,
        name: '2026-2027',
        startsOn: '2026-05-13',
        endsOn: '2027-05-30',
        profileId: TT19_2019.id,
        requiredNd3Hours: 40,
        planDeadline: '2026-05-24',
        approvalDeadline: '2026-05-31',
      },
      true,
      w.clock.now.toISOString(),
    )
    must(await w.services.calendar.ensureCalendar(year.id))
    const calendar = await calendarOf(w, year.id)
    expect(calendar['plan-writing']).toMatchObject({ opensOn: '2026-05-13', dueDate: '2026-05-24' })
    expect(calendar['plan-school-approval']).toEqual({
      opensOn: '2026-05-24',
      dueDate: '2026-05-31',
      // 7 and 1 days before, 08:00 in Vietnam
      fireAt: ['2026-05-24T01:00:00.000Z', '2026-05-30T01:00:00.000Z'],
    })
    expect(calendar['plan-to-so']).toMatchObject({ opensOn: '2026-06-01', dueDate: '2026-06-30' })
    // what the circular does not set stays seed 004's
    expect(calendar.grading).toMatchObject({ opensOn: '2027-04-16', dueDate: '2027-04-25' })
    expect(calendar['results-to-so']).toMatchObject({ dueDate: '2027-05-30' })

    const days = await w.services.regulation.calendarDays(a.teacherToan)
    expect(days.map((d) => [d.key, d.regulation.dueDate, d.regulation.passed])).toEqual([
      ['plan-school-approval', '2026-05-31', false],
      ['plan-to-so', '2026-06-30', false],
    ])
  })
})

describe('a TT 19/2019 year the bot creates in September', () => {
  it("keeps the regulation's 31 May as a day that is over, and reminds of the school's live deadlines", async () => {
    const w = await setup('2026-09-20T02:00:00Z')
    const made = must(await w.services.schools.createSchool(OWNER, { name: 'THPT B' }))
    expect(made.year).toMatchObject({
      name: '2026-2027',
      profileId: 'tt19-2019',
      planDeadline: '2026-10-04',
      approvalDeadline: '2026-10-11',
    })
    expect(made.approvalByRegulation).toMatchObject({ dueDate: '2026-05-31' })
    const calendar = await calendarOf(w, made.year.id)
    expect(calendar['plan-school-approval']).toEqual({
      opensOn: '2026-10-04',
      dueDate: '2026-10-11',
      fireAt: ['2026-10-04T01:00:00.000Z', '2026-10-10T01:00:00.000Z'],
    })
    // June is over and the plans are not approved yet: they go upward the day after the approval
    expect(calendar['plan-to-so']).toEqual({
      opensOn: null,
      dueDate: '2026-10-12',
      fireAt: ['2026-10-05T01:00:00.000Z', '2026-10-11T01:00:00.000Z'],
    })
    // no reminder of the year fires before today
    const all = Object.values(calendar).flatMap((d) => d.fireAt)
    expect(all.every((at) => at > w.clock.now.toISOString())).toBe(true)
  })

  it("follows another regulation's calendar when switched, except where the admin moved a deadline", async () => {
    const w = await setup('2026-09-20T02:00:00Z')
    const a = await school(w, 'THPT C', 300)
    const upward = (await new CalendarStore(w.app.db).listDeadlines(a.year.id)).find(
      (d) => d.key === 'plan-to-so',
    )!
    must(await w.services.calendar.move(a.admin, { deadlineId: upward.id, dueDate: '2026-10-20' }))
    must(await w.services.regulation.setProfile(a.admin, { schoolYearId: a.year.id, profileId: 'tt26-2012' }))
    const tt26 = await calendarOf(w, a.year.id)
    expect(tt26['plan-writing']).toMatchObject({ opensOn: '2026-08-27', dueDate: '2026-10-04' })
    // the admin's day stays (TT 26/2012's default would be 15/09)
    expect(tt26['plan-to-so']).toMatchObject({ opensOn: null, dueDate: '2026-10-20' })
    expect(tt26['plan-head-approval']).toMatchObject({ opensOn: '2026-08-27', dueDate: '2026-10-04' })
    expect(await w.services.regulation.calendarDays(a.teacherToan)).toEqual([])

    must(await w.services.regulation.setProfile(a.admin, { schoolYearId: a.year.id, profileId: 'tt19-2019' }))
    const back = await calendarOf(w, a.year.id)
    expect(back['plan-writing']).toMatchObject({ opensOn: '2026-05-13', dueDate: '2026-10-04' })
    expect(back['plan-head-approval']).toMatchObject({ opensOn: '2026-05-13', dueDate: '2026-10-04' })
    expect(back['plan-to-so']).toMatchObject({ opensOn: null, dueDate: '2026-10-20' })
  })
})
