/**
 * Leaving a flow: /cancel ends whatever step-by-step flow is open, and any other command leaves
 * it too before it runs, so a person is never stuck answering a question they walked away from.
 */
import { Composer } from 'grammy'
import type { BotContext } from '../context.ts'

const composer = new Composer<BotContext>()
const feature = composer.chatType('private')

const inFlow = (ctx: BotContext) => Object.keys(ctx.conversation.active()).length > 0

feature.command('cancel', async (ctx) => {
  const wasInFlow = inFlow(ctx)
  await ctx.conversation.exitAll()
  await ctx.reply(ctx.t(wasInFlow ? 'flow-cancelled' : 'flow-nothing-to-cancel'))
})

feature.on('message::bot_command', async (ctx, next) => {
  if (inFlow(ctx)) await ctx.conversation.exitAll()
  await next()
})

export { composer as flowControl }
