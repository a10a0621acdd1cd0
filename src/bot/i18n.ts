/**
 * Fluent translations from `locales/`: Vietnamese by default, English second. The language is the
 * one the person chose with /lang (kept in `telegram_users`), else Vietnamese.
 */
import { fileURLToPath } from 'node:url'
import { I18n } from '@grammyjs/i18n'
import type { Context } from 'grammy'

export const LANGUAGES = ['vi', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'vi'

export const localesDir = fileURLToPath(new URL('../../locales', import.meta.url))

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language)
}

export function createI18n<
  C extends Context & { account?: { language: string | null } | undefined },
>(): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: DEFAULT_LANGUAGE,
    useSession: false,
    // no Unicode isolation marks around variables: Telegram shows them as stray characters
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => {
      const chosen = ctx.account?.language
      return isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE
    },
  })
  i18n.loadLocalesDirSync(localesDir)
  return i18n
}

/** Escapes text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
