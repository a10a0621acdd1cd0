/**
 * What people type for a module, resolved against the codes of their own catalogue (their level
 * under the year's regulation). Codes compare by `normalizeModuleCode` ("GVPT01", "gvpt 01" and
 * "GVPT 1" are "GVPT 01"; "THCS12" is "THCS 12"); a bare module number ("Mô đun 1", "modun 19",
 * "module 19", "MĐ 19") names the one module of the catalogue with that number, if only one has it.
 *
 *   resolveModuleCode('gvpt 1', ['GVPT 01', 'GVPT 11'])        // 'GVPT 01'
 *   resolveModuleCode('Mô đun 19', ['THPT 17', 'THPT 19'])      // 'THPT 19'
 *   resolveModuleCode('modun 1', ['THPT 1', 'QLTrH 1'])         // undefined: two modules numbered 1
 */
import { normalizeModuleCode } from './plan.ts'

/** "mô đun", "modun", "modul", "module", "mođun", "MĐ", "MD" then a number (diacritics, case, dots ignored). */
const NUMBER_ONLY = /^(?:mo\s*-?\s*dun|modun|modul|module|md)\s*[.:#-]?\s*(?:so\s*)?0*(\d{1,3})$/

function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** The module number a bare "mô đun 19" names, or null when the text is not of that form. */
export function moduleNumberAlias(typed: string): number | null {
  const match = NUMBER_ONLY.exec(folded(typed))
  return match ? Number(match[1]) : null
}

/** The number of a catalogue code ("GVPT 01" → 1, "QLTrH 12" → 12), or null. */
export function moduleNumber(code: string): number | null {
  const match = /(\d+)$/.exec(normalizeModuleCode(code))
  return match ? Number(match[1]) : null
}

/**
 * The catalogue's own spelling of the module `typed` names among `codes`, or undefined when none
 * or more than one fits.
 */
export function resolveModuleCode(typed: string, codes: ReadonlyArray<string>): string | undefined {
  const key = normalizeModuleCode(typed)
  const exact = codes.filter((c) => normalizeModuleCode(c) === key)
  if (exact.length === 1) return exact[0]
  if (exact.length > 1) return undefined
  const wanted = moduleNumberAlias(typed)
  if (wanted === null) return undefined
  const numbered = codes.filter((c) => moduleNumber(c) === wanted)
  return numbered.length === 1 ? numbered[0] : undefined
}
