/**
 * Messages to other people (a head told of a submitted plan, a teacher of its approval): each in
 * the recipient's own language. A recipient who blocked the bot does not stop the others. A notice
 * (`result` or `quiet`) to someone in their quiet hours gets there when the hours end (it waits in
 * the outbox).
 */
import type { TranslateFunction } from '@grammyjs/i18n'
import type { Api } from 'grammy'
import type { InlineKeyboardMarkup } from 'grammy/types'
import type { BroadcastContent } from '../store/outbox.ts'
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
  options: {
    /** a result notice (a new score, a plan approved or returned): muted by /settings, held by quiet hours */
    result?: boolean
    /** held by the recipient's quiet hours (a plan's step for a head or the school) */
    quiet?: boolean
  } = {},
): Promise<void> {
  // a result notice (a new score, a plan approved or returned) can be turned off in /settings
  const muted = options.result
    ? await ctx.deps.notifications.mutedResults(recipients.map((r) => r.telegramId))
    : new Set<number>()
  // a notice (not an owner's or a join's message, which concern access) to someone in their quiet
  // hours gets there when they end, through the outbox
  const quiet =
    options.result || options.quiet
      ? await ctx.deps.notifications.inQuietHours(recipients.map((r) => r.telegramId))
      : new Map<number, Date>()
  const held: Array<{ chatId: number; personId: number | null; content: BroadcastContent }> = []
  for (const recipient of recipients) {
    if (muted.has(recipient.telegramId)) continue
    const language = isLanguage(recipient.language) ? recipient.language : DEFAULT_LANGUAGE
    const t: TranslateFunction = (key, vars) => ctx.deps.i18n.t(language, key, vars)
    if (quiet.has(recipient.telegramId)) {
      held.push({
        chatId: recipient.telegramId,
        personId: recipient.personId,
        content: { type: 'text', html: text(t), ...(keyboard ? { reply_markup: keyboard(t) } : {}) },
      })
      continue
    }
    try {
      await ctx.api.sendMessage(recipient.telegramId, text(t), keyboard ? { reply_markup: keyboard(t) } : {})
    } catch (error) {
      ctx.deps.logger.warn('notification not delivered', { to: recipient.telegramId, error })
    }
  }
  if (held.length === 0) return
  try {
    await ctx.deps.notifications.hold(held)
  } catch (error) {
    ctx.deps.logger.warn('notification not held for the morning', { to: held.map((m) => m.chatId), error })
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
