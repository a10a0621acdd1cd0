/**
 * /deadlines: the year's deadlines that concern the person asking, next first, with what is still
 * open for them, and the days the year's regulation itself sets (with the school's deadline for
 * each, and whether the regulation's day is over); dates the Vietnamese way. A school's admin keeps the calendar with /deadline:
 *
 *   /deadline add 20/10/2026 Nộp bài thu hoạch giữa kỳ
 *   /deadline move 3 21/09/2026
 *   /deadline rename 3 Gửi kế hoạch về Sở
 *   /deadline remove 3
 *
 * (the number is the deadline's place in the admin's /deadlines list). Moving a deadline moves its
 * reminders, not the day a period opens; the calendar service checks who may change what.
 */
import { InlineKeyboard } from 'grammy'
import type { AdminDeadlineView, MyDeadline } from '../../services/deadline-views.ts'
import { ROLES } from '../../store/people.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'
import { chunkLines, formatDate, parseVietnameseDate } from '../present.ts'
import { always, serviceErrorText } from '../service-errors.ts'

const actorOf = (ctx: BotContext) => ({ telegramId: ctx.from!.id })
const removeButton = callbackData('dlrm', ['id'])
const keepButton = callbackData('dlkp', [])

function when(d: { dueDate: string; dueTime: string | null; opensOn: string | null }): string {
  const due = `${formatDate(d.dueDate)}${d.dueTime ? ` ${d.dueTime}` : ''}`
  return d.opensOn ? `${formatDate(d.opensOn)} – ${due}` : due
}

function myLine(ctx: BotContext, d: MyDeadline, language: string): string {
  const title = escapeHtml(language === 'en' ? d.titleEn : d.titleVi)
  const left = d.passed
    ? ctx.t('deadlines-passed')
    : d.daysLeft === 0
      ? ctx.t('deadlines-today')
      : ctx.t('deadlines-days-left', { days: d.daysLeft })
  const state =
    d.open === null
      ? ''
      : d.open
        ? ` — ${ctx.t('deadlines-open', { pending: d.pending })}`
        : ` — ${ctx.t('deadlines-done')}`
  return `${d.passed ? '▫️' : d.open ? '⏳' : '📅'} <b>${when(d)}</b> (${left}) ${title}${state}`
}

/**
 * The days the year's regulation sets (TT 19/2019: plans approved by 31 May, sent upward in June),
 * each with the school's deadline for it and whether the regulation's day is over; nothing when
 * the regulation sets none (TT 26/2012).
 */
async function regulationLines(ctx: BotContext, language: string): Promise<string[]> {
  const days = await ctx.deps.regulation.calendarDays(actorOf(ctx))
  if (days.length === 0) return []
  const lines = ['', ctx.t('deadlines-regulation-heading')]
  for (const d of days) {
    const { regulation } = d
    const moved = regulation.dueDate !== d.dueDate || regulation.opensOn !== d.opensOn
    lines.push(
      ctx.t('deadlines-regulation-line', {
        title: escapeHtml(language === 'en' ? d.titleEn : d.titleVi),
        when: when({ ...regulation, dueTime: null }),
        source: escapeHtml(regulation.source),
        state: regulation.passed ? 'passed' : moved ? 'moved' : 'same',
        school: when(d),
      }),
    )
  }
  lines.push(ctx.t('deadlines-regulation-rest'))
  return lines
}

export async function showDeadlines(ctx: BotContext): Promise<void> {
  const language = await ctx.i18n.getLocale()
  const mine = await ctx.deps.calendar.deadlinesFor(actorOf(ctx))
  if (!mine.ok) return void (await ctx.reply(serviceErrorText(ctx.t, mine.error)))
  const lines = [ctx.t('deadlines-heading')]
  if (mine.value.length === 0) lines.push(ctx.t('deadlines-none'))
  for (const d of mine.value) lines.push(myLine(ctx, d, language))
  lines.push(...(await regulationLines(ctx, language)))
  const me = always(await ctx.deps.people.whoAmI(actorOf(ctx)))
  if (me.person?.role === 'admin' && me.school) {
    const all = await ctx.deps.calendar.list(actorOf(ctx), { schoolId: me.school.id })
    if (all.ok) {
      lines.push('', ctx.t('deadlines-admin-heading'))
      for (const [i, d] of all.value.entries()) {
        const roles = d.roles.map((r) => ctx.t(`role-${r}`)).join(', ')
        lines.push(
          `${i + 1}. ${when(d)} — ${escapeHtml(language === 'en' ? d.titleEn : d.titleVi)} (${roles})`,
        )
      }
      lines.push('', ctx.t('deadlines-admin-usage'))
    }
  }
  for (const text of chunkLines(lines)) await ctx.reply(text)
}

/** `/deadline <add|move|rename|remove> ...` for a school's admin. */
async function editDeadline(ctx: BotContext & { match: string }): Promise<void> {
  const me = always(await ctx.deps.people.whoAmI(actorOf(ctx)))
  if (!me.school) return void (await ctx.reply(ctx.t('error-not-linked')))
  const [verb = '', ...rest] = ctx.match.trim().split(/\s+/)
  const usage = () => ctx.reply(ctx.t('deadlines-admin-usage'))
  const all = await ctx.deps.calendar.list(actorOf(ctx), { schoolId: me.school.id })
  if (!all.ok) return void (await ctx.reply(serviceErrorText(ctx.t, all.error)))
  const at = (n: string | undefined): AdminDeadlineView | undefined => all.value[Number(n) - 1]

  let done: { ok: true } | { ok: false; error: { code: string } }
  if (verb === 'add') {
    const dueDate = parseVietnameseDate(rest[0] ?? '')
    const title = rest.slice(1).join(' ')
    if (!dueDate || !title) return void (await usage())
    done = await ctx.deps.calendar.add(actorOf(ctx), {
      schoolYearId: all.value[0]?.schoolYearId ?? 0,
      titleVi: title,
      titleEn: title,
      dueDate,
      roles: [...ROLES],
    })
  } else if (verb === 'move') {
    const d = at(rest[0])
    const dueDate = parseVietnameseDate(rest[1] ?? '')
    if (!d || !dueDate) return void (await usage())
    // only the deadline moves: a period keeps its first day (a due date before it is refused)
    done = await ctx.deps.calendar.move(actorOf(ctx), { deadlineId: d.id, dueDate, opensOn: d.opensOn })
  } else if (verb === 'rename') {
    const d = at(rest[0])
    const title = rest.slice(1).join(' ')
    if (!d || !title) return void (await usage())
    const language = await ctx.i18n.getLocale()
    done = await ctx.deps.calendar.rename(actorOf(ctx), {
      deadlineId: d.id,
      ...(language === 'en' ? { titleEn: title } : { titleVi: title }),
    })
  } else if (verb === 'remove') {
    // asks first: the deadline goes (with its reminders) only on the confirming button
    const d = at(rest[0])
    if (!d) return void (await usage())
    const language = await ctx.i18n.getLocale()
    const keyboard = new InlineKeyboard()
      .text(ctx.t('deadlines-button-remove'), removeButton.pack({ id: d.id }))
      .text(ctx.t('deadlines-button-keep'), keepButton.pack({}))
    return void (await ctx.reply(
      ctx.t('deadlines-remove-confirm', {
        title: escapeHtml(language === 'en' ? d.titleEn : d.titleVi),
        when: when(d),
      }),
      { reply_markup: keyboard },
    ))
  } else return void (await usage())
  if (!done.ok) return void (await ctx.reply(serviceErrorText(ctx.t, done.error)))
  await ctx.reply(ctx.t('deadlines-changed'))
  await showDeadlines(ctx)
}

const feature = new Feature()
feature.command('deadlines', showDeadlines)
feature.command('deadline', editDeadline)

feature.callbackQuery(removeButton, async (ctx) => {
  const deadlineId = Number(removeButton.unpack(ctx.callbackQuery.data)?.id)
  const removed = await ctx.deps.calendar.remove(actorOf(ctx), { deadlineId })
  if (!removed.ok) {
    const text = serviceErrorText(ctx.t, removed.error).replace(/<[^>]+>/g, '')
    return void (await ctx.answerCallbackQuery({ text, show_alert: true }))
  }
  await ctx.answerCallbackQuery()
  await ctx.editMessageText(ctx.t('deadlines-removed'))
  await showDeadlines(ctx)
})

feature.callbackQuery(keepButton, async (ctx) => {
  await ctx.answerCallbackQuery()
  await ctx.editMessageText(ctx.t('nothing-changed'))
})

export { feature as deadlinesFeature }
