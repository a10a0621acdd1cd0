/**
 * /unreachable: for a school's admin (their school) and a head (their department), the people the
 * bot cannot reach — never linked a Telegram account, or blocked the bot — each with one button
 * that gives the link to pass on by Zalo or in person: a fresh personal invite for someone never
 * linked, the bot's own link for someone who blocked it (they only need to open it again).
 * Who may see whom is checked by the people service's list.
 */
import { InlineKeyboard } from 'grammy'
import { startLink } from '../../services/index.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'
import { always, serviceErrorText } from '../service-errors.ts'

const linkButton = callbackData('unr', ['person'])
/** People listed with a button each (Telegram allows 100 buttons; a message stays readable). */
const MAX_LISTED = 30

const actorOf = (ctx: BotContext) => ({ telegramId: ctx.from!.id })

const feature = new Feature()

feature.command('unreachable', async (ctx) => {
  const me = always(await ctx.deps.people.whoAmI(actorOf(ctx)))
  const role = me.person?.role
  if (!me.person || !me.school || (role !== 'admin' && role !== 'head'))
    return void (await ctx.reply(ctx.t('unreachable-forbidden')))
  const departmentId = role === 'head' ? (me.person.departmentId ?? undefined) : undefined
  const people = await ctx.deps.people.list(actorOf(ctx), { schoolId: me.school.id, departmentId })
  if (!people.ok) return void (await ctx.reply(serviceErrorText(ctx.t, people.error)))
  const linked = people.value.flatMap((p) => (p.telegramId === null ? [] : [p.telegramId]))
  const blocked = await ctx.deps.notifications.blockedAmong(linked)
  const unreachable = people.value.filter((p) => p.telegramId === null || blocked.has(p.telegramId))
  if (unreachable.length === 0) return void (await ctx.reply(ctx.t('unreachable-none')))
  const lines = [ctx.t('unreachable-heading', { count: unreachable.length })]
  const keyboard = new InlineKeyboard()
  for (const p of unreachable.slice(0, MAX_LISTED)) {
    const why = ctx.t(p.telegramId === null ? 'unreachable-never' : 'unreachable-blocked')
    lines.push(`• ${escapeHtml(p.fullName)} — ${why}`)
    keyboard.text(`🔗 ${p.fullName.slice(0, 50)}`, linkButton.pack({ person: p.id })).row()
  }
  if (unreachable.length > MAX_LISTED)
    lines.push(ctx.t('people-more', { count: unreachable.length - MAX_LISTED }))
  await ctx.reply(lines.join('\n'), { reply_markup: keyboard })
})

feature.callbackQuery(linkButton, async (ctx) => {
  const personId = Number(linkButton.unpack(ctx.callbackQuery.data)?.person)
  // the service checks that the viewer may see this person (their school, their department)
  const person = Number.isInteger(personId)
    ? await ctx.deps.people.get(actorOf(ctx), { personId })
    : undefined
  if (!person?.ok) {
    const text = person ? serviceErrorText(ctx.t, person.error) : ctx.t('unhandled-button')
    return ctx.answerCallbackQuery({ text: text.replace(/<[^>]+>/g, ''), show_alert: true })
  }
  const p = person.value
  await ctx.answerCallbackQuery()
  if (p.telegramId !== null) {
    return void (await ctx.reply(
      ctx.t('unreachable-link-blocked', {
        name: escapeHtml(p.fullName),
        link: `https://t.me/${ctx.me.username}`,
      }),
    ))
  }
  const made = await ctx.deps.invites.create(actorOf(ctx), {
    schoolId: p.schoolId,
    role: p.role,
    departmentId: p.departmentId,
    personId: p.id,
    kind: 'single',
  })
  if (!made.ok) return void (await ctx.reply(serviceErrorText(ctx.t, made.error)))
  await ctx.reply(
    ctx.t('unreachable-link', {
      name: escapeHtml(p.fullName),
      link: startLink(ctx.me.username, made.value.code),
    }),
  )
})

export { feature as unreachableFeature }
