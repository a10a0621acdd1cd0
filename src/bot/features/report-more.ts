/**
 * The parts of /report (issue 12) beyond the status itself:
 * - who is late for the next deadline, under the status, with a button to remind one person or all
 *   of them now through the outbox (the scheduled reminder's own words, in each person's language);
 * - the charts (two PNGs with their figures in the caption);
 * - the owner's sheet and chart of every school.
 * Every button carries only ids; the service checks on each press what the presser may see.
 */
import { type InlineKeyboard, InputFile } from 'grammy'
import { reminderContent, reminderTextFromLocales } from '../../jobs/reminders.ts'
import { deadlineTitle } from '../../services/deadline-views.ts'
import { type LateList, REMIND_AGAIN_HOURS } from '../../services/late.ts'
import type { ChartPicture } from '../../services/report-charts.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext } from '../context.ts'
import type { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'
import { formatDate } from '../present.ts'
import { serviceErrorText } from '../service-errors.ts'

type T = BotContext['t']

/** remind the late of a deadline in a scope (department 0: the whole school; person 0: all of them) */
export const remindButton = callbackData('rptr', ['school', 'department', 'deadline', 'person'])
/** the two charts of a scope */
export const chartsButton = callbackData('rptg', ['school', 'department'])
/** the owner's sheet and chart of every school */
export const provinceSheetButton = callbackData('rptp', [])
export const provinceChartButton = callbackData('rptq', [])

/** names listed (and given a button) at most; the rest are counted */
export const LATE_NAMES = 10
const TELEGRAM_LIMIT = 4096

const actorOf = (ctx: BotContext) => ({ telegramId: ctx.from!.id })
const plain = (html: string) => html.replace(/<[^>]+>/g, '')

/**
 * The late block under the status, in at most `room` characters: a heading, up to LATE_NAMES
 * names, then "và N người khác". Returns the names it shows (they get buttons).
 */
export function lateBlock(
  t: T,
  language: string,
  late: LateList,
  room: number,
): { lines: string[]; shown: LateList['people'] } {
  const d = late.deadline
  const title = escapeHtml(deadlineTitle(d, language))
  const date = formatDate(d.dueDate)
  if (late.people.length === 0) return { lines: [t('report-late-none', { title, date })], shown: [] }
  const lines = [t('report-late-heading', { title, date, days: d.daysLeft, count: late.people.length })]
  let length = lines[0]!.length
  const shown: LateList['people'] = []
  const moreRoom = 60
  for (const [i, p] of late.people.entries()) {
    if (i >= LATE_NAMES) break
    const line = t('report-late-line', {
      n: i + 1,
      name: escapeHtml(p.fullName),
      department: p.departmentName ? ` — ${escapeHtml(p.departmentName)}` : '',
      linked: p.linked ? 'yes' : 'no',
    })
    if (length + line.length + 1 + moreRoom > room) break
    lines.push(line)
    length += line.length + 1
    shown.push(p)
  }
  if (shown.length < late.people.length)
    lines.push(t('report-late-more', { count: late.people.length - shown.length }))
  return { lines, shown }
}

/** The status text with the late block under it, kept under Telegram's limit. */
export function withLate(t: T, language: string, status: string, late: LateList | null) {
  if (!late) return { text: status, shown: [] as LateList['people'] }
  const room = TELEGRAM_LIMIT - 96 - status.length - 2
  const block = lateBlock(t, language, late, room)
  const text = `${status}\n\n${block.lines.join('\n')}`
  // a status that already fills the message keeps the late list's heading only, or nothing
  if (text.length <= TELEGRAM_LIMIT - 96) return { text, shown: block.shown }
  const heading = `${status}\n\n${block.lines[0]}`
  return { text: heading.length <= TELEGRAM_LIMIT - 96 ? heading : status, shown: [] }
}

/** The buttons of the late block: one per name shown (two a row), then "remind all". */
export function lateButtons(
  t: T,
  keyboard: InlineKeyboard,
  scope: { school: number; department: number },
  late: LateList | null,
  shown: LateList['people'],
): void {
  if (!late || late.people.length === 0) return
  const linked = shown.filter((p) => p.linked)
  for (const [i, p] of linked.entries()) {
    const name = p.fullName.length > 40 ? `${p.fullName.slice(0, 39)}…` : p.fullName
    keyboard.text(
      t('report-button-remind-one', { name }),
      remindButton.pack({ ...scope, deadline: late.deadline.id, person: p.personId }),
    )
    if (i % 2 === 1) keyboard.row()
  }
  if (linked.length % 2 === 1) keyboard.row()
  const reachable = late.people.filter((p) => p.linked).length
  if (reachable > 0)
    keyboard
      .text(
        t('report-button-remind-all', { count: reachable }),
        remindButton.pack({ ...scope, deadline: late.deadline.id, person: 0 }),
      )
      .row()
}

async function refuse(ctx: BotContext, error: { code: string }): Promise<void> {
  await ctx.answerCallbackQuery({
    text: plain(serviceErrorText(ctx.t, error)).slice(0, 200),
    show_alert: true,
  })
}

async function sendPicture(ctx: BotContext, picture: ChartPicture, name: string): Promise<void> {
  await ctx.replyWithPhoto(new InputFile(picture.png, name), { caption: escapeHtml(picture.caption) })
}

export function registerReportMore(feature: Feature): void {
  feature.callbackQuery(remindButton, async (ctx) => {
    const data = remindButton.unpack(ctx.callbackQuery.data)
    const department = Number(data?.department)
    const person = Number(data?.person)
    const text = reminderContent(
      reminderTextFromLocales((language, key, vars) => ctx.deps.i18n.t(language, key, vars)),
    )
    const sent = await ctx.deps.reports.remind(
      actorOf(ctx),
      {
        schoolId: Number(data?.school),
        deadlineId: Number(data?.deadline),
        ...(department > 0 ? { departmentId: department } : {}),
        ...(person > 0 ? { personId: person } : {}),
      },
      (p, d) => text(p, { ...d, reminderId: 0, offsetDays: d.daysLeft }),
    )
    if (!sent.ok) return refuse(ctx, sent.error)
    await ctx.answerCallbackQuery()
    await ctx.reply(
      ctx.t('report-reminded', {
        count: sent.value.enqueued,
        without: sent.value.withoutTelegram,
        recent: sent.value.remindedRecently,
        hours: REMIND_AGAIN_HOURS,
      }),
    )
  })

  feature.callbackQuery(chartsButton, async (ctx) => {
    const data = chartsButton.unpack(ctx.callbackQuery.data)
    const department = Number(data?.department)
    const charts = await ctx.deps.reports.charts(
      actorOf(ctx),
      { schoolId: Number(data?.school), ...(department > 0 ? { departmentId: department } : {}) },
      (key, args) => ctx.t(key, args),
    )
    if (!charts.ok) return refuse(ctx, charts.error)
    await ctx.answerCallbackQuery()
    await sendPicture(ctx, charts.value.classes, 'xep-loai.png')
    await sendPicture(ctx, charts.value.progress, 'tien-do.png')
  })

  feature.callbackQuery(provinceSheetButton, async (ctx) => {
    const sheet = await ctx.deps.reports.provinceSheet(actorOf(ctx), (key, args) => ctx.t(key, args))
    if (!sheet.ok) return refuse(ctx, sheet.error)
    await ctx.answerCallbackQuery()
    await ctx.replyWithDocument(new InputFile(sheet.value.data, sheet.value.fileName), {
      caption: ctx.t('province-sheet-caption', { schools: sheet.value.schools }),
    })
  })

  feature.callbackQuery(provinceChartButton, async (ctx) => {
    const chart = await ctx.deps.reports.provinceChart(actorOf(ctx), (key, args) => ctx.t(key, args))
    if (!chart.ok) return refuse(ctx, chart.error)
    await ctx.answerCallbackQuery()
    await sendPicture(ctx, chart.value, 'cac-truong.png')
  })
}

/** The owner's two buttons over the list of schools. */
export function provinceButtons(t: T, keyboard: InlineKeyboard): InlineKeyboard {
  return keyboard
    .text(t('report-button-province-sheet'), provinceSheetButton.pack({}))
    .row()
    .text(t('report-button-province-chart'), provinceChartButton.pack({}))
    .row()
}
