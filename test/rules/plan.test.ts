import { describe, expect, it } from 'vitest'
import {
  type CatalogueModule,
  findModule,
  normalizeModuleCode,
  SEED_CATALOGUE,
  SOURCES,
  TT26_2012,
  validatePlan,
} from '../../src/rules/index.ts'

const teacher = (moduleCodes: string[], level: 'THPT' | 'THCS' = 'THPT') => ({
  level,
  isManager: false,
  moduleCodes,
})
const manager = (moduleCodes: string[]) => ({ level: 'THPT' as const, isManager: true, moduleCodes })
const HOURS = SOURCES.programmeHours

describe('normalizeModuleCode', () => {
  it.each([
    ['thpt17', 'THPT 17'],
    ['THPT 17', 'THPT 17'],
    ['  THPT   17 ', 'THPT 17'],
    ['THPT-17', 'THPT 17'],
    ['THPT 017', 'THPT 17'],
    ['thpt.17', 'THPT 17'],
    ['QLTrH 2', 'QLTRH 2'],
    ['qltrh2', 'QLTRH 2'],
    ['GVPT 01', 'GVPT 1'],
  ])('%j → %j', (input, key) => {
    expect(normalizeModuleCode(input)).toBe(key)
  })
  it('keeps different modules apart', () => {
    expect(normalizeModuleCode('THPT 17')).not.toBe(normalizeModuleCode('THPT 170'))
    expect(normalizeModuleCode('THPT 1')).not.toBe(normalizeModuleCode('THCS 1'))
    expect(normalizeModuleCode('THPT 1')).not.toBe(normalizeModuleCode('THPT 11'))
  })
})

describe('the seed 004 catalogue', () => {
  it.each([
    ['QLTrH 2', 'QL', 15, { theoryHours: 7, practiceHours: 8 }],
    ['QLTrH 6', 'QL', 15, { theoryHours: 7, practiceHours: 8 }],
    ['QLTrH 12', 'QL', 15, { theoryHours: 7, practiceHours: 8 }],
    ['QLTrH 14', 'QL', 15, { theoryHours: 7, practiceHours: 8 }],
    ['THPT 17', 'THPT', 15, { selfStudyHours: 10, theoryHours: 2, practiceHours: 3 }],
    ['THPT 19', 'THPT', 15, { selfStudyHours: 10, theoryHours: 2, practiceHours: 3 }],
    ['THPT 20', 'THPT', 15, { selfStudyHours: 10, theoryHours: 2, practiceHours: 3 }],
    ['THPT 22', 'THPT', 15, { selfStudyHours: 10, theoryHours: 2, practiceHours: 3 }],
    ['THPT 31', 'THPT', 15, { selfStudyHours: 15, theoryHours: 0, practiceHours: 0 }],
    ['THPT 34', 'THPT', 15, { selfStudyHours: 15, theoryHours: 0, practiceHours: 0 }],
  ] as const)('%s: %s, %d tiết', (code, level, hours, split) => {
    expect(findModule(code, SEED_CATALOGUE)).toMatchObject({ code, level, hours, ...split })
  })
  it('holds exactly those ten modules, each with its hours adding up', () => {
    expect(SEED_CATALOGUE).toHaveLength(10)
    for (const m of SEED_CATALOGUE) {
      expect((m.selfStudyHours ?? 0) + (m.theoryHours ?? 0) + (m.practiceHours ?? 0)).toBe(m.hours)
    }
  })
})

describe('validatePlan', () => {
  it('accepts four THPT modules of 15 tiết (60 tiết), typed any way', () => {
    const check = validatePlan(teacher(['thpt17', 'THPT 19', 'THPT-031', ' thpt 34 ']), SEED_CATALOGUE)
    expect(check).toMatchObject({ valid: true, totalHours: 60, requiredHours: 60, errors: [] })
    expect(check.modules.map((m) => m.code)).toEqual(['THPT 17', 'THPT 19', 'THPT 31', 'THPT 34'])
  })

  it("accepts the managers' plan of seed 004: QLTrH 2, 6, 12, 14", () => {
    expect(
      validatePlan(manager(['QLTrH 2', 'QLTrH 6', 'QLTrH 12', 'QLTrH 14']), SEED_CATALOGUE),
    ).toMatchObject({
      valid: true,
      totalHours: 60,
    })
  })

  it('accepts more hours than required', () => {
    const codes = ['THPT 17', 'THPT 19', 'THPT 20', 'THPT 22', 'THPT 31']
    expect(validatePlan(teacher(codes), SEED_CATALOGUE)).toMatchObject({ valid: true, totalHours: 75 })
  })

  it('reports each violation separately, and counts only the modules that count', () => {
    const check = validatePlan(
      teacher(['THPT 17', 'thpt17', 'QLTrH 2', 'THPT 99', 'THPT 19']),
      SEED_CATALOGUE,
    )
    expect(check).toEqual({
      valid: false,
      totalHours: 30,
      requiredHours: 60,
      modules: [findModule('THPT 17', SEED_CATALOGUE), findModule('THPT 19', SEED_CATALOGUE)],
      errors: [
        { code: 'duplicate-module', index: 1, moduleCode: 'thpt17', firstIndex: 0, source: HOURS },
        {
          code: 'wrong-catalogue',
          index: 2,
          moduleCode: 'QLTrH 2',
          moduleCatalogue: 'QL',
          catalogue: 'THPT',
          source: SOURCES.catalogueTHPT,
        },
        {
          code: 'unknown-module',
          index: 3,
          moduleCode: 'THPT 99',
          catalogue: 'THPT',
          source: SOURCES.catalogueTHPT,
        },
        { code: 'hours-below-required', totalHours: 30, requiredHours: 60, missingHours: 30, source: HOURS },
      ],
    })
  })

  it("sends a manager to the managers' catalogue", () => {
    const check = validatePlan(
      manager(['THPT 17', 'QLTrH 2', 'QLTrH 6', 'QLTrH 12', 'QLTrH 14']),
      SEED_CATALOGUE,
    )
    expect(check.valid).toBe(false)
    expect(check.totalHours).toBe(60)
    expect(check.errors).toEqual([
      {
        code: 'wrong-catalogue',
        index: 0,
        moduleCode: 'THPT 17',
        moduleCatalogue: 'THPT',
        catalogue: 'QL',
        source: SOURCES.catalogueQL,
      },
    ])
  })

  it('sends a THCS teacher to the THCS catalogue', () => {
    const check = validatePlan(teacher(['THPT 17'], 'THCS'), SEED_CATALOGUE)
    expect(check.errors[0]).toMatchObject({
      code: 'wrong-catalogue',
      catalogue: 'THCS',
      source: SOURCES.catalogueTHCS,
    })
  })

  it('an empty plan falls short by all 60 tiết', () => {
    expect(validatePlan(teacher([]), SEED_CATALOGUE)).toEqual({
      valid: false,
      totalHours: 0,
      requiredHours: 60,
      modules: [],
      errors: [
        { code: 'hours-below-required', totalHours: 0, requiredHours: 60, missingHours: 60, source: HOURS },
      ],
    })
  })

  it('takes the required hours from the school year when it sets them', () => {
    const codes = ['THPT 17', 'THPT 19', 'THPT 20']
    expect(validatePlan(teacher(codes), SEED_CATALOGUE).valid).toBe(false)
    const yearly = validatePlan(teacher(codes), SEED_CATALOGUE, TT26_2012, {
      requiredHours: 45,
      requiredHoursSource: 'KH 3002/KH-GDĐT-TC',
    })
    expect(yearly).toMatchObject({ valid: true, totalHours: 45, requiredHours: 45 })
    const short = validatePlan(teacher(codes.slice(0, 2)), SEED_CATALOGUE, TT26_2012, {
      requiredHours: 45,
      requiredHoursSource: 'KH 3002/KH-GDĐT-TC',
    })
    expect(short.errors).toEqual([
      {
        code: 'hours-below-required',
        totalHours: 30,
        requiredHours: 45,
        missingHours: 15,
        source: 'KH 3002/KH-GDĐT-TC',
      },
    ])
  })

  it('uses the catalogue given, with its own hours', () => {
    const catalogue: CatalogueModule[] = [
      { code: 'TH 1', level: 'TH', title: 'a', hours: 30 },
      { code: 'TH 2', level: 'TH', title: 'b', hours: 30 },
    ]
    expect(
      validatePlan({ level: 'TH', isManager: false, moduleCodes: ['th1', 'TH2'] }, catalogue),
    ).toMatchObject({
      valid: true,
      totalHours: 60,
    })
  })
})
