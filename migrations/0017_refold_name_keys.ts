/**
 * Name keys now ignore invisible characters (zero-width space, joiners, BOM) and treat every dash
 * with its spaces alike, so "Tổ Toán - Tin" and "Tổ Toán – Tin" are one department. Keys stored
 * before are recomputed here, with a frozen copy of that rule. Where two existing departments of a
 * school (or two schools) now share a key, the later keeps its old key: joining them is the
 * admin's decision, not the migration's.
 *
 * Portable: plain selects and updates through kysely.
 */
import type { Kysely } from 'kysely'

const key = (text: string) =>
  text
    .replace(/\p{Cf}/gu, '')
    .replace(/\s*[-\u2010-\u2015\u2212]\s*/g, ' - ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
type Db = Kysely<any>

async function refold(db: Db, table: string, nameColumn: string, scope: string | null, unique: boolean) {
  const columns = ['id', nameColumn, 'name_key', ...(scope ? [scope] : [])]
  const rows = await db.selectFrom(table).select(columns).orderBy('id').execute()
  const taken = new Set(rows.map((r) => `${scope ? r[scope] : ''}|${r.name_key}`))
  for (const row of rows) {
    const next = key(String(row[nameColumn]))
    if (next === row.name_key) continue
    const slot = `${scope ? row[scope] : ''}|${next}`
    if (unique && taken.has(slot)) continue
    taken.add(slot)
    await db.updateTable(table).set({ name_key: next }).where('id', '=', row.id).execute()
  }
}

export async function up(db: Db): Promise<void> {
  await refold(db, 'schools', 'name', null, true)
  await refold(db, 'departments', 'name', 'school_id', true)
  await refold(db, 'people', 'full_name', null, false)
}
