/**
 * A command of another role is refused up front, saying whose it is ("/team là việc của tổ trưởng
 * chuyên môn, Ban chỉ đạo BDTX"), instead of the bare "you may not do this" a service gives when
 * nothing was asked of it yet. Only a gate: the services still check every action.
 *
 *   /lockresults (a teacher) → "/lockresults dành cho Ban chỉ đạo BDTX (quản trị trường). …"
 */
import { commandsFor, whoMayUse } from '../../services/commands.ts'
import { Feature } from '../feature.ts'
import { always } from '../service-errors.ts'

/** Commands whose handlers would otherwise answer a stranger with the generic refusal. */
const GATED = [
  'broadcast',
  'invite',
  'schools',
  'setdeadline',
  'deadline',
  'lockresults',
  'unlockresults',
  'team',
  'report',
] as const

const feature = new Feature()

feature.command([...GATED], async (ctx, next) => {
  const me = always(await ctx.deps.people.whoAmI({ telegramId: ctx.from!.id }))
  if (!me.person && !me.isOwner) return void (await ctx.reply(ctx.t('error-not-linked')))
  const command = ctx.message?.text?.split(/[\s@]/, 1)[0]?.slice(1) ?? ''
  // /deadline (the admin's edits) goes with /deadlines in the menu
  const listed = command === 'deadline' ? 'setdeadline' : command
  if (commandsFor({ role: me.person?.role ?? null, isOwner: me.isOwner }).includes(listed)) return next()
  const may = whoMayUse(listed)
  const who = [
    ...may.roles.map((r) => ctx.t(`role-plural-${r}`)),
    ...(may.owner ? [ctx.t('role-plural-owner')] : []),
  ]
  await ctx.reply(ctx.t('error-command-for', { command: `/${command}`, who: who.join(', ') }))
})

export { feature as commandGateFeature }
