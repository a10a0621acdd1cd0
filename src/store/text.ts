/**
 * Comparison keys for what people type: Vietnamese names and words without regard to diacritics
 * or case ("Tổ Toán" = "to toan"), and module codes ("thpt17" = "THPT 17", from the rule engine).
 *
 *   fold('  Nguyễn Văn  Đức ')   // 'nguyen van duc'
 *   fold('Tổ Toán–Tin')          // 'to toan - tin'
 *   moduleCodeKey('thpt-017')    // 'THPT 17'
 */
import { normalizeModuleCode } from '../rules/index.ts'

/** Invisible characters (zero-width space and joiners, BOM, soft hyphen, direction marks) that
 * copying from Word or Zalo leaves inside names. */
const INVISIBLE = /\p{Cf}/gu
/** Any dash with the spaces around it: "Toán - Tin", "Toán – Tin" and "Toán—Tin" are one name. */
const DASH = /\s*[-\u2010-\u2015\u2212]\s*/g

export function fold(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(DASH, ' - ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** Trims and collapses inner whitespace, keeping the text as written (NFC). */
export function tidy(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFC').replace(/\s+/g, ' ').trim()
}

export function moduleCodeKey(code: string): string {
  return normalizeModuleCode(code)
}

/** The words of a search, folded, each to be found in the folded text. */
export function searchWords(query: string): string[] {
  return fold(query)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
}

/** A key that sorts codes naturally: "THPT 2" before "THPT 17". */
export function moduleSortKey(code: string): string {
  return moduleCodeKey(code).replace(/\d+/g, (digits) => digits.padStart(6, '0'))
}
