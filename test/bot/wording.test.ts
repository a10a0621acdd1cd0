/**
 * What a school reads when something is refused or wrong: people's words, never a variable name
 * ("(fullName)"), an error code ("mã lỗi: no-recipients") or an empty "(gần giống: —)"; a grade
 * error names its column (ND2, THPT 17) rather than "ô 3".
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lineErrorText } from '../../src/bot/features/grades.ts'
import { createI18n, localesDir } from '../../src/bot/i18n.ts'
import { decimal, percent, typedNumber } from '../../src/bot/present.ts'
import { serviceErrorText } from '../../src/bot/service-errors.ts'
import type { GradeLineError } from '../../src/services/grade-line-errors.ts'

const i18n = createI18n()
const tIn = (language: string) =>
  ((key: string, args?: Record<string, string | number>) => i18n.t(language, key, args)) as never
const t = tIn('vi')

describe('service refusals', () => {
  it('name the field in words, not the variable', () => {
    const text = serviceErrorText(t, {
      code: 'invalid-input',
      issues: [{ path: 'fullName', code: 'too_small', minimum: 2 }],
    })
    expect(text).toContain('họ tên')
    expect(text).not.toContain('fullName')
    // a field with no name in people's words is left out, not shown raw
    const other = serviceErrorText(t, {
      code: 'invalid-input',
      issues: [{ path: 'schoolYearId', code: 'x' }],
    })
    expect(other).toBe('Thông tin chưa hợp lệ; chưa thay đổi gì.')
  })

  it('never show an error code, even an unknown one', () => {
    const text = serviceErrorText(t, { code: 'something-new' })
    expect(text).not.toContain('something-new')
    expect(text).not.toContain('mã lỗi')
    expect(serviceErrorText(t, { code: 'no-recipients', withoutTelegram: 3 })).toContain(
      '3 người chưa mở link mời',
    )
  })

  it('have a sentence in both languages for every code a service returns', () => {
    const codes = new Set<string>()
    for (const dir of ['src/services', 'src/store']) {
      for (const file of readdirSync(dir)) {
        // the lines' own errors (grades, a course table) are written by their features, a key each
        if (file === 'grade-line-errors.ts' || file === 'course-table.ts') continue
        const source = readFileSync(join(dir, file), 'utf8')
        for (const m of source.matchAll(/(?:fail\(\{ code: |readonly code: )'([a-z-]+)'/g)) codes.add(m[1]!)
      }
    }
    expect(codes.size).toBeGreaterThan(30)
    for (const language of ['vi', 'en']) {
      const keys = readFileSync(join(localesDir, `${language}.ftl`), 'utf8')
      const missing = [...codes].filter((c) => !new RegExp(`^error-${c} =`, 'm').test(keys))
      expect(missing, `${language}.ftl`).toEqual([])
    }
  })

  it('write dates the Vietnamese way', () => {
    const text = serviceErrorText(t, {
      code: 'deadline-order',
      planDeadline: '2025-09-20',
      approvalDeadline: '2025-09-14',
    })
    expect(text).toContain('(14/09/2025)')
    expect(text).toContain('(20/09/2025)')
  })
})

describe('grade line errors', () => {
  const base = { line: 3, sheet: null, input: '11' }
  it('name the column: ND2, a module code, the name column', () => {
    const nd2 = {
      ...base,
      column: 3,
      component: { kind: 'nd2' },
      code: 'bad-score',
      error: { code: 'out-of-range', input: '11' },
    } as unknown as GradeLineError
    expect(lineErrorText(t, nd2)).toMatch(/^Dòng 3, cột ND2: /)
    const module = { ...nd2, column: 5, component: { kind: 'module', code: 'THPT 17', moduleId: 1 } }
    expect(lineErrorText(t, module as GradeLineError)).toMatch(/^Dòng 3, cột THPT 17: /)
    const name = {
      ...base,
      column: 1,
      component: null,
      input: 'Ai Đó',
      code: 'unknown-name',
      suggestions: [],
    } as unknown as GradeLineError
    expect(lineErrorText(t, name)).toBe('Dòng 3, cột họ tên: không tìm thấy «Ai Đó» trong danh sách.')
    const similar = { ...name, suggestions: [{ fullName: 'Ai Đây' }] } as unknown as GradeLineError
    expect(lineErrorText(t, similar)).toContain('(gần giống: Ai Đây)')
    expect(lineErrorText(tIn('en'), name)).toBe('Line 3, column name: "Ai Đó" is not on the list.')
  })
})

describe('numbers', () => {
  it('take the decimal comma in Vietnamese and keep the point in English, from one formatter', () => {
    expect(decimal(t, 6.5)).toBe('6,5')
    expect(decimal(tIn('en'), 6.5)).toBe('6.5')
    expect(percent(t, 30 as never)).toBe('0,3 %')
    expect(percent(tIn('en'), 30 as never)).toBe('0.3 %')
    expect(typedNumber(t, '9.5')).toBe('9,5')
    expect(typedNumber(tIn('en'), '9,5')).toBe('9.5')
    expect(typedNumber(t, 'abc')).toBe('abc')
  })
})
