/**
 * Which regulation a school year is judged by. A new year starts under the one in force (TT 19/2019
 * from 2019-2020, `defaultProfileFor`); its admin may switch it while no result is saved, because
 * results saved under one profile would otherwise be judged by another's classes.
 *
 *   await deps.regulation.ofActor(actor)                                  // the profile of my school's year
 *   await deps.regulation.setProfile(admin, { schoolYearId, profileId: 'tt26-2012' })
 */
import { z } from 'zod'
import { PROFILES, profileById, type RegulationProfile, TT26_2012 } from '../rules/index.ts'
import type { SchoolYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, isAdminOf, whoIs } from './access.ts'
import type { ServiceContext } from './options.ts'
import {
  type Forbidden,
  fail,
  forbidden,
  type InvalidInput,
  type NotFound,
  notFound,
  ok,
  parseInput,
  type Result,
} from './result.ts'

/** The year already has results: switching now would re-judge them by another regulation. */
export type ResultsExist = { readonly code: 'results-exist'; readonly schoolYearName: string }
/** An id this version has no profile for. */
export type UnknownProfile = { readonly code: 'unknown-profile'; readonly known: string[] }

/** A stored profile id read back; an id this version does not know reads as TT 26/2012. */
export function profileOfYear(year: Pick<SchoolYear, 'profileId'>): RegulationProfile {
  return profileById(year.profileId) ?? TT26_2012
}

export class RegulationService {
  constructor(private readonly ctx: ServiceContext) {}

  private get stores(): Stores {
    return this.ctx.stores
  }

  /** The current year and its profile for the actor's school; null for someone of no school. */
  async ofActor(actor: Actor): Promise<{ year: SchoolYear; profile: RegulationProfile } | null> {
    const who = await whoIs(this.stores, actor)
    if (!who.person) return null
    const year = await this.stores.schools.currentYear(who.person.schoolId)
    return year ? { year, profile: profileOfYear(year) } : null
  }

  /** An admin names the year's profile, before any result of the year is saved. */
  async setProfile(
    actor: Actor,
    input: { schoolYearId: number; profileId: string },
  ): Promise<
    Result<
      { year: SchoolYear; profile: RegulationProfile; changed: boolean },
      Forbidden | NotFound | InvalidInput | ResultsExist | UnknownProfile
    >
  > {
    const parsed = parseInput(
      z.object({ schoolYearId: z.number().int().positive(), profileId: z.string().trim().toLowerCase() }),
      input,
    )
    if (!parsed.ok) return parsed
    const profile = profileById(parsed.value.profileId)
    if (!profile) return fail({ code: 'unknown-profile' as const, known: Object.keys(PROFILES) })
    const who = await whoIs(this.stores, actor)
    const year = await this.stores.schools.getYear(parsed.value.schoolYearId)
    if (!year) return notFound('school-year')
    if (!isAdminOf(who, year.schoolId)) return forbidden()
    if (year.profileId === profile.id) return ok({ year, profile, changed: false })
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      // checked inside the transaction, so a grade batch saved meanwhile is not re-judged
      if (await tx.schools.yearHasScores(year.id)) {
        return fail({ code: 'results-exist' as const, schoolYearName: year.name })
      }
      const updated = await tx.schools.setProfile(
        year.id,
        { profileId: profile.id, requiredNd3Hours: profile.hours.nd3.hours },
        now,
      )
      if (!updated) return notFound('school-year')
      await tx.audit.record(
        who.telegramId,
        'school-year.profile',
        { schoolYearId: year.id, from: year.profileId, to: profile.id },
        now,
      )
      return ok({ year: updated, profile, changed: true })
    })
  }
}
