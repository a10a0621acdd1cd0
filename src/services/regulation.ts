/**
 * Which regulation a school year is judged by. A new year starts under the one in force (TT 19/2019
 * from 2019-2020, `defaultProfileFor`); its admin may switch it while no result is saved, because
 * results saved under one profile would otherwise be judged by another's classes. A switch moves
 * the year's standard deadlines still on the old regulation's default days to the new one's.
 *
 *   await deps.regulation.ofActor(actor)                                  // the profile of my school's year
 *   await deps.regulation.setProfile(admin, { schoolYearId, profileId: 'tt26-2012' })
 *   await deps.regulation.calendarDays(actor)         // TT 19: its 31 May and June, next to the school's days
 */
import { z } from 'zod'
import {
  PROFILES,
  profileById,
  programmeId,
  type RegulationProfile,
  settingsOf,
  TT26_2012,
  withSettings,
  type YearSettings,
} from '../rules/index.ts'
import { CalendarStore } from '../store/calendar.ts'
import type { SchoolYear } from '../store/schools.ts'
import type { Stores } from '../store/stores.ts'
import { type Actor, isAdminOf, whoIs } from './access.ts'
import { type DeadlineView, deadlineView } from './deadline-views.ts'
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
import { deadlinePassed, vietnamDay } from './vietnam-days.ts'
import { type RegulationDay, rederiveCalendar, regulationDay } from './year-calendar.ts'

/** The year already has results: switching now would re-judge them by another regulation. */
export type ResultsExist = { readonly code: 'results-exist'; readonly schoolYearName: string }
/** An id this version has no profile for. */
export type UnknownProfile = { readonly code: 'unknown-profile'; readonly known: string[] }
/** The year's regulation leaves nothing open (TT 26/2012), or the hours do not add up to its 01 + 02. */
export type InvalidSettings = {
  readonly code: 'settings-not-open' | 'settings-hours'
  readonly total: number
}

/** A deadline of the year whose day the regulation itself sets, with that day and whether it is over. */
export interface RegulationDeadline extends DeadlineView {
  regulation: RegulationDay & { passed: boolean }
}

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

  /**
   * The days /cefr judges by: `today` (Vietnam's) for a certificate's validity, and `standardsOn`
   * for the posts' language standards — today within the actor's current school year, or the
   * year's first or last day when today falls outside it (a 2017–2018 year keeps that year's
   * standards); today for someone of no school.
   */
  async languageDays(actor: Actor): Promise<{ today: string; standardsOn: string }> {
    const today = vietnamDay(this.ctx.now())
    const current = await this.ofActor(actor)
    if (!current) return { today, standardsOn: today }
    const { startsOn, endsOn } = current.year
    // today kept within the year: the middle of the three days (ISO days sort as dates)
    const standardsOn = [startsOn, today, endsOn].sort()[1]!
    return { today, standardsOn }
  }

  /**
   * The days the current year's regulation itself sets (TT 19/2019: plans approved by 31 May, sent
   * upward in June), each next to the deadline the school keeps for it — for everyone of the school,
   * so that a day already over is never taken for a live deadline. Empty when the regulation sets
   * none (TT 26/2012: the whole calendar is the school's) or for someone of no school.
   */
  async calendarDays(actor: Actor): Promise<RegulationDeadline[]> {
    const mine = await this.ofActor(actor)
    if (!mine) return []
    const { year, profile } = mine
    const now = this.ctx.now()
    const days: RegulationDeadline[] = []
    for (const d of await new CalendarStore(this.stores.db).listDeadlines(year.id)) {
      const day = regulationDay(d, year, profile)
      if (day) {
        days.push({
          ...deadlineView(d, year.schoolId, now),
          regulation: { ...day, passed: deadlinePassed(day.dueDate, now) },
        })
      }
    }
    return days
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
    // a switch to the same regulation keeps the year's settings
    if (programmeId(profileOfYear(year).id) === profile.id) {
      return ok({ year, profile: profileOfYear(year), changed: false })
    }
    return this.store(who.telegramId, year, profile, true)
  }

  /**
   * An admin settles the points the year's regulation leaves open (`YearSettings`): the classes
   * only while no result is saved (they would re-judge it); the split of 01 and 02's tiết at any time.
   */
  async setSettings(
    actor: Actor,
    input: { schoolYearId: number } & Partial<YearSettings>,
  ): Promise<
    Result<
      { year: SchoolYear; profile: RegulationProfile; changed: boolean },
      Forbidden | NotFound | InvalidInput | ResultsExist | InvalidSettings
    >
  > {
    const parsed = parseInput(
      z.object({
        schoolYearId: z.number().int().positive(),
        classes: z.enum(['completion', 'tt26']).optional(),
        nd1: z.number().int().optional(),
        nd2: z.number().int().optional(),
      }),
      input,
    )
    if (!parsed.ok) return parsed
    const { schoolYearId, ...settings } = parsed.value
    const who = await whoIs(this.stores, actor)
    const year = await this.stores.schools.getYear(schoolYearId)
    if (!year) return notFound('school-year')
    if (!isAdminOf(who, year.schoolId)) return forbidden()
    const current = profileOfYear(year)
    const root = profileById(programmeId(current.id)) ?? current
    const total = root.hours.nd1.hours + root.hours.nd2.hours
    const applied = withSettings(current, settings)
    if (!applied.ok) return fail({ code: `settings-${applied.error}` as const, total })
    if (applied.value.id === current.id) return ok({ year, profile: current, changed: false })
    const rejudges = settingsOf(applied.value).classes !== settingsOf(current).classes
    return this.store(who.telegramId, year, applied.value, rejudges)
  }

  private async store(
    telegramId: number,
    year: SchoolYear,
    profile: RegulationProfile,
    rejudges: boolean,
  ): Promise<
    Result<{ year: SchoolYear; profile: RegulationProfile; changed: boolean }, NotFound | ResultsExist>
  > {
    const now = this.ctx.now().toISOString()
    return this.stores.transaction(async (tx) => {
      // checked inside the transaction, so a grade batch saved meanwhile is not re-judged
      if (rejudges && (await tx.schools.yearHasScores(year.id))) {
        return fail({ code: 'results-exist' as const, schoolYearName: year.name })
      }
      const updated = await tx.schools.setProfile(
        year.id,
        { profileId: profile.id, requiredNd3Hours: profile.hours.nd3.hours },
        now,
      )
      if (!updated) return notFound('school-year')
      // a year switched to another regulation follows its calendar where the admin left the default
      const from = profileOfYear(year)
      if (programmeId(from.id) !== programmeId(profile.id)) {
        await rederiveCalendar(tx, updated, from, profile, this.ctx.now())
      }
      await tx.audit.record(
        telegramId,
        'school-year.profile',
        { schoolYearId: year.id, from: year.profileId, to: profile.id },
        now,
      )
      return ok({ year: updated, profile, changed: true })
    })
  }
}
