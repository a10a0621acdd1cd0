/**
 * Entering and leaving flows. /cancel ends whatever step-by-step flow is open, and any other
 * command leaves it too before it runs, so a person is never stuck answering a question they
 * walked away from.
 *
 * The flows (conversations) are installed on an update only when it needs them: when the chat is
 * in a flow, or when a handler starts one with `ctx.startFlow(...)`. Installing a dozen of them
 * costs more than answering most commands, and most updates are neither.
 */
import { Composer, type Middleware, type MiddlewareFn } from 'grammy'
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

/**
 * Before the features: the flow this chat is in gets the update first, and `ctx.startFlow`
 * installs the flows if need be, then enters one. `flows` are the conversations plugin's
 * `createConversation(...)` middlewares.
 */
export function flowsOnDemand(flows: Middleware<BotContext>[]): MiddlewareFn<BotContext> {
  const installed = new WeakSet<BotContext>()
  const install = new Composer<BotContext>(
    (ctx, next) => {
      installed.add(ctx)
      return next()
    },
    ...flows,
  ).middleware()
  return (ctx, next) => {
    ctx.startFlow = async (id, ...args) => {
      const enter = () => ctx.conversation.enter(id, ...args)
      if (installed.has(ctx)) await enter()
      else await install(ctx, enter)
    }
    return inFlow(ctx) ? install(ctx, next) : next()
  }
}
