/**
 * The error boundary: a failure anywhere below is logged with the update id and answered with a
 * short apology in the person's language; the bot goes on with the next update.
 */
import type { MiddlewareFn } from 'grammy'
import type { BotContext } from './context.ts'
import { DEFAULT_LANGUAGE, isLanguage } from './i18n.ts'

export const errorBoundary: MiddlewareFn<BotContext> = async (ctx, next) => {
  try {
    await next()
  } catch (error) {
    ctx.deps.logger.error('handler failed', { update_id: ctx.update.update_id, error })
    const chosen = ctx.account?.language
    const text = ctx.deps.i18n.t(isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE, 'error-apology')
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {})
      if (ctx.chat) await ctx.reply(text)
    } catch (replyError) {
      ctx.deps.logger.error('apology failed', { update_id: ctx.update.update_id, error: replyError })
    }
  }
}
