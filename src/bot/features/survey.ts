/**
 * /survey: the learning-needs survey for next school year (issue 15 item 4, seed 001 §1).
 * - The admin: `/survey 15/05/2027` opens it (or moves its deadline) and invites teachers, heads
 *   and managers through the outbox; `/survey` shows the school's totals per module, other
 *   training and department, with 🔔 a reminder to those who have not answered and 📊 an export.
 * - A head sees their department's totals (and answers, like a teacher).
 * - A teacher, head or manager picks modules of their own catalogue and other training with
 *   toggle buttons; each tap is saved; after the deadline taps are refused.
 */
import { InlineKeyboard, InputFile } from 'grammy'
import { surveyWorkbook } from '../../services/survey-sheet.ts'
import type { MySurvey, SurveyTotals } from '../../services/surveys.ts'
import { OTHER_TRAINING } from '../../services/surveys.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'
import { chunkLines, parseVietnameseDate } from '../present.ts'
import { always, serviceErrorText } from '../service-errors.ts'

const toggleButton = callbackData('svt', ['survey', 'item'])
const answerButton = callbackData('sva', [])
const remindButton = callbackData('svr', ['survey'])
const exportButton = callbackData('svx', ['survey'])

/** at most this many module buttons (Telegram allows 100 per message) */
const MAX_MODULES = 80
const actorOf = (ctx: { from?: { id: number } }) => ({ telegramId: ctx.from!.id })
/** 'YYYY-MM-DD' as the Vietnamese read it */
const day = (iso: string) => iso.split('-').reverse().join('/')
/** the item in a button: ':' separates callback fields, so 'm:12' travels as 'm.12' */
const packItem = (item: string) => item.replace(':', '.')
const unpackItem = (item: string) => item.replace('.', ':')

type Translate = BotContext['t']

function answerText(t: Translate, mine: MySurvey): string {
  const lines = [
    t('survey-answer-heading', { year: mine.survey.yearName, deadline: day(mine.survey.deadline) }),
  ]
  if (!mine.open) lines.push(t('survey-closed', { deadline: day(mine.survey.deadline) }))
  const chosen = new Set(mine.chosen)
  const modules = mine.modules.filter((m) => chosen.has(`m:${m.id}`))
  const others = OTHER_TRAINING.filter((o) => chosen.has(`o:${o}`))
  if (modules.length + others.length === 0) lines.push(t('survey-answer-empty'))
  else {
    lines.push(t('survey-answer-chosen'))
    for (const m of modules) lines.push(`• <b>${escapeHtml(m.code)}</b> ${escapeHtml(m.title)}`)
    for (const o of others) lines.push(`• ${t(`survey-other-${o}`)}`)
  }
  return chunkLines(lines)[0]!
}

function answerKeyboard(t: Translate, mine: MySurvey): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  if (!mine.open) return keyboard
  const chosen = new Set(mine.chosen)
  const survey = mine.survey.id
  mine.modules.slice(0, MAX_MODULES).forEach((m, i) => {
    const item = `m:${m.id}`
    const label = chosen.has(item) ? `✅ ${m.code}` : m.code
    keyboard.text(label, toggleButton.pack({ survey, item: packItem(item) }))
    if (i % 4 === 3) keyboard.row()
  })
  keyboard.row()
  for (const o of OTHER_TRAINING) {
    const item = `o:${o}`
    const label = t(`survey-other-${o}`)
    keyboard
      .text(chosen.has(item) ? `✅ ${label}` : label, toggleButton.pack({ survey, item: packItem(item) }))
      .row()
  }
  return keyboard
}

function totalsText(t: Translate, totals: SurveyTotals): string[] {
  const lines = [
    totals.scope === null
      ? t('survey-totals-heading', { year: totals.survey.yearName, deadline: day(totals.survey.deadline) })
      : t('survey-totals-heading-department', {
          year: totals.survey.yearName,
          deadline: day(totals.survey.deadline),
          department: escapeHtml(totals.scope),
        }),
    t('survey-totals-answered', { answered: totals.answered, surveyed: totals.surveyed }),
    '',
    t('survey-totals-modules'),
  ]
  if (totals.modules.length === 0) lines.push(t('survey-totals-none'))
  for (const m of totals.modules) {
    lines.push(
      t('survey-totals-module', {
        code: escapeHtml(m.module.code),
        title: escapeHtml(m.module.title),
        count: m.count,
      }),
    )
  }
  lines.push('', t('survey-totals-others'))
  for (const o of totals.others) {
    lines.push(t('survey-totals-other', { name: t(`survey-other-${o.code}`), count: o.count }))
  }
  lines.push('', t('survey-totals-departments'))
  for (const d of totals.departments) {
    lines.push(
      t('survey-totals-department', {
        name: escapeHtml(d.name ?? t('survey-no-department')),
        answered: d.answered,
        surveyed: d.surveyed,
      }),
    )
  }
  return chunkLines(lines)
}

async function showAnswer(ctx: BotContext): Promise<void> {
  const mine = await ctx.deps.surveys.mine(actorOf(ctx))
  if (!mine.ok) return void (await ctx.reply(serviceErrorText(ctx.t, mine.error)))
  await ctx.reply(answerText(ctx.t, mine.value), { reply_markup: answerKeyboard(ctx.t, mine.value) })
}

async function showTotals(ctx: BotContext, isAdmin: boolean): Promise<void> {
  const current = await ctx.deps.surveys.current(actorOf(ctx))
  if (!current.ok) {
    const text = serviceErrorText(ctx.t, current.error)
    return void (await ctx.reply(isAdmin ? `${text}\n${ctx.t('survey-how-to-open')}` : text))
  }
  const totals = await ctx.deps.surveys.totals(actorOf(ctx), { surveyId: current.value.id })
  if (!totals.ok) return void (await ctx.reply(serviceErrorText(ctx.t, totals.error)))
  const survey = current.value.id
  const keyboard = new InlineKeyboard().text(ctx.t('survey-export'), exportButton.pack({ survey }))
  if (isAdmin && totals.value.missing.length > 0) {
    keyboard
      .row()
      .text(ctx.t('survey-remind', { count: totals.value.missing.length }), remindButton.pack({ survey }))
  }
  if (!isAdmin) keyboard.row().text(ctx.t('survey-my-answer'), answerButton.pack({}))
  const chunks = totalsText(ctx.t, totals.value)
  for (const [i, chunk] of chunks.entries()) {
    await ctx.reply(chunk, i === chunks.length - 1 ? { reply_markup: keyboard } : {})
  }
}

async function openSurvey(ctx: BotContext, text: string): Promise<void> {
  const deadline = parseVietnameseDate(text)
  if (!deadline)
    return void (await ctx.reply(ctx.t('survey-bad-date', { input: escapeHtml(text.slice(0, 40)) })))
  const opened = await ctx.deps.surveys.open(actorOf(ctx), { deadline })
  if (!opened.ok) return void (await ctx.reply(serviceErrorText(ctx.t, opened.error)))
  const survey = opened.value
  const invitation = {
    type: 'text' as const,
    html: ctx.t('survey-invitation', { year: survey.yearName, deadline: day(survey.deadline) }),
    reply_markup: {
      inline_keyboard: [[{ text: ctx.t('survey-answer-button'), callback_data: answerButton.pack({}) }]],
    },
  }
  const draft = await ctx.deps.broadcasts.create(actorOf(ctx), {
    schoolId: survey.schoolId,
    content: invitation,
    audience: { type: 'roles', roles: ['teacher', 'head', 'manager'] },
  })
  const sent = draft.ok
    ? await ctx.deps.broadcasts.confirm(actorOf(ctx), { broadcastId: draft.value.id })
    : draft
  await ctx.reply(
    ctx.t('survey-opened', {
      year: survey.yearName,
      deadline: day(survey.deadline),
      count: sent.ok ? sent.value.enqueued : 0,
    }),
  )
}

const feature = new Feature()

feature.command('survey', async (ctx) => {
  const me = always(await ctx.deps.people.whoAmI(actorOf(ctx)))
  if (!me.person) return void (await ctx.reply(ctx.t('error-not-linked')))
  const arg = typeof ctx.match === 'string' ? ctx.match.trim() : ''
  const role = me.person.role
  if (role === 'admin') {
    if (arg) return openSurvey(ctx, arg)
    return showTotals(ctx, true)
  }
  if (role === 'head') return showTotals(ctx, false)
  await showAnswer(ctx)
})

feature.callbackQuery(answerButton, async (ctx) => {
  await ctx.answerCallbackQuery()
  await showAnswer(ctx)
})

feature.callbackQuery(toggleButton, async (ctx) => {
  const data = toggleButton.unpack(ctx.callbackQuery.data)
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') })
  const result = await ctx.deps.surveys.toggle(actorOf(ctx), {
    surveyId: Number(data.survey),
    item: unpackItem(data.item),
  })
  if (!result.ok) {
    return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, result.error), show_alert: true })
  }
  await ctx.answerCallbackQuery({ text: ctx.t('survey-saved') })
  await ctx.editMessageText(answerText(ctx.t, result.value), {
    reply_markup: answerKeyboard(ctx.t, result.value),
  })
})

feature.callbackQuery(remindButton, async (ctx) => {
  const surveyId = Number(remindButton.unpack(ctx.callbackQuery.data)?.survey)
  const totals = await ctx.deps.surveys.totals(actorOf(ctx), { surveyId })
  const me = always(await ctx.deps.people.whoAmI(actorOf(ctx)))
  if (!totals.ok || me.person?.role !== 'admin') {
    return ctx.answerCallbackQuery({ text: ctx.t('error-forbidden'), show_alert: true })
  }
  const { survey, missing } = totals.value
  if (missing.length === 0) return ctx.answerCallbackQuery({ text: ctx.t('survey-remind-nobody') })
  const reminder = {
    type: 'text' as const,
    html: ctx.t('survey-reminder', { year: survey.yearName, deadline: day(survey.deadline) }),
    reply_markup: {
      inline_keyboard: [[{ text: ctx.t('survey-answer-button'), callback_data: answerButton.pack({}) }]],
    },
  }
  const draft = await ctx.deps.broadcasts.create(actorOf(ctx), {
    schoolId: survey.schoolId,
    content: reminder,
    audience: { type: 'people', personIds: missing },
  })
  const sent = draft.ok
    ? await ctx.deps.broadcasts.confirm(actorOf(ctx), { broadcastId: draft.value.id })
    : draft
  await ctx.answerCallbackQuery()
  await ctx.reply(ctx.t('survey-reminded', { count: sent.ok ? sent.value.enqueued : 0 }))
})

feature.callbackQuery(exportButton, async (ctx) => {
  const surveyId = Number(exportButton.unpack(ctx.callbackQuery.data)?.survey)
  const totals = await ctx.deps.surveys.totals(actorOf(ctx), { surveyId })
  if (!totals.ok)
    return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, totals.error), show_alert: true })
  await ctx.answerCallbackQuery()
  const t = (key: string, args?: Record<string, string | number>) => ctx.t(key, args)
  const title =
    totals.value.scope === null
      ? t('survey-sheet-title', { year: totals.value.survey.yearName })
      : t('survey-sheet-title-department', {
          year: totals.value.survey.yearName,
          department: totals.value.scope,
        })
  const data = await surveyWorkbook({ title, totals: totals.value }, t)
  await ctx.replyWithDocument(new InputFile(data, ctx.t('survey-file-name')))
})

export { feature as surveyFeature }
