import { describe, expect, it } from 'vitest'
import {
  checkBudget,
  formatDong,
  parseDong,
  SEED_000_COURSES,
  SEED_000_PRINTED_TOTALS,
} from '../../src/rules/budget.ts'

describe('checkBudget on seed 000 §III.5', () => {
  const check = checkBudget(SEED_000_COURSES, SEED_000_PRINTED_TOTALS)

  it('adds the rows: 14 classes, 1,160 seats, 2,204,000,000 đồng', () => {
    expect(check.totals).toEqual({ classes: 14, seats: 1160, amount: 2_204_000_000 })
  })

  it('catches the printed seat total (1,180) and nothing else: every line and the amount agree', () => {
    expect(check.mismatches).toEqual([{ field: 'seats', computed: 1160, printed: 1180 }])
  })

  it('computes each line as seats × fee (2 classes of tư vấn học đường: 100 × 2.500.000)', () => {
    expect(check.lines[2]).toMatchObject({ classes: 2, seats: 100, amount: 250_000_000 })
    expect(check.lines.map((l) => l.amount)).toEqual(check.lines.map((l) => l.printedAmount))
  })

  it("flags a line whose printed amount is not its seats × fee, with the line's index", () => {
    const lines = [{ name: 'A', classes: 1, seats: 30, feePerPerson: 1_000_000, printedAmount: 3_000_000 }]
    expect(checkBudget(lines).mismatches).toEqual([
      { field: 'amount', computed: 30_000_000, printed: 3_000_000, line: 0 },
    ])
  })

  it('checks only the totals it is given', () => {
    expect(checkBudget(SEED_000_COURSES, { amount: 2_204_000_000 }).mismatches).toEqual([])
  })
})

describe('money the Vietnamese way', () => {
  it.each([
    [2_204_000_000, '2.204.000.000 ₫'],
    [900_000, '900.000 ₫'],
    [0, '0 ₫'],
    [999, '999 ₫'],
    [1000, '1.000 ₫'],
  ])('formatDong(%d) = %s', (amount, text) => {
    expect(formatDong(amount)).toBe(text)
  })

  it.each([
    ['2.204.000.000', 2_204_000_000],
    ['2 204 000 000 ₫', 2_204_000_000],
    ['1,500,000', 1_500_000],
    ['1500000đ', 1_500_000],
    ['900.000 đồng', 900_000],
  ])('parseDong(%s)', (text, amount) => {
    expect(parseDong(text)).toEqual({ ok: true, value: amount })
  })

  it.each(['1.5', '1.500,5', 'abc', '-100', '12.34.567'])('refuses %s as an amount', (text) => {
    expect(parseDong(text)).toEqual({ ok: false, error: { code: 'not-a-whole-amount', input: text } })
  })
})
