/**
 * Joining: `/start <code>` from an invite link (or the one-time setup link that makes the first
 * owner). The newcomer sees which school and department the invite is for, picks their own name
 * from the people not yet linked there (or types it), and is asked what is still missing (level,
 * subject). The person who made the invite is told, and the newcomer's menu shows their role's
 * commands.
 *
 * A department-wide link does not link anyone to a name already on the list: picking (or typing)
 * such a name sends a request to the head and the admins, with the claimant's Telegram name, and
 * the newcomer is told it waits for approval (join-requests.ts handles the answer).
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import { InlineKeyboard } from 'grammy'
import { LEVELS } from '../../rules/index.ts'
import { isSetupCode } from '../../services/setup.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { showChoice } from '../flow.ts'
import { escapeHtml } from '../i18n.ts'
import { notify, refreshCommands } from '../notify.ts'
import { serviceErrorText as errorText, type ServiceError } from '../service-errors.ts'
import { JOIN_PROFILE_FLOW, requestApproval } from './join-requests.ts'

export const JOIN_FLOW = 'join'
const MAX_NAME_BUTTONS = 40

const pickName = callbackData('joinp', ['person'])
const pickLevel = callbackData('joinl', ['level'])

type Flow = Conversation<BotContext, FlowContext>

async function joinFlow(conversation: Flow, ctx: FlowContext, code: string): Promise<void> {
  const actor = { telegramId: ctx.from!.id }
  const seen = await conversation.external((c) => c.deps.invites.inspect(actor, code))
  if (!seen.ok) {
    await ctx.reply(errorText(ctx.t, seen.error))
    return
  }
  const { invite, school, department, person, candidates, claimNeedsApproval } = seen.value
  const where = {
    school: escapeHtml(school.name),
    department: department ? escapeHtml(department.name) : '—',
    /** " (Tổ Toán)" or nothing: an admin's invite has no department */
    inDepartment: department ? ` (${escapeHtml(department.name)})` : '',
    role: ctx.t(`role-${invite.role}`),
  }

  let choice: { personId: number } | { fullName: string }
  const keyboard = new InlineKeyboard()
  if (person) {
    keyboard.text(
      ctx.t('join-confirm-me', { name: escapeHtml(person.fullName) }),
      pickName.pack({ person: person.id }),
    )
    await ctx.reply(ctx.t('join-invite-for-person', { ...where, name: escapeHtml(person.fullName) }), {
      reply_markup: keyboard,
    })
  } else {
    for (const c of candidates.slice(0, MAX_NAME_BUTTONS))
      keyboard.text(c.fullName, pickName.pack({ person: c.id })).row()
    keyboard.text(ctx.t('join-not-listed'), pickName.pack({ person: 0 }))
    const approval = candidates.length && claimNeedsApproval ? `\n${ctx.t('join-pick-needs-approval')}` : ''
    await ctx.reply(
      `${ctx.t(candidates.length ? 'join-pick-name' : 'join-no-names', where)}${approval}\n${ctx.t('flow-cancel-hint')}`,
      { reply_markup: keyboard },
    )
  }
  const picked = await conversation.waitForCallbackQuery(pickName.filter, {
    otherwise: (other) => other.reply(ctx.t('join-use-buttons')),
  })
  await picked.answerCallbackQuery()
  await showChoice(picked)
  const personId = Number(pickName.unpack(picked.callbackQuery.data)?.person)
  if (personId > 0) {
    choice = { personId }
  } else {
    await ctx.reply(ctx.t('join-ask-name'))
    const typed = await conversation.waitFor('message:text', {
      otherwise: (other) => other.reply(ctx.t('join-ask-name')),
    })
    choice = { fullName: typed.message.text.trim() }
  }

  const telegramName = telegramNameOf(ctx.from!)
  // a listed name through a department-wide link: a request for the head or admin to approve
  const claimed =
    'personId' in choice && claimNeedsApproval
      ? { code: 'approval-needed', personId: choice.personId }
      : undefined
  const joined = claimed
    ? { ok: false as const, error: claimed as ServiceError }
    : await conversation.external((c) => c.deps.invites.redeem(actor, { code, ...choice }))
  if (!joined.ok && joined.error.code === 'approval-needed') {
    const personId = Number(joined.error.personId)
    const asked = await conversation.external((c) => requestApproval(c, { code, personId, telegramName }))
    await ctx.reply(asked)
    return
  }
  if (!joined.ok) {
    await ctx.reply(errorText(ctx.t, joined.error))
    return
  }
  const me = joined.value
  await ctx.reply(
    ctx.t('join-welcome', {
      name: escapeHtml(me.person.fullName),
      school: escapeHtml(me.school.name),
      inDepartment: me.department ? ` (${escapeHtml(me.department.name)})` : '',
      role: ctx.t(`role-${me.person.role}`),
    }),
  )
  await conversation.external(async (c) => {
    await notify(c, me.notify, (t) =>
      t('join-notify-inviter', { name: escapeHtml(me.person.fullName), role: t(`role-${me.person.role}`) }),
    )
  })

  await completeProfile(conversation, ctx, me.missing, me.person.role)
}

/** Asks what the profile still lacks (level, subject), then shows the role's commands and next step. */
async function completeProfile(
  conversation: Flow,
  ctx: FlowContext,
  missing: readonly string[],
  role: string,
): Promise<void> {
  const actor = { telegramId: ctx.from!.id }
  if (missing.includes('level')) await askLevel(conversation, ctx, actor)
  if (missing.includes('subject')) {
    await ctx.reply(ctx.t('join-ask-subject'))
    for (;;) {
      const typed = await conversation.waitFor('message:text', {
        otherwise: (other) => other.reply(ctx.t('join-ask-subject')),
      })
      const saved = await conversation.external((c) =>
        c.deps.people.setProfile(actor, { subject: typed.message.text.trim() }),
      )
      if (saved.ok) break
      await ctx.reply(errorText(ctx.t, saved.error))
    }
  }
  await conversation.external((c) => refreshCommands(c))
  await ctx.reply(ctx.t(`join-done-${role}`))
}

/** After an approved request: the same questions the join flow would have asked. */
async function profileFlow(conversation: Flow, ctx: FlowContext): Promise<void> {
  const me = await conversation.external((c) => c.deps.people.whoAmI({ telegramId: c.from!.id }))
  if (!me.ok || !me.value.person) return void (await ctx.reply(ctx.t('error-not-linked')))
  await completeProfile(conversation, ctx, me.value.missing, me.value.person.role)
}

/** "Lan Nguyễn (@lan_ng)": how Telegram shows the account, for whoever approves a claim. */
export function telegramNameOf(from: { first_name: string; last_name?: string; username?: string }): string {
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ')
  return from.username ? `${name} (@${from.username})` : name
}

async function askLevel(conversation: Flow, ctx: FlowContext, actor: { telegramId: number }): Promise<void> {
  const keyboard = new InlineKeyboard()
  LEVELS.forEach((level, i) => {
    keyboard.text(ctx.t(`level-${level}`), pickLevel.pack({ level }))
    if (i % 2 === 1) keyboard.row()
  })
  await ctx.reply(ctx.t('join-ask-level'), { reply_markup: keyboard })
  for (;;) {
    const picked = await conversation.waitForCallbackQuery(pickLevel.filter, {
      otherwise: (other) => other.reply(ctx.t('join-use-buttons')),
    })
    await picked.answerCallbackQuery()
    const level = pickLevel.unpack(picked.callbackQuery.data)!.level
    const saved = await conversation.external((c) => c.deps.people.setProfile(actor, { level }))
    if (saved.ok) {
      await picked.editMessageText(ctx.t('join-level-set', { level: ctx.t(`level-${level}`) }))
      return
    }
    await ctx.reply(errorText(ctx.t, saved.error))
  }
}

export const joinConversation = createConversation(joinFlow, JOIN_FLOW)
export const joinProfileConversation = createConversation(profileFlow, JOIN_PROFILE_FLOW)

/** `/start <payload>`: the one-time setup link, or an invite. */
export async function startWithPayload(ctx: BotContext, payload: string): Promise<void> {
  const actor = { telegramId: ctx.from!.id }
  if (isSetupCode(payload)) {
    const claimed = await ctx.deps.setup.claim(actor, payload)
    if (!claimed.ok) return void (await ctx.reply(errorText(ctx.t, claimed.error)))
    await refreshCommands(ctx)
    await ctx.reply(ctx.t('setup-owner-welcome'))
    return
  }
  await ctx.startFlow(JOIN_FLOW, payload)
}
