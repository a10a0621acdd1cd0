/**
 * The command lists Telegram shows in its menu, in each language, from the `cmd-<name>` keys of
 * the locales. The default list is registered at start-up; a person's own list (per chat scope)
 * follows their language and, later, their role.
 */
import type { I18n } from '@grammyjs/i18n'
import type { Api, Context } from 'grammy'
import { commandsFor } from '../services/commands.ts'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './i18n.ts'

/** What anybody sees before joining a school: the role-less list of the services. */
const PUBLIC_COMMANDS = commandsFor({ role: null, isOwner: false })

export function commandList<C extends Context>(i18n: I18n<C>, language: Language, names: readonly string[]) {
  return names.map((command) => ({ command, description: i18n.t(language, `cmd-${command}`) }))
}

export async function registerDefaultCommands<C extends Context>(api: Api, i18n: I18n<C>): Promise<void> {
  for (const language of LANGUAGES) {
    const commands = commandList(i18n, language, PUBLIC_COMMANDS)
    if (language === DEFAULT_LANGUAGE) await api.setMyCommands(commands)
    await api.setMyCommands(commands, { language_code: language })
  }
}

export async function setChatCommands<C extends Context>(
  api: Api,
  i18n: I18n<C>,
  chatId: number,
  language: Language,
  names: readonly string[],
): Promise<void> {
  await api.setMyCommands(commandList(i18n, language, names), { scope: { type: 'chat', chat_id: chatId } })
}
