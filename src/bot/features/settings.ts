/**
 * /settings (also a button on /start): what a person gets and when — deadline reminders on/off and
 * how early, result notices on/off, quiet hours. Every button carries the value it sets, so one
 * pressed on an old settings message still does what it says, and the message then shows the
 * settings as they now are. Quiet hours can also be typed: `/settings 22-6`.
 *
 * Also here: Telegram's my_chat_member updates. Blocking the bot marks the person unreachable at
 * once; unblocking it (or writing to it again) makes them reachable, and the reminders they missed
 * meanwhile that still matter are sent once.
 */
import { Composer, InlineKeyboard } from 'grammy'
import { reminderContent, reminderTextFromLocales } from '../../jobs/reminders.ts'
import type { NotificationSettings } from '../../services/notifications.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { escapeHtml } from '../i18n.ts'

const setButton = callbackData('set', ['key', 'value'])

/** Hours reminders can arrive at, offered as buttons (Vietnam time). */
const HOUR_CHOICES = [7, 8, 12, 17, 20] as const

const DAYS_LABEL = {
  '7,1': 'settings-days-seven-one',
  '3,1': 'settings-days-three-one',
  '1': 'settings-days-one',
} as const

/** Quiet hours offered as buttons (Vietnam hours, from-to); "off" is from == to. */
const QUIET_CHOICES = ['21-7', '22-6', '20-7', '0-0'] as const

const two = (h: number) => String(h).padStart(2, '0')

function settingsText(ctx: BotContext, s: NotificationSettings): string {
  return ctx.t('settings-text', {
    reminders: ctx.t(s.reminders ? 'settings-on' : 'settings-off'),
    days: ctx.t(DAYS_LABEL[s.reminderDays]),
    hour:
      s.reminderHour === null
        ? ctx.t('settings-hour-school')
        : ctx.t('settings-hour', { hour: two(s.reminderHour) }),
    results: ctx.t(s.results ? 'settings-on' : 'settings-off'),
    quiet:
      s.quietFrom === s.quietTo
        ? ctx.t('settings-quiet-none')
        : ctx.t('settings-quiet-range', { from: two(s.quietFrom), to: two(s.quietTo) }),
  })
}

function settingsKeyboard(ctx: BotContext, s: NotificationSettings): InlineKeyboard {
  const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label)
  const keyboard = new InlineKeyboard()
    .text(
      ctx.t(s.reminders ? 'settings-button-reminders-off' : 'settings-button-reminders-on'),
      setButton.pack({ key: 'rem', value: s.reminders ? 0 : 1 }),
    )
    .row()
  // how early: one choice a row (the labels are long); the hour: three a row
  for (const days of ['7,1', '3,1', '1'] as const)
    keyboard
      .text(
        mark(s.reminderDays === days, ctx.t(DAYS_LABEL[days])),
        setButton.pack({ key: 'days', value: days }),
      )
      .row()
  keyboard.text(
    mark(s.reminderHour === null, `⏰ ${ctx.t('settings-hour-school-button')}`),
    setButton.pack({ key: 'hour', value: 'school' }),
  )
  HOUR_CHOICES.forEach((hour, i) => {
    keyboard.text(
      mark(s.reminderHour === hour, `⏰ ${ctx.t('settings-hour', { hour: two(hour) })}`),
      setButton.pack({ key: 'hour', value: hour }),
    )
    if (i % 3 === 1) keyboard.row()
  })
  keyboard
    .text(
      ctx.t(s.results ? 'settings-button-results-off' : 'settings-button-results-on'),
      setButton.pack({ key: 'res', value: s.results ? 0 : 1 }),
    )
    .row()
  for (const choice of QUIET_CHOICES) {
    const [from, to] = choice.split('-').map(Number) as [number, number]
    const label =
      from === to
        ? ctx.t('settings-quiet-none')
        : ctx.t('settings-quiet-range', { from: two(from), to: two(to) })
    const on = from === to ? s.quietFrom === s.quietTo : s.quietFrom === from && s.quietTo === to
    keyboard.text(mark(on, `🌙 ${label}`), setButton.pack({ key: 'quiet', value: choice }))
  }
  return keyboard
}

export async function showSettings(ctx: BotContext): Promise<void> {
  const s = await ctx.deps.notifications.settings({ telegramId: ctx.from!.id })
  await ctx.reply(`${settingsText(ctx, s)}\n\n${ctx.t('settings-hint')}`, {
    reply_markup: settingsKeyboard(ctx, s),
  })
}

/** "22-6", "22:00-06:00", "22h-6h": the two hours, or undefined when it is not a range of hours. */
export function parseQuietHours(text: string): { from: number; to: number } | undefined {
  const m = /^\s*(\d{1,2})(?::00|h)?\s*[-–]\s*(\d{1,2})(?::00|h)?\s*$/i.exec(text)
  if (!m) return undefined
  return { from: Number(m[1]), to: Number(m[2]) }
}

/** A button's patch, or undefined when the data is not one this bot makes. */
function patchOf(key: string, value: string): Partial<NotificationSettings> | undefined {
  if (key === 'rem' && (value === '0' || value === '1')) return { reminders: value === '1' }
  if (key === 'res' && (value === '0' || value === '1')) return { results: value === '1' }
  if (key === 'days' && (value === '7,1' || value === '3,1' || value === '1')) return { reminderDays: value }
  // any whole number: one outside 0–23 (a forged button) is refused and explained by the service
  if (key === 'hour' && /^\d{1,3}$/.test(value)) return { reminderHour: Number(value) }
  if (key === 'hour' && value === 'school') return { reminderHour: null }
  if (key === 'quiet') {
    const range = parseQuietHours(value)
    if (range) return { quietFrom: range.from, quietTo: range.to }
  }
  return undefined
}

const feature = new Feature()

feature.command('settings', async (ctx) => {
  const argument = ctx.match.trim()
  if (!argument) return showSettings(ctx)
  const range = parseQuietHours(argument)
  if (!range)
    return void (await ctx.reply(ctx.t('settings-quiet-bad', { text: escapeHtml(argument.slice(0, 40)) })))
  if (range.from > 23 || range.to > 23) return void (await ctx.reply(ctx.t('settings-hour-bad')))
  const updated = await ctx.deps.notifications.update(
    { telegramId: ctx.from.id },
    { quietFrom: range.from, quietTo: range.to },
  )
  if (!updated.ok) return void (await ctx.reply(ctx.t('settings-hour-bad')))
  await ctx.reply(`${ctx.t('settings-saved')}\n${settingsText(ctx, updated.value)}`, {
    reply_markup: settingsKeyboard(ctx, updated.value),
  })
})

feature.callbackQuery(setButton, async (ctx) => {
  const data = setButton.unpack(ctx.callbackQuery.data)
  const patch = data && patchOf(data.key, data.value)
  if (!patch) return ctx.answerCallbackQuery({ text: ctx.t('unhandled-button'), show_alert: true })
  const updated = await ctx.deps.notifications.update({ telegramId: ctx.from.id }, patch)
  if (!updated.ok) return ctx.answerCallbackQuery({ text: ctx.t('settings-hour-bad'), show_alert: true })
  await ctx.answerCallbackQuery({ text: ctx.t('settings-saved') })
  await ctx
    .editMessageText(`${settingsText(ctx, updated.value)}\n\n${ctx.t('settings-hint')}`, {
      reply_markup: settingsKeyboard(ctx, updated.value),
    })
    .catch(() => undefined) // "message is not modified": pressed twice
})

export { feature as settingsFeature }

/**
 * Blocked and unblocked: my_chat_member in a private chat, and any update from someone the bot
 * thought had blocked it (they wrote, so they unblocked it).
 */
export const reachability = new Composer<BotContext>()

reachability.on('my_chat_member', async (ctx, next) => {
  if (ctx.chat.type !== 'private') return next()
  const status = ctx.myChatMember.new_chat_member.status
  if (status === 'kicked') await blocked(ctx)
  else if (status === 'member') await unblocked(ctx)
})

reachability.use(async (ctx, next) => {
  if (ctx.chat?.type === 'private' && ctx.account?.blockedAt) await unblocked(ctx)
  await next()
})

async function blocked(ctx: BotContext): Promise<void> {
  const id = ctx.from!.id
  if (!(await ctx.deps.telegramUsers.setBlocked(id, new Date().toISOString()))) return
  const { dropped } = await ctx.deps.notifications.blocked(id)
  ctx.deps.logger.info('the person blocked the bot', { telegramId: id, dropped })
}

async function unblocked(ctx: BotContext): Promise<void> {
  const id = ctx.from!.id
  if (!(await ctx.deps.telegramUsers.setBlocked(id, null))) return
  ctx.account = await ctx.deps.telegramUsers.get(id)
  const text = reminderTextFromLocales((language, key, vars) => ctx.deps.i18n.t(language, key, vars))
  const { resent } = await ctx.deps.notifications.unblocked(id, reminderContent(text))
  ctx.deps.logger.info('the person unblocked the bot', { telegramId: id, resent })
}
