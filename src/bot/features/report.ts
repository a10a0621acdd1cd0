/**
 * /report (issue 12): the BDTX state at a glance in one message — plans, grades, classes and the
 * certificate proposals — for an admin (the school, then a line per department), a head (their
 * department) and the owner (who first picks a school). Under each report a button per department
 * lists who is not proposed for a certificate and why. The service checks scope on every press.
 */
import { InlineKeyboard, InputFile } from 'grammy'
import type { GroupStatus, StatusReport } from '../../services/reports.ts'
import { fold } from '../../store/text.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'
import { chunkLines } from '../present.ts'
import { serviceErrorText } from '../service-errors.ts'
import { chartsButton, lateButtons, provinceButtons, registerReportMore, withLate } from './report-more.ts'

type T = BotContext['t']

/** certificate list of one department (0: the whole scope) */
const certificatesButton = callbackData('rptc', ['school', 'department'])
/** the results sheet of one department (0: the whole scope) */
const sheetButton = callbackData('rptx', ['school', 'department'])
/** the owner's pick of a school */
const schoolButton = callbackData('rpts', ['school'])
/** room left under Telegram's 4,096 for the closing line */
const MESSAGE_LIMIT = 3900
/** school buttons the owner gets at once; past that they narrow with `/report <name>` */
const MAX_SCHOOL_BUTTONS = 40

const actorOf = (ctx: BotContext) => ({ telegramId: ctx.from!.id })

function groupName(t: T, g: GroupStatus): string {
  return escapeHtml(g.departmentName ?? t('report-board'))
}

/** The full block: plans, grades, classes, certificates. */
function groupBlock(t: T, g: GroupStatus): string[] {
  const lines = [t('report-plans', { ...g.plans }), t('report-grades', { ...g.grades })]
  if (g.teachers.total > 0)
    lines.push(
      t('report-teachers', {
        gioi: g.teachers.Gioi,
        kha: g.teachers.Kha,
        tb: g.teachers.TrungBinh,
        ht: g.teachers.HoanThanh,
        khong: g.teachers.KhongHoanThanh,
        pending: g.teachers.pending + g.teachers['no-approved-plan'],
      }),
    )
  if (g.managers.total > 0)
    lines.push(
      t('report-managers', {
        dat: g.managers.Dat,
        khongDat: g.managers.KhongDat,
        pending: g.managers.pending + g.managers['no-approved-plan'],
      }),
    )
  lines.push(t('report-certificates', { eligible: g.certificates.eligible, people: g.people }))
  return lines
}

/** One line per department, for the school's report. */
function groupLine(t: T, g: GroupStatus): string {
  return t('report-group-line', {
    name: groupName(t, g),
    people: g.people,
    approved: g.plans.approved,
    complete: g.grades.complete,
    gioi: g.teachers.Gioi,
    kha: g.teachers.Kha,
    tb: g.teachers.TrungBinh,
    khong: g.teachers.KhongHoanThanh,
    eligible: g.certificates.eligible,
  })
}

export function statusText(t: T, r: StatusReport): string {
  const head = [
    t('report-heading', {
      year: escapeHtml(r.schoolYear.name),
      scope:
        r.departmentId === null
          ? t('report-whole-school', { school: escapeHtml(r.schoolName) })
          : groupName(t, r.total),
      people: r.total.people,
    }),
    t('report-regulation', { documents: r.regulation.join(', ') }),
    t(r.schoolYear.resultsLocked ? 'report-locked' : 'report-open'),
    '',
    ...groupBlock(t, r.total),
  ]
  if (r.departmentId !== null) return head.join('\n')
  const lines = [...head, '', t('report-by-department')]
  let length = lines.join('\n').length
  for (const [i, g] of r.groups.entries()) {
    const line = groupLine(t, g)
    if (length + line.length + 200 > MESSAGE_LIMIT) {
      lines.push(t('report-more-departments', { count: r.groups.length - i }))
      break
    }
    lines.push(line)
    length += line.length + 1
  }
  return lines.join('\n')
}

function reportKeyboard(t: T, r: StatusReport): InlineKeyboard {
  const scope = { school: r.schoolId, department: r.departmentId ?? 0 }
  const keyboard = new InlineKeyboard()
    .text(t('report-button-sheet'), sheetButton.pack(scope))
    .text(t('report-button-charts'), chartsButton.pack(scope))
    .row()
  const groups = r.departmentId === null ? r.groups : [r.total]
  for (const g of groups)
    keyboard
      .text(
        t('report-button-certificates', { name: g.departmentName ?? t('report-board') }),
        certificatesButton.pack({ school: r.schoolId, department: g.departmentId ?? 0 }),
      )
      .row()
  return keyboard
}

export function certificateMessages(t: T, g: GroupStatus): string[] {
  const lines = [
    t('report-certificates-heading', {
      name: groupName(t, g),
      eligible: g.certificates.eligible,
      people: g.people,
    }),
  ]
  if (g.certificates.ineligible.length === 0) lines.push(t('report-certificates-all'))
  for (const [i, p] of g.certificates.ineligible.entries())
    lines.push(`${i + 1}. ${escapeHtml(p.fullName)} — ${t(`report-no-certificate-${p.reason}`)}`)
  return chunkLines(lines)
}

async function showStatus(ctx: BotContext, input: { schoolId?: number }, query = ''): Promise<void> {
  const report = await ctx.deps.reports.status(actorOf(ctx), input)
  if (!report.ok) {
    if (report.error.code === 'school-required') return pickSchool(ctx, query)
    return void (await ctx.reply(serviceErrorText(ctx.t, report.error)))
  }
  const r = report.value
  const late = await ctx.deps.reports.late(actorOf(ctx), {
    schoolId: r.schoolId,
    ...(r.departmentId ? { departmentId: r.departmentId } : {}),
  })
  const language = await ctx.i18n.getLocale()
  const { text, shown } = withLate(ctx.t, language, statusText(ctx.t, r), late.ok ? late.value : null)
  const keyboard = reportKeyboard(ctx.t, r)
  lateButtons(
    ctx.t,
    keyboard,
    { school: r.schoolId, department: r.departmentId ?? 0 },
    late.ok ? late.value : null,
    shown,
  )
  await ctx.reply(text, { reply_markup: keyboard })
}

/** The owner sees every school: one button each. */
async function pickSchool(ctx: BotContext, query: string): Promise<void> {
  const schools = await ctx.deps.schools.listSchools(actorOf(ctx))
  if (!schools.ok || schools.value.length === 0) return void (await ctx.reply(ctx.t('report-no-schools')))
  // `/report kim đồng`: the schools whose name has these words, with or without marks
  const q = fold(query.trim().replace(/\s+/g, ' ')).slice(0, 100)
  const found = q === '' ? schools.value : schools.value.filter((s) => fold(s.name).includes(q))
  if (q !== '' && found.length === 1) return showStatus(ctx, { schoolId: found[0]!.id })
  const keyboard = provinceButtons(ctx.t, new InlineKeyboard())
  for (const s of found.slice(0, MAX_SCHOOL_BUTTONS))
    keyboard.text(s.name, schoolButton.pack({ school: s.id })).row()
  const lines = [
    q !== '' && found.length === 0
      ? ctx.t('report-no-school-match', { query: escapeHtml(query.trim()) })
      : ctx.t('report-pick-school'),
  ]
  if (found.length > MAX_SCHOOL_BUTTONS)
    lines.push(ctx.t('report-more-schools', { count: found.length, shown: MAX_SCHOOL_BUTTONS }))
  await ctx.reply(lines.join('\n'), { reply_markup: keyboard })
}

const feature = new Feature()
registerReportMore(feature)

feature.command('report', (ctx) => showStatus(ctx, {}, ctx.match))

feature.callbackQuery(schoolButton, async (ctx) => {
  await ctx.answerCallbackQuery()
  await showStatus(ctx, { schoolId: Number(schoolButton.unpack(ctx.callbackQuery.data)?.school) })
})

feature.callbackQuery(certificatesButton, async (ctx) => {
  const data = certificatesButton.unpack(ctx.callbackQuery.data)
  const department = Number(data?.department)
  const report = await ctx.deps.reports.status(actorOf(ctx), {
    schoolId: Number(data?.school),
    ...(department > 0 ? { departmentId: department } : {}),
  })
  if (!report.ok)
    return ctx.answerCallbackQuery({
      text: serviceErrorText(ctx.t, report.error).replace(/<[^>]+>/g, ''),
      show_alert: true,
    })
  await ctx.answerCallbackQuery()
  const r = report.value
  // department 0: the board (people outside any department) of the school's report
  const group = department > 0 ? r.total : (r.groups.find((g) => g.departmentId === null) ?? r.total)
  for (const text of certificateMessages(ctx.t, group)) await ctx.reply(text)
})

feature.callbackQuery(sheetButton, async (ctx) => {
  const data = sheetButton.unpack(ctx.callbackQuery.data)
  const department = Number(data?.department)
  const input = { schoolId: Number(data?.school), ...(department > 0 ? { departmentId: department } : {}) }
  const sheet = await ctx.deps.reports.resultsSheet(actorOf(ctx), input, (key, args) => ctx.t(key, args))
  if (!sheet.ok)
    return ctx.answerCallbackQuery({
      text: serviceErrorText(ctx.t, sheet.error).replace(/<[^>]+>/g, ''),
      show_alert: true,
    })
  await ctx.answerCallbackQuery()
  await ctx.replyWithDocument(new InputFile(sheet.value.data, sheet.value.fileName), {
    caption: ctx.t('sheet-caption', { people: sheet.value.people }),
  })
})

export { feature as reportFeature }
