/**
 * /plan: this year's personal BDTX plan. ND1 and ND2 are in every plan; the person adds and
 * removes self-chosen ND3 modules of their catalogue, always seeing the hours against the
 * required total and the rule engine's verdict, then sends it to the head of department. Every
 * change is made by the plan service, which checks who may do what and when.
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import { InlineKeyboard } from 'grammy'
import type { PlanError } from '../../rules/index.ts'
import { programmeId } from '../../rules/index.ts'
import type { PlanTransition } from '../../services/plan-transition.ts'
import type { PlanView } from '../../services/plan-view.ts'
import { fold } from '../../store/text.ts'
import { ignoreNotModified } from '../api.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { echo, escapeHtml } from '../i18n.ts'
import { notify } from '../notify.ts'
import { formatDate, yearProfile } from '../present.ts'
import { always, serviceErrorText } from '../service-errors.ts'

const PAGE_SIZE = 8
const TITLE_CHARS = 40

const addModule = callbackData('plana', ['plan', 'module'])
/** ❌ asks first; the module goes only on the confirming button */
const askRemoveModule = callbackData('planr', ['plan', 'module'])
const removeModule = callbackData('planx', ['plan', 'module'])
const pickPage = callbackData('planp', ['plan', 'page'])
const showPlan = callbackData('plans', ['plan'])
const submitPlan = callbackData('planu', ['plan'])
const reopenPlan = callbackData('plano', ['plan'])

export const REOPEN_FLOW = 'reopen-plan'

const short = (text: string) =>
  text.length > TITLE_CHARS ? `${text.slice(0, TITLE_CHARS - 1).trimEnd()}…` : text

export function planErrorText(ctx: FlowContext, error: PlanError): string {
  return serviceErrorText(ctx.t, error as unknown as { code: string })
}

export function planText(ctx: FlowContext, view: PlanView): string {
  const { plan, person, year, hours } = view
  const lines = [
    ctx.t('plan-title', { year: escapeHtml(year.name), name: escapeHtml(person.fullName) }),
    ctx.t('plan-status', { status: ctx.t(`plan-status-${plan.status}`) }),
  ]
  if (plan.status === 'returned' && plan.returnReason) {
    lines.push(ctx.t('plan-returned-reason', { reason: escapeHtml(plan.returnReason) }))
  }
  lines.push('', ctx.t('plan-fixed-contents', { nd1: hours.nd1, nd2: hours.nd2 }), ctx.t('plan-nd3-heading'))
  if (view.modules.length === 0) lines.push(ctx.t('plan-no-modules'))
  for (const [i, m] of view.modules.entries()) {
    lines.push(`${i + 1}. <b>${escapeHtml(m.code)}</b> — ${escapeHtml(short(m.title))} (${m.hoursTotal})`)
  }
  lines.push(
    '',
    ctx.t('plan-hours', {
      nd3: hours.nd3,
      required: hours.requiredNd3,
      total: hours.total,
      requiredTotal: hours.requiredTotal,
    }),
  )
  if (view.catalogue === null) lines.push(ctx.t('plan-level-missing'))
  else if (view.check?.valid)
    // "can be submitted" only while it can: not once it is sent or approved
    lines.push(ctx.t(['draft', 'returned'].includes(view.plan.status) ? 'plan-valid' : 'plan-valid-sent'))
  else for (const error of view.check?.errors ?? []) lines.push(`⚠️ ${planErrorText(ctx, error)}`)
  lines.push(
    ctx.t(view.deadlinePassed ? 'plan-deadline-passed' : 'plan-deadline', {
      date: formatDate(view.deadline),
    }),
  )
  return lines.join('\n')
}

function planKeyboard(ctx: FlowContext, view: PlanView, viewer: number | null): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  const plan = view.plan.id
  // someone else's approved plan: its approvers may take the approval back (the service decides)
  if (
    viewer !== view.person.id &&
    (view.plan.status === 'approved' || view.plan.status === 'head_approved')
  ) {
    return keyboard.text(ctx.t('plan-button-reopen'), reopenPlan.pack({ plan }))
  }
  if (!view.editable) return keyboard
  for (const m of view.modules)
    keyboard.text(`❌ ${m.code}`, askRemoveModule.pack({ plan, module: m.id })).row()
  if (view.catalogue !== null) keyboard.text(ctx.t('plan-button-add'), pickPage.pack({ plan, page: 1 })).row()
  keyboard.text(ctx.t('plan-button-submit'), submitPlan.pack({ plan }))
  return keyboard
}

async function render(ctx: BotContext, view: PlanView, edit: boolean): Promise<void> {
  const text = planText(ctx, view)
  const me = always(await ctx.deps.people.whoAmI(actorOf(ctx)))
  const reply_markup = planKeyboard(ctx, view, me.person?.id ?? null)
  if (edit) await ctx.editMessageText(text, { reply_markup }).catch(ignoreNotModified)
  else await ctx.reply(text, { reply_markup })
}

/** Tells everyone a transition concerns, each in their language and as their part in it. */
export async function announce(ctx: FlowContext, transition: PlanTransition): Promise<void> {
  for (const recipient of transition.notify) {
    await notify(
      ctx,
      [recipient],
      (t) => {
        const params = {
          owner: escapeHtml(transition.owner.fullName),
          actor: escapeHtml(transition.actor.fullName ?? ''),
          reason: escapeHtml(transition.reason ?? ''),
          status: t(`plan-status-${transition.to}`),
        }
        const text = t(`plan-notify-${transition.action}-${recipient.audience}`, params)
        return text.startsWith('{') ? t('plan-notify-changed', params) : text
        // the owner hears of their own plan's outcome: a result notice, which they may turn off
      },
      undefined,
      { result: recipient.audience === 'owner', quiet: true },
    )
  }
}

const feature = new Feature()
const actorOf = (ctx: BotContext) => ({ telegramId: ctx.from!.id })

/** The person of the school (a head: of the department) whose name is typed, diacritics optional. */
async function personNamed(ctx: BotContext, name: string): Promise<number | string> {
  const me = always(await ctx.deps.people.whoAmI(actorOf(ctx)))
  if (!me.school || !me.person) return ctx.t('error-not-linked')
  const departmentId = me.person.role === 'head' ? me.person.departmentId : undefined
  const people = await ctx.deps.people.list(actorOf(ctx), { schoolId: me.school.id, departmentId })
  if (!people.ok) return serviceErrorText(ctx.t, people.error)
  const wanted = fold(name)
  const found = people.value.filter((p) => fold(p.fullName) === wanted)
  if (found.length === 1) return found[0]!.id
  return ctx.t(found.length ? 'plan-name-ambiguous' : 'plan-name-unknown', { name: echo(name) })
}

/** /plan (one's own), /plan <name> (an approver looking at someone's), and a reminder's button. */
export async function openPlan(ctx: BotContext): Promise<void> {
  const name = typeof ctx.match === 'string' ? ctx.match.trim() : ''
  let personId: number | undefined
  if (name) {
    const found = await personNamed(ctx, name)
    if (typeof found === 'string') return void (await ctx.reply(found))
    personId = found
  }
  const view = await ctx.deps.plans.getOrCreate(actorOf(ctx), personId ? { personId } : {})
  if (!view.ok) return void (await ctx.reply(serviceErrorText(ctx.t, view.error)))
  // next year's empty plan starts from the person's survey answer
  const seeded = personId ? view.value : await ctx.deps.surveys.seedPlan(actorOf(ctx), view.value)
  await render(ctx, seeded, false)
}

feature.command('plan', openPlan)

feature.callbackQuery(showPlan, async (ctx) => {
  const data = showPlan.unpack(ctx.callbackQuery.data)
  const view = await ctx.deps.plans.get(actorOf(ctx), { planId: Number(data?.plan) })
  if (!view.ok) return void (await ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, view.error) }))
  await ctx.answerCallbackQuery()
  await render(ctx, view.value, true)
})

feature.callbackQuery(pickPage, async (ctx) => {
  const data = pickPage.unpack(ctx.callbackQuery.data)
  const view = await ctx.deps.plans.get(actorOf(ctx), { planId: Number(data?.plan) })
  if (!view.ok || view.value.catalogue === null) {
    return ctx.answerCallbackQuery({
      text: view.ok ? ctx.t('plan-level-missing') : serviceErrorText(ctx.t, view.error),
    })
  }
  const plan = view.value.plan.id
  const chosen = new Set(view.value.modules.map((m) => m.id))
  const page = await ctx.deps.catalogue.browse(actorOf(ctx), {
    level: view.value.catalogue,
    // the programme of the year's regulation and the imported modules; for a manager that
    // programme is not written for, the imported ones only (no module has the profile 'none')
    profile: view.value.managerProgrammeMissing ? 'none' : view.value.year.profileId,
    page: Number(data?.page) || 1,
    pageSize: PAGE_SIZE,
  })
  if (!page.ok) return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, page.error) })
  await ctx.answerCallbackQuery()
  const keyboard = new InlineKeyboard()
  for (const m of page.value.items) {
    const label = `${chosen.has(m.id) ? '✓ ' : ''}${m.code} — ${short(m.title)} (${m.hoursTotal})`
    keyboard.text(label, addModule.pack({ plan, module: m.id })).row()
  }
  const { page: at, pageCount } = page.value
  if (at > 1) keyboard.text('◀', pickPage.pack({ plan, page: at - 1 }))
  if (at < pageCount) keyboard.text('▶', pickPage.pack({ plan, page: at + 1 }))
  keyboard.row().text(ctx.t('plan-button-back'), showPlan.pack({ plan }))
  const catalogue = ctx.t(`level-${view.value.catalogue}`)
  const profile = yearProfile(view.value.year.profileId)
  const missing = view.value.managerProgrammeMissing
    ? `${ctx.t('plan-manager-programme-missing', {
        level: ctx.t(`level-${view.value.person.level}`),
        source: profile.managerProgramme.source,
        levels: profile.managerProgramme.levels.map((l) => ctx.t(`level-${l}`)).join(', '),
      })}\n\n`
    : ''
  const text =
    missing +
    (page.value.total === 0
      ? ctx.t('plan-catalogue-empty', { catalogue, profile: programmeId(view.value.year.profileId) })
      : ctx.t('plan-pick-module', {
          catalogue,
          page: at,
          pages: pageCount,
          nd3: view.value.hours.nd3,
          required: view.value.hours.requiredNd3,
        }))
  await ctx.editMessageText(text, { reply_markup: keyboard }).catch(ignoreNotModified)
})

feature.callbackQuery(addModule, async (ctx) => {
  const data = addModule.unpack(ctx.callbackQuery.data)
  const added = await ctx.deps.plans.addModule(actorOf(ctx), {
    planId: Number(data?.plan),
    moduleId: Number(data?.module),
  })
  if (!added.ok)
    return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, added.error), show_alert: true })
  await ctx.answerCallbackQuery({ text: ctx.t('plan-added') })
  await render(ctx, added.value, true)
})

feature.callbackQuery(askRemoveModule, async (ctx) => {
  const data = askRemoveModule.unpack(ctx.callbackQuery.data)
  const planId = Number(data?.plan)
  const view = await ctx.deps.plans.get(actorOf(ctx), { planId })
  if (!view.ok)
    return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, view.error), show_alert: true })
  const module = view.value.modules.find((m) => m.id === Number(data?.module))
  if (!view.value.editable || !module)
    return ctx.answerCallbackQuery({
      text: ctx.t(module ? 'plan-remove-not-now' : 'error-module-not-in-plan'),
      show_alert: true,
    })
  await ctx.answerCallbackQuery()
  const code = escapeHtml(module.code)
  const keyboard = new InlineKeyboard()
    .text(
      ctx.t('plan-button-remove-confirm', { code: module.code }),
      removeModule.pack({ plan: planId, module: module.id }),
    )
    .row()
    .text(ctx.t('plan-button-keep'), showPlan.pack({ plan: planId }))
  const question = ctx.t('plan-remove-confirm', {
    code,
    title: escapeHtml(short(module.title)),
    hours: module.hoursTotal,
  })
  await ctx
    .editMessageText(`${planText(ctx, view.value)}\n\n${question}`, { reply_markup: keyboard })
    .catch(ignoreNotModified)
})

feature.callbackQuery(removeModule, async (ctx) => {
  const data = removeModule.unpack(ctx.callbackQuery.data)
  const removed = await ctx.deps.plans.removeModule(actorOf(ctx), {
    planId: Number(data?.plan),
    moduleId: Number(data?.module),
  })
  if (!removed.ok)
    return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, removed.error), show_alert: true })
  await ctx.answerCallbackQuery({ text: ctx.t('plan-removed') })
  await render(ctx, removed.value, true)
})

feature.callbackQuery(submitPlan, async (ctx) => {
  const data = submitPlan.unpack(ctx.callbackQuery.data)
  const sent = await ctx.deps.plans.submit(actorOf(ctx), { planId: Number(data?.plan) })
  if (!sent.ok) {
    await ctx.answerCallbackQuery()
    const error = sent.error
    const details =
      error.code === 'plan-invalid' ? error.errors.map((e) => `• ${planErrorText(ctx, e)}`).join('\n') : ''
    return void (await ctx.reply([serviceErrorText(ctx.t, error), details].filter(Boolean).join('\n')))
  }
  await ctx.answerCallbackQuery()
  await render(ctx, sent.value.view, true)
  await ctx.reply(ctx.t('plan-submitted'))
  await announce(ctx, sent.value.transition)
})

feature.callbackQuery(reopenPlan, async (ctx) => {
  await ctx.answerCallbackQuery()
  await ctx.startFlow(REOPEN_FLOW, Number(reopenPlan.unpack(ctx.callbackQuery.data)?.plan))
})

async function reopenFlow(
  conversation: Conversation<BotContext, FlowContext>,
  ctx: FlowContext,
  planId: number,
) {
  await ctx.reply(`${ctx.t('plan-ask-reopen-reason')}\n${ctx.t('flow-cancel-hint')}`)
  const answer = await conversation.waitFor('message:text', {
    otherwise: (other) => other.reply(ctx.t('plan-ask-reopen-reason')),
  })
  const reopened = await conversation.external((c) =>
    c.deps.planApprovals.reopen({ telegramId: c.from!.id }, { planId, reason: answer.message.text }),
  )
  if (!reopened.ok) return void (await ctx.reply(serviceErrorText(ctx.t, reopened.error)))
  await ctx.reply(ctx.t('plan-reopened', { name: escapeHtml(reopened.value.transition.owner.fullName) }))
  await conversation.external((c) => announce(c, reopened.value.transition))
}

export const reopenConversation = createConversation(reopenFlow, REOPEN_FLOW)

export { feature as planFeature }
