/**
 * /start: what the bot does, with a button for each public tool so nobody has to type a command.
 */
import { InlineKeyboard } from 'grammy'
import { callbackData } from '../callback-data.ts'
import { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'
import { refreshCommands } from '../notify.ts'
import { always } from '../service-errors.ts'
import { openApprovals } from './approve.ts'
import { CEFR_FLOW } from './cefr.ts'
import { showDeadlines } from './deadlines.ts'
import { openGrades } from './grades.ts'
import { startWithPayload } from './join.ts'
import { showLanguagePicker } from './lang.ts'
import { NEED_FLOW } from './need.ts'
import { openPlan } from './plan.ts'
import { showScores } from './scores.ts'
import { showSettings } from './settings.ts'

export const goButton = callbackData('go', ['tool'])

/** The buttons of a linked person's own work on /start, by role. */
const ROLE_TOOLS: Record<string, string[]> = {
  teacher: ['plan', 'scores', 'deadlines'],
  manager: ['plan', 'scores', 'deadlines'],
  head: ['plan', 'approve', 'grades', 'deadlines'],
  admin: ['approve', 'grades', 'deadlines'],
}

const feature = new Feature()

feature.command('start', async (ctx) => {
  const payload = ctx.match.trim()
  if (payload) return startWithPayload(ctx, payload)
  await refreshCommands(ctx)
  const me = always(await ctx.deps.people.whoAmI({ telegramId: ctx.from.id }))
  const keyboard = new InlineKeyboard()
  // a linked person's own work first, then the public tools
  for (const tool of ROLE_TOOLS[me.person?.role ?? 'none'] ?? []) {
    keyboard.text(ctx.t(`start-button-${tool}`), goButton.pack({ tool })).row()
  }
  keyboard
    .text(ctx.t('start-button-cefr'), goButton.pack({ tool: 'cefr' }))
    .row()
    .text(ctx.t('start-button-need'), goButton.pack({ tool: 'need' }))
    .row()
    .text(ctx.t('start-button-lang'), goButton.pack({ tool: 'lang' }))
  if (me.person) keyboard.row().text(ctx.t('start-button-settings'), goButton.pack({ tool: 'settings' }))
  await ctx.reply(ctx.t('start-welcome', { name: escapeHtml(ctx.from.first_name) }), {
    reply_markup: keyboard,
  })
})

feature.callbackQuery(goButton, async (ctx) => {
  const tool = goButton.unpack(ctx.callbackQuery.data)?.tool
  await ctx.answerCallbackQuery()
  // the public tools of /start, and the buttons of reminders
  if (tool === 'cefr') await ctx.startFlow(CEFR_FLOW)
  else if (tool === 'need') await ctx.startFlow(NEED_FLOW)
  else if (tool === 'plan') await openPlan(ctx)
  else if (tool === 'approve') await openApprovals(ctx)
  else if (tool === 'grades') await openGrades(ctx)
  else if (tool === 'scores') await showScores(ctx)
  else if (tool === 'deadlines') await showDeadlines(ctx)
  else if (tool === 'settings') await showSettings(ctx)
  else await showLanguagePicker(ctx)
})

export { feature as startFeature }
