/**
 * The module catalogue, deployment-wide (the programmes are national): code, level (or 'QL' for
 * the managers' catalogue), title, main contents, goals and hours split, with a folded search text
 * so "cong nghe thong tin" finds "công nghệ thông tin".
 */
import type { Kysely, Selectable } from 'kysely'
import type { Database, ModulesTable } from '../db/schema.ts'
import { type CatalogueId, programmeId } from '../rules/index.ts'
import { fold, moduleCodeKey, moduleSortKey } from './text.ts'

export interface Module {
  id: number
  level: CatalogueId
  code: string
  title: string
  contents: string
  goals: string
  area: string | null
  hoursTotal: number
  hoursSelfStudy: number | null
  hoursTheory: number | null
  hoursPractice: number | null
  source: string
  /** the regulation profile its programme belongs to; null for a school's own (fits any year) */
  profile: string | null
}

/** A module to store; `profile` left out keeps a stored module's tag (an import never changes it). */
export type ModuleData = Omit<Module, 'id' | 'profile'> & { profile?: string | null }

export interface ModuleFilter {
  level?: CatalogueId
  /** exact normalized code, e.g. "THPT 17" */
  codeKey?: string
  /** folded words that must all appear */
  words?: string[]
  /** only modules of this regulation profile and the untagged ones */
  profile?: string
}

const INSERT_CHUNK = 100

export class ModuleStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: number): Promise<Module | undefined> {
    const row = await this.db.selectFrom('modules').selectAll().where('id', '=', id).executeTakeFirst()
    return row && toModule(row)
  }

  async byIds(ids: number[]): Promise<Module[]> {
    if (ids.length === 0) return []
    const rows = await this.db.selectFrom('modules').selectAll().where('id', 'in', ids).execute()
    return rows.map(toModule)
  }

  /** Every catalogue's module with this code (codes may repeat across catalogues). */
  async byCode(code: string): Promise<Module[]> {
    const rows = await this.db
      .selectFrom('modules')
      .selectAll()
      .where('code_key', '=', moduleCodeKey(code))
      .orderBy('level')
      .execute()
    return rows.map(toModule)
  }

  async find(
    filter: ModuleFilter,
    offset: number,
    limit: number,
  ): Promise<{ items: Module[]; total: number }> {
    let query = this.db.selectFrom('modules')
    if (filter.level) query = query.where('level', '=', filter.level)
    if (filter.codeKey) query = query.where('code_key', '=', filter.codeKey)
    // a year's settings ('tt19-2019?classes=tt26') do not change its programme's modules
    const profile = filter.profile && programmeId(filter.profile)
    if (profile) query = query.where((eb) => eb.or([eb('profile', '=', profile), eb('profile', 'is', null)]))
    for (const word of filter.words ?? []) query = query.where('search_text', 'like', `%${word}%`)
    const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const rows = await query
      .selectAll()
      .orderBy('level')
      .orderBy('sort_key')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute()
    return { items: rows.map(toModule), total: Number(counted.n) }
  }

  /** Every module of a catalogue (under a profile: its modules and the untagged ones), in code order. */
  async ofLevel(level: CatalogueId, profile?: string): Promise<Module[]> {
    let query = this.db.selectFrom('modules').selectAll().where('level', '=', level)
    const programme = profile && programmeId(profile)
    if (programme)
      query = query.where((eb) => eb.or([eb('profile', '=', programme), eb('profile', 'is', null)]))
    const rows = await query.orderBy('sort_key').execute()
    return rows.map(toModule)
  }

  async levels(): Promise<Array<{ level: CatalogueId; count: number }>> {
    const rows = await this.db
      .selectFrom('modules')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('level')
      .orderBy('level')
      .execute()
    return rows.map((r) => ({ level: r.level as CatalogueId, count: Number(r.n) }))
  }

  /** The modules of these (level, code key) pairs, keyed `${level}|${codeKey}`. */
  async byLevelKeys(levels: CatalogueId[]): Promise<Map<string, Module>> {
    if (levels.length === 0) return new Map()
    const rows = await this.db.selectFrom('modules').selectAll().where('level', 'in', levels).execute()
    return new Map(rows.map((r) => [`${r.level}|${r.code_key}`, toModule(r)]))
  }

  async createMany(modules: ModuleData[], now: string): Promise<void> {
    for (let i = 0; i < modules.length; i += INSERT_CHUNK) {
      await this.db
        .insertInto('modules')
        .values(
          modules.slice(i, i + INSERT_CHUNK).map((m) => ({ ...toRow(m), created_at: now, updated_at: now })),
        )
        .execute()
    }
  }

  async update(id: number, module: ModuleData, now: string): Promise<void> {
    await this.db
      .updateTable('modules')
      .set({ ...toRow(module), updated_at: now })
      .where('id', '=', id)
      .execute()
  }
}

function toRow(m: ModuleData) {
  return {
    level: m.level,
    code: m.code,
    code_key: moduleCodeKey(m.code),
    sort_key: moduleSortKey(m.code),
    title: m.title,
    contents: m.contents,
    goals: m.goals,
    area: m.area,
    hours_total: m.hoursTotal,
    hours_self_study: m.hoursSelfStudy,
    hours_theory: m.hoursTheory,
    hours_practice: m.hoursPractice,
    source: m.source,
    search_text: fold([m.code, m.title, m.contents, m.goals].join(' ')),
    ...(m.profile === undefined ? {} : { profile: m.profile }),
  }
}

function toModule(row: Selectable<ModulesTable>): Module {
  return {
    id: row.id,
    level: row.level as CatalogueId,
    code: row.code,
    title: row.title,
    contents: row.contents,
    goals: row.goals,
    area: row.area,
    hoursTotal: row.hours_total,
    hoursSelfStudy: row.hours_self_study,
    hoursTheory: row.hours_theory,
    hoursPractice: row.hours_practice,
    source: row.source,
    profile: row.profile,
  }
}
