import { describe, expect, it } from 'vitest'
import { STAFF_SOURCES } from '../../src/rules/staff-sources.ts'
import {
  ceilDiv,
  countsFor,
  formatPercent,
  QUALIFICATION_TARGETS,
  ratioAgainstTarget,
  shareBasisPoints,
} from '../../src/rules/targets.ts'

const target = (level: 'THPT' | 'GDTX' | 'CD' | 'TCCN' | 'TH', group: string, measure: string) =>
  QUALIFICATION_TARGETS[level]?.find((t) => t.group === group && t.measure === measure)

describe('seed 000 §II.2: master and doctorate targets per kind of school', () => {
  it.each([
    ['THPT', 'managers', 'thac-si', 3300, 2640],
    ['THPT', 'managers', 'tien-si', 400, 270],
    ['THPT', 'teachers', 'thac-si', 1200, 1090],
    ['THPT', 'teachers', 'tien-si', 30, 20],
    ['GDTX', 'managers', 'thac-si', 2000, 1060],
    ['GDTX', 'managers', 'tien-si', 200, null],
    ['GDTX', 'teachers', 'thac-si', 1200, 862],
    ['GDTX', 'teachers', 'tien-si', 50, null],
    ['CD', 'managers', 'thac-si', 5000, 3590],
    ['CD', 'managers', 'tien-si', 800, 551],
    ['CD', 'teachers', 'thac-si', 5000, 2199],
    ['TCCN', 'teachers', 'tien-si', 500, 344],
  ] as const)('%s %s %s: target %d bp (now %s)', (level, group, measure, bp, baseline) => {
    expect(target(level, group, measure)).toEqual({
      group,
      measure,
      target: bp,
      baseline,
      source: STAFF_SOURCES.so('II.2'),
    })
  })

  it('seed 003 §II.2: 95 % of a primary school’s teachers above the trained standard', () => {
    expect(target('TH', 'teachers', 'above-standard')).toMatchObject({
      target: 9500,
      source: STAFF_SOURCES.school('II.2'),
    })
  })

  it('sets no target where the plans set none', () => {
    expect(QUALIFICATION_TARGETS.THCS).toBeUndefined()
  })
})

describe('ratioAgainstTarget: exact shares', () => {
  it('THPT managers: 30 of 100 with a master’s is short of 33 % by 3 people', () => {
    expect(ratioAgainstTarget({ count: 30, total: 100 }, 3300)).toEqual({
      count: 30,
      total: 100,
      target: 3300,
      meets: false,
      shortBy: 3,
    })
  })

  it('0.3 % of 1,000 teachers is exactly 3: 3 meets it, 2 is one short', () => {
    expect(ratioAgainstTarget({ count: 3, total: 1000 }, 30).meets).toBe(true)
    expect(ratioAgainstTarget({ count: 2, total: 1000 }, 30)).toMatchObject({ meets: false, shortBy: 1 })
  })

  it('a fraction of a person rounds up to a whole one: 12 % of 41 teachers needs 5 (4.92)', () => {
    expect(ratioAgainstTarget({ count: 4, total: 41 }, 1200)).toMatchObject({ meets: false, shortBy: 1 })
    expect(ratioAgainstTarget({ count: 5, total: 41 }, 1200)).toMatchObject({ meets: true, shortBy: 0 })
  })

  it('an empty group meets any target (there is nobody to train)', () => {
    expect(ratioAgainstTarget({ count: 0, total: 0 }, 3300)).toMatchObject({ meets: true, shortBy: 0 })
  })

  it('shows shares the Vietnamese way', () => {
    expect(formatPercent(3300)).toBe('33 %')
    expect(formatPercent(30)).toBe('0,3 %')
    expect(formatPercent(2640)).toBe('26,4 %')
    expect(formatPercent(shareBasisPoints(1, 3))).toBe('33,33 %')
  })
})

describe('countsFor', () => {
  it('counts the highest qualification only for its own measure', () => {
    expect(countsFor('thac-si', 'thac-si', 'THPT')).toBe(true)
    expect(countsFor('thac-si', 'tien-si', 'THPT')).toBe(false)
    expect(countsFor('tien-si', 'tien-si', 'THPT')).toBe(true)
    expect(countsFor('above-standard', 'thac-si', 'TH')).toBe(true)
    expect(countsFor('above-standard', 'dai-hoc', 'TH')).toBe(false)
    expect(countsFor('above-standard', 'dai-hoc', 'MN')).toBe(true)
    expect(countsFor('thac-si', null, 'THPT')).toBe(false)
  })
})

describe('people are rounded up in integers', () => {
  it('ceilDiv gives ⌈a / b⌉ exactly, where a float quotient would sit just off a whole number', () => {
    expect(ceilDiv(0, 10_000)).toBe(0)
    expect(ceilDiv(10_000, 10_000)).toBe(1)
    expect(ceilDiv(10_001, 10_000)).toBe(2)
    // 12 % of 25 teachers is exactly 3; 0.3 % of 25 is 0.075, still one person
    expect(ceilDiv(1200 * 25, 10_000)).toBe(3)
    expect(ceilDiv(30 * 25, 10_000)).toBe(1)
    for (let total = 1; total <= 3000; total++) {
      for (const t of [30, 50, 400, 1200, 3300, 5000]) {
        const needed = ceilDiv(t * total, 10_000)
        expect(needed * 10_000 >= t * total && (needed - 1) * 10_000 < t * total).toBe(true)
      }
    }
  })
})
