/**
 * Catalogues per regulation profile (issue 11, item 3).
 *
 * - `modules.profile`: the regulation profile a module's programme belongs to ('tt26-2012',
 *   'tt19-2019'), or null for a module that fits any year (what a school imports). A plan picks
 *   from its owner's level under its year's profile, plus the untagged modules.
 * - Seed 004's ten modules (TT 30/2011, TT 27/2015) are tagged 'tt26-2012'.
 * - The TT 17/2019 modules a source settles (data/catalogue-0080.ts) are inserted, tagged
 *   'tt19-2019'; a row whose (level, code) already exists — a school imported it — is left as it is.
 *
 * Portable: kysely's schema and query builders; `on conflict do nothing` on the existing unique
 * (level, code_key) works on SQLite and PostgreSQL alike.
 */
import type { Kysely } from 'kysely'
import { CATALOGUE_0080 } from './data/catalogue-0080.ts'
import { SEED_004_MODULES } from './data/seed-004-modules.ts'

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow later schema types
type AnyDb = Kysely<any>

/** Frozen copy of the rule engine's normalizeModuleCode as of this migration. */
function codeKey(code: string): string {
  const compact = code
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s._\-–—]+/g, '')
  return compact.replace(/(\D)(?=\d)/g, '$1 ').replace(/\d+/g, (digits) => String(Number(digits)))
}

/** Frozen copy of the store's fold() as of this migration. */
const fold = (text: string) =>
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

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('modules').addColumn('profile', 'text').execute()
  await db.schema.createIndex('modules_level_profile').on('modules').columns(['level', 'profile']).execute()

  for (const m of SEED_004_MODULES) {
    await db
      .updateTable('modules')
      .set({ profile: 'tt26-2012' })
      .where('level', '=', m.level)
      .where('code_key', '=', codeKey(m.code))
      .where('source', '=', m.source)
      .execute()
  }

  const now = new Date().toISOString()
  for (const m of CATALOGUE_0080) {
    const key = codeKey(m.code)
    await db
      .insertInto('modules')
      .values({
        ...m,
        code_key: key,
        sort_key: key.replace(/\d+/g, (d) => d.padStart(6, '0')),
        search_text: fold([m.code, m.title, m.contents, m.goals].join(' ')),
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['level', 'code_key']).doNothing())
      .execute()
  }
}
