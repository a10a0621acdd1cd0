/**
 * Every line error of a grades preview, each with its line, column, component, input and the
 * parameters a message needs; lines with nothing to do are skipped, not errors.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { GradeLineError } from '../../src/services/grade-line-errors.ts'
import { type GradesWorld, gradesWorld } from './grades-fixtures.ts'
import { must, refused } from './support.ts'

let g: GradesWorld
/** a teacher of Tổ Văn with the same name as team[3] of Tổ Toán */
let namesake: number
let clerk: number

beforeAll(async () => {
  g = await gradesWorld(6, {})
  const { w, s, team } = g
  const csv = [
    'Họ và tên,Vai trò,Tổ,Cấp học',
    `${team[3]!.fullName},giáo viên,Tổ Văn,THPT`,
    'Ngô Thị Kế,kế toán,,',
  ]
  const preview = must(
    await w.services.imports.previewStaff(s.admin, {
      schoolId: s.school.id,
      fileName: 'more.csv',
      data: new TextEncoder().encode(csv.join('\n')),
    }),
  )
  must(await w.services.imports.commitStaff(s.admin, { schoolId: s.school.id, preview }))
  const people = must(await w.services.people.list(s.admin, { schoolId: s.school.id }))
  namesake = people.find((p) => p.fullName === team[3]!.fullName && p.departmentId === s.van.id)!.id
  clerk = people.find((p) => p.fullName === 'Ngô Thị Kế')!.id
})

const at = (line: number, column: number | null, input: string) => ({
  line,
  sheet: null,
  column,
  component: null,
  input,
})

describe('a head’s preview', () => {
  it('reports headers, names, plans and cells, each once', async () => {
    const { w, s, team } = g
    const [t0, t1, t2, t3] = team as [(typeof team)[0], (typeof team)[0], (typeof team)[0], (typeof team)[0]]
    const text = [
      /* 1 */ 'Họ tên | ND1 | ND2 | THPT 17 | THPT 99 | Ghi chú | Điểm thưởng | ND1',
      /* 2 */ `${t2.fullName} | 8 | 9 | 7`,
      /* 3 */ `${t0.fullName} | 8 | 9 | 7 | | tốt | | | 5`,
      /* 4 */ 'Head Toán | 8 | 9 | 7',
      /* 5 */ 'Teacher Toán | 8 | 9 |',
      /* 6 */ 'ND1 | ND2 | THPT 17',
      /* 7 */ `${t1.fullName} | 8 | 9 | 9`,
      /* 8 */ 'Họ và tên, ND1, ND2',
      /* 9 */ `${t1.fullName}, 8,255, abc`,
      /* 10 */ `${t1.fullName}, 9, 9`,
      /* 11 */ `${t3.fullName}, 7, 7`,
      /* 12 */ ', 8, 9',
      /* 13 */ 'Trần Văn Lan, 8, 8',
      /* 14 */ `${team[5]!.fullName}, -, `,
    ].join('\n')
    const preview = must(await w.services.grades.parseBatch(s.headToan, { text }))
    const moduleCodes = ['THPT 17', 'THPT 19', 'THPT 20', 'THPT 22', 'THPT 31', 'THPT 34']
    const expected: GradeLineError[] = [
      { ...at(1, 5, 'THPT 99'), code: 'unknown-column', moduleCodes },
      { ...at(1, 7, 'Điểm thưởng'), code: 'unknown-column', moduleCodes },
      { ...at(1, 8, 'ND1'), component: { kind: 'nd1' }, code: 'duplicate-column', firstColumn: 2 },
      {
        ...at(2, 4, '7'),
        component: { kind: 'module', code: 'THPT 17', moduleId: null },
        code: 'module-not-in-plan',
        personId: t2.personId,
        planModules: [...t2.modules],
      },
      {
        ...at(3, null, `${t0.fullName} | 8 | 9 | 7 | | tốt | | | 5`),
        code: 'too-many-scores',
        expected: 3,
        got: 4,
        columns: ['ND1', 'ND2', 'THPT 17'],
      },
      { ...at(4, 1, 'Head Toán'), code: 'own-scores', personId: s.headToan.personId },
      {
        ...at(5, null, 'Teacher Toán'),
        code: 'no-approved-plan',
        personId: s.teacherToan.personId,
        planStatus: null,
      },
      { ...at(6, null, 'ND1 | ND2 | THPT 17'), code: 'name-column-missing' },
      {
        ...at(9, 2, '8,255'),
        component: { kind: 'nd1' },
        code: 'bad-score',
        error: { code: 'too-many-decimals', input: '8,255', min: 0, max: 10, maxDecimals: 2 },
      },
      {
        ...at(9, 3, 'abc'),
        component: { kind: 'nd2' },
        code: 'bad-score',
        error: { code: 'not-a-number', input: 'abc', min: 0, max: 10, maxDecimals: 2 },
      },
      {
        ...at(10, 1, t1.fullName),
        code: 'duplicate-teacher',
        personId: t1.personId,
        firstLine: 9,
        firstSheet: null,
      },
      { ...at(12, 1, ', 8, 9'), code: 'missing-name' },
      {
        ...at(13, 1, 'Trần Văn Lan'),
        code: 'unknown-name',
        suggestions: [
          { personId: t1.personId, fullName: t1.fullName, role: 'teacher', departmentName: 'Tổ Toán' },
        ],
      },
    ]
    expect(t1.fullName).toBe('Trần Thị Lan')
    expect(preview.errors).toEqual(expected)
    // the namesake in Tổ Văn is not the head's: their own teacher is meant
    expect(preview.lines.map((l) => [l.line, l.person.id])).toEqual([[11, t3.personId]])
    expect(preview.skipped).toEqual([{ line: 14, sheet: null, name: team[5]!.fullName }])
    expect(preview.headers.map((h) => h.line)).toEqual([1, 6, 8])
    expect(preview.headers[0]!.columns.map((c) => c.role)).toEqual([
      'name',
      'nd1',
      'nd2',
      'module',
      'unknown',
      'ignored',
      'unknown',
      'nd1',
    ])
    // line 7, under the header without a name column, is not read at all
    expect(preview.unread).toEqual([{ line: 7, sheet: null, header: 6 }])
    expect(preview.counts).toMatchObject({ lines: 9, ok: 1, errors: 13, linesWithErrors: 10 })
  })

  it('counts values without a header against ND1, ND2 and the plan', async () => {
    const { w, s, team } = g
    const t4 = team[4]!
    const text = [
      '8 9 7 8 9 9',
      `${t4.fullName}: 8 9 7 8 9 9 9`,
      `${team[5]!.fullName}: - - - - - -`,
      'Nguyễn Không Ai',
    ].join('\n')
    const preview = must(await w.services.grades.parseBatch(s.headToan, { text }))
    expect(preview.errors).toEqual([
      { ...at(1, 1, '8 9 7 8 9 9'), code: 'missing-name' },
      {
        ...at(2, null, `${t4.fullName}: 8 9 7 8 9 9 9`),
        code: 'too-many-scores',
        expected: 6,
        got: 7,
        columns: ['ND1', 'ND2', ...t4.modules],
      },
    ])
    expect(preview.skipped.map((x) => x.line)).toEqual([3, 4])
    expect(refused(await w.services.grades.parseBatch(s.headToan, { text: '  \n \n' }))).toEqual({
      code: 'empty-batch',
    })
  })
})

describe('an admin’s preview', () => {
  it('finds two people of one name in the school ambiguous, never a guess', async () => {
    const { w, s, team } = g
    const t3 = team[3]!
    const text = `${t3.fullName}: 8 8 8 8 8 8\nNgô Thị Kế: 8 8`
    const preview = must(await w.services.grades.parseBatch(s.admin, { text }))
    expect(preview.errors).toEqual([
      {
        ...at(1, 1, t3.fullName),
        code: 'ambiguous-name',
        candidates: [
          { personId: t3.personId, fullName: t3.fullName, role: 'teacher', departmentName: 'Tổ Toán' },
          { personId: namesake, fullName: t3.fullName, role: 'teacher', departmentName: 'Tổ Văn' },
        ],
      },
      { ...at(2, 1, 'Ngô Thị Kế'), code: 'not-gradable', personId: clerk, role: 'staff' },
    ])
    // narrowed to one department, the name is unique
    const toan = must(await w.services.grades.parseBatch(s.admin, { text, departmentId: s.toan.id }))
    expect(toan.lines.map((l) => l.person.id)).toEqual([t3.personId])
  })

  it('settles a name by the Mã column, and checks the two agree', async () => {
    const { w, s, team } = g
    const [t0, t1, t3] = [team[0]!, team[1]!, team[3]!]
    const text = [
      'Họ và tên | ND1 | Mã',
      `${t3.fullName} | 8 | ${t3.personId}`,
      `${t0.fullName} | 8 | 99999`,
      `${t0.fullName} | 8 | ${t1.personId}`,
    ].join('\n')
    const preview = must(await w.services.grades.parseBatch(s.admin, { text }))
    expect(preview.errors).toEqual([
      { ...at(3, 1, t0.fullName), code: 'unknown-id' },
      { ...at(4, 1, t0.fullName), code: 'name-id-mismatch', personId: t1.personId, fullName: t1.fullName },
    ])
    expect(preview.lines.map((l) => [l.person.id, l.changes.map((c) => [c.key, c.new])])).toEqual([
      [t3.personId, [['nd1', 800]]],
    ])
  })
})
