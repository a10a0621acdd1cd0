/**
 * /standards, for a school's admin: the master's and doctorate ratios against the targets for
 * the school's kind (seed 000 §II.2), then who falls short of which standard, grouped by standard,
 * each group with its source. For the owner (Sở, Phòng): every school's ratios. Long lists are capped per standard and split at lines, so every
 * message stays under Telegram's 4,096 characters.
 */
import { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'
import { chunkLines } from '../present.ts'
import { serviceErrorText } from '../service-errors.ts'
import { gapGroupLines, ratioLines } from '../staff-text.ts'

const feature = new Feature()

feature.command('standards', async (ctx) => {
  const actor = { telegramId: ctx.from.id }
  const me = await ctx.deps.people.whoAmI(actor)
  const who = me.ok ? me.value : undefined
  if (who?.isOwner && !who.person) {
    // the owner (Sở, Phòng): every school's ratios; the gaps are each school's admin's
    const all = await ctx.deps.standards.ratiosAcrossSchools(actor)
    if (!all.ok) return void (await ctx.reply(serviceErrorText(ctx.t, all.error)))
    const lines = [ctx.t('standards-owner-heading', { count: all.value.length })]
    for (const school of all.value) {
      lines.push(
        '',
        ctx.t('standards-owner-school', { school: escapeHtml(school.schoolName), kind: school.kind ?? '—' }),
      )
      lines.push(...ratioLines(ctx.t, school).slice(1))
    }
    for (const text of chunkLines(lines)) await ctx.reply(text)
    return
  }
  if (who?.person?.role !== 'admin' || !who.school)
    return void (await ctx.reply(ctx.t('standards-admin-only')))
  const schoolId = who.school.id
  const [gaps, ratios] = await Promise.all([
    ctx.deps.standards.gaps(actor, { schoolId }),
    ctx.deps.standards.ratios(actor, { schoolId }),
  ])
  if (!gaps.ok) return void (await ctx.reply(serviceErrorText(ctx.t, gaps.error)))
  if (!ratios.ok) return void (await ctx.reply(serviceErrorText(ctx.t, ratios.error)))
  const g = gaps.value
  const lines = [
    ctx.t('standards-heading', { school: escapeHtml(who.school.name), kind: g.kind ?? '—' }),
    ctx.t('standards-summary', { judged: g.judged, meeting: g.meetingAll, without: g.withoutRecord }),
    '',
    ...ratioLines(ctx.t, ratios.value),
  ]
  if (g.groups.length === 0)
    lines.push('', ctx.t(g.judged === 0 ? 'standards-no-records' : 'standards-no-gaps'))
  else {
    lines.push('', ctx.t('standards-gaps-heading'))
    for (const group of g.groups) lines.push(...gapGroupLines(ctx.t, group))
  }
  for (const text of chunkLines(lines)) await ctx.reply(text)
})

export { feature as standardsFeature }
