/**
 * Reading grade lines the way people write them in Zalo or paste them from Excel, before any
 * name or plan is looked up: each line becomes a name cell and value cells, and a header line
 * names the columns of the lines below it. Pure functions, no database.
 *
 * How a line is split (the first rule that applies):
 *
 *   1. a tab anywhere            → cells between tabs            (pasted from Excel)
 *   2. a `|` anywhere            → cells between `|`             `Trần Thị Bình | 7 | 6.5 | 8 | 8`
 *   3. a `;` anywhere            → cells between `;`             `Lê Văn Cường; 8; 7,5; 9; 9`
 *      In these three forms a comma inside a cell is a decimal comma (`6,5` = 6.5) and an empty
 *      cell is kept in its place. A leading and a trailing `|` (`| An | 8 | 9 |`) are borders.
 *   4. otherwise, free text: the name is what comes before the first `:`, or, without a colon,
 *      the leading words that hold no digit (`Nguyễn Văn An 8 9 8,5`). The values after it are
 *      split by commas when the line has a *separator comma* — a comma that does not stand
 *      between two digits (`8, 9, 8,5` → 8 | 9 | 8,5; `An, 8, , 9` keeps the empty cell) — and
 *      by spaces otherwise (`8 9 8,5 9 7 8`: `8,5` is one score).
 *      So `8,5` is always one score in free text; `8,9,7` (commas between digits only) is one
 *      cell that is not a score — an error, never a guess at where one score ends.
 *
 * A list number or bullet before the name (`1. `, `2) `, `- `, `• `) and a `:` after a name cell
 * are dropped. An empty cell, `-`, `–` or `—` leaves that score unchanged.
 *
 * A header line names its columns (`Họ tên, ND1, ND2, THPT 17, THPT 19`, `STT | Họ và tên | ND2 |
 * ND1`, or with spaces `Họ tên ND1 ND2 THPT17 THPT 19`): it has an ND1 or ND2 column, or a name
 * column and a module column, and no cell that reads as a score. Module columns are matched by
 * `normalizeModuleCode`; `STT`, `Tổ`, `ĐTB`, `Xếp loại`, `Ghi chú` … are read and ignored; `Mã`
 * is the person's id (the template writes it) and settles same-name cases.
 */
import {
  moduleNumber,
  moduleNumberAlias,
  normalizeModuleCode,
  parseScore,
  type ScoreError,
} from '../rules/index.ts'
import { fold } from '../store/text.ts'

export type Separator = 'tab' | 'pipe' | 'semicolon' | 'comma' | 'space' | 'cells'

/** One line of a message, or one row of a sheet, split into cells (cell 0 is usually the name). */
export interface RawLine {
  /** 1-based line number in the message, or row number in the sheet */
  line: number
  /** the worksheet name for a file (null for a message or a .csv) */
  sheet: string | null
  /** the line as written (a sheet row: its cells joined by ' | ') */
  text: string
  separator: Separator
  cells: string[]
  /** the same line split as a header (differs from `cells` only in the space form) */
  headerCells: string[]
}

export type ColumnRole =
  | { kind: 'name' }
  /** "Họ và tên đệm" beside a "Tên" column: the two make the name */
  | { kind: 'surname' }
  | { kind: 'id' }
  | { kind: 'ignored' }
  | { kind: 'nd1' }
  | { kind: 'nd2' }
  | { kind: 'module'; codeKey: string }
  | { kind: 'unknown' }

const PLACEHOLDER = /^[-–—]$/

export const isPlaceholder = (cell: string): boolean => cell === '' || PLACEHOLDER.test(cell)

/** A comma that is not between two digits separates values; `8,5` is a decimal comma. */
const SEPARATOR_COMMA = /(?<!\d),|,(?!\d)/
const LIST_MARK = /^\s*(?:[-•*+·]|\d{1,4}[.)])\s+(?=\p{L})/u

/** Splits a message into lines and each line into cells. Blank lines are left out. */
export function splitMessage(text: string): RawLine[] {
  const out: RawLine[] = []
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return
      out.push({ line: i + 1, sheet: null, text: raw.trim(), ...splitLine(raw) })
    })
  return out
}

/** A row of a spreadsheet: the cells are given; trailing empty cells are dropped. */
export function sheetLine(line: number, sheet: string | null, cells: readonly string[]): RawLine {
  const trimmed = cells.map((c) => c.trim())
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop()
  return { line, sheet, text: trimmed.join(' | '), separator: 'cells', cells: trimmed, headerCells: trimmed }
}

export function splitLine(raw: string): Omit<RawLine, 'line' | 'sheet' | 'text'> {
  const text = raw.replace(/\u00a0/g, ' ')
  const cellSeparator = text.includes('\t')
    ? ({ kind: 'tab', char: '\t' } as const)
    : text.includes('|')
      ? ({ kind: 'pipe', char: '|' } as const)
      : text.includes(';')
        ? ({ kind: 'semicolon', char: ';' } as const)
        : undefined
  if (cellSeparator) {
    let cells = text.split(cellSeparator.char).map((c) => c.trim())
    if (cellSeparator.kind === 'pipe') {
      if (cells.length > 1 && cells[0] === '' && text.trimStart().startsWith('|')) cells = cells.slice(1)
      if (cells.length > 1 && cells[cells.length - 1] === '' && text.trimEnd().endsWith('|'))
        cells = cells.slice(0, -1)
    }
    if (cells.length > 0) cells[0] = nameCell(cells[0]!)
    return { separator: cellSeparator.kind, cells, headerCells: cells }
  }
  return splitFree(text.replace(LIST_MARK, '').trim())
}

/** The free-text forms: `Name: values`, `Name, v, v`, `Name v v`. */
function splitFree(text: string): Omit<RawLine, 'line' | 'sheet' | 'text'> {
  const colon = text.indexOf(':')
  if (colon >= 0) {
    const name = text.slice(0, colon).trim()
    const rest = text.slice(colon + 1).trim()
    if (SEPARATOR_COMMA.test(rest)) {
      const values = rest.split(SEPARATOR_COMMA).map((c) => c.trim())
      return { separator: 'comma', cells: [name, ...values], headerCells: [name, ...values] }
    }
    const values = words(rest)
    const cells = [name, ...values]
    return {
      separator: 'space',
      cells,
      headerCells: mayBeHeader(text) ? [name, ...groupHeaderWords(values)] : cells,
    }
  }
  if (SEPARATOR_COMMA.test(text)) {
    const cells = text.split(SEPARATOR_COMMA).map((c) => c.trim())
    return { separator: 'comma', cells, headerCells: cells }
  }
  const tokens = words(text)
  let split = tokens.findIndex((t) => /\d/.test(t) || PLACEHOLDER.test(t))
  if (split < 0) split = tokens.length
  const name = tokens.slice(0, split).join(' ')
  const cells = [name, ...tokens.slice(split)]
  return { separator: 'space', cells, headerCells: mayBeHeader(text) ? groupHeaderWords(tokens) : cells }
}

/**
 * Whether a space-form line could be a header (it names ND1/ND2 or a name column); only then are
 * its words grouped into header cells, which costs more than splitting a line of scores.
 */
const mayBeHeader = (text: string): boolean =>
  /\b(?:nd ?0?[12]|ndbd ?0?[12]|noi ?dung|ho|ten|name|ct ?0?[12]|chuong ?trinh|content|program(?:me)?)\b/.test(
    fold(text),
  )

/** A line with a score in it is no header. */
const holdsScore = (values: readonly string[]): boolean =>
  values.some((v) => !isPlaceholder(v) && parseScore(v).ok)

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '')

function nameCell(cell: string): string {
  return cell.replace(LIST_MARK, '').replace(/:\s*$/, '').trim()
}

// headers

const NAME_WORDS = [
  'ho ten',
  'ho va ten',
  'ho & ten',
  'ten',
  'ten giao vien',
  'ho ten giao vien',
  'ho va ten giao vien',
  'giao vien',
  'ten can bo',
  'ho va ten can bo',
  'can bo',
  'ho ten gv',
  'ho va ten gv',
  'name',
  'full name',
  'teacher',
]
const SURNAME_WORDS = ['ho', 'ho dem', 'ho lot', 'ho va dem', 'ho va ten dem', 'ho ten dem', 'surname']
const ID_WORDS = ['ma', 'ma so', 'ma gv', 'ma giao vien', 'ma can bo', 'id', 'person id']
const IGNORED_WORDS = [
  'stt',
  'tt',
  'so tt',
  'so thu tu',
  'no',
  '#',
  'to',
  'to chuyen mon',
  'to cm',
  'department',
  'mon',
  'mon day',
  'subject',
  'chuc vu',
  'vai tro',
  'role',
  'dtb',
  'diem tb',
  'diem trung binh',
  'trung binh',
  'average',
  'xep loai',
  'loai',
  'ket qua',
  'danh gia',
  'result',
  'class',
  'grade',
  'ghi chu',
  'note',
  'notes',
]
const ND_PATTERN =
  /^(?:nd|ndbd|noi ?dung|noi ?dung ?boi ?duong|ct|chuong ?trinh|content|programme|program) ?0?([12])$/

/** A header cell as compared with the known words: folded, punctuation as spaces. */
function headerWord(cell: string): string {
  return fold(cell.replace(/\(.*\)\s*$/, ''))
    .replace(/[^a-z0-9&#]+/g, ' ')
    .trim()
}

const MODULE_KEY = /^[A-Z]+ \d+$/

/** What a header cell names. */
export function columnRole(cell: string): ColumnRole {
  const word = headerWord(cell)
  if (word === '') return { kind: 'unknown' }
  const nd = ND_PATTERN.exec(word)
  if (nd) return nd[1] === '1' ? { kind: 'nd1' } : { kind: 'nd2' }
  if (NAME_WORDS.includes(word)) return { kind: 'name' }
  if (SURNAME_WORDS.includes(word)) return { kind: 'surname' }
  if (ID_WORDS.includes(word)) return { kind: 'id' }
  if (IGNORED_WORDS.includes(word)) return { kind: 'ignored' }
  const key = normalizeModuleCode(cell.replace(/\(.*\)\s*$/, '').replace(/^(?:mô ?đun|module)\s+/iu, ''))
  // "Mô đun 19", "modun 19", "MĐ 19": a number, not a code "MODUN 19"
  const number = moduleNumberAlias(cell.replace(/\(.*\)\s*$/, ''))
  if (number !== null) return { kind: 'module', codeKey: `${NUMBER_KEY}${number}` }
  if (MODULE_KEY.test(key)) return { kind: 'module', codeKey: key }
  return { kind: 'unknown' }
}

/** The code key of a module column named by its number only ("Mô đun 19", "MĐ 19"): "# 19". */
const NUMBER_KEY = '# '

/** Whether a column's code key is a bare module number, found in each teacher's own plan. */
export const isNumberKey = (codeKey: string) => codeKey.startsWith(NUMBER_KEY)

/**
 * The position in a plan's modules of the one a column names: by code ("THPT 19"), or by number
 * ("Mô đun 19") when exactly one of the plan's modules has it; -1 when none does.
 */
export function planModuleIndex(
  codeKey: string,
  modules: ReadonlyArray<{ code: string; codeKey: string }>,
): number {
  if (!isNumberKey(codeKey)) return modules.findIndex((m) => m.codeKey === codeKey)
  const wanted = Number(codeKey.slice(NUMBER_KEY.length))
  const hits = modules.flatMap((m, i) => (moduleNumber(m.code) === wanted ? [i] : []))
  return hits.length === 1 ? hits[0]! : -1
}

/**
 * Header words written with spaces (`Họ tên ND1 ND2 THPT 17 THPT19`): known words are joined back
 * into one cell each (`Họ tên`, `THPT 17`).
 */
function groupHeaderWords(tokens: readonly string[]): string[] {
  const cells: string[] = []
  let i = 0
  let pending: string[] = []
  const flush = () => {
    if (pending.length > 0) cells.push(pending.join(' '))
    pending = []
  }
  while (i < tokens.length) {
    let matched = 0
    for (let n = Math.min(5, tokens.length - i); n >= 1; n--) {
      const candidate = tokens.slice(i, i + n).join(' ')
      const role = columnRole(candidate)
      // a module code is a word and a number at most ("THPT 17"), never longer phrases; a bare
      // number may follow two words ("Mô đun 19")
      const longest = role.kind === 'module' && isNumberKey(role.codeKey) ? 3 : 2
      if (role.kind !== 'unknown' && (role.kind !== 'module' || n <= longest)) {
        matched = n
        break
      }
    }
    if (matched === 0) {
      pending.push(tokens[i]!)
      i++
      continue
    }
    flush()
    cells.push(tokens.slice(i, i + matched).join(' '))
    i += matched
  }
  flush()
  return cells
}

/** A header names ND1 or ND2, or a name and a module column, and holds no score. */
export function isHeader(line: RawLine): boolean {
  if (holdsScore(line.headerCells.slice(1))) return false
  const roles = line.headerCells.map(columnRole)
  const hasNd = roles.some((r) => r.kind === 'nd1' || r.kind === 'nd2')
  const hasName = roles.some((r) => r.kind === 'name')
  const hasModule = roles.some((r) => r.kind === 'module')
  return hasNd || (hasName && hasModule)
}

/** A value cell: empty (unchanged), a score, or not a score. */
export type ValueCell =
  | { kind: 'empty' }
  | { kind: 'score'; value: number }
  | { kind: 'bad'; error: ScoreError }

export function readValue(cell: string): ValueCell {
  if (isPlaceholder(cell)) return { kind: 'empty' }
  const parsed = parseScore(cell)
  return parsed.ok ? { kind: 'score', value: parsed.value } : { kind: 'bad', error: parsed.error }
}
