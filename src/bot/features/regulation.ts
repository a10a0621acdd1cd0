/**
 * /regulation: which regulation the school's current year is judged by (TT 26/2012 or TT 19/2019),
 * its hours and sources, and what it leaves to the school. The admin switches it with
 * `/regulation tt26` or `/regulation tt19` while no result of the year is saved.
 */
import { type RegulationProfile, TT19_2019, TT26_2012 } from '../../rules/index.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'
import { always, serviceErrorText } from '../service-errors.ts'

const actorOf = (ctx: BotContext) => ({ telegramId: ctx.from!.id })

/** What people type for a profile: its id, or the circular's short name. */
const ALIASES: Record<string, RegulationProfile> = {
  tt26: TT26_2012,
  '26': TT26_2012,
  'tt26-2012': TT26_2012,
  'tt26/2012': TT26_2012,
  tt19: TT19_2019,
  '19': TT19_2019,
  'tt19-2019': TT19_2019,
  'tt19/2019': TT19_2019,
}

export function profileText(ctx: BotContext, yearName: string, profile: RegulationProfile): string {
  const { nd1, nd2, nd3, total } = profile.hours
  const lines = [
    ctx.t('regulation-heading', { year: escapeHtml(yearName), documents: profile.documents.join(', ') }),
    ctx.t('regulation-hours', { nd1: nd1.hours, nd2: nd2.hours, nd3: nd3.hours, total: total.hours }),
    ctx.t(`regulation-grading-${profile.id}`),
    ctx.t('source-line', { source: escapeHtml(total.source) }),
  ]
  if (profile.unverified.length > 0) lines.push('', ctx.t('regulation-unverified'))
  return lines.join('\n')
}

async function regulation(ctx: BotContext & { match: string }): Promise<void> {
  const current = await ctx.deps.regulation.ofActor(actorOf(ctx))
  if (!current) return void (await ctx.reply(ctx.t('error-not-linked')))
  const wanted = ctx.match.trim().toLowerCase().replace(/\s+/g, '')
  if (wanted === '') {
    const me = always(await ctx.deps.people.whoAmI(actorOf(ctx)))
    const hint = me.person?.role === 'admin' ? `\n\n${ctx.t('regulation-admin-usage')}` : ''
    return void (await ctx.reply(profileText(ctx, current.year.name, current.profile) + hint))
  }
  const profile = ALIASES[wanted.replace(/^th[oô]ngt[uư]/, 'tt')]
  if (!profile) return void (await ctx.reply(ctx.t('regulation-unknown', { input: escapeHtml(ctx.match) })))
  const set = await ctx.deps.regulation.setProfile(actorOf(ctx), {
    schoolYearId: current.year.id,
    profileId: profile.id,
  })
  if (!set.ok) return void (await ctx.reply(serviceErrorText(ctx.t, set.error)))
  await ctx.reply(
    `${ctx.t(set.value.changed ? 'regulation-changed' : 'regulation-unchanged')}\n\n${profileText(ctx, set.value.year.name, set.value.profile)}`,
  )
}

const feature = new Feature()
feature.command('regulation', regulation)

export { feature as regulationFeature }
