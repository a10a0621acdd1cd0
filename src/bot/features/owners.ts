/**
 * /owners (owners only): the deployment's owners, and a way to take another owner's rights away,
 * with a confirmation. The service decides (never oneself, never the last owner, not one named in
 * OWNER_TELEGRAM_IDS); the buttons only spare a question that would be refused.
 *
 *   /owners → the list, [🚫 Bỏ quyền: Lan] per other owner → "Bỏ quyền chủ quản của Lan?"
 *           → [Bỏ quyền] [Hủy] → done; Lan is told and her menu loses the owner's commands
 */
import { InlineKeyboard } from 'grammy'
import type { OwnerInfo } from '../../store/owners.ts'
import { callbackData } from '../callback-data.ts'
import { setChatCommands } from '../commands.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { DEFAULT_LANGUAGE, escapeHtml, isLanguage } from '../i18n.ts'
import { notify } from '../notify.ts'
import { formatDate } from '../present.ts'
import { serviceErrorText } from '../service-errors.ts'

/** `step`: r (asks to revoke), y (confirmed), n (cancelled) */
const ownerButton = callbackData('own', ['step', 'id'])

const label = (o: Pick<OwnerInfo, 'firstName' | 'username' | 'telegramId'>) =>
  [o.firstName ?? `#${o.telegramId}`, o.username ? `(@${o.username})` : ''].filter(Boolean).join(' ')

async function showOwners(ctx: BotContext, edit = false): Promise<void> {
  const listed = await ctx.deps.setup.listOwners({ telegramId: ctx.from!.id })
  if (!listed.ok) return void (await ctx.reply(ctx.t('owners-only')))
  const me = ctx.from!.id
  const lines = [ctx.t('owners-title', { count: listed.value.length })]
  const keyboard = new InlineKeyboard()
  for (const o of listed.value) {
    lines.push(
      ctx.t('owners-line', {
        name: escapeHtml(label(o)),
        id: String(o.telegramId),
        source: ctx.t(`owners-source-${o.source}`),
        since: formatDate(o.since),
        you: o.telegramId === me ? ctx.t('owners-you') : '',
      }),
    )
    if (o.telegramId !== me && o.source !== 'config')
      keyboard
        .text(
          ctx.t('owners-revoke', { name: label(o).slice(0, 40) }),
          ownerButton.pack({ step: 'r', id: o.telegramId }),
        )
        .row()
  }
  if (listed.value.some((o) => o.source === 'config')) lines.push('', ctx.t('owners-config-note'))
  if (listed.value.length === 1) lines.push('', ctx.t('owners-only-one'))
  const text = lines.join('\n')
  const markup = { reply_markup: keyboard }
  if (edit) await ctx.editMessageText(text, markup)
  else await ctx.reply(text, markup)
}

const feature = new Feature()

feature.command('owners', (ctx) => showOwners(ctx))

feature.callbackQuery(ownerButton, async (ctx) => {
  const data = ownerButton.unpack(ctx.callbackQuery.data)
  const target = Number(data?.id)
  const actor = { telegramId: ctx.from.id }
  if (data?.step === 'n') {
    await ctx.answerCallbackQuery()
    return showOwners(ctx, true)
  }
  // what the owner sees is looked up again: the list may be old
  const listed = await ctx.deps.setup.listOwners(actor)
  if (!listed.ok)
    return void (await ctx.answerCallbackQuery({ text: ctx.t('owners-only'), show_alert: true }))
  const owner = listed.value.find((o) => o.telegramId === target)
  const name = escapeHtml(owner ? label(owner) : `#${target}`)
  if (data?.step === 'r') {
    await ctx.answerCallbackQuery()
    await ctx.editMessageText(ctx.t('owners-confirm', { name, id: String(target) }), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t('owners-confirm-yes'), ownerButton.pack({ step: 'y', id: target }))
        .text(ctx.t('owners-confirm-no'), ownerButton.pack({ step: 'n', id: 0 })),
    })
    return
  }
  const revoked = await ctx.deps.setup.revokeOwner(actor, { telegramId: target })
  if (!revoked.ok) {
    await ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, revoked.error), show_alert: true })
    return showOwners(ctx, true)
  }
  await ctx.answerCallbackQuery()
  await ctx.editMessageText(ctx.t('owners-revoked', { name, remaining: revoked.value.remaining }))
  // the former owner is told, and their menu loses the owner's commands
  const account = await ctx.deps.telegramUsers.get(target)
  const language = isLanguage(account?.language) ? account.language : DEFAULT_LANGUAGE
  await notify(ctx, [{ telegramId: target, personId: null, fullName: null, language }], (t) =>
    t('owners-revoked-notice'),
  )
  try {
    const names = await ctx.deps.people.commands({ telegramId: target })
    await setChatCommands(ctx.api, ctx.deps.i18n, target, language, names)
  } catch (error) {
    ctx.deps.logger.warn('commands not reset for a revoked owner', { to: target, error })
  }
})

export { feature as ownersFeature }
