/**
 * /help: what this bot does, the public tools, and the commands of the person's own role.
 */
import { Feature } from '../feature.ts'
import { always } from '../service-errors.ts'

const feature = new Feature()

feature.command('help', async (ctx) => {
  const me = always(await ctx.deps.people.whoAmI({ telegramId: ctx.from.id }))
  const sections = [ctx.t('help-public')]
  if (me.isOwner) sections.push(ctx.t('help-role-owner'))
  if (me.person) sections.push(ctx.t(`help-role-${me.person.role}`))
  else if (!me.isOwner) sections.push(ctx.t('help-not-linked'))
  await ctx.reply(sections.join('\n\n'))
})

export { feature as helpFeature }
