/**
 * /lang: Tiếng Việt or English. The choice is kept with the Telegram account, so it holds across
 * restarts and for the notifications others' actions send to this person; the person's own
 * command menu switches language too.
 */
import { InlineKeyboard } from 'grammy'
import { callbackData } from '../callback-data.ts'
import type { BotContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { isLanguage, LANGUAGES } from '../i18n.ts'
import { refreshCommands } from '../notify.ts'

const langButton = callbackData('lang', ['code'])

export async function showLanguagePicker(ctx: BotContext): Promise<void> {
  const current = await ctx.i18n.getLocale()
  const keyboard = new InlineKeyboard()
  for (const code of LANGUAGES) {
    const label = ctx.t(`lang-name-${code}`)
    keyboard.text(code === current ? `✓ ${label}` : label, langButton.pack({ code }))
  }
  await ctx.reply(ctx.t('lang-choose'), { reply_markup: keyboard })
}

const feature = new Feature()

feature.command('lang', showLanguagePicker)

feature.callbackQuery(langButton, async (ctx) => {
  const code = langButton.unpack(ctx.callbackQuery.data)?.code
  if (!isLanguage(code)) return ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') })
  await ctx.deps.telegramUsers.setLanguage(ctx.from.id, code)
  ctx.account = await ctx.deps.telegramUsers.get(ctx.from.id)
  await ctx.i18n.renegotiateLocale()
  await ctx.answerCallbackQuery()
  await ctx.editMessageText(ctx.t('lang-changed'))
  await refreshCommands(ctx)
})

export { feature as langFeature }
