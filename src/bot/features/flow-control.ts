/**
 * Entering and leaving flows. /cancel ends whatever step-by-step flow is open, and any other
 * command leaves it too before it runs, so a person is never stuck answering a question they
 * walked away from. A flow that has waited for hours, or taken dozens of wrong answers, is closed
 * with a word to the person, so its stored state stays small.
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

/**
 * A flow's stored state is its replay log: every answer, wrong ones too, makes it longer and every
 * next update slower to replay. A flow that has taken this many updates is closed (a real one
 * takes a handful; a head resending a corrected batch a dozen times is still far below).
 */
export const FLOW_MAX_UPDATES = 40
/** A question left unanswered this long is closed: a number typed tomorrow means something else. */
export const FLOW_IDLE_MS = 3 * 60 * 60 * 1000

/** Each update a conversation has received is kept in its log with its id. */
const updatesIn = (json: string) => json.split('"update_id":').length - 1

// before anything reads the flow: close one that has grown too long or waited too long
feature.use(async (ctx, next) => {
  if (!inFlow(ctx)) return next()
  const state = await ctx.deps.sessions.peek(`conversation:${ctx.chat.id}`)
  const tooLong = state !== undefined && updatesIn(state.json) >= FLOW_MAX_UPDATES
  const idle = state !== undefined && Date.now() - state.updatedAt > FLOW_IDLE_MS
  if (!tooLong && !idle) return next()
  await ctx.conversation.exitAll()
  if (ctx.callbackQuery) await ctx.answerCallbackQuery()
  // a command is a fresh start and goes on; an answer meant for the closed question does not
  if (ctx.msg?.text?.startsWith('/')) return next()
  await ctx.reply(ctx.t(tooLong ? 'flow-too-long' : 'flow-expired', { hours: FLOW_IDLE_MS / 3_600_000 }))
})

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
