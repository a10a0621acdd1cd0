/** The seeded catalogue of seed 004: browse by level, paged; search by code or by words. */
import { describe, expect, it } from 'vitest'
import { SEED_CATALOGUE } from '../../src/rules/index.ts'
import { must, refused, world } from './support.ts'

describe('the catalogue', () => {
  it('ships the ten modules of seed 004 with their titles, contents, goals and hours', async () => {
    const { services } = await world()
    // with migration 0080's TT 17/2019 modules for each phổ thông level
    expect(await services.catalogue.levels()).toEqual([
      { level: 'QL', count: 4 },
      { level: 'TH', count: 4 },
      { level: 'THCS', count: 4 },
      { level: 'THPT', count: 10 },
    ])
    const all = [
      ...must(await services.catalogue.browse(undefined, { level: 'QL', pageSize: 50 })).items,
      ...must(await services.catalogue.browse(undefined, { level: 'THPT', pageSize: 50 })).items,
    ]
    // the same modules, titles and hours as the rule engine's copy of seed 004
    for (const seed of SEED_CATALOGUE) {
      const stored = all.find((m) => m.code === seed.code)
      expect(stored, seed.code).toMatchObject({
        level: seed.level,
        title: seed.title,
        hoursTotal: seed.hours,
        hoursTheory: seed.theoryHours ?? null,
        hoursPractice: seed.practiceHours ?? null,
        hoursSelfStudy: seed.selfStudyHours ?? null,
      })
    }
    const thpt17 = all.find((m) => m.code === 'THPT 17')!
    expect(thpt17).toMatchObject({
      contents: expect.stringContaining('2. Các bước cơ bản trong thực hiện phương pháp tìm kiếm thông tin'),
      goals: 'Sử dụng được các phương pháp, kĩ thuật tìm kiếm, khai thác, xử lí thông tin phục vụ bài giảng',
      area: 'VI. Tăng cường năng lực dạy học',
      source: 'TT 30/2011/TT-BGDĐT',
    })
    expect(all.find((m) => m.code === 'QLTrH 2')).toMatchObject({
      source: 'TT 27/2015/TT-BGDĐT',
      hoursSelfStudy: null,
    })
  })

  it('pages a level in natural code order, clamping a page past the end', async () => {
    const { services } = await world()
    const tt26 = { level: 'THPT', profile: 'tt26-2012' } as const
    const page1 = must(await services.catalogue.browse(undefined, { ...tt26, pageSize: 4 }))
    expect(page1).toMatchObject({ page: 1, pageCount: 2, total: 6 })
    expect(page1.items.map((m) => m.code)).toEqual(['THPT 17', 'THPT 19', 'THPT 20', 'THPT 22'])
    const page9 = must(await services.catalogue.browse(undefined, { ...tt26, page: 9, pageSize: 4 }))
    expect(page9.page).toBe(2)
    expect(page9.items.map((m) => m.code)).toEqual(['THPT 31', 'THPT 34'])
    expect(
      must(await services.catalogue.browse(undefined, { level: 'QL' })).items.map((m) => m.code),
    ).toEqual(['QLTrH 2', 'QLTrH 6', 'QLTrH 12', 'QLTrH 14'])
    expect(must(await services.catalogue.browse(undefined, { level: 'MN' }))).toMatchObject({
      total: 0,
      items: [],
    })
    expect(refused(await services.catalogue.browse(undefined, { level: 'XX' as 'MN' }))).toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'level', code: 'invalid_value' }],
    })
  })

  it('finds a module by its code however it is typed, and by words without diacritics', async () => {
    const { services } = await world()
    const search = async (query: string, level?: 'THPT' | 'QL') =>
      must(await services.catalogue.search(undefined, { query, level }))
    for (const query of ['thpt17', 'THPT 17', 'thpt-017', ' Thpt 17 ']) {
      const found = await search(query)
      expect(found.matchedBy, query).toBe('code')
      expect(found.items.map((m) => m.code)).toEqual(['THPT 17'])
    }
    expect((await search('qltrh2')).items.map((m) => m.code)).toEqual(['QLTrH 2'])
    expect((await search('cong nghe thong tin')).items.map((m) => m.code)).toEqual(['THPT 19'])
    expect((await search('phần mềm')).items.map((m) => m.code)).toEqual(['THPT 22'])
    expect((await search('CHỦ NHIỆM')).items.map((m) => m.code)).toEqual(['THPT 31'])
    expect((await search('số hóa', 'QL')).items.map((m) => m.code)).toEqual(['QLTrH 12'])
    expect((await search('số hóa', 'THPT')).total).toBe(0)
    expect((await search('thpt 99')).matchedBy).toBe('words')
    expect((await search('***')).total).toBe(0)
  })
})
