/**
 * Steps shared by the step-by-step flows (conversations): wait for one of a question's buttons
 * and leave the chosen answer in the chat, or wait for a typed answer.
 *
 *   const role = await waitPick(conversation, ctx, pick)   // pick = callbackData('invp', ['value'])
 */
import type { Conversation } from '@grammyjs/conversations'
import { InlineKeyboard } from 'grammy'
import type { CallbackData } from './callback-data.ts'
import type { BotContext, FlowContext } from './context.ts'
import { escapeHtml } from './i18n.ts'

type Flow = Conversation<BotContext, FlowContext>

/** Replaces a question's buttons with the answer chosen, so the chat reads as a conversation. */
export async function showChoice(picked: FlowContext): Promise<void> {
  const message = picked.callbackQuery?.message
  const data = picked.callbackQuery?.data
  const chosen = message?.reply_markup?.inline_keyboard
    .flat()
    .find((b) => 'callback_data' in b && b.callback_data === data)
  if (!message || !('text' in message) || !chosen) return void (await picked.editMessageReplyMarkup())
  await picked.editMessageText(`${escapeHtml(message.text ?? '')}\n→ <b>${escapeHtml(chosen.text)}</b>`)
}

/** Waits for a button of `kind`; anything else gets a reminder to use the buttons. */
export async function waitPick(
  conversation: Flow,
  ctx: FlowContext,
  kind: CallbackData<'value'>,
): Promise<string> {
  const picked = await conversation.waitForCallbackQuery(kind.filter, {
    otherwise: (other) => other.reply(ctx.t('flow-use-buttons')),
  })
  await picked.answerCallbackQuery()
  await showChoice(picked)
  return kind.unpack(picked.callbackQuery.data)!.value
}

/** Asks a question (with the cancel hint) and waits for a typed answer. */
export async function askText(conversation: Flow, ctx: FlowContext, question: string): Promise<string> {
  await ctx.reply(`${question}\n${ctx.t('flow-cancel-hint')}`)
  const answer = await conversation.waitFor('message:text', { otherwise: (other) => other.reply(question) })
  return answer.message.text.trim()
}

/**
 * A file's preview with ✅ Lưu / Hủy, then waits: 'save'; 'cancel' (said so in the chat); or a
 * newer file sent meanwhile, whose own preview comes next (this preview's buttons are taken away,
 * so they cannot save the old one).
 */
export async function confirmOrNewFile<R extends FlowContext>(
  conversation: Flow,
  ctx: FlowContext,
  received: R,
  preview: string,
  kind: CallbackData<'choice'>,
): Promise<'save' | 'cancel' | { file: R }> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t('import-button-save'), kind.pack({ choice: 'save' }))
    .text(ctx.t('import-button-cancel'), kind.pack({ choice: 'cancel' }))
  const shown = await received.reply(preview, { reply_markup: keyboard })
  const answer = await conversation.waitUntil(
    (u) => kind.unpack(u.callbackQuery?.data) !== undefined || u.message?.document !== undefined,
    { otherwise: (other) => other.reply(ctx.t('import-confirm-buttons')) },
  )
  if (answer.message?.document) {
    await answer.api.editMessageReplyMarkup(shown.chat.id, shown.message_id)
    return { file: answer as unknown as R }
  }
  const choice = kind.unpack(answer.callbackQuery?.data)?.choice
  await answer.answerCallbackQuery()
  await answer.editMessageReplyMarkup()
  if (choice === 'save') return 'save'
  await answer.reply(ctx.t('import-cancelled'))
  return 'cancel'
}
