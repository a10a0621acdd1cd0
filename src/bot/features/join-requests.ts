/**
 * Approving a claim made through a department-wide invite. The claimant picked (or typed) a name
 * already on the staff list; the department's head and the school's admins get a message naming
 * the Telegram account and the claimed name, with ✅ / ❌. The first answer counts: approved, the
 * account is linked and the claimant is welcomed (with a button to give what their profile still
 * lacks); rejected, the claimant is told to ask for a personal link. Every answer is checked by
 * the service, whoever presses.
 */
import { InlineKeyboard } from 'grammy'
import { callbackData } from '../callback-data.ts'
import { setChatCommands } from '../commands.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { DEFAULT_LANGUAGE, escapeHtml, isLanguage } from '../i18n.ts'
import { notify } from '../notify.ts'
import { serviceErrorText } from '../service-errors.ts'

/** the flow that asks an approved claimant for their level and subject (join.ts) */
export const JOIN_PROFILE_FLOW = 'joinprofile'

const decideButton = callbackData('jr', ['id', 'answer'])
const continueButton = callbackData('jrc', [])

type Where = { school: { name: string }; department: { name: string } | null }
const inDepartment = (where: Where) => (where.department ? ` (${escapeHtml(where.department.name)})` : '')

/**
 * Sends the claim to whoever may approve it and returns what the claimant reads: it waits for
 * approval, or why it cannot.
 */
export async function requestApproval(
  ctx: BotContext,
  input: { code: string; personId: number; telegramName: string },
): Promise<string> {
  const asked = await ctx.deps.joinRequests.request({ telegramId: ctx.from!.id }, input)
  if (!asked.ok) return serviceErrorText(ctx.t, asked.error)
  const r = asked.value
  const name = escapeHtml(r.person.fullName)
  const telegram = escapeHtml(r.telegramName)
  await notify(
    ctx,
    r.approvers,
    (t) =>
      t('join-request-ask', {
        telegram,
        name,
        role: t(`role-${r.role}`),
        school: escapeHtml(r.school.name),
        inDepartment: inDepartment(r),
      }),
    (t) =>
      new InlineKeyboard()
        .text(t('join-request-approve'), decideButton.pack({ id: r.requestId, answer: 'a' }))
        .text(t('join-request-reject'), decideButton.pack({ id: r.requestId, answer: 'r' })),
  )
  return ctx.t(r.alreadyWaiting ? 'join-request-waiting' : 'join-request-sent', {
    name,
    school: escapeHtml(r.school.name),
    inDepartment: inDepartment(r),
  })
}

const feature = new Feature()

feature.callbackQuery(decideButton, async (ctx) => {
  const data = decideButton.unpack(ctx.callbackQuery.data)
  const decided = await ctx.deps.joinRequests.decide(
    { telegramId: ctx.from.id },
    { requestId: Number(data?.id), approve: data?.answer === 'a' },
  )
  if (!decided.ok) {
    await ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, decided.error), show_alert: true })
    // a request answered by someone else (or lapsed) keeps no buttons
    if (decided.error.code === 'join-request-decided') await ctx.editMessageReplyMarkup()
    return
  }
  const d = decided.value
  await ctx.answerCallbackQuery()
  const vars = { telegram: escapeHtml(d.telegramName), name: escapeHtml(d.person.fullName) }
  await ctx.editMessageText(
    ctx.t(d.status === 'approved' ? 'join-request-approved-by' : 'join-request-rejected-by', vars),
  )
  if (d.status === 'rejected') {
    await notify(ctx, [d.claimant], (t) => t('join-request-rejected', { name: vars.name }))
    return
  }
  const needsMore = d.missing.length > 0
  await notify(
    ctx,
    [d.claimant],
    (t) =>
      [
        t('join-request-approved', {
          name: vars.name,
          school: escapeHtml(d.school.name),
          inDepartment: inDepartment(d),
          role: t(`role-${d.person.role}`),
        }),
        needsMore ? t('join-request-missing') : t(`join-done-${d.person.role}`),
      ].join('\n'),
    needsMore
      ? (t) => new InlineKeyboard().text(t('join-request-continue'), continueButton.pack({}))
      : undefined,
  )
  const language = isLanguage(d.claimant.language) ? d.claimant.language : DEFAULT_LANGUAGE
  try {
    await setChatCommands(ctx.api, ctx.deps.i18n, d.claimant.telegramId, language, d.commands)
  } catch (error) {
    ctx.deps.logger.warn('commands not set for an approved claimant', { to: d.claimant.telegramId, error })
  }
})

// the approved claimant goes on to give their level and subject
feature.callbackQuery(continueButton, async (ctx) => {
  await ctx.answerCallbackQuery()
  await ctx.editMessageReplyMarkup()
  await ctx.startFlow(JOIN_PROFILE_FLOW)
})

export { feature as joinRequestsFeature }
