/**
 * /regulation: which regulation the school's current year is judged by (TT 26/2012 or TT 19/2019),
 * its hours and sources, and what it leaves to the school. The admin switches it with
 * `/regulation tt26` or `/regulation tt19` while no result of the year is saved, and under TT 19
 * settles its open points: the classes (a button) and the split of programmes 01 and 02
 * (`/regulation tiết 30 50`).
 */
import { InlineKeyboard } from 'grammy'
import { programmeId, type RegulationProfile, settingsOf, TT19_2019, TT26_2012 } from '../../rules/index.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { echo, escapeHtml } from '../i18n.ts'
import { always, serviceErrorText } from '../service-errors.ts'

const actorOf = (ctx: BotContext) => ({ telegramId: ctx.from!.id })

/** The admin's choice of classes under a regulation that leaves them open. */
const classesButton = callbackData('regc', ['classes'])

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

/** "/regulation tiết 30 50", "hours 30 50": the split of programmes 01 and 02. */
const HOURS = /^(?:ti[eế]t|hours?)\s+(\d{1,3})\s*[\s,;/+]\s*(\d{1,3})$/iu

const isOpen = (profile: RegulationProfile) => profile.unverified.length > 0

export function profileText(ctx: BotContext, yearName: string, profile: RegulationProfile): string {
  const { nd1, nd2, nd3, total } = profile.hours
  const settings = settingsOf(profile)
  const lines = [
    ctx.t('regulation-heading', { year: escapeHtml(yearName), documents: profile.documents.join(', ') }),
    ctx.t('regulation-hours', { nd1: nd1.hours, nd2: nd2.hours, nd3: nd3.hours, total: total.hours }),
    isOpen(profile) && settings.classes === 'tt26'
      ? ctx.t('regulation-grading-school-classes')
      : ctx.t(`regulation-grading-${programmeId(profile.id)}`),
    ctx.t('source-line', { source: escapeHtml(total.source) }),
  ]
  if (isOpen(profile)) lines.push('', ctx.t('regulation-unverified'))
  return lines.join('\n')
}

/** The admin's buttons and hints under the year's profile. */
function adminExtras(
  ctx: BotContext,
  profile: RegulationProfile,
): { hint: string; keyboard?: InlineKeyboard } {
  if (!isOpen(profile)) return { hint: ctx.t('regulation-admin-usage') }
  const other = settingsOf(profile).classes === 'tt26' ? 'completion' : 'tt26'
  return {
    hint: `${ctx.t('regulation-admin-usage')}\n${ctx.t('regulation-admin-settings')}`,
    keyboard: new InlineKeyboard().text(
      ctx.t(`regulation-classes-${other}`),
      classesButton.pack({ classes: other }),
    ),
  }
}

async function show(ctx: BotContext, prefix = ''): Promise<void> {
  const current = await ctx.deps.regulation.ofActor(actorOf(ctx))
  if (!current) return void (await ctx.reply(ctx.t('error-not-linked')))
  const me = always(await ctx.deps.people.whoAmI(actorOf(ctx)))
  const text = prefix + profileText(ctx, current.year.name, current.profile)
  if (me.person?.role !== 'admin') return void (await ctx.reply(text))
  const { hint, keyboard } = adminExtras(ctx, current.profile)
  await ctx.reply(`${text}\n\n${hint}`, keyboard ? { reply_markup: keyboard } : {})
}

async function regulation(ctx: BotContext & { match: string }): Promise<void> {
  const typed = ctx.match.trim()
  if (typed === '') return show(ctx)
  const current = await ctx.deps.regulation.ofActor(actorOf(ctx))
  if (!current) return void (await ctx.reply(ctx.t('error-not-linked')))
  const hours = HOURS.exec(typed)
  if (hours) {
    const set = await ctx.deps.regulation.setSettings(actorOf(ctx), {
      schoolYearId: current.year.id,
      nd1: Number(hours[1]),
      nd2: Number(hours[2]),
    })
    if (!set.ok) return void (await ctx.reply(serviceErrorText(ctx.t, set.error)))
    return show(
      ctx,
      `${ctx.t(set.value.changed ? 'regulation-settings-changed' : 'regulation-unchanged')}\n\n`,
    )
  }
  const wanted = typed.toLowerCase().replace(/\s+/g, '')
  const profile = ALIASES[wanted.replace(/^th[oô]ngt[uư]/, 'tt')]
  if (!profile) return void (await ctx.reply(ctx.t('regulation-unknown', { input: echo(typed) })))
  const set = await ctx.deps.regulation.setProfile(actorOf(ctx), {
    schoolYearId: current.year.id,
    profileId: profile.id,
  })
  if (!set.ok) return void (await ctx.reply(serviceErrorText(ctx.t, set.error)))
  return show(ctx, `${ctx.t(set.value.changed ? 'regulation-changed' : 'regulation-unchanged')}\n\n`)
}

const feature = new Feature()
feature.command('regulation', regulation)

feature.callbackQuery(classesButton, async (ctx) => {
  const classes = classesButton.unpack(ctx.callbackQuery.data)?.classes
  const current = await ctx.deps.regulation.ofActor(actorOf(ctx))
  if (!current || (classes !== 'tt26' && classes !== 'completion')) {
    return ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') })
  }
  const set = await ctx.deps.regulation.setSettings(actorOf(ctx), { schoolYearId: current.year.id, classes })
  if (!set.ok) return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, set.error), show_alert: true })
  await ctx.answerCallbackQuery({ text: ctx.t('regulation-settings-changed') })
  const { hint, keyboard } = adminExtras(ctx, set.value.profile)
  await ctx.editMessageText(`${profileText(ctx, set.value.year.name, set.value.profile)}\n\n${hint}`, {
    ...(keyboard ? { reply_markup: keyboard } : {}),
  })
})

export { feature as regulationFeature }
