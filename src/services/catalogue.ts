/**
 * The module catalogue: browse a catalogue page by page, search by code ("thpt17", "THPT 17") or
 * by words without regard to diacritics ("cong nghe thong tin"), open one module. Open to
 * everyone: the programmes are public.
 *
 *   await deps.catalogue.browse(actor, { level: 'THPT', page: 1 })
 *   await deps.catalogue.search(actor, { query: 'thpt17' })              // matchedBy: 'code'
 *   await deps.catalogue.search(actor, { query: 'phần mềm', level: 'THPT' }) // matchedBy: 'words'
 */
import { z } from 'zod'
import { type CatalogueId, type CatalogueModule, programmeId, resolveModuleCode } from '../rules/index.ts'
import type { Module } from '../store/modules.ts'
import type { Stores } from '../store/stores.ts'
import { moduleCodeKey, searchWords } from '../store/text.ts'
import type { Actor } from './access.ts'
import type { ServiceContext } from './options.ts'
import { type InvalidInput, type NotFound, notFound, ok, parseInput, type Result } from './result.ts'
import { CATALOGUE_IDS } from './vocabulary.ts'

export const DEFAULT_PAGE_SIZE = 8

export interface Page<T> {
  items: T[]
  /** 1-based, clamped to the last page */
  page: number
  pageSize: number
  pageCount: number
  total: number
}

const level = z.enum(CATALOGUE_IDS as [CatalogueId, ...CatalogueId[]])
const paging = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50).default(DEFAULT_PAGE_SIZE),
}

/** Looks like a module code: letters then a number, e.g. "thpt17", "QLTrH 2", "THPT-017". */
const CODE_LIKE = /^[\p{L}]{2,8}[\s._-]*\d{1,4}$/u

export class CatalogueService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  /** The catalogues that have modules, with how many. */
  async levels(_actor?: Actor): Promise<Array<{ level: CatalogueId; count: number }>> {
    return this.stores.modules.levels()
  }

  async browse(
    _actor: Actor | undefined,
    input: { level: CatalogueId; profile?: string; page?: number; pageSize?: number },
  ): Promise<Result<Page<Module>, InvalidInput>> {
    const parsed = parseInput(z.object({ level, profile: z.string().max(40).optional(), ...paging }), input)
    if (!parsed.ok) return parsed
    const { page, pageSize, ...filter } = parsed.value
    return ok(await this.page(filter, page, pageSize))
  }

  /**
   * A code finds that module (in every catalogue, or the given one); otherwise every word must
   * appear in the code, title, contents or goals.
   */
  async search(
    _actor: Actor | undefined,
    input: { query: string; level?: CatalogueId; page?: number; pageSize?: number },
  ): Promise<Result<Page<Module> & { matchedBy: 'code' | 'words' }, InvalidInput>> {
    const parsed = parseInput(
      z.object({ query: z.string().trim().min(1).max(100), level: level.optional(), ...paging }),
      input,
    )
    if (!parsed.ok) return parsed
    const { query, page, pageSize } = parsed.value
    if (CODE_LIKE.test(query)) {
      const byCode = await this.page(
        { level: parsed.value.level, codeKey: moduleCodeKey(query) },
        page,
        pageSize,
      )
      if (byCode.total > 0) return ok({ ...byCode, matchedBy: 'code' as const })
    }
    const words = searchWords(query)
    if (words.length === 0) {
      return ok({ items: [], page: 1, pageSize, pageCount: 0, total: 0, matchedBy: 'words' as const })
    }
    const byWords = await this.page({ level: parsed.value.level, words }, page, pageSize)
    return ok({ ...byWords, matchedBy: 'words' as const })
  }

  /**
   * The module of one catalogue (under a profile: its programme's and the untagged ones) that a
   * typed code or a bare number ("gvpt 1", "Mô đun 19") names, when exactly one fits.
   */
  async resolve(
    _actor: Actor | undefined,
    input: { typed: string; level: CatalogueId; profile?: string },
  ): Promise<Module | undefined> {
    const own = await this.stores.modules.ofLevel(input.level, input.profile)
    const code = resolveModuleCode(
      input.typed,
      own.map((m) => m.code),
    )
    return code === undefined ? undefined : own.find((m) => m.code === code)
  }

  async get(
    _actor: Actor | undefined,
    input: { moduleId: number },
  ): Promise<Result<Module, NotFound | InvalidInput>> {
    const parsed = parseInput(z.object({ moduleId: z.number().int().positive() }), input)
    if (!parsed.ok) return parsed
    const module = await this.stores.modules.get(parsed.value.moduleId)
    return module ? ok(module) : notFound('module')
  }

  private async page(
    filter: { level?: CatalogueId; codeKey?: string; words?: string[]; profile?: string },
    page: number,
    pageSize: number,
  ): Promise<Page<Module>> {
    let { items, total } = await this.stores.modules.find(filter, (page - 1) * pageSize, pageSize)
    const pageCount = Math.ceil(total / pageSize)
    let shown = page
    if (total > 0 && page > pageCount) {
      shown = pageCount
      ;({ items, total } = await this.stores.modules.find(filter, (shown - 1) * pageSize, pageSize))
    }
    return { items, page: total === 0 ? 1 : shown, pageSize, pageCount, total }
  }
}

/** A stored module as the rule engine sees it. */
export function toCatalogueModule(m: Module): CatalogueModule {
  return {
    code: m.code,
    level: m.level,
    title: m.title,
    hours: m.hoursTotal,
    ...(m.hoursTheory === null ? {} : { theoryHours: m.hoursTheory }),
    ...(m.hoursPractice === null ? {} : { practiceHours: m.hoursPractice }),
    ...(m.hoursSelfStudy === null ? {} : { selfStudyHours: m.hoursSelfStudy }),
    source: m.source,
  }
}

/** Whether a module may be chosen in a year of this profile: its own programme's, or untagged. */
export function fitsProfile(module: Pick<Module, 'profile'>, profileId: string): boolean {
  return module.profile === null || module.profile === programmeId(profileId)
}

/**
 * The stored modules a typed code may name for someone who picks from `catalogue` in a year of
 * `profileId`: every catalogue's module with that code that fits the year (so the rule engine can
 * say "of another catalogue"), or else the one module of their own catalogue a variant numbering
 * names ("gvpt 1", "Mô đun 19").
 */
export async function modulesForTyped(
  stores: Stores,
  typed: string,
  catalogue: CatalogueId | null,
  profileId: string,
): Promise<Module[]> {
  const byCode = (await stores.modules.byCode(typed)).filter((m) => fitsProfile(m, profileId))
  if (catalogue === null || byCode.some((m) => m.level === catalogue)) return byCode
  const own = await stores.modules.ofLevel(catalogue, profileId)
  const code = resolveModuleCode(
    typed,
    own.map((m) => m.code),
  )
  const module = code === undefined ? undefined : own.find((m) => m.code === code)
  return module ? [module] : byCode
}
