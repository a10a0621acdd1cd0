import { describe, expect, it } from 'vitest'
import { requiredManagerScores, requiredScores, SOURCES } from '../../src/rules/index.ts'
import { set } from './support.ts'

const ART13 = SOURCES.tt26Classes
const need = (score: number) => ({ kind: 'need', score, tenths: score / 10 })

describe("requiredScores: the issue's examples", () => {
  it('ND1 8, ND2 9, modules 8, 9, ?, ? → Giỏi out of reach, Khá 6.0, Trung bình 5.0', () => {
    const bestAverageBelow = {
      code: 'best-average-below',
      bestAverage: 88,
      threshold: 90,
      shortBy: 2,
      blocks: 'Gioi',
      source: ART13,
    }
    expect(requiredScores(set('8', '9', ['8', '9', '?', '?']))).toEqual({
      Gioi: { kind: 'out-of-reach', reason: bestAverageBelow, reasons: [bestAverageBelow] },
      Kha: need(600),
      TrungBinh: need(500),
      unknown: [
        { kind: 'module', index: 2 },
        { kind: 'module', index: 3 },
      ],
    })
  })

  it('ND1 9, ND2 9, one module ? → Giỏi 8.9, Khá 6.0, Trung bình 5.0', () => {
    expect(requiredScores(set('9', '9', ['?']))).toEqual({
      Gioi: need(890),
      Kha: need(600),
      TrungBinh: need(500),
      unknown: [{ kind: 'module', index: 0 }],
    })
  })
})

describe('requiredScores: other cases', () => {
  it('nothing known: Giỏi 9.0, Khá 7.0, Trung bình 5.0', () => {
    expect(requiredScores(set(null, null, [null, null]))).toMatchObject({
      Gioi: need(900),
      Kha: need(700),
      TrungBinh: need(500),
    })
  })

  it('the average can bind above the component minimum: 7, 7, [7, ?] needs 6.7 for Khá', () => {
    expect(requiredScores(set('7', '7', ['7', '?']))).toMatchObject({
      Gioi: { kind: 'out-of-reach', reason: { code: 'best-average-below', bestAverage: 75 } },
      Kha: need(670),
      TrungBinh: need(500),
    })
  })

  it('a missing ND1 is solved for like a module: ?, 9, [9, 9] needs 8.9 for Giỏi', () => {
    expect(requiredScores(set(null, '9', ['9', '9']))).toMatchObject({
      Gioi: need(890),
      unknown: [{ kind: 'nd1' }],
    })
  })

  it('a known component under 7 puts Giỏi out of reach, with that component as the reason', () => {
    const reason = {
      code: 'component-below-minimum',
      component: { kind: 'module', index: 0 },
      score: 650,
      minimum: 700,
      shortBy: 50,
      blocks: 'Gioi',
      source: ART13,
    }
    // the best case 10, 10, [6.5, 10] averages 9.4: only the component stands in the way
    expect(requiredScores(set('10', '10', ['6.5', '?']))).toMatchObject({
      Gioi: { kind: 'out-of-reach', reason, reasons: [reason] },
      Kha: need(600),
    })
  })

  it('a known component under 5 puts every class out of reach', () => {
    const result = requiredScores(set('4.5', '?', ['?']))
    for (const grade of ['Gioi', 'Kha', 'TrungBinh'] as const) {
      expect(result[grade]).toMatchObject({
        kind: 'out-of-reach',
        reason: { code: 'component-below-minimum', component: { kind: 'nd1' }, blocks: grade },
      })
    }
  })

  it('with nothing unknown, says certain or out of reach', () => {
    expect(requiredScores(set('9', '9', ['9']))).toEqual({
      Gioi: { kind: 'certain' },
      Kha: { kind: 'certain' },
      TrungBinh: { kind: 'certain' },
      unknown: [],
    })
    const result = requiredScores(set('9.5', '9.5', ['9.5', '6.5']))
    expect(result.Gioi).toMatchObject({
      kind: 'out-of-reach',
      reason: { code: 'component-below-minimum', component: { kind: 'module', index: 1 } },
    })
    expect(result.Kha).toEqual({ kind: 'certain' })
    const below = requiredScores(set('9', '9', ['8.84']))
    expect(below.Gioi).toMatchObject({
      kind: 'out-of-reach',
      reason: { code: 'average-below', average: 89, threshold: 90, shortBy: 1 },
    })
  })

  it('a plan with no module cannot reach any class', () => {
    const reason = (blocks: string) => ({ code: 'no-modules', blocks, source: ART13 })
    expect(requiredScores(set('10', '?', []))).toEqual({
      Gioi: { kind: 'out-of-reach', reason: reason('Gioi'), reasons: [reason('Gioi')] },
      Kha: { kind: 'out-of-reach', reason: reason('Kha'), reasons: [reason('Kha')] },
      TrungBinh: { kind: 'out-of-reach', reason: reason('TrungBinh'), reasons: [reason('TrungBinh')] },
      unknown: [{ kind: 'nd2' }],
    })
  })
})

describe('requiredManagerScores', () => {
  it('needs 5.0 everywhere still missing when the rest passes', () => {
    expect(requiredManagerScores(set('8', '?', ['7', '?']))).toEqual({
      Dat: need(500),
      unknown: [{ kind: 'nd2' }, { kind: 'module', index: 1 }],
    })
  })
  it('is out of reach with a known component under 5, and certain when all is known and passes', () => {
    expect(requiredManagerScores(set('4', '?', ['7']))).toMatchObject({
      Dat: { kind: 'out-of-reach', reason: { code: 'component-below-minimum', component: { kind: 'nd1' } } },
    })
    expect(requiredManagerScores(set('5', '5', ['5']))).toEqual({ Dat: { kind: 'certain' }, unknown: [] })
  })
})
