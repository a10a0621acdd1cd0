/**
 * The command list each person sees in Telegram's menu (setMyCommands with a chat scope). Names
 * only: the bot takes each description from the `cmd-<name>` key of the person's language. The
 * server checks every action anyway; this list is what the menu offers.
 *
 *   commandsFor({ role: 'head', isOwner: false })
 *   // ['start', 'plan', 'modules', 'approve', 'invite', 'people', 'me', 'cefr', 'need', 'lang', 'help', 'cancel']
 */
import type { Role } from '../store/people.ts'

/** What anybody can use, linked or not. */
const PUBLIC = ['cefr', 'need', 'lang', 'help', 'cancel'] as const

const BY_ROLE: Record<Role, readonly string[]> = {
  teacher: ['plan', 'scores', 'deadlines', 'modules', 'survey'],
  head: [
    'plan',
    'scores',
    'deadlines',
    'modules',
    'approve',
    'grades',
    'team',
    'report',
    'invite',
    'people',
    'unreachable',
    'records',
    'survey',
  ],
  manager: ['plan', 'scores', 'deadlines', 'modules', 'survey'],
  admin: [
    'plan',
    'modules',
    'approve',
    'grades',
    'team',
    'report',
    'invite',
    'people',
    'unreachable',
    'departments',
    'deadlines',
    'setdeadline',
    'import',
    'broadcast',
    'lockresults',
    'unlockresults',
    'regulation',
    'records',
    'record',
    'standards',
    'survey',
  ],
  staff: ['modules'],
}

const OWNER = [
  'schools',
  'report',
  'approve',
  'broadcast',
  'import',
  'owners',
  'courses',
  'standards',
] as const

/** Who a command is for: the roles that have it in their menu, and whether owners do. */
export function whoMayUse(command: string): { roles: Role[]; owner: boolean } {
  const roles = (Object.keys(BY_ROLE) as Role[]).filter((r) => BY_ROLE[r].includes(command))
  return { roles, owner: (OWNER as readonly string[]).includes(command) }
}

export function commandsFor(who: { role: Role | null; isOwner: boolean }): string[] {
  const names: string[] = ['start']
  if (who.role) names.push(...BY_ROLE[who.role])
  else names.push('modules')
  if (who.isOwner) names.push(...OWNER)
  if (who.role) names.push('me', 'settings', 'courses')
  names.push(...PUBLIC)
  return [...new Set(names)]
}
