/**
 * Grades by spreadsheet: the .xlsx template the service makes, filled in by exceljs as a head
 * would in Excel, read back into the same preview as a message, and saved; a .csv with `;` and
 * decimal commas reads the same as the message it mirrors.
 */
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { classifyTeacher, type Score } from '../../src/rules/index.ts'
import { type GradesWorld, gradesWorld } from './grades-fixtures.ts'
import { csv } from './sheets.ts'
import { must, refused } from './support.ts'

let g: GradesWorld

beforeAll(async () => {
  g = await gradesWorld(12, { 0: 'vi' })
})

/** A score for teacher i and component j, in hundredths: 5.0 … 9.75, never the same twice in a row. */
const score = (i: number, j: number) => 500 + ((i * 37 + j * 53) % 19) * 25

describe('the .xlsx template', () => {
  it('lists the department with each plan’s modules, filled in Excel, read back and saved', async () => {
    const { w, s, team } = g
    const template = must(await w.services.grades.gradeTemplate(s.headToan))
    expect(template.fileName).toBe('diem-bdtx-2025-2026-to-toan.xlsx')
    expect(template.sheets).toEqual([
      {
        name: 'Giáo viên',
        judgedAs: 'teacher',
        people: 12,
        moduleCodes: ['THPT 17', 'THPT 19', 'THPT 20', 'THPT 22', 'THPT 31', 'THPT 34'],
      },
    ])
    // the support's teacher has no plan; the head does not grade themselves
    expect(template.leftOut).toEqual([
      { personId: s.teacherToan.personId, fullName: 'Teacher Toán', planStatus: null },
    ])

    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.data as never)
    const sheet = book.getWorksheet('Giáo viên')!
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual([
      'Họ và tên',
      'ND1',
      'ND2',
      'THPT 17',
      'THPT 19',
      'THPT 20',
      'THPT 22',
      'THPT 31',
      'THPT 34',
      'Mã',
    ])
    const codes = header.slice(3, 9) as string[]
    // the head fills every white cell, as Excel stores numbers; grey cells stay empty
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return
      const id = Number(row.getCell(10).value)
      const i = team.findIndex((m) => m.personId === id)
      const m = team[i]!
      expect(row.getCell(1).value).toBe(m.fullName)
      row.getCell(2).value = score(i, 0) / 100
      row.getCell(3).value = score(i, 1) / 100
      codes.forEach((code, c) => {
        const cell = row.getCell(4 + c)
        const at = m.modules.indexOf(code)
        if (at < 0) {
          expect(cell.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFD9D9D9' } })
          expect(cell.value).toBeNull()
        } else {
          expect(cell.dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 10] })
          cell.value = score(i, 2 + at) / 100
        }
      })
    })
    const filled = new Uint8Array(await book.xlsx.writeBuffer())

    const preview = must(
      await w.services.grades.parseGradeFile(s.headToan, { fileName: 'diem.xlsx', data: filled }),
    )
    expect(preview.errors).toEqual([])
    expect(preview.format).toBe('xlsx')
    expect(preview.lines).toHaveLength(12)
    for (const line of preview.lines) {
      const i = team.findIndex((m) => m.personId === line.person.id)
      const values = [0, 1, 2, 3, 4, 5].map((j) => score(i, j))
      expect(line.sheet).toBe('Giáo viên')
      expect(line.components.map((c) => c.next)).toEqual(values)
      expect(line.after).toEqual(
        classifyTeacher({
          nd1: values[0] as Score,
          nd2: values[1] as Score,
          modules: values.slice(2) as Score[],
          moduleCodes: [...team[i]!.modules],
        }),
      )
    }
    const saved = must(await w.services.grades.commitBatch(s.headToan, { preview }))
    expect(saved.changes).toBe(72)
    expect(saved.notify.map((n) => n.personId)).toEqual([team[0]!.personId])

    // a new template carries the stored scores; sent back untouched, it changes nothing
    const again = must(await w.services.grades.gradeTemplate(s.headToan))
    const unchanged = must(
      await w.services.grades.parseGradeFile(s.headToan, { fileName: 'diem.xlsx', data: again.data }),
    )
    expect(unchanged.errors).toEqual([])
    expect(unchanged.counts).toMatchObject({ ok: 12, changed: 0, unchanged: 12, changes: 0 })
    expect(refused(await w.services.grades.commitBatch(s.headToan, { preview: unchanged }))).toEqual({
      code: 'nothing-to-save',
    })
    must(await w.services.gradeUndo.undoBatch(s.headToan, { batchId: saved.batchId }))
  })

  it('gives an admin the school: a Tổ column, and the managers on their own sheet', async () => {
    const { w, s, manager } = g
    const template = must(await w.services.grades.gradeTemplate(s.admin))
    expect(template.sheets.map((x) => [x.name, x.judgedAs, x.people])).toEqual([
      ['Giáo viên', 'teacher', 12],
      ['CBQL', 'manager', 1],
    ])
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.data as never)
    const cbql = book.getWorksheet('CBQL')!
    expect((cbql.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Họ và tên',
      'ND1',
      'ND2',
      'QLTrH 2',
      'QLTrH 6',
      'QLTrH 12',
      'QLTrH 14',
      'Tổ',
      'Mã',
    ])
    const row = cbql.getRow(2)
    expect(row.getCell(1).value).toBe(manager.fullName)
    ;[8, 7.5, 6, 5, 9, 6.5].forEach((v, c) => {
      row.getCell(2 + c).value = v
    })
    const preview = must(
      await w.services.grades.parseGradeFile(s.admin, {
        fileName: 'truong.xlsx',
        data: new Uint8Array(await book.xlsx.writeBuffer()),
      }),
    )
    expect(preview.errors).toEqual([])
    expect(preview.lines.map((l) => [l.person.id, l.judgedAs, l.sheet])).toEqual([
      [manager.personId, 'manager', 'CBQL'],
    ])
    expect(preview.lines[0]!.after).toMatchObject({ kind: 'final', verdict: 'Dat', average: 74 })
  })
})

describe('a .csv', () => {
  it('reads like the message it mirrors: `;` between cells, decimal commas, a header', async () => {
    const { w, s, team } = g
    const [a, b] = [team[0]!, team[1]!]
    const text = [
      'Họ và tên; ND1; ND2; THPT 17; THPT 19; THPT 20; THPT 22; THPT 31; THPT 34',
      `${a.fullName}; 8,5; 9; 7,25; 8; 9; 10; ; `,
      `${b.fullName}; 7; -; 8; 8,5; ; ; 6,5; 9`,
    ]
    const fromText = must(await w.services.grades.parseBatch(s.headToan, { text: text.join('\n') }))
    const fromFile = must(
      await w.services.grades.parseGradeFile(s.headToan, { fileName: 'diem.csv', data: csv(text) }),
    )
    expect(fromText.errors).toEqual([])
    expect(fromFile.errors).toEqual([])
    const shape = (p: typeof fromText) => p.lines.map((l) => [l.line, l.person.id, l.changes, l.after])
    expect(shape(fromFile)).toEqual(shape(fromText))
    expect(fromFile.lines[1]!.components.find((c) => c.kind === 'nd2')!.read).toBeNull()
  })

  it('reports a bad file as the import does', async () => {
    const { w, s } = g
    expect(
      refused(
        await w.services.grades.parseGradeFile(s.headToan, {
          fileName: 'diem.pdf',
          data: new Uint8Array([1, 2, 3]),
        }),
      ),
    ).toEqual({ code: 'file-unsupported', fileName: 'diem.pdf', expected: ['xlsx', 'csv'] })
    expect(
      refused(
        await w.services.grades.parseGradeFile(s.headToan, {
          fileName: 'diem.xlsx',
          data: new TextEncoder().encode('not a zip'),
        }),
      ),
    ).toEqual({ code: 'file-unreadable', format: 'xlsx' })
  })
})
