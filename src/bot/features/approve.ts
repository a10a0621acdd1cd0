/**
 * /approve: the plans waiting for the person asking — a head sees their department's submitted
 * plans, an admin the plans the heads approved — each with one-tap approve and return (a return
 * asks for the reason). The approvals service (plan-approvals.ts) decides who may approve what.
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import { InlineKeyboard } from 'grammy'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'
import { serviceErrorText } from '../service-errors.ts'
import { announce } from './plan.ts'

export const RETURN_FLOW = 'return-plan'
/** one message stays well under Telegram's 4096 characters */
const MAX_ITEMS = 25

const approveButton = callbackData('apra', ['plan'])
const returnButton = callbackData('aprr', ['plan'])

const actorOf = (ctx: FlowContext) => ({ telegramId: ctx.from!.id })

async function waitingList(ctx: BotContext): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const waiting = await ctx.deps.planApprovals.waiting(actorOf(ctx), {})
  const keyboard = new InlineKeyboard()
  if (!waiting.ok) return { text: serviceErrorText(ctx.t, waiting.error), keyboard }
  const items = waiting.value
  if (items.length === 0) return { text: ctx.t('approve-nothing'), keyboard }
  const lines = [ctx.t('approve-heading', { count: items.length })]
  for (const [i, item] of items.slice(0, MAX_ITEMS).entries()) {
    lines.push(
      ctx.t('approve-item', {
        n: i + 1,
        name: escapeHtml(item.person.fullName),
        department: escapeHtml(item.person.departmentName ?? '—'),
        modules: escapeHtml(item.moduleCodes.join(', ')),
        hours: item.totalHours,
        step: ctx.t(`approve-step-${item.step}`),
      }),
    )
    keyboard
      .text(`✅ ${i + 1}. ${item.person.fullName}`, approveButton.pack({ plan: item.planId }))
      .text(ctx.t('approve-button-return'), returnButton.pack({ plan: item.planId }))
      .row()
  }
  if (items.length > MAX_ITEMS) lines.push(ctx.t('approve-more', { count: items.length - MAX_ITEMS }))
  return { text: lines.join('\n'), keyboard }
}

async function returnFlow(
  conversation: Conversation<BotContext, FlowContext>,
  ctx: FlowContext,
  planId: number,
) {
  await ctx.reply(`${ctx.t('approve-ask-reason')}\n${ctx.t('flow-cancel-hint')}`)
  for (;;) {
    const answer = await conversation.waitFor('message:text', {
      otherwise: (other) => other.reply(ctx.t('approve-ask-reason')),
    })
    const returned = await conversation.external((c) =>
      c.deps.planApprovals.returnPlan(actorOf(c), { planId, reason: answer.message.text }),
    )
    if (!returned.ok) {
      await ctx.reply(serviceErrorText(ctx.t, returned.error))
      if (returned.error.code !== 'invalid-input') return
      continue
    }
    await ctx.reply(ctx.t('approve-returned', { name: escapeHtml(returned.value.transition.owner.fullName) }))
    await conversation.external((c) => announce(c, returned.value.transition))
    return
  }
}

export const returnConversation = createConversation(returnFlow, RETURN_FLOW)

const feature = new Feature()

/** /approve, and the button of a reminder to approve. */
export async function openApprovals(ctx: BotContext): Promise<void> {
  const { text, keyboard } = await waitingList(ctx)
  await ctx.reply(text, { reply_markup: keyboard })
}

feature.command('approve', openApprovals)

feature.callbackQuery(approveButton, async (ctx) => {
  const planId = Number(approveButton.unpack(ctx.callbackQuery.data)?.plan)
  const approved = await ctx.deps.planApprovals.approve(actorOf(ctx), { planId })
  if (!approved.ok) {
    return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, approved.error), show_alert: true })
  }
  const { transition } = approved.value
  await ctx.answerCallbackQuery({
    text: ctx.t('approve-done', {
      name: transition.owner.fullName,
      to: transition.to,
    }),
  })
  await announce(ctx, transition)
  const { text, keyboard } = await waitingList(ctx)
  await ctx.editMessageText(text, { reply_markup: keyboard })
})

feature.callbackQuery(returnButton, async (ctx) => {
  const planId = Number(returnButton.unpack(ctx.callbackQuery.data)?.plan)
  await ctx.answerCallbackQuery()
  await ctx.startFlow(RETURN_FLOW, planId)
})

export { feature as approveFeature }
