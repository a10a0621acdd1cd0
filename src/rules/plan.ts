/**
 * Is a personal BDTX plan valid for the school year? Its ND3 modules must come from the catalogue
 * of the person's level (the managers' catalogue for managers), appear once each, and add up to at
 * least the year's required hours (60 tiết unless the year says otherwise). Each violation is its
 * own error, so the bot can list them all at once.
 *
 *   validatePlan({ level: 'THPT', isManager: false, moduleCodes: ['thpt17', 'THPT 19', 'THPT 19'] }, SEED_CATALOGUE)
 *   // { valid: false, totalHours: 30, requiredHours: 60, modules: [THPT 17, THPT 19], errors: [
 *   //   { code: 'duplicate-module', index: 2, moduleCode: 'THPT 19', firstIndex: 1, … },
 *   //   { code: 'hours-below-required', totalHours: 30, requiredHours: 60, missingHours: 30, … }] }
 */
import { type CatalogueId, type Level, type RegulationProfile, TT26_2012 } from './profile.ts'
import type { Citation } from './sources.ts'

export interface CatalogueModule {
  /** as the catalogue writes it, e.g. "THPT 17", "QLTrH 2" */
  readonly code: string
  readonly level: CatalogueId
  readonly title: string
  /** total tiết */
  readonly hours: number
  readonly theoryHours?: number
  readonly practiceHours?: number
  readonly selfStudyHours?: number
  readonly source?: Citation
}

export interface PlanInput {
  readonly level: Level
  readonly isManager: boolean
  /** the codes as typed or stored, in plan order */
  readonly moduleCodes: ReadonlyArray<string>
}

export interface PlanOptions {
  /** the school year's required ND3 hours, when it differs from the profile's */
  readonly requiredHours?: number
  /** the text that sets the school year's figure */
  readonly requiredHoursSource?: Citation
}

export type PlanError =
  | {
      readonly code: 'unknown-module'
      readonly index: number
      readonly moduleCode: string
      /** the catalogue the code was looked for in */
      readonly catalogue: CatalogueId
      readonly source: Citation
    }
  | {
      readonly code: 'wrong-catalogue'
      readonly index: number
      /** as the catalogue writes it */
      readonly moduleCode: string
      /** the catalogue the module belongs to */
      readonly moduleCatalogue: CatalogueId
      /** the catalogue this person must choose from */
      readonly catalogue: CatalogueId
      readonly source: Citation
    }
  | {
      readonly code: 'duplicate-module'
      readonly index: number
      readonly moduleCode: string
      readonly firstIndex: number
      readonly source: Citation
    }
  | {
      readonly code: 'hours-below-required'
      readonly totalHours: number
      readonly requiredHours: number
      readonly missingHours: number
      readonly source: Citation
    }

export type PlanErrorCode = PlanError['code']

export interface PlanCheck {
  readonly valid: boolean
  /** hours of the modules that count (known, of the right catalogue, first occurrence) */
  readonly totalHours: number
  readonly requiredHours: number
  /** the modules that count, in plan order */
  readonly modules: CatalogueModule[]
  readonly errors: PlanError[]
}

/**
 * A comparison key for module codes: case, spaces, dots, dashes and leading zeros do not matter.
 * "thpt17", "THPT 17" and "THPT-017" all give "THPT 17"; "QLTrH 2" gives "QLTRH 2". Show the
 * catalogue's own spelling to people, not this key.
 */
export function normalizeModuleCode(code: string): string {
  const compact = code
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s._\-–—]+/g, '')
  return compact.replace(/(\D)(?=\d)/g, '$1 ').replace(/\d+/g, (digits) => String(Number(digits)))
}

/** The catalogue entry a typed code names, preferring the given catalogue when codes collide. */
export function findModule(
  code: string,
  catalogue: ReadonlyArray<CatalogueModule>,
  prefer?: CatalogueId,
): CatalogueModule | undefined {
  const key = normalizeModuleCode(code)
  const matches = catalogue.filter((m) => normalizeModuleCode(m.code) === key)
  return matches.find((m) => m.level === prefer) ?? matches[0]
}

export function validatePlan(
  plan: PlanInput,
  catalogue: ReadonlyArray<CatalogueModule>,
  profile: RegulationProfile = TT26_2012,
  options: PlanOptions = {},
): PlanCheck {
  const expected: CatalogueId = plan.isManager ? 'QL' : plan.level
  const catalogueSource = profile.catalogues[expected] ?? profile.hours.nd3.source
  const byKey = new Map<string, CatalogueModule[]>()
  for (const m of catalogue) {
    const key = normalizeModuleCode(m.code)
    byKey.set(key, [...(byKey.get(key) ?? []), m])
  }
  const errors: PlanError[] = []
  const modules: CatalogueModule[] = []
  const firstSeen = new Map<string, number>()
  plan.moduleCodes.forEach((typed, index) => {
    const key = normalizeModuleCode(typed)
    const first = firstSeen.get(key)
    if (first !== undefined) {
      errors.push({
        code: 'duplicate-module',
        index,
        moduleCode: typed,
        firstIndex: first,
        source: profile.hours.nd3.source,
      })
      return
    }
    firstSeen.set(key, index)
    const candidates = byKey.get(key) ?? []
    const module = candidates.find((m) => m.level === expected)
    if (module) {
      modules.push(module)
      return
    }
    const other = candidates[0]
    if (other) {
      errors.push({
        code: 'wrong-catalogue',
        index,
        moduleCode: other.code,
        moduleCatalogue: other.level,
        catalogue: expected,
        source: catalogueSource,
      })
    } else {
      errors.push({
        code: 'unknown-module',
        index,
        moduleCode: typed,
        catalogue: expected,
        source: catalogueSource,
      })
    }
  })
  const totalHours = modules.reduce((sum, m) => sum + m.hours, 0)
  const requiredHours = options.requiredHours ?? profile.hours.nd3.hours
  if (totalHours < requiredHours) {
    errors.push({
      code: 'hours-below-required',
      totalHours,
      requiredHours,
      missingHours: requiredHours - totalHours,
      source: options.requiredHoursSource ?? profile.hours.nd3.source,
    })
  }
  return { valid: errors.length === 0, totalHours, requiredHours, modules, errors }
}
