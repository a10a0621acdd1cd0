/**
 * Whatever no feature handled: a hint instead of silence, and outdated buttons answered so the
 * phone's spinner stops.
 */
import { Composer } from 'grammy'
import type { BotContext } from '../context.ts'

const composer = new Composer<BotContext>()

composer.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') }))
composer.chatType('private').on('message', (ctx) => ctx.reply(ctx.t('unhandled-message')))

export { composer as unhandledFeature }
