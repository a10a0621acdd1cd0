/**
 * The words people write for roles, levels and catalogues, in Vietnamese (with or without
 * diacritics) or English, and the column headers of staff and catalogue spreadsheets.
 *
 *   parseRole('Tổ trưởng')             // 'head'
 *   parseLevel('trung học phổ thông')  // 'THPT'
 */
import { type CatalogueId, LEVELS, type Level } from '../rules/index.ts'
import type { Role } from '../store/people.ts'
import { fold } from '../store/text.ts'

const ROLE_WORDS: Record<Role, string[]> = {
  teacher: [
    'teacher',
    'giao vien',
    'gv',
    'giao vien bo mon',
    'gvbm',
    'giao vien chu nhiem',
    'gvcn',
    'to pho',
    'to pho chuyen mon',
  ],
  head: ['head', 'to truong', 'to truong chuyen mon', 'to truong cm', 'ttcm', 'tt', 'truong to'],
  manager: [
    'manager',
    'hieu truong',
    'ht',
    'pho hieu truong',
    'pht',
    'hieu pho',
    'cbql',
    'can bo quan ly',
    'ban giam hieu',
    'bgh',
  ],
  admin: ['admin', 'bcd', 'ban chi dao', 'thanh vien bcd', 'ban chi dao bdtx', 'quan tri'],
  staff: [
    'staff',
    'nhan vien',
    'nv',
    'van thu',
    'ke toan',
    'y te',
    'thu vien',
    'thiet bi',
    'thi nghiem',
    'bao ve',
    'thu quy',
    'tu van hoc duong',
  ],
}

const LEVEL_WORDS: Record<CatalogueId, string[]> = {
  MN: ['mn', 'mam non', 'mau giao', 'preschool'],
  TH: ['th', 'tih', 'tieu hoc', 'primary'],
  THCS: ['thcs', 'trung hoc co so', 'lower secondary'],
  THPT: ['thpt', 'trung hoc pho thong', 'upper secondary'],
  GDTX: ['gdtx', 'giao duc thuong xuyen', 'continuing education'],
  CD: ['cd', 'cao dang', 'college'],
  TCCN: ['tccn', 'trung cap chuyen nghiep', 'trung cap'],
  QL: ['ql', 'qltrh', 'quan ly', 'can bo quan ly', 'cbql', 'manager', 'managers'],
}

const roleByWord = new Map(
  Object.entries(ROLE_WORDS).flatMap(([role, words]) => words.map((w) => [w, role as Role] as const)),
)
const catalogueByWord = new Map(
  Object.entries(LEVEL_WORDS).flatMap(([id, words]) => words.map((w) => [w, id as CatalogueId] as const)),
)

const clean = (text: string) =>
  fold(text)
    .replace(/[.,;:()/\\-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

export function parseRole(text: string): Role | undefined {
  return roleByWord.get(clean(text))
}

export function parseCatalogue(text: string): CatalogueId | undefined {
  return catalogueByWord.get(clean(text))
}

export function parseLevel(text: string): Level | undefined {
  const id = parseCatalogue(text)
  return id !== undefined && id !== 'QL' ? id : undefined
}

/** The catalogue a module code belongs to by its prefix: "THPT 17" → THPT, "QLTrH 2" → QL. */
export function catalogueOfCode(code: string): CatalogueId | undefined {
  const prefix = fold(code).match(/^[a-z]+/)?.[0]
  if (!prefix) return undefined
  if (prefix.startsWith('ql')) return 'QL'
  const upper = prefix.toUpperCase()
  if (upper === 'TIH') return 'TH'
  return (LEVELS as ReadonlyArray<string>).includes(upper) ? (upper as Level) : undefined
}

export const ROLE_EXAMPLES = ['giáo viên', 'tổ trưởng', 'hiệu trưởng', 'phó hiệu trưởng', 'BCĐ', 'nhân viên']
export const LEVEL_EXAMPLES: ReadonlyArray<string> = LEVELS
export const CATALOGUE_IDS: ReadonlyArray<CatalogueId> = [...LEVELS, 'QL']
