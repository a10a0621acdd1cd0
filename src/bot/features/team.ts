/**
 * /team: the department's table (a head's; the whole school for an admin) — each person's class
 * or verdict, average and scores, or their plan's state — and the counts per class, split so that
 * no message exceeds Telegram's limit.
 */
import type { TeamTable } from '../../services/team-table.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'
import { chunkLines, componentsLine, tenths, yearProfile } from '../present.ts'
import { serviceErrorText } from '../service-errors.ts'

type T = BotContext['t']

const actorOf = (ctx: BotContext) => ({ telegramId: ctx.from!.id })

function teamMessages(t: T, table: TeamTable): string[] {
  const summary = (s: string) =>
    s === 'pending'
      ? t('team-pending')
      : s === 'no-approved-plan'
        ? t('team-no-plan')
        : t(s === 'Dat' || s === 'KhongDat' ? `verdict-${s}` : `grade-${s}`)
  const lines = [
    t('team-heading', {
      year: escapeHtml(table.schoolYear.name),
      department: escapeHtml(table.departmentName ?? t('team-whole-school')),
      count: table.rows.length,
    }),
  ]
  for (const [i, row] of table.rows.entries()) {
    const average = row.average === null ? '' : ` · ${t('grades-average')} ${tenths(t, row.average)}`
    const plan = row.plan ? t(`plan-status-${row.plan.status}`) : t('grades-no-plan')
    lines.push(
      `${i + 1}. <b>${escapeHtml(row.person.fullName)}</b> — ${summary(row.summary)}${average}`,
      `    ${row.plan?.status === 'approved' ? componentsLine(t, row.components) : plan}`,
    )
  }
  const c = table.counts.teachers
  const graded = yearProfile(table.schoolYear.profileId).teacher.classes.length > 1
  lines.push(
    '',
    t(graded ? 'team-counts' : 'team-counts-completion', {
      gioi: c.Gioi,
      kha: c.Kha,
      tb: c.TrungBinh,
      ht: c.HoanThanh,
      khong: c.KhongHoanThanh,
      pending: c.pending,
      noPlan: c['no-approved-plan'],
    }),
  )
  if (table.counts.managers.total > 0) {
    const m = table.counts.managers
    lines.push(
      t('team-counts-managers', {
        dat: m.Dat,
        khongDat: m.KhongDat,
        pending: m.pending + m['no-approved-plan'],
      }),
    )
  }
  if (table.schoolYear.resultsLocked) lines.push(t('team-locked'))
  return chunkLines(lines)
}

const feature = new Feature()

feature.command('team', async (ctx) => {
  const table = await ctx.deps.team.teamTable(actorOf(ctx), {})
  if (!table.ok) return void (await ctx.reply(serviceErrorText(ctx.t, table.error)))
  for (const text of teamMessages(ctx.t, table.value)) await ctx.reply(text)
})

export { feature as teamFeature }
