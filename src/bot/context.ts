/**
 * The bot's context type, composed from plugin flavors, and the dependencies one middleware puts
 * on every context (config, logger, stores) so features never import them globally.
 */
import type { ConversationFlavor } from '@grammyjs/conversations'
import type { I18n, I18nFlavor } from '@grammyjs/i18n'
import type { Context, SessionFlavor } from 'grammy'
import type { Logger } from '../logger.ts'
import type { SessionStore } from '../store/sessions.ts'
import type { TelegramUser, TelegramUserStore } from '../store/telegram-users.ts'

export interface Deps {
  logger: Logger
  sessions: SessionStore
  telegramUsers: TelegramUserStore
  i18n: I18n<FlowContext>
}

// biome-ignore lint/complexity/noBannedTypes: nothing is kept in the session yet; features add fields here
export type SessionData = {}

interface Extras {
  deps: Deps
  /** the Telegram account of `ctx.from`, when the update has one */
  account: TelegramUser | undefined
}

/** Context inside conversations: no session, no `ctx.conversation`. */
export type FlowContext = Context & I18nFlavor & Extras

/** Context of the outside middleware tree. */
export type BotContext = ConversationFlavor<Context & I18nFlavor & SessionFlavor<SessionData> & Extras>
