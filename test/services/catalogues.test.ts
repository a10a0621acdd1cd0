/**
 * Catalogues per level and regulation (issue 11, item 3): migration 0080's TT 17/2019 modules for
 * the phổ thông levels under TT 19/2019, seed 004's under TT 26/2012, a school's own list under
 * any year; a plan picks from its owner's level under its year's regulation, by the codes and
 * numberings people type.
 */
import { Migrator } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../migrations/index.ts'
import { openSqlite } from '../../src/db/connection.ts'
import { approvedPlan } from './grades-fixtures.ts'
import { csv } from './sheets.ts'
import { must, OWNER, refused, school, type World, world } from './support.ts'

type Level = 'MN' | 'TH' | 'THCS' | 'THPT'

/** A school whose Toán teacher teaches `level`, its current year under `profileId`. */
async function teacherOf(level: Level, profileId: 'tt26-2012' | 'tt19-2019') {
  const w = await world()
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  const s = await school(w, `Trường ${level} ${profileId}`, 100)
  must(await w.services.regulation.setProfile(s.admin, { schoolYearId: s.year.id, profileId }))
  must(await w.services.people.setProfile(s.teacherToan, { level }))
  const plan = must(await w.services.plans.getOrCreate(s.teacherToan, {}))
  const add = (code: string) => w.services.plans.addModule(s.teacherToan, { planId: plan.plan.id, code })
  return { w, s, planId: plan.plan.id, add }
}

/** The school's own modules, imported by its admin (untagged: they fit any year). */
async function importOwn(w: World, admin: { telegramId: number }, lines: string[]) {
  const data = csv(['Cấp học,Mã mô đun,Tên mô đun,Lý thuyết,Thực hành,Tổng số tiết', ...lines])
  const preview = must(await w.services.imports.previewCatalogue(admin, { fileName: 'dm.csv', data }))
  expect(preview.errors).toEqual([])
  must(await w.services.imports.commitCatalogue(admin, { preview }))
}

describe('shipped catalogues', () => {
  it('ship TT 17/2019 GVPT 01, 11, 13 (20 tiết = 8 + 12) and 10 (40) for each phổ thông level, under TT 19', async () => {
    const { services } = await world()
    for (const level of ['TH', 'THCS', 'THPT'] as const) {
      const page = must(await services.catalogue.browse(undefined, { level, profile: 'tt19-2019' }))
      const gvpt = page.items.filter((m) => m.code.startsWith('GVPT'))
      expect(gvpt.map((m) => [m.code, m.hoursTotal, m.hoursTheory, m.hoursPractice, m.profile])).toEqual([
        ['GVPT 01', 20, 8, 12, 'tt19-2019'],
        ['GVPT 10', 40, null, null, 'tt19-2019'],
        ['GVPT 11', 20, 8, 12, 'tt19-2019'],
        ['GVPT 13', 20, 8, 12, 'tt19-2019'],
      ])
      expect(gvpt[0]).toMatchObject({
        title: 'Tiêu chuẩn 1. Phẩm chất nhà giáo — Tiêu chí 1. Đạo đức nhà giáo (TT 20/2018)',
        source: expect.stringContaining('TT 17/2019/TT-BGDĐT'),
        contents: expect.stringContaining('chưa được kiểm chứng'),
      })
    }
    // seed 004's modules are TT 26-era: not in a TT 19 year's catalogue, and the other way round
    const tt19 = must(await services.catalogue.browse(undefined, { level: 'THPT', profile: 'tt19-2019' }))
    expect(tt19.items.map((m) => m.code)).toEqual(['GVPT 01', 'GVPT 10', 'GVPT 11', 'GVPT 13'])
    const tt26 = must(await services.catalogue.browse(undefined, { level: 'THPT', profile: 'tt26-2012' }))
    expect(tt26.items.map((m) => m.code)).toEqual([
      'THPT 17',
      'THPT 19',
      'THPT 20',
      'THPT 22',
      'THPT 31',
      'THPT 34',
    ])
    // no MN, GDTX or managers' module of either era is shipped: no source gave them
    for (const level of ['MN', 'GDTX'] as const) {
      expect(must(await services.catalogue.browse(undefined, { level })).total).toBe(0)
    }
    expect(
      must(await services.catalogue.browse(undefined, { level: 'QL', profile: 'tt19-2019' })).total,
    ).toBe(0)
  })
})

describe('a plan picks from its level under its year’s regulation', () => {
  it('a THCS teacher in a TT 19 year registers GVPT modules, typed any way, into a valid plan', async () => {
    const t = await teacherOf('THCS', 'tt19-2019')
    must(await t.add('gvpt 1'))
    expect(refused(await t.add('GVPT01'))).toMatchObject({ code: 'duplicate-module', moduleCode: 'GVPT01' })
    const view = must(await t.add('Mô đun 11'))
    expect(view.modules.map((m) => [m.code, m.level])).toEqual([
      ['GVPT 01', 'THCS'],
      ['GVPT 11', 'THCS'],
    ])
    expect(view.hours).toMatchObject({ nd3: 40, requiredNd3: 40 })
    expect(view.check?.valid).toBe(true)
    // the TT 26 programme's THCS numbering is not this year's
    expect(refused(await t.add('THCS 12'))).toMatchObject({ code: 'unknown-module', catalogue: 'THCS' })
    expect(
      must(await t.w.services.plans.submit(t.s.teacherToan, { planId: t.planId })).view.plan.status,
    ).toBe('submitted')
  })

  it('a primary teacher in a TT 26 year registers the school’s TH modules, and no GVPT', async () => {
    const t = await teacherOf('TH', 'tt26-2012')
    // nothing of TT 32/2011 is shipped: the school imports its list
    expect(
      must(await t.w.services.catalogue.browse(undefined, { level: 'TH', profile: 'tt26-2012' })).total,
    ).toBe(0)
    await importOwn(t.w, t.s.admin, [
      'TH,TH 1,Mô đun tiểu học một,7,8,15',
      'TH,TH 2,Mô đun tiểu học hai,7,8,15',
      'TH,TH 12,Mô đun tiểu học mười hai,7,8,15',
      'TH,TH 19,Mô đun tiểu học mười chín,7,8,15',
    ])
    const page = must(await t.w.services.catalogue.browse(undefined, { level: 'TH', profile: 'tt26-2012' }))
    expect(page.items.map((m) => m.code)).toEqual(['TH 1', 'TH 2', 'TH 12', 'TH 19'])
    expect(refused(await t.add('GVPT 01'))).toMatchObject({ code: 'unknown-module', catalogue: 'TH' })
    for (const typed of ['TH1', 'th 02', 'modun 12', 'Mô đun 19']) must(await t.add(typed))
    const view = must(await t.w.services.plans.get(t.s.teacherToan, { planId: t.planId }))
    expect(view.modules.map((m) => m.code)).toEqual(['TH 1', 'TH 2', 'TH 12', 'TH 19'])
    expect(view.hours).toMatchObject({ nd3: 60, requiredNd3: 60 })
    expect(view.check?.valid).toBe(true)
  })

  it('a THPT teacher in a TT 26 year: "modun 19" is THPT 19, and GVPT is not this year’s', async () => {
    const t = await teacherOf('THPT', 'tt26-2012')
    expect(must(await t.add('modun 19')).modules.map((m) => m.code)).toEqual(['THPT 19'])
    expect(refused(await t.add('Mô đun 1'))).toMatchObject({ code: 'unknown-module', catalogue: 'THPT' })
    expect(refused(await t.add('GVPT 11'))).toMatchObject({ code: 'unknown-module', catalogue: 'THPT' })
    // by a button's module id too
    const gvpt = must(await t.w.services.catalogue.search(undefined, { query: 'GVPT 11', level: 'THPT' }))
    const id = gvpt.items[0]!.id
    expect(
      refused(await t.w.services.plans.addModule(t.s.teacherToan, { planId: t.planId, moduleId: id })),
    ).toMatchObject({ code: 'unknown-module' })
  })

  it('a preschool teacher in a TT 19 year is not given phổ thông modules', async () => {
    const t = await teacherOf('MN', 'tt19-2019')
    expect(
      must(await t.w.services.catalogue.browse(undefined, { level: 'MN', profile: 'tt19-2019' })).total,
    ).toBe(0)
    expect(refused(await t.add('GVPT 01'))).toMatchObject({
      code: 'wrong-catalogue',
      moduleCode: 'GVPT 01',
      catalogue: 'MN',
    })
    // the school's own GVMN list, imported, is theirs
    await importOwn(t.w, OWNER, [
      'MN,GVMN 1,Mô đun mầm non một,8,12,20',
      'MN,GVMN 2,Mô đun mầm non hai,8,12,20',
    ])
    for (const typed of ['gvmn 01', 'Mô đun 2']) must(await t.add(typed))
    const view = must(await t.w.services.plans.get(t.s.teacherToan, { planId: t.planId }))
    expect(view.modules.map((m) => m.code)).toEqual(['GVMN 1', 'GVMN 2'])
    expect(view.check?.valid).toBe(true)
  })
})

describe('migration 0080', () => {
  it('tags seed 004 as TT 26, keeps a module a school imported before it, and adds the rest', async () => {
    const db = openSqlite(':memory:')
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0040_notification_settings')).error).toBeUndefined()
    const at = '2025-09-01T00:00:00.000Z'
    // a THCS school's own "GVPT 01", imported with its own title and hours
    await db
      .insertInto('modules')
      .values({
        level: 'THCS',
        code: 'GVPT 01',
        code_key: 'GVPT 1',
        sort_key: 'GVPT 000001',
        title: 'Mô đun của trường',
        contents: '',
        goals: '',
        area: null,
        hours_total: 15,
        hours_self_study: null,
        hours_theory: null,
        hours_practice: null,
        source: 'KH của trường',
        search_text: 'gvpt 01 mo dun cua truong',
        created_at: at,
        updated_at: at,
      })
      .execute()
    expect((await migrator.migrateToLatest()).error).toBeUndefined()
    const rows = await db
      .selectFrom('modules')
      .select(['level', 'code', 'title', 'hours_total', 'profile'])
      .orderBy('level')
      .orderBy('sort_key')
      .execute()
    const of = (level: string) => rows.filter((r) => r.level === level)
    expect(of('THCS')).toEqual([
      { level: 'THCS', code: 'GVPT 01', title: 'Mô đun của trường', hours_total: 15, profile: null },
      expect.objectContaining({ code: 'GVPT 10', hours_total: 40, profile: 'tt19-2019' }),
      expect.objectContaining({ code: 'GVPT 11', hours_total: 20, profile: 'tt19-2019' }),
      expect.objectContaining({ code: 'GVPT 13', hours_total: 20, profile: 'tt19-2019' }),
    ])
    expect(of('TH').map((r) => r.code)).toEqual(['GVPT 01', 'GVPT 10', 'GVPT 11', 'GVPT 13'])
    expect(
      new Set(
        of('THPT')
          .filter((r) => r.code.startsWith('THPT'))
          .map((r) => r.profile),
      ),
    ).toEqual(new Set(['tt26-2012']))
    expect(new Set(of('QL').map((r) => r.profile))).toEqual(new Set(['tt26-2012']))
    await db.destroy()
  })
})

describe('a grade sheet names module columns as people write them', () => {
  it('"Mô đun 17", "MĐ 19", "modun 31" are the teacher’s plan modules with those numbers', async () => {
    const w = await world()
    await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
    const s = await school(w, 'THPT Điểm', 100)
    await approvedPlan(w, s, s.teacherToan.personId, ['THPT 17', 'THPT 19', 'THPT 31', 'THPT 34'], s.headToan)
    const text = ['Họ tên;ND1;ND2;Mô đun 17;MĐ 19;modun 31;THPT 34', 'Teacher Toán;9;8;7;6;5;9'].join('\n')
    const preview = must(await w.services.grades.parseBatch(s.headToan, { text }))
    expect(preview.errors).toEqual([])
    expect(preview.lines[0]!.components.map((c) => [c.code ?? c.kind, c.read])).toEqual([
      ['nd1', 900],
      ['nd2', 800],
      ['THPT 17', 700],
      ['THPT 19', 600],
      ['THPT 31', 500],
      ['THPT 34', 900],
    ])
    // written with spaces, the header's words are grouped back ("Mô đun 17" is one column)
    const spaced = ['Họ tên ND1 ND2 Mô đun 17 MĐ 19 modun 31 THPT34', 'Teacher Toán 9 8 7 6 5 9'].join('\n')
    const again = must(await w.services.grades.parseBatch(s.headToan, { text: spaced }))
    expect(again.errors).toEqual([])
    expect(again.lines[0]!.components.map((c) => c.read)).toEqual([900, 800, 700, 600, 500, 900])
    // a number no plan module has is named in the error, with the plan's modules
    const missing = ['Họ tên;ND1;ND2;Mô đun 1', 'Teacher Toán;9;8;7'].join('\n')
    const refusedPreview = must(await w.services.grades.parseBatch(s.headToan, { text: missing }))
    expect(refusedPreview.errors).toContainEqual(
      expect.objectContaining({
        code: 'module-not-in-plan',
        input: '7',
        planModules: ['THPT 17', 'THPT 19', 'THPT 31', 'THPT 34'],
      }),
    )
  })
})

describe('a year switched to the other regulation', () => {
  it('no longer counts the other programme’s modules in a plan made before the switch', async () => {
    const t = await teacherOf('THPT', 'tt26-2012')
    for (const code of ['THPT 17', 'THPT 19', 'THPT 31', 'THPT 34']) must(await t.add(code))
    expect(must(await t.w.services.plans.get(t.s.teacherToan, { planId: t.planId })).check?.valid).toBe(true)
    must(
      await t.w.services.regulation.setProfile(t.s.admin, {
        schoolYearId: t.s.year.id,
        profileId: 'tt19-2019',
      }),
    )
    const view = must(await t.w.services.plans.get(t.s.teacherToan, { planId: t.planId }))
    expect(view.check).toMatchObject({ valid: false, totalHours: 0, requiredHours: 40 })
    expect(view.check?.errors.map((e) => [e.code, 'moduleCode' in e ? e.moduleCode : null])).toEqual([
      ['unknown-module', 'THPT 17'],
      ['unknown-module', 'THPT 19'],
      ['unknown-module', 'THPT 31'],
      ['unknown-module', 'THPT 34'],
      ['hours-below-required', null],
    ])
    expect(refused(await t.w.services.plans.submit(t.s.teacherToan, { planId: t.planId }))).toMatchObject({
      code: 'plan-invalid',
    })
  })
})
