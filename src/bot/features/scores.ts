/**
 * /scores: one's own components, average, class or "not final yet", and what is still needed —
 * judged by the regulation of one's school year. Also the button on /start.
 */
import type { MyScores } from '../../services/scores.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'
import { componentsLine, resultText, yearProfile } from '../present.ts'
import { serviceErrorText } from '../service-errors.ts'

type T = BotContext['t']

const actorOf = (ctx: BotContext) => ({ telegramId: ctx.from!.id })

function scoresText(t: T, mine: MyScores): string {
  const lines = [
    t('scores-heading', { year: escapeHtml(mine.schoolYear.name), name: escapeHtml(mine.person.fullName) }),
    componentsLine(t, mine.components),
    '',
  ]
  lines.push(
    mine.judgedAs === 'teacher'
      ? resultText(
          t,
          { judgedAs: 'teacher', result: mine.result, required: mine.required },
          yearProfile(mine.schoolYear.profileId),
        )
      : resultText(
          t,
          { judgedAs: 'manager', result: mine.result, required: mine.required },
          yearProfile(mine.schoolYear.profileId),
        ),
  )
  return lines.join('\n')
}

const feature = new Feature()

/** /scores, and the button on /start. */
export async function showScores(ctx: BotContext): Promise<void> {
  const mine = await ctx.deps.scores.myScores(actorOf(ctx), {})
  if (!mine.ok) return void (await ctx.reply(serviceErrorText(ctx.t, mine.error)))
  await ctx.reply(scoresText(ctx.t, mine.value))
}

feature.command('scores', showScores)

export { feature as scoresFeature }
