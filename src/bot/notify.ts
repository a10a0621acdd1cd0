/**
 * Messages to other people (a head told of a submitted plan, a teacher of its approval): each in
 * the recipient's own language. A recipient who blocked the bot does not stop the others.
 */
import type { TranslateFunction } from '@grammyjs/i18n'
import type { Api } from 'grammy'
import type { InlineKeyboardMarkup } from 'grammy/types'
import type { Recipient } from '../store/people.ts'
import { setChatCommands } from './commands.ts'
import type { Deps, FlowContext } from './context.ts'
import { DEFAULT_LANGUAGE, isLanguage } from './i18n.ts'

/** What sending to others needs: a context in the chat, or the bot's Api from elsewhere (the Mini App). */
export interface Messenger {
  api: Api
  deps: Pick<Deps, 'i18n' | 'logger' | 'notifications'>
}

export async function notify(
  ctx: Messenger,
  recipients: ReadonlyArray<Recipient>,
  text: (t: TranslateFunction) => string,
  keyboard?: (t: TranslateFunction) => InlineKeyboardMarkup,
  options: { result?: boolean } = {},
): Promise<void> {
  // a result notice (a new score, a plan approved or returned) can be turned off in /settings
  const muted = options.result
    ? await ctx.deps.notifications.mutedResults(recipients.map((r) => r.telegramId))
    : new Set<number>()
  for (const recipient of recipients) {
    if (muted.has(recipient.telegramId)) continue
    const language = isLanguage(recipient.language) ? recipient.language : DEFAULT_LANGUAGE
    const t: TranslateFunction = (key, vars) => ctx.deps.i18n.t(language, key, vars)
    try {
      await ctx.api.sendMessage(recipient.telegramId, text(t), keyboard ? { reply_markup: keyboard(t) } : {})
    } catch (error) {
      ctx.deps.logger.warn('notification not delivered', { to: recipient.telegramId, error })
    }
  }
}

/** The person's own command menu: their role's commands, in their language. */
export async function refreshCommands(ctx: FlowContext): Promise<void> {
  if (!ctx.from || !ctx.chat) return
  const names = await ctx.deps.people.commands({ telegramId: ctx.from.id })
  const locale = await ctx.i18n.getLocale()
  const language = isLanguage(locale) ? locale : DEFAULT_LANGUAGE
  await setChatCommands(ctx.api, ctx.deps.i18n, ctx.chat.id, language, names)
}
