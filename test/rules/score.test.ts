import { describe, expect, it } from 'vitest'
import {
  formatScore,
  formatTenths,
  parseScore,
  type Score,
  scoreFromHundredths,
  tenthsToScore,
} from '../../src/rules/index.ts'
import { h, t } from './support.ts'

describe('parseScore', () => {
  it.each([
    ['8', 800],
    ['8.5', 850],
    ['8,5', 850],
    ['8.25', 825],
    ['8,25', 825],
    [' 9 ', 900],
    ['0', 0],
    ['10', 1000],
    ['10.0', 1000],
    ['10,00', 1000],
    ['8.500', 850],
    ['.5', 50],
    ['08', 800],
    ['7.', 700],
    ['-0', 0],
  ])('reads %j as %d hundredths', (text, hundredths) => {
    expect(parseScore(text)).toEqual({ ok: true, value: hundredths })
  })

  it.each([
    ['', 'not-a-number'],
    ['   ', 'not-a-number'],
    ['abc', 'not-a-number'],
    ['8.5.1', 'not-a-number'],
    ['8,5,1', 'not-a-number'],
    ['1e1', 'not-a-number'],
    ['.', 'not-a-number'],
    ['8 5', 'not-a-number'],
    ['10.5', 'out-of-range'],
    ['10.01', 'out-of-range'],
    ['11', 'out-of-range'],
    ['100', 'out-of-range'],
    ['-1', 'out-of-range'],
    ['-0.5', 'out-of-range'],
    ['8.255', 'too-many-decimals'],
    ['8.001', 'too-many-decimals'],
    ['9,999', 'too-many-decimals'],
  ] as const)('rejects %j as %s, with the valid range', (text, code) => {
    expect(parseScore(text)).toEqual({
      ok: false,
      error: { code, input: text, min: 0, max: 10, maxDecimals: 2 },
    })
  })
})

describe('scoreFromHundredths', () => {
  it('accepts whole hundredths 0–1000', () => {
    expect(scoreFromHundredths(0)).toEqual({ ok: true, value: 0 })
    expect(scoreFromHundredths(1000)).toEqual({ ok: true, value: 1000 })
    expect(scoreFromHundredths(825)).toEqual({ ok: true, value: 825 })
  })
  it.each([
    [1001, 'out-of-range'],
    [-1, 'out-of-range'],
    [85.5, 'too-many-decimals'],
    [Number.NaN, 'not-a-number'],
    [Number.POSITIVE_INFINITY, 'not-a-number'],
  ] as const)('rejects %d as %s', (n, code) => {
    const r = scoreFromHundredths(n)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe(code)
  })
})

describe('formatScore and formatTenths', () => {
  it('writes a score with the decimals it needs and the separator given', () => {
    expect(formatScore(h(850))).toBe('8.5')
    expect(formatScore(h(850), ',')).toBe('8,5')
    expect(formatScore(h(825), ',')).toBe('8,25')
    expect(formatScore(h(805))).toBe('8.05')
    expect(formatScore(h(800))).toBe('8')
    expect(formatScore(h(800), ',', 1)).toBe('8,0')
    expect(formatScore(h(0), '.', 2)).toBe('0.00')
    expect(formatScore(h(1000))).toBe('10')
    expect(formatScore(h(5))).toBe('0.05')
  })
  it('writes an average with exactly one decimal', () => {
    expect(formatTenths(t(90))).toBe('9.0')
    expect(formatTenths(t(87), ',')).toBe('8,7')
    expect(formatTenths(t(100))).toBe('10.0')
    expect(formatTenths(t(5))).toBe('0.5')
  })
  it('round-trips every score through text', () => {
    for (let n = 0; n <= 1000; n++) {
      const score = n as Score
      expect(parseScore(formatScore(score, ','))).toEqual({ ok: true, value: n })
    }
  })
  it('states a tenth as a score', () => {
    expect(tenthsToScore(t(89))).toBe(890)
  })
})

describe('brands', () => {
  it('rejects raw numbers at compile time', () => {
    // @ts-expect-error a raw number is not a Score
    const raw: Score = 850
    expect(raw).toBe(850)
    // @ts-expect-error nor is a Score a Tenths
    formatTenths(h(90))
  })
})
