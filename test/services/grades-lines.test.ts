/**
 * The rules of ./src/services/grade-lines.ts: how a grade line is split into a name and values,
 * where a comma is a decimal comma and where it separates, and what makes a header.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatScore, parseScore, type Score } from '../../src/rules/index.ts'
import {
  columnRole,
  isHeader,
  planModuleIndex,
  splitLine,
  splitMessage,
} from '../../src/services/grade-lines.ts'

const cells = (text: string) => splitLine(text).cells

describe('splitting a line', () => {
  it.each([
    ['Nguyễn Văn An: 8 9 8,5 9 7 8', 'space', ['Nguyễn Văn An', '8', '9', '8,5', '9', '7', '8']],
    ['Trần Thị Bình | 7 | 6.5 | 8 | 8', 'pipe', ['Trần Thị Bình', '7', '6.5', '8', '8']],
    ['| Trần Thị Bình | 7 | | 8 |', 'pipe', ['Trần Thị Bình', '7', '', '8']],
    ['Lê Văn Cường; 8; 7,5; ; 9', 'semicolon', ['Lê Văn Cường', '8', '7,5', '', '9']],
    ['Phạm Thu\t8\t8,25\t\t9', 'tab', ['Phạm Thu', '8', '8,25', '', '9']],
    ['Hoàng Em, 8, 9, 8,5, -', 'comma', ['Hoàng Em', '8', '9', '8,5', '-']],
    ['Hoàng Em: 8, 9, 8,5', 'comma', ['Hoàng Em', '8', '9', '8,5']],
    ['An, 8, , 9', 'comma', ['An', '8', '', '9']],
    ['Vũ Thị Giang 8 9 7 -', 'space', ['Vũ Thị Giang', '8', '9', '7', '-']],
    ['1. Đặng Văn Hải: 8 9', 'space', ['Đặng Văn Hải', '8', '9']],
    ['- Đặng Văn Hải: 8 9', 'space', ['Đặng Văn Hải', '8', '9']],
    ['2) Đặng Văn Hải | 8 | 9', 'pipe', ['Đặng Văn Hải', '8', '9']],
    ['Đặng Văn Hải: | 8 | 9', 'pipe', ['Đặng Văn Hải', '8', '9']],
  ])('%s', (line, separator, expected) => {
    expect(splitLine(line)).toMatchObject({ separator, cells: expected })
  })

  it('never guesses where a score ends: commas between digits only make one cell', () => {
    expect(cells('An: 8,9,7')).toEqual(['An', '8,9,7'])
    expect(parseScore('8,9,7').ok).toBe(false)
    // a comma with a space is a separator, even between digits
    expect(cells('An: 8, 9,7')).toEqual(['An', '8', '9,7'])
    // in cell forms every comma is a decimal comma
    expect(cells('An | 8,5 | 9,25')).toEqual(['An', '8,5', '9,25'])
  })

  it('keeps line numbers of the message, blank lines left out', () => {
    expect(
      splitMessage('\nAn: 8\n\n  \nBình: 9\r\nChâu: 7').map((l) => [l.line, l.cells[0], l.text]),
    ).toEqual([
      [2, 'An', 'An: 8'],
      [5, 'Bình', 'Bình: 9'],
      [6, 'Châu', 'Châu: 7'],
    ])
  })

  it('reads back any scores written with decimal commas, in every form', () => {
    const score = fc.integer({ min: 0, max: 1000 }).map((n) => formatScore(n as Score, ','))
    const form = fc.constantFrom(
      (name: string, v: string[]) => `${name}: ${v.join(' ')}`,
      (name: string, v: string[]) => `${name}, ${v.join(', ')}`,
      (name: string, v: string[]) => `${name} | ${v.join(' | ')}`,
      (name: string, v: string[]) => `${name}; ${v.join('; ')}`,
      (name: string, v: string[]) => [name, ...v].join('\t'),
      (name: string, v: string[]) => `${name} ${v.join(' ')}`,
    )
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 8 }), form, (values, write) => {
        expect(cells(write('Nguyễn Thị Mai', values))).toEqual(['Nguyễn Thị Mai', ...values])
      }),
    )
  })
})

describe('headers', () => {
  const header = (text: string) => isHeader({ line: 1, sheet: null, text, ...splitLine(text) })

  it.each([
    'Họ tên, ND1, ND2, THPT 17, THPT 19',
    'Họ và tên | ND1 | ND2 | THPT 17',
    'HO VA TEN\tND2\tND1',
    'STT | Họ và tên đệm | Tên | ND1 | ND2',
    'Họ tên ND1 ND2 THPT17 THPT 19',
    'Họ tên: ND1 ND2 THPT 17',
    'Họ và tên; Nội dung 1; Nội dung 2',
    'Họ tên | THPT 17 | THPT 19',
  ])('%s is a header', (text) => {
    expect(header(text)).toBe(true)
  })

  it.each(['Nguyễn Văn An: 8 9 8,5', 'Họ tên | ghi chú', 'An | 8 | ND1', 'Nguyễn Văn An | THPT 17'])(
    '%s is not',
    (text) => {
      expect(header(text)).toBe(false)
    },
  )

  it('joins header words written with spaces into columns', () => {
    expect(splitLine('Họ tên ND1 ND2 THPT17 THPT 19 QLTrH 2').headerCells).toEqual([
      'Họ tên',
      'ND1',
      'ND2',
      'THPT17',
      'THPT 19',
      'QLTrH 2',
    ])
  })

  it('names columns without regard to case, diacritics and spelling of codes', () => {
    expect(columnRole('ND 1')).toEqual({ kind: 'nd1' })
    expect(columnRole('nd2')).toEqual({ kind: 'nd2' })
    expect(columnRole('Nội dung bồi dưỡng 2')).toEqual({ kind: 'nd2' })
    expect(columnRole('thpt-017')).toEqual({ kind: 'module', codeKey: 'THPT 17' })
    expect(columnRole('Mô đun THPT 19')).toEqual({ kind: 'module', codeKey: 'THPT 19' })
    expect(columnRole('THPT 20 (15 tiết)')).toEqual({ kind: 'module', codeKey: 'THPT 20' })
    expect(columnRole('HỌ VÀ TÊN')).toEqual({ kind: 'name' })
    expect(columnRole('Họ và tên đệm')).toEqual({ kind: 'surname' })
    expect(columnRole('Mã')).toEqual({ kind: 'id' })
    for (const ignored of ['STT', 'Tổ', 'ĐTB', 'Xếp loại', 'Ghi chú'])
      expect(columnRole(ignored)).toEqual({ kind: 'ignored' })
    expect(columnRole('Điểm thưởng')).toEqual({ kind: 'unknown' })
  })

  it('reads a bare module number ("Mô đun 19", "MĐ 19") as the plan module with that number', () => {
    for (const cell of ['Mô đun 19', 'modun 19', 'MĐ 19', 'Module 019', 'Mô đun 19 (15 tiết)'])
      expect(columnRole(cell), cell).toEqual({ kind: 'module', codeKey: '# 19' })
    const plan = [
      { code: 'THPT 17', codeKey: 'THPT 17' },
      { code: 'THPT 19', codeKey: 'THPT 19' },
      { code: 'QLTrH 19', codeKey: 'QLTRH 19' },
    ]
    expect(planModuleIndex('# 17', plan)).toBe(0)
    expect(planModuleIndex('THPT 19', plan)).toBe(1)
    // two of the plan's modules are numbered 19: neither is guessed
    expect(planModuleIndex('# 19', plan)).toBe(-1)
    expect(planModuleIndex('# 2', plan)).toBe(-1)
  })
})
