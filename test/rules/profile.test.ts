import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROFILES, profileById, SOURCES, TT26_2012 } from '../../src/rules/index.ts'

describe('TT26_2012: the thresholds of seed 004 §V, each with its source', () => {
  it('classes, best first: Giỏi 9 / 7, Khá 7 / 6, Trung bình 5 / 5 (TT 26/2012 Điều 13)', () => {
    expect(TT26_2012.teacher.classes).toEqual([
      { grade: 'Gioi', minimumAverage: 90, minimumComponent: 700, source: SOURCES.tt26Classes },
      { grade: 'Kha', minimumAverage: 70, minimumComponent: 600, source: SOURCES.tt26Classes },
      { grade: 'TrungBinh', minimumAverage: 50, minimumComponent: 500, source: SOURCES.tt26Classes },
    ])
    expect(TT26_2012.teacher.completion).toEqual({ minimumComponent: 500, source: SOURCES.tt26Classes })
  })
  it('managers pass at ĐTB 5 and every component 5 (TT 27/2015 Điều 7 khoản 2)', () => {
    expect(TT26_2012.manager).toEqual({
      minimumAverage: 50,
      minimumComponent: 500,
      source: SOURCES.tt27Managers,
    })
  })
  it('120 tiết: ND1 30, ND2 30, ND3 60; scale 0–10', () => {
    const { nd1, nd2, nd3, total } = TT26_2012.hours
    expect([nd1.hours, nd2.hours, nd3.hours, total.hours]).toEqual([30, 30, 60, 120])
    expect(nd1.hours + nd2.hours + nd3.hours).toBe(total.hours)
    expect([TT26_2012.scale.min, TT26_2012.scale.max]).toEqual([0, 1000])
  })
  it('classes get stricter going up', () => {
    const classes = TT26_2012.teacher.classes
    for (let i = 1; i < classes.length; i++) {
      expect(classes[i - 1]!.minimumAverage).toBeGreaterThan(classes[i]!.minimumAverage)
      expect(classes[i - 1]!.minimumComponent).toBeGreaterThanOrEqual(classes[i]!.minimumComponent)
    }
  })
  it('is registered by id', () => {
    expect(PROFILES['tt26-2012']).toBe(TT26_2012)
    expect(profileById('tt26-2012')).toBe(TT26_2012)
    expect(profileById('tt19-2019')?.documents[0]).toBe('TT 19/2019/TT-BGDĐT')
    expect(profileById('tt27-2015')).toBeUndefined()
    expect(profileById('toString')).toBeUndefined()
  })
})

describe('src/rules stays pure', () => {
  const dir = join(import.meta.dirname, '../../src/rules')
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))
  it.each(files)('%s imports only its siblings', (file) => {
    const text = readFileSync(join(dir, file), 'utf8')
    const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
      (m) => m[1],
    )
    for (const s of specifiers) expect(s).toMatch(/^\.\/[\w-]+\.ts$/)
    expect(text).not.toMatch(/\bimport\(|\brequire\(|\bprocess\.|\bDate\b|Math\.random/)
  })
})
