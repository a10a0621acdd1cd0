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
  rememberBundleMatches(i18n)
  rememberPlainMessages(i18n)
  return i18n
}

/** How much of a person's own input an answer quotes back (a 4 KB argument must not be echoed). */
export const ECHO_MAX = 60

/** A person's input quoted in an answer: escaped, and cut to ECHO_MAX characters with "…". */
export function echo(text: string): string {
  const chars = [...text.trim()]
  return escapeHtml(chars.length > ECHO_MAX ? `${chars.slice(0, ECHO_MAX - 1).join('')}…` : chars.join(''))
}

/** Escapes text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * The plugin negotiates languages — parsing every locale tag anew — on each `t()` call, and an
 * answer makes ten of them: a third of a reply's time. The bundles never change once loaded, so
 * each locale's match is computed once; the matching itself is still the plugin's.
 */
function rememberBundleMatches(i18n: I18n<never>): void {
  const fluent = i18n.fluent as unknown as { matchBundles(locales: string[]): Set<unknown> }
  const match = fluent.matchBundles.bind(fluent)
  const known = new Map<string, Set<unknown>>()
  fluent.matchBundles = (locales) => {
    const key = locales.join(',')
    let bundles = known.get(key)
    if (!bundles) {
      bundles = match(locales)
      known.set(key, bundles)
    }
    return bundles
  }
}

/**
 * A message without variables reads the same every time (the decimal separator, a grade's name, a
 * button's label), and an answer asks for a dozen of them, so each is formatted once per locale.
 * Messages with variables are always formatted by Fluent.
 */
function rememberPlainMessages(i18n: I18n<never>, max = 5_000): void {
  const fluent = i18n.fluent as unknown as {
    translate(locales: string | string[], path: string, context?: Record<string, unknown>): string
  }
  const translate = fluent.translate.bind(fluent)
  const formatted = new Map<string, string>()
  fluent.translate = (locales, path, context) => {
    if (context) for (const _ in context) return translate(locales, path, context)
    const key = `${locales}\n${path}`
    let text = formatted.get(key)
    if (text === undefined) {
      text = translate(locales, path, context)
      if (formatted.size < max) formatted.set(key, text)
    }
    return text
  }
}
