/**
 * Whatever no feature handled: a hint instead of silence, and outdated buttons answered so the
 * phone's spinner stops. An invite code pasted as a message is taken as the link it came from.
 */
import { Composer } from 'grammy'
import { codeIn, SETUP_PREFIX } from '../../services/codes.ts'
import type { BotContext } from '../context.ts'
import { startWithPayload } from './join.ts'

const composer = new Composer<BotContext>()

composer.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') }))
composer.chatType('private').on('message', async (ctx) => {
  // an invite code or link pasted as a message, not opened: the same as /start <code>, when the
  // code is a real invite (a ten-letter word that happens to look like one is just a message)
  const code = codeIn(ctx.msg.text ?? '')
  if (code) {
    const seen = code.startsWith(SETUP_PREFIX)
      ? null
      : await ctx.deps.invites.inspect({ telegramId: ctx.from.id }, code)
    if (seen === null || seen.ok || seen.error.code !== 'invite-unknown') return startWithPayload(ctx, code)
  }
  await ctx.reply(ctx.t('unhandled-message'))
})

export { composer as unhandledFeature }
