/**
 * The school year's calendar: the standard deadlines of seed 004 moved to the year, the admin's
 * edits (each recomputing its reminders), whose task is still open, and refusals that change
 * nothing. The clock is the test's.
 */
import { Migrator } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../migrations/index.ts'
import { openSqlite } from '../../src/db/connection.ts'
import { TT26_2012 } from '../../src/rules/index.ts'
import { standardCalendar } from '../../src/services/year-calendar.ts'
import { CalendarStore } from '../../src/store/calendar.ts'
import type { World } from './support.ts'
import { account, fullPlan, must, OWNER, refused, school, score, snapshot, world } from './support.ts'

type School = Awaited<ReturnType<typeof school>>

async function setup(start?: string) {
  const w = await world(start)
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  const a = await school(w, 'THPT A', 100)
  return { w, a, calendar: w.services.calendar }
}

async function byKey(w: World, a: School, key: string) {
  const list = must(await w.services.calendar.list(a.admin, { schoolId: a.school.id }))
  const d = list.find((x) => x.key === key)
  if (!d) throw new Error(`no deadline ${key}`)
  return d
}

const keys = (items: ReadonlyArray<{ key: string | null; titleVi: string }>) =>
  items.map((d) => d.key ?? d.titleVi)
const ids = (people: ReadonlyArray<{ personId: number }>) =>
  people.map((p) => p.personId).sort((x, y) => x - y)

describe('a school year starts from the standard calendar of seed 004', () => {
  it('moves the seed 004 dates to the year of a school created in August 2025', async () => {
    const { w, a, calendar } = await setup()
    const list = must(await calendar.list(a.admin, { schoolId: a.school.id }))
    expect(list.map((d) => [d.key, d.opensOn, d.dueDate, d.dueTime, d.roles, d.task])).toEqual([
      ['plan-writing', '2025-08-27', '2025-09-07', null, ['teacher', 'head', 'manager'], 'plan-submitted'],
      ['plan-head-approval', '2025-08-27', '2025-09-07', null, ['head'], 'plan-head-approved'],
      ['plan-school-approval', '2025-09-07', '2025-09-14', null, ['admin'], 'plan-approved-by-school'],
      ['plan-to-so', null, '2025-09-15', null, ['admin'], null],
      ['dossiers', '2026-04-01', '2026-04-15', null, ['teacher', 'head'], null],
      ['grading', '2026-04-16', '2026-04-25', null, ['head'], 'grades-entered'],
      ['school-review', '2026-04-26', '2026-05-15', null, ['admin'], null],
      ['results-to-so', '2026-05-15', '2026-05-30', null, ['admin'], null],
    ])
    for (const d of list) {
      expect(d.titleVi.length).toBeGreaterThan(5)
      expect(d.titleEn.length).toBeGreaterThan(5)
      expect(d.titleEn).not.toBe(d.titleVi)
      expect(d.departmentIds).toBeNull()
    }
    // the year's own plan and approval deadlines are the calendar's
    expect(a.year).toMatchObject({ planDeadline: '2025-09-07', approvalDeadline: '2025-09-14' })
    // reminders 7 days and 1 day before at 08:00 in Vietnam (01:00 UTC)
    const planWriting = list[0]!
    expect(planWriting.reminders.map((r) => [r.offsetDays, r.atTime, r.fireAt, r.state])).toEqual([
      [7, '08:00', '2025-08-31T01:00:00.000Z', 'pending'],
      [1, '08:00', '2025-09-06T01:00:00.000Z', 'pending'],
    ])
    expect(list[5]!.reminders.map((r) => r.fireAt)).toEqual([
      '2026-04-18T01:00:00.000Z',
      '2026-04-24T01:00:00.000Z',
    ])
    expect(planWriting).toMatchObject({ endsAt: '2025-09-07T17:00:00.000Z', passed: false, daysLeft: 10 })

    // idempotent: nothing doubles; a removed standard deadline is not brought back
    must(await calendar.remove(a.admin, { deadlineId: list[3]!.id }))
    const again = must(await calendar.ensureCalendar(a.year.id))
    expect(again).toHaveLength(7)
    expect(keys(again)).not.toContain('plan-to-so')
    const reminders = await w.app.db.selectFrom('reminders').select('id').execute()
    expect(reminders).toHaveLength(16)
  })

  it('gives a school created in October 2026 the 2026-2027 calendar, plans due two weeks on', async () => {
    const w = await world('2026-10-01T03:00:00Z')
    await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
    const made = must(await w.services.schools.createSchool(OWNER, { name: 'THPT Muộn' }))
    expect(made.year).toMatchObject({ name: '2026-2027', planDeadline: '2026-10-15' })
    const list = must(await w.services.calendar.list(OWNER, { schoolYearId: made.year.id }))
    expect(list.map((d) => [d.key, d.dueDate, d.passed])).toEqual([
      ['plan-to-so', '2026-09-15', true],
      ['plan-writing', '2026-10-15', false],
      ['plan-head-approval', '2026-10-15', false],
      ['plan-school-approval', '2026-10-22', false],
      ['dossiers', '2027-04-15', false],
      ['grading', '2027-04-25', false],
      ['school-review', '2027-05-15', false],
      ['results-to-so', '2027-05-30', false],
    ])
    expect(list[4]).toMatchObject({ opensOn: '2027-04-01' })
    expect(list[4]!.reminders.map((r) => r.fireAt)).toEqual([
      '2027-04-08T01:00:00.000Z',
      '2027-04-14T01:00:00.000Z',
    ])
  })
})

describe('migration 0005', () => {
  it('gives the years made before it the standard calendar, with their own plan deadlines', async () => {
    const db = openSqlite(':memory:')
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0004_grades')).error).toBeUndefined()
    const at = '2025-09-01T00:00:00.000Z'
    const s = await db
      .insertInto('schools')
      .values({ name: 'THPT Cũ', name_key: 'thpt cu', created_by: null, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
    const y = await db
      .insertInto('school_years')
      .values({
        school_id: s.id,
        name: '2025-2026',
        starts_on: '2025-08-27',
        ends_on: '2026-05-30',
        profile_id: 'tt26-2012',
        required_nd3_hours: 60,
        plan_deadline: '2025-09-10',
        approval_deadline: '2025-09-16',
        results_locked: 0,
        is_current: 1,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    expect((await migrator.migrateToLatest()).error).toBeUndefined()
    const store = new CalendarStore(db)
    const made = await store.listDeadlines(y.id)
    const expected = standardCalendar(
      {
        id: y.id,
        name: y.name,
        startsOn: y.starts_on,
        planDeadline: y.plan_deadline,
        approvalDeadline: y.approval_deadline,
      },
      TT26_2012,
    )
    // the migration's frozen copy and the service's template (TT 26/2012's, seed 004's) agree
    const bySort = [...made].sort((x, z) => x.sortOrder - z.sortOrder)
    expect(bySort.map(({ id: _, createdAt: _c, updatedAt: _u, removedAt: _r, ...d }) => d)).toEqual(expected)
    expect(made.find((d) => d.key === 'plan-writing')).toMatchObject({ dueDate: '2025-09-10' })
    expect(made.find((d) => d.key === 'plan-school-approval')).toMatchObject({
      opensOn: '2025-09-10',
      dueDate: '2025-09-16',
    })
    const reminders = await store.remindersOf(made.map((d) => d.id))
    expect(reminders.get(made[0]!.id)!.map((r) => [r.offsetDays, r.fireAt, r.state])).toEqual([
      [7, '2025-09-03T01:00:00.000Z', 'pending'],
      [1, '2025-09-09T01:00:00.000Z', 'pending'],
    ])
    await db.destroy()
  })
})

describe('the admin edits the calendar', () => {
  it('moves a deadline and its reminders; a period moves whole', async () => {
    const { w, a, calendar } = await setup()
    const grading = await byKey(w, a, 'grading')
    const moved = must(await calendar.move(a.admin, { deadlineId: grading.id, dueDate: '2026-04-28' }))
    expect(moved).toMatchObject({ opensOn: '2026-04-19', dueDate: '2026-04-28', dueTime: null })
    expect(moved.reminders.map((r) => [r.offsetDays, r.fireAt, r.state])).toEqual([
      [7, '2026-04-21T01:00:00.000Z', 'pending'],
      [1, '2026-04-27T01:00:00.000Z', 'pending'],
    ])
    const timed = must(
      await calendar.move(a.admin, {
        deadlineId: grading.id,
        dueDate: '2026-04-28',
        dueTime: '17:00',
        opensOn: null,
      }),
    )
    expect(timed).toMatchObject({ opensOn: null, dueTime: '17:00', endsAt: '2026-04-28T10:00:00.000Z' })
    expect(timed.reminders.map((r) => r.fireAt)).toEqual([
      '2026-04-21T01:00:00.000Z',
      '2026-04-27T01:00:00.000Z',
    ])
    const audit = await w.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'deadline.%')
      .execute()
    expect(audit.map((r) => r.action)).toEqual(['deadline.move', 'deadline.move'])
  })

  it("keeps the year's plan and approval deadlines and the calendar's the same, both ways", async () => {
    const { w, a, calendar } = await setup()
    const writing = await byKey(w, a, 'plan-writing')
    const moved = must(await calendar.move(a.admin, { deadlineId: writing.id, dueDate: '2025-09-10' }))
    expect(moved.reminders.map((r) => r.fireAt)).toEqual([
      '2025-09-03T01:00:00.000Z',
      '2025-09-09T01:00:00.000Z',
    ])
    expect(must(await w.services.schools.currentYear(a.admin, { schoolId: a.school.id }))).toMatchObject({
      planDeadline: '2025-09-10',
      approvalDeadline: '2025-09-14',
    })
    // plans lock on it: still open on 9/9 in Vietnam
    w.at('2025-09-09T10:00:00Z')
    const planId = must(await w.services.plans.getOrCreate(a.teacherToan)).plan.id
    must(await w.services.plans.addModule(a.teacherToan, { planId, code: 'THPT 17' }))

    const before = await snapshot(w)
    expect(refused(await calendar.move(a.admin, { deadlineId: writing.id, dueDate: '2025-09-20' }))).toEqual({
      code: 'deadline-order',
      planDeadline: '2025-09-20',
      approvalDeadline: '2025-09-14',
    })
    const approval = await byKey(w, a, 'plan-school-approval')
    expect(
      refused(await calendar.move(a.admin, { deadlineId: approval.id, dueDate: '2025-09-08' })),
    ).toMatchObject({
      code: 'deadline-order',
    })
    expect(await snapshot(w)).toBe(before)

    // /setdeadline (SchoolService.setDeadlines) moves the calendar's deadlines and reminders
    must(
      await w.services.schools.setDeadlines(a.admin, {
        schoolYearId: a.year.id,
        planDeadline: '2025-09-12',
        approvalDeadline: '2025-09-19',
      }),
    )
    expect((await byKey(w, a, 'plan-writing')).dueDate).toBe('2025-09-12')
    const school = await byKey(w, a, 'plan-school-approval')
    expect(school).toMatchObject({ dueDate: '2025-09-19', opensOn: '2025-09-12' })
    expect(school.reminders.map((r) => r.fireAt)).toEqual([
      '2025-09-12T01:00:00.000Z',
      '2025-09-18T01:00:00.000Z',
    ])
  })

  it('adds, renames and removes a deadline; sets its reminders', async () => {
    const { w, a, calendar } = await setup()
    const added = must(
      await calendar.add(a.admin, {
        schoolYearId: a.year.id,
        titleVi: 'Nộp giáo án chuyên đề',
        dueDate: '2025-10-10',
        dueTime: '17:00',
        roles: ['teacher'],
        departmentIds: [a.toan.id],
      }),
    )
    expect(added).toMatchObject({
      key: null,
      titleVi: 'Nộp giáo án chuyên đề',
      titleEn: 'Nộp giáo án chuyên đề',
      departmentIds: [a.toan.id],
      task: null,
      endsAt: '2025-10-10T10:00:00.000Z',
    })
    expect(added.reminders.map((r) => [r.offsetDays, r.fireAt])).toEqual([
      [7, '2025-10-03T01:00:00.000Z'],
      [1, '2025-10-09T01:00:00.000Z'],
    ])
    // it concerns the teachers of Tổ Toán only; with no task, all of them are still to do it
    const mine = must(await calendar.deadlinesFor(a.teacherToan))
    expect(mine.find((d) => d.id === added.id)).toMatchObject({ task: null, open: null })
    expect(must(await calendar.deadlinesFor(a.teacherVan)).map((d) => d.id)).not.toContain(added.id)
    expect(ids(await calendar.openTasks(added.id))).toEqual([a.teacherToan.personId])

    const renamed = must(
      await calendar.rename(a.admin, { deadlineId: added.id, titleEn: 'Hand in the lesson plan' }),
    )
    expect(renamed).toMatchObject({ titleVi: 'Nộp giáo án chuyên đề', titleEn: 'Hand in the lesson plan' })
    expect(renamed.reminders.map((r) => r.fireAt)).toEqual(added.reminders.map((r) => r.fireAt))

    const reset = must(
      await calendar.setReminders(a.admin, { deadlineId: added.id, offsets: [3], atTime: '07:30' }),
    )
    expect(reset.reminders.map((r) => [r.offsetDays, r.atTime, r.fireAt, r.state])).toEqual([
      [7, '08:00', '2025-10-03T01:00:00.000Z', 'cancelled'],
      [3, '07:30', '2025-10-07T00:30:00.000Z', 'pending'],
      [1, '08:00', '2025-10-09T01:00:00.000Z', 'cancelled'],
    ])
    // an offset wanted again comes back
    const back = must(await calendar.setReminders(a.admin, { deadlineId: added.id, offsets: [3, 1] }))
    expect(back.reminders.filter((r) => r.state === 'pending').map((r) => [r.offsetDays, r.atTime])).toEqual([
      [3, '08:00'],
      [1, '08:00'],
    ])

    expect(must(await calendar.remove(a.admin, { deadlineId: added.id }))).toEqual({
      deadlineId: added.id,
      cancelledReminders: 2,
    })
    expect(keys(must(await calendar.list(a.admin, { schoolId: a.school.id })))).not.toContain(
      'Nộp giáo án chuyên đề',
    )
    expect(must(await calendar.deadlinesFor(a.teacherToan)).map((d) => d.id)).not.toContain(added.id)
    expect(await calendar.openTasks(added.id)).toEqual([])
    const states = await w.app.db
      .selectFrom('reminders')
      .select('state')
      .where('deadline_id', '=', added.id)
      .execute()
    expect(states.every((r) => r.state === 'cancelled')).toBe(true)
    // it is gone for every edit
    expect(refused(await calendar.rename(a.admin, { deadlineId: added.id, titleVi: 'Lại nữa' }))).toEqual({
      code: 'not-found',
      entity: 'deadline',
    })
  })

  it('refuses bad input with a reason and changes nothing', async () => {
    const { w, a, calendar } = await setup()
    const other = await school(w, 'THPT B', 200)
    const writing = await byKey(w, a, 'plan-writing')
    const before = await snapshot(w)
    const base = { schoolYearId: a.year.id, titleVi: 'Họp tổ', roles: ['teacher' as const] }
    expect(refused(await calendar.add(a.admin, { ...base, dueDate: '2027-01-01' }))).toEqual({
      code: 'outside-year',
      date: '2027-01-01',
      from: '2025-07-01',
      to: '2026-08-31',
    })
    expect(
      refused(await calendar.add(a.admin, { ...base, dueDate: '2025-10-01', opensOn: '2025-10-05' })),
    ).toEqual({
      code: 'date-order',
      opensOn: '2025-10-05',
      dueDate: '2025-10-01',
    })
    expect(refused(await calendar.add(a.admin, { ...base, dueDate: '2025-02-30' }))).toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'dueDate' }],
    })
    expect(
      refused(await calendar.add(a.admin, { ...base, dueDate: '2025-10-01', dueTime: '25:00' })),
    ).toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'dueTime' }],
    })
    expect(refused(await calendar.add(a.admin, { ...base, roles: [], dueDate: '2025-10-01' }))).toMatchObject(
      {
        code: 'invalid-input',
        issues: [{ path: 'roles', code: 'too_small' }],
      },
    )
    expect(
      refused(
        await calendar.add(a.admin, { ...base, dueDate: '2025-10-01', departmentIds: [other.toan.id] }),
      ),
    ).toEqual({ code: 'wrong-school', entity: 'department', ids: [other.toan.id] })
    expect(
      refused(await calendar.add(a.admin, { ...base, dueDate: '2025-10-01', departmentIds: [9999] })),
    ).toEqual({
      code: 'not-found',
      entity: 'department',
      ids: [9999],
    })
    expect(refused(await calendar.remove(a.admin, { deadlineId: writing.id }))).toEqual({
      code: 'deadline-required',
      key: 'plan-writing',
    })
    expect(refused(await calendar.move(a.admin, { deadlineId: 9999, dueDate: '2025-10-01' }))).toEqual({
      code: 'not-found',
      entity: 'deadline',
    })
    expect(refused(await calendar.rename(a.admin, { deadlineId: writing.id }))).toMatchObject({
      code: 'invalid-input',
    })
    expect(
      refused(await calendar.setReminders(a.admin, { deadlineId: writing.id, offsets: [100] })),
    ).toMatchObject({
      code: 'invalid-input',
    })
    expect(await snapshot(w)).toBe(before)
  })
})

describe('authorization', () => {
  it('lets only the admins of the school (and owners) edit its calendar; refusals change nothing', async () => {
    const { w, a, calendar } = await setup()
    const b = await school(w, 'THPT B', 200)
    const writing = await byKey(w, a, 'plan-writing')
    const grading = await byKey(w, a, 'grading')
    const stranger = await account(w, 999)
    const before = await snapshot(w)
    for (const actor of [a.teacherToan, a.headToan, b.admin, b.headToan, stranger]) {
      expect(refused(await calendar.list(actor, { schoolId: a.school.id }))).toEqual({ code: 'forbidden' })
      expect(refused(await calendar.list(actor, { schoolYearId: a.year.id }))).toEqual({ code: 'forbidden' })
      expect(
        refused(
          await calendar.add(actor, {
            schoolYearId: a.year.id,
            titleVi: 'Họp',
            dueDate: '2025-10-01',
            roles: ['head'],
          }),
        ),
      ).toEqual({ code: 'forbidden' })
      expect(refused(await calendar.move(actor, { deadlineId: grading.id, dueDate: '2026-04-20' }))).toEqual({
        code: 'forbidden',
      })
      expect(refused(await calendar.move(actor, { deadlineId: writing.id, dueDate: '2025-09-09' }))).toEqual({
        code: 'forbidden',
      })
      expect(refused(await calendar.rename(actor, { deadlineId: grading.id, titleVi: 'Chấm điểm' }))).toEqual(
        {
          code: 'forbidden',
        },
      )
      expect(refused(await calendar.remove(actor, { deadlineId: grading.id }))).toEqual({ code: 'forbidden' })
      expect(refused(await calendar.setReminders(actor, { deadlineId: grading.id, offsets: [2] }))).toEqual({
        code: 'forbidden',
      })
      expect(refused(await calendar.whoIsOpen(actor, { deadlineId: grading.id }))).toEqual({
        code: 'forbidden',
      })
    }
    expect(refused(await calendar.deadlinesFor(stranger))).toEqual({ code: 'not-linked' })
    expect(await snapshot(w)).toBe(before)
    // an owner may
    must(await calendar.rename(OWNER, { deadlineId: grading.id, titleVi: 'Chấm điểm BDTX' }))
  })
})

describe('whose task is still open', () => {
  it('shows each person the deadlines that concern them, next first, with what is open', async () => {
    const { w, a, calendar } = await setup()
    const mineOf = async (actor: { telegramId: number }) =>
      must(await calendar.deadlinesFor(actor)).map((d) => [d.key, d.open, d.pending])
    expect(await mineOf(a.teacherToan)).toEqual([
      ['plan-writing', true, 1],
      ['dossiers', null, 0],
    ])
    expect(await mineOf(a.headToan)).toEqual([
      ['plan-writing', true, 1],
      ['plan-head-approval', false, 0],
      ['dossiers', null, 0],
      ['grading', false, 0],
    ])
    expect(await mineOf(a.admin)).toEqual([
      ['plan-school-approval', false, 0],
      ['plan-to-so', null, 0],
      ['school-review', null, 0],
      ['results-to-so', null, 0],
    ])

    const planId = await fullPlan(w, a.teacherToan)
    must(await w.services.plans.submit(a.teacherToan, { planId }))
    expect((await mineOf(a.teacherToan))[0]).toEqual(['plan-writing', false, 0])
    expect((await mineOf(a.headToan))[1]).toEqual(['plan-head-approval', true, 1])
    expect((await mineOf(a.headVan))[1]).toEqual(['plan-head-approval', false, 0])

    // after the plan deadline: the coming ones first, then the past ones, latest first
    w.at('2025-09-20T03:00:00Z')
    const after = must(await calendar.deadlinesFor(a.teacherToan))
    expect(after.map((d) => [d.key, d.passed])).toEqual([
      ['dossiers', false],
      ['plan-writing', true],
    ])
    expect(after[0]).toMatchObject({ dueDate: '2026-04-15', daysLeft: 207 })
  })

  it('finds exactly the people whose task is open, with their language; not those without Telegram', async () => {
    const { w, a, calendar } = await setup()
    await w.app.deps.telegramUsers.setLanguage(a.teacherVan.telegramId, 'en')
    const unlinked = must(
      await w.services.people.add(a.admin, {
        schoolId: a.school.id,
        fullName: 'Chưa Vào Bot',
        role: 'teacher',
        departmentId: a.van.id,
      }),
    )
    const writing = await byKey(w, a, 'plan-writing')
    const headApproval = await byKey(w, a, 'plan-head-approval')
    const schoolApproval = await byKey(w, a, 'plan-school-approval')
    const grading = await byKey(w, a, 'grading')

    // nobody has submitted: every teacher, head (and manager) of the school
    expect(ids(await calendar.openTasks(writing.id))).toEqual(
      ids([a.headToan, a.teacherToan, a.headVan, a.teacherVan]),
    )
    const planId = await fullPlan(w, a.teacherToan)
    must(await w.services.plans.submit(a.teacherToan, { planId }))
    const open = await calendar.openTasks(writing.id)
    expect(ids(open)).toEqual(ids([a.headToan, a.headVan, a.teacherVan]))
    expect(open.find((p) => p.personId === a.teacherVan.personId)).toMatchObject({
      telegramId: a.teacherVan.telegramId,
      language: 'en',
      role: 'teacher',
      task: { task: 'plan-submitted', open: true, pending: 1 },
    })
    expect(open.find((p) => p.personId === a.headToan.personId)).toMatchObject({ language: 'vi' })
    // the one without an account is open too, but only an admin's list shows them
    const who = must(await calendar.whoIsOpen(a.admin, { deadlineId: writing.id }))
    expect(who.withoutTelegram).toEqual([{ personId: unlinked.id, fullName: 'Chưa Vào Bot' }])
    expect(ids(who.linked)).toEqual(ids(open))

    // the head of Tổ Toán has a plan waiting; the head of Tổ Văn has none
    expect(await calendar.openTasks(headApproval.id)).toMatchObject([
      { personId: a.headToan.personId, task: { pending: 1 } },
    ])
    expect(await calendar.openTasks(schoolApproval.id)).toEqual([])
    must(await w.services.planApprovals.approve(a.headToan, { planId }))
    expect(await calendar.openTasks(headApproval.id)).toEqual([])
    const admin = must(await w.services.people.whoAmI(a.admin)).person!
    expect(await calendar.openTasks(schoolApproval.id)).toMatchObject([
      {
        personId: admin.id,
        telegramId: a.admin.telegramId,
        task: { task: 'plan-approved-by-school', pending: 1 },
      },
    ])
    must(await w.services.planApprovals.approve(a.admin, { planId }))
    expect(await calendar.openTasks(schoolApproval.id)).toEqual([])

    // grades: the head of Tổ Toán until every component of the approved plan has a score
    expect(ids(await calendar.openTasks(grading.id))).toEqual([a.headToan.personId])
    await score(w, a, a.teacherToan.personId, ['nd1', 'nd2'])
    expect(ids(await calendar.openTasks(grading.id))).toEqual([a.headToan.personId])
    await w.app.db.deleteFrom('scores').execute()
    await score(w, a, a.teacherToan.personId)
    expect(await calendar.openTasks(grading.id)).toEqual([])
    expect(must(await calendar.deadlinesFor(a.headToan)).find((d) => d.key === 'grading')).toMatchObject({
      open: false,
      pending: 0,
    })
  })
})
