/**
 * /help: what this bot does, the public tools, and the commands of the person's own role.
 */
import { Composer } from 'grammy'
import type { BotContext } from '../context.ts'
import { always } from '../service-errors.ts'

const composer = new Composer<BotContext>()

composer.chatType('private').command('help', async (ctx) => {
  const me = always(await ctx.deps.people.whoAmI({ telegramId: ctx.from.id }))
  const sections = [ctx.t('help-public')]
  if (me.isOwner) sections.push(ctx.t('help-role-owner'))
  if (me.person) sections.push(ctx.t(`help-role-${me.person.role}`))
  else if (!me.isOwner) sections.push(ctx.t('help-not-linked'))
  await ctx.reply(sections.join('\n\n'))
})

export { composer as helpFeature }
