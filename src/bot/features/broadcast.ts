/**
 * /broadcast (a school's admins; owners across schools): write the message (formatted text, or a
 * document with a caption), choose who receives it (everyone, a role, a department), see how many
 * people that is, confirm. Delivery is the outbox worker's: it paces itself under Telegram's
 * limits, keeps a live progress message for the sender and ends with a report; the sender can
 * stop it midway.
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import type { I18n } from '@grammyjs/i18n'
import { InlineKeyboard } from 'grammy'
import type { ProgressRenderer, ProgressView } from '../../jobs/broadcast-progress.ts'
import { type Audience, overLimit } from '../../services/broadcasts.ts'
import { BLOCKED_ERROR } from '../../store/outbox.ts'
import { ROLES } from '../../store/people.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { waitPick } from '../flow.ts'
import { entitiesToHtml } from '../html.ts'
import { DEFAULT_LANGUAGE, escapeHtml, isLanguage } from '../i18n.ts'
import { always, serviceErrorText } from '../service-errors.ts'

export const BROADCAST_FLOW = 'broadcast'
const pick = callbackData('brp', ['value'])
const stopButton = callbackData('brs', ['id'])

type Flow = Conversation<BotContext, FlowContext>
const actorOf = (ctx: FlowContext) => ({ telegramId: ctx.from!.id })

async function broadcastFlow(conversation: Flow, ctx: FlowContext): Promise<void> {
  const me = await conversation.external((c) => c.deps.people.whoAmI(actorOf(c)).then(always))
  const schoolId = me.person?.role === 'admin' ? me.school!.id : null
  if (schoolId === null && !me.isOwner) return void (await ctx.reply(ctx.t('error-forbidden')))

  await ctx.reply(`${ctx.t('broadcast-ask-message')}\n${ctx.t('flow-cancel-hint')}`)
  const message = await conversation.waitFor(['message:text', 'message:document'], {
    otherwise: (other) => other.reply(ctx.t('broadcast-ask-message')),
  })
  const m = message.message
  const content = m.document
    ? {
        type: 'document' as const,
        file_id: m.document.file_id,
        caption_html: entitiesToHtml(m.caption ?? '', m.caption_entities),
      }
    : { type: 'text' as const, html: entitiesToHtml(m.text ?? '', m.entities) }
  const tooLong = overLimit(content)
  if (tooLong) return void (await ctx.reply(serviceErrorText(ctx.t, tooLong)))

  let audience: Audience = { type: 'everyone' }
  if (schoolId !== null) {
    const kinds = new InlineKeyboard()
      .text(ctx.t('broadcast-to-everyone'), pick.pack({ value: 'everyone' }))
      .row()
      .text(ctx.t('broadcast-to-role'), pick.pack({ value: 'role' }))
      .row()
      .text(ctx.t('broadcast-to-department'), pick.pack({ value: 'department' }))
      .row()
      .text(ctx.t('broadcast-to-open-task'), pick.pack({ value: 'task' }))
    await ctx.reply(ctx.t('broadcast-ask-audience'), { reply_markup: kinds })
    const kind = await waitPick(conversation, ctx, pick)
    if (kind === 'role') {
      const roles = new InlineKeyboard()
      for (const role of ROLES) roles.text(ctx.t(`role-${role}`), pick.pack({ value: role })).row()
      await ctx.reply(ctx.t('broadcast-ask-role'), { reply_markup: roles })
      audience = {
        type: 'roles',
        roles: [(await waitPick(conversation, ctx, pick)) as (typeof ROLES)[number]],
      }
    } else if (kind === 'department') {
      const departments = await conversation.external((c) =>
        c.deps.schools.listDepartments(actorOf(c), { schoolId }),
      )
      if (!departments.ok || departments.value.length === 0)
        return void (await ctx.reply(ctx.t('invite-no-departments')))
      const keyboard = new InlineKeyboard()
      for (const d of departments.value) keyboard.text(d.name, pick.pack({ value: d.id })).row()
      await ctx.reply(ctx.t('broadcast-ask-department'), { reply_markup: keyboard })
      audience = { type: 'departments', departmentIds: [Number(await waitPick(conversation, ctx, pick))] }
    } else if (kind === 'task') {
      const language = await ctx.i18n.getLocale()
      const calendar = await conversation.external((c) => c.deps.calendar.list(actorOf(c), { schoolId }))
      const withTask = calendar.ok ? calendar.value.filter((d) => d.task !== null && !d.passed) : []
      if (withTask.length === 0) return void (await ctx.reply(ctx.t('broadcast-no-open-task')))
      const keyboard = new InlineKeyboard()
      for (const d of withTask)
        keyboard.text(language === 'en' ? d.titleEn : d.titleVi, pick.pack({ value: d.id })).row()
      await ctx.reply(ctx.t('broadcast-ask-task'), { reply_markup: keyboard })
      const deadlineId = Number(await waitPick(conversation, ctx, pick))
      const open = await conversation.external((c) => c.deps.calendar.whoIsOpen(actorOf(c), { deadlineId }))
      if (!open.ok) return void (await ctx.reply(serviceErrorText(ctx.t, open.error)))
      const personIds = [
        ...open.value.linked.map((p) => p.personId),
        ...open.value.withoutTelegram.map((p) => p.personId),
      ]
      if (personIds.length === 0) return void (await ctx.reply(ctx.t('broadcast-nobody-late')))
      audience = { type: 'people', personIds }
    }
  }

  const draft = await conversation.external((c) =>
    c.deps.broadcasts.create(actorOf(c), { schoolId, content, audience }),
  )
  if (!draft.ok) return void (await ctx.reply(serviceErrorText(ctx.t, draft.error)))
  const broadcastId = draft.value.id
  const preview = await conversation.external((c) => c.deps.broadcasts.preview(actorOf(c), { broadcastId }))
  if (!preview.ok) return void (await ctx.reply(serviceErrorText(ctx.t, preview.error)))
  // nobody there can receive it yet (none linked, or all blocked the bot): no Send to press
  if (preview.value.recipients === 0)
    return void (await ctx.reply(
      ctx.t('broadcast-nobody-reachable', {
        without: preview.value.withoutTelegram,
        blocked: preview.value.blocked,
      }),
    ))
  // the message itself, as Telegram renders it for the recipients
  await ctx.reply(ctx.t('broadcast-preview-heading'))
  if (content.type === 'text') await ctx.reply(content.html, { parse_mode: 'HTML' })
  else
    await ctx.replyWithDocument(content.file_id, {
      ...(content.caption_html ? { caption: content.caption_html, parse_mode: 'HTML' as const } : {}),
    })
  // the preview says who will not get it and whether it waits for quiet hours; 🚨 marks it
  // urgent (it then goes at once to everyone) and the preview is shown again saying so
  let urgent = false
  for (;;) {
    const confirm = new InlineKeyboard()
      .text(ctx.t('broadcast-button-send'), pick.pack({ value: 'send' }))
      .text(
        ctx.t(urgent ? 'broadcast-button-not-urgent' : 'broadcast-button-urgent'),
        pick.pack({ value: 'urgent' }),
      )
      .text(ctx.t('grades-button-cancel'), pick.pack({ value: 'cancel' }))
    const lines = [
      ctx.t('broadcast-preview', {
        recipients: preview.value.recipients,
        without: preview.value.withoutTelegram,
      }),
    ]
    if (preview.value.blocked > 0)
      lines.push(ctx.t('broadcast-preview-blocked', { count: preview.value.blocked }))
    lines.push(ctx.t(urgent ? 'broadcast-preview-urgent' : 'broadcast-preview-quiet'))
    await ctx.reply(lines.join('\n'), { reply_markup: confirm })
    const choice = await waitPick(conversation, ctx, pick)
    if (choice === 'urgent') {
      urgent = !urgent
      continue
    }
    if (choice !== 'send') return void (await ctx.reply(ctx.t('broadcast-cancelled')))
    break
  }
  // this message becomes the progress message: the worker edits it while sending, with the stop
  // button, and its last edit takes the button away
  const progress = await ctx.reply(
    ctx.t('broadcast-started', { id: broadcastId, count: preview.value.recipients }),
    { reply_markup: stopKeyboard(ctx.t, broadcastId) },
  )
  const started = await conversation.external((c) =>
    c.deps.broadcasts.confirm(actorOf(c), {
      broadcastId,
      urgent,
      progressMessage: { chatId: progress.chat.id, messageId: progress.message_id },
    }),
  )
  if (!started.ok)
    await ctx.api.editMessageText(
      progress.chat.id,
      progress.message_id,
      serviceErrorText(ctx.t, started.error),
    )
}

function stopKeyboard(t: (key: string) => string, broadcastId: number): InlineKeyboard {
  return new InlineKeyboard().text(t('broadcast-button-stop'), stopButton.pack({ id: broadcastId }))
}

/** The stop button under the progress message while a broadcast sends, in the sender's language. */
export function broadcastStopKeyboard(i18n: I18n<FlowContext>): (v: ProgressView) => InlineKeyboard {
  return (v) =>
    stopKeyboard((key) => i18n.t(isLanguage(v.language) ? v.language : DEFAULT_LANGUAGE, key), v.broadcastId)
}

export const broadcastConversation = createConversation(broadcastFlow, BROADCAST_FLOW)

/** The worker's progress message and report, in the sender's language. */
export function broadcastRenderer(i18n: I18n<FlowContext>): ProgressRenderer {
  return (v) => {
    const language = isLanguage(v.language) ? v.language : DEFAULT_LANGUAGE
    const done = v.total - v.waiting
    const lines = [
      i18n.t(
        language,
        `broadcast-${v.phase === 'progress' ? 'progress' : v.status === 'cancelled' ? 'stopped' : 'done'}`,
        {
          id: v.broadcastId,
          percent: v.total === 0 ? 100 : Math.floor((done / v.total) * 100),
        },
      ),
      i18n.t(language, 'broadcast-counts', {
        sent: v.sent,
        waiting: v.waiting,
        unreachable: v.unreachable,
        failed: v.failed + v.unknown,
        cancelled: v.cancelled,
      }),
    ]
    if (v.morning > 0) lines.push(i18n.t(language, 'broadcast-waiting-morning', { count: v.morning }))
    if (v.phase === 'report' && v.review.length > 0) {
      lines.push(i18n.t(language, 'broadcast-review'))
      for (const r of v.review)
        lines.push(`• ${escapeHtml(r.fullName ?? String(r.chatId))} — ${i18n.t(language, stateKey(r))}`)
    }
    return lines.join('\n')
  }
}

/**
 * Why a recipient is listed for review: blocking the bot and never having opened it are told
 * apart (Telegram's answer says which), as the preview counts them apart.
 */
function stateKey(r: { state: string; lastError: string | null }): string {
  const error = r.lastError ?? ''
  if (r.state !== 'unreachable') return `broadcast-state-${r.state}`
  if (error === BLOCKED_ERROR || /bot was blocked/i.test(error)) return 'broadcast-state-blocked'
  if (/deactivated/i.test(error)) return 'broadcast-state-deactivated'
  if (/chat not found|user not found|peer_id_invalid/i.test(error)) return 'broadcast-state-never-opened'
  return 'broadcast-state-unreachable'
}

const feature = new Feature()

feature.command('broadcast', (ctx) => ctx.startFlow(BROADCAST_FLOW))

feature.callbackQuery(stopButton, async (ctx) => {
  const broadcastId = Number(stopButton.unpack(ctx.callbackQuery.data)?.id)
  const stopped = await ctx.deps.broadcasts.cancel(actorOf(ctx), { broadcastId })
  if (!stopped.ok) {
    return ctx.answerCallbackQuery({
      text: serviceErrorText(ctx.t, stopped.error).replace(/<[^>]+>/g, ''),
      show_alert: true,
    })
  }
  await ctx.answerCallbackQuery()
  await ctx.editMessageReplyMarkup()
  await ctx.reply(ctx.t('broadcast-stopping', { id: broadcastId, cancelled: stopped.value.cancelled }))
})

export { feature as broadcastFeature }
