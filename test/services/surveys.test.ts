/**
 * The learning-needs survey (issue 15 item 4, seed 001 §1): the admin opens it for next school
 * year, teachers pick modules of their catalogue and other training until the deadline, the admin
 * sees the school's totals and a head their department's, and the answer seeds next year's plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { profileOfYear } from '../../src/services/regulation.ts'
import { SchoolStore } from '../../src/store/schools.ts'
import { must, refused, school, type World, world } from './support.ts'

let w: World
let A: Awaited<ReturnType<typeof school>>
let surveyId: number

beforeAll(async () => {
  w = await world()
  await w.services.setup.bootstrap({ ownerTelegramIds: [1] })
  A = await school(w, 'Trường A', 100)
})
afterAll(async () => {
  await w.app.close()
})

const moduleId = async (code: string) =>
  must(await w.services.surveys.mine(A.teacherToan)).modules.find((m) => m.code === code)!.id

describe('the survey', () => {
  it('is opened by the admin only, for next school year', async () => {
    expect(refused(await w.services.surveys.open(A.headToan, { deadline: '2026-05-15' }))).toMatchObject({
      code: 'forbidden',
    })
    expect(refused(await w.services.surveys.open(A.admin, { deadline: '2025-01-01' }))).toMatchObject({
      code: 'survey-deadline-past',
    })
    const survey = must(await w.services.surveys.open(A.admin, { deadline: '2026-05-15' }))
    expect(survey).toMatchObject({ yearName: '2026-2027', deadline: '2026-05-15' })
    surveyId = survey.id
  })

  it('saves each pick as it goes, toggles it off again, and refuses a module of another catalogue', async () => {
    const m17 = await moduleId('THPT 17')
    must(await w.services.surveys.toggle(A.teacherToan, { surveyId, item: `m:${m17}` }))
    must(await w.services.surveys.toggle(A.teacherToan, { surveyId, item: 'o:thac-si' }))
    must(await w.services.surveys.toggle(A.teacherToan, { surveyId, item: 'o:llct' }))
    const mine = must(await w.services.surveys.toggle(A.teacherToan, { surveyId, item: 'o:llct' }))
    expect(mine.chosen).toEqual([`m:${m17}`, 'o:thac-si'])
    const other = (
      await w.app.db.selectFrom('modules').select('id').where('level', '!=', 'THPT').executeTakeFirstOrThrow()
    ).id
    expect(
      refused(await w.services.surveys.toggle(A.teacherToan, { surveyId, item: `m:${other}` })),
    ).toMatchObject({ code: 'survey-bad-item' })
    must(await w.services.surveys.toggle(A.teacherVan, { surveyId, item: `m:${m17}` }))
  })

  it('gives the admin the school totals, a head only their department, a teacher nothing', async () => {
    const all = must(await w.services.surveys.totals(A.admin, { surveyId }))
    expect(all.answered).toBe(2)
    expect(all.surveyed).toBe(4)
    expect(all.modules.map((m) => [m.module.code, m.count])).toEqual([['THPT 17', 2]])
    expect(all.others.find((o) => o.code === 'thac-si')?.count).toBe(1)
    expect(all.departments).toEqual(
      expect.arrayContaining([
        { name: 'Tổ Toán', surveyed: 2, answered: 1 },
        { name: 'Tổ Văn', surveyed: 2, answered: 1 },
      ]),
    )
    expect(all.missing.sort()).toEqual([A.headToan.personId, A.headVan.personId].sort())
    const toan = must(await w.services.surveys.totals(A.headToan, { surveyId }))
    expect(toan.scope).toBe('Tổ Toán')
    expect(toan.modules.map((m) => [m.module.code, m.count])).toEqual([['THPT 17', 1]])
    expect(toan.missing).toEqual([A.headToan.personId])
    expect(refused(await w.services.surveys.totals(A.teacherToan, { surveyId }))).toMatchObject({
      code: 'forbidden',
    })
  })

  it('refuses answers after the deadline and keeps the answer as it was', async () => {
    w.at('2026-05-15T16:59:00Z') // 23:59 in Vietnam on the deadline: still open
    must(await w.services.surveys.toggle(A.teacherToan, { surveyId, item: 'o:tin-hoc' }))
    must(await w.services.surveys.toggle(A.teacherToan, { surveyId, item: 'o:tin-hoc' }))
    w.at('2026-05-15T17:00:00Z')
    expect(
      refused(await w.services.surveys.toggle(A.teacherToan, { surveyId, item: 'o:ngoai-ngu' })),
    ).toMatchObject({ code: 'survey-closed', deadline: '2026-05-15' })
    expect(must(await w.services.surveys.mine(A.teacherToan)).chosen).toHaveLength(2)
  })

  it("starts next year's empty plan from the survey, once", async () => {
    w.at('2026-08-20T03:00:00Z')
    const year = must(await w.services.schools.currentYear(A.admin, { schoolId: A.school.id }))
    await new SchoolStore(w.app.db).createYear(
      {
        schoolId: A.school.id,
        name: '2026-2027',
        startsOn: '2026-09-01',
        endsOn: '2027-05-31',
        profileId: profileOfYear(year).id,
        requiredNd3Hours: 60,
        planDeadline: '2026-10-15',
        approvalDeadline: '2026-10-31',
      },
      true,
      w.clock.now.toISOString(),
    )
    const view = must(await w.services.plans.getOrCreate(A.teacherToan, {}))
    expect(view.year.name).toBe('2026-2027')
    const seeded = await w.services.surveys.seedPlan(A.teacherToan, view)
    expect(seeded.modules.map((m) => m.code)).toEqual(['THPT 17'])
    must(
      await w.services.plans.removeModule(A.teacherToan, {
        planId: view.plan.id,
        moduleId: seeded.modules[0]!.id,
      }),
    )
    const again = must(await w.services.plans.getOrCreate(A.teacherToan, {}))
    expect((await w.services.surveys.seedPlan(A.teacherToan, again)).modules).toEqual([])
  })
})
