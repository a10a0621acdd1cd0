/**
 * The Mini App's grade sheet as grade lines: each person the page sends becomes a header and a
 * row (`Mã | Họ và tên | ND1 | ND2 | THPT 17 …` then `12 | Nguyễn Văn An | 8 | 9 | 8,5 …`), exactly
 * what a head could type or upload, so the page's save goes through the same reading, preview,
 * checks, history and undo as the message and the spreadsheet. Pure; the service loads the plans.
 *
 *   const grid = gridLines([{ personId: 12, scores: { nd1: '8', 'module:5': '8,5' } }], people, plans)
 *   grid.places.get(4)   // line 4 is person 12's row; its cells' component keys by column
 */
import type { ComponentKey, PlanWithModules } from '../store/grades.ts'
import { componentsOf } from './grade-components.ts'
import { type RawLine, sheetLine } from './grade-lines.ts'

/** One person's cells as the page sends them: a component key (`nd1`, `module:5`) to what was typed. */
export interface GridRow {
  personId: number
  scores: Record<string, string>
}

/** Which person and component a preview error's line and column are about. */
export interface GridPlace {
  personId: number
  /** by 1-based column: the component key under it, null for the id and name columns */
  keys: Array<ComponentKey | null>
}

export interface GridLines {
  lines: RawLine[]
  /** the data lines, by line number */
  places: Map<number, GridPlace>
  /** keys the page sent that the person's plan does not have (nothing is read then) */
  unknownKeys: Array<{ personId: number; key: string }>
}

export function gridLines(
  rows: ReadonlyArray<GridRow>,
  names: ReadonlyMap<number, string>,
  plans: ReadonlyMap<number, PlanWithModules>,
): GridLines {
  const lines: RawLine[] = []
  const places = new Map<number, GridPlace>()
  const unknownKeys: GridLines['unknownKeys'] = []
  for (const row of rows) {
    const plan = plans.get(row.personId)
    const components = plan ? componentsOf(plan) : componentsOf({ modules: [] })
    const known = new Set<string>(components.map((c) => c.key))
    for (const key of Object.keys(row.scores))
      if (!known.has(key)) unknownKeys.push({ personId: row.personId, key })
    const header = ['Mã', 'Họ và tên', ...components.map((c) => c.code ?? c.kind.toUpperCase())]
    const cells = [
      String(row.personId),
      names.get(row.personId) ?? '',
      ...components.map((c) => row.scores[c.key]?.trim() ?? ''),
    ]
    const at = lines.length + 1
    lines.push(sheetLine(at, null, header), sheetLine(at + 1, null, cells))
    places.set(at + 1, { personId: row.personId, keys: [null, null, ...components.map((c) => c.key)] })
  }
  return { lines, places, unknownKeys }
}
