/**
 * Running a school from the chat: an owner adds schools (and gets the first admin's invite), an
 * admin keeps the departments, an admin or a head makes invite links, and anyone linked sees
 * their profile (/me) and the people they are responsible for (/people). The services check
 * every permission; these handlers only ask and show.
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import { InlineKeyboard } from 'grammy'
import { startLink } from '../../services/codes.ts'
import type { Me } from '../../services/people.ts'
import { LATE_START_PLAN_DAYS } from '../../services/year-calendar.ts'
import type { Role } from '../../store/people.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { askText, waitPick } from '../flow.ts'
import { echo, escapeHtml } from '../i18n.ts'
import { chunkLines, formatDate, parseVietnameseDate } from '../present.ts'
import { always, serviceErrorText } from '../service-errors.ts'
import { recordText } from '../staff-text.ts'

export const NEW_SCHOOL_FLOW = 'new-school'
export const NEW_DEPARTMENT_FLOW = 'new-department'
export const RENAME_DEPARTMENT_FLOW = 'rename-department'
export const MERGE_DEPARTMENTS_FLOW = 'merge-departments'
export const INVITE_FLOW = 'invite'
/** past this the list stops with a count: eight messages is as much as anyone scrolls */
const MAX_PEOPLE_LINES = 400

const newSchoolButton = callbackData('schn', [])
const newDepartmentButton = callbackData('depn', [])
const renameDepartmentButton = callbackData('depr', [])
const mergeDepartmentsButton = callbackData('depm', [])
const pick = callbackData('invp', ['value'])

type Flow = Conversation<BotContext, FlowContext>
const actorOf = (ctx: FlowContext) => ({ telegramId: ctx.from!.id })

async function whoAmI(ctx: FlowContext): Promise<Me> {
  return always(await ctx.deps.people.whoAmI(actorOf(ctx)))
}

// ── schools (owners) ─────────────────────────────────────────────────────────────────────────

async function newSchoolFlow(conversation: Flow, ctx: FlowContext): Promise<void> {
  const name = await askText(conversation, ctx, ctx.t('schools-ask-name'))
  const adminName = await askText(conversation, ctx, ctx.t('schools-ask-admin'))
  const created = await conversation.external((c) =>
    c.deps.schools.createSchool(actorOf(c), { name, ...(adminName === '-' ? {} : { adminName }) }),
  )
  if (!created.ok) return void (await ctx.reply(serviceErrorText(ctx.t, created.error)))
  const { school, year, adminInvite, planDeadlineMovedFrom, approvalByRegulation } = created.value
  const text = ctx.t('schools-created', {
    school: escapeHtml(school.name),
    year: escapeHtml(year.name),
    planDeadline: formatDate(year.planDeadline),
    approvalDeadline: formatDate(year.approvalDeadline),
    link: startLink(ctx.me.username, adminInvite.code),
    code: adminInvite.code,
    expires: formatDate(adminInvite.expiresAt),
  })
  // under TT 19/2019 the day that passed is the regulation's (plans approved by 31 May), not a school's
  const late = !planDeadlineMovedFrom
    ? ''
    : approvalByRegulation
      ? `\n\n${ctx.t('schools-created-late-regulation', {
          source: escapeHtml(approvalByRegulation.source),
          regulationDeadline: formatDate(approvalByRegulation.dueDate),
          days: LATE_START_PLAN_DAYS,
        })}`
      : `\n\n${ctx.t('schools-created-late', {
          seedDeadline: formatDate(planDeadlineMovedFrom),
          days: LATE_START_PLAN_DAYS,
        })}`
  await ctx.reply(text + late)
}

// ── departments (admins) ─────────────────────────────────────────────────────────────────────

async function newDepartmentFlow(conversation: Flow, ctx: FlowContext): Promise<void> {
  const me = await conversation.external((c) => whoAmI(c))
  if (!me.school) return void (await ctx.reply(ctx.t('error-not-linked')))
  const schoolId = me.school.id
  const name = await askText(conversation, ctx, ctx.t('departments-ask-name'))
  const created = await conversation.external((c) =>
    c.deps.schools.createDepartment(actorOf(c), { schoolId, name }),
  )
  if (!created.ok) return void (await ctx.reply(serviceErrorText(ctx.t, created.error)))
  await ctx.reply(ctx.t('departments-created', { name: escapeHtml(created.value.name) }))
}

/** A department picked by button among the school's (leaving out `except`); null when none to pick. */
async function pickDepartment(
  conversation: Flow,
  ctx: FlowContext,
  schoolId: number,
  question: string,
  except?: number,
): Promise<{ id: number; name: string } | null> {
  const listed = await conversation.external((c) => c.deps.schools.listDepartments(actorOf(c), { schoolId }))
  if (!listed.ok) {
    await ctx.reply(serviceErrorText(ctx.t, listed.error))
    return null
  }
  const choices = listed.value.filter((d) => d.id !== except)
  if (choices.length === 0) {
    await ctx.reply(ctx.t('departments-need-two'))
    return null
  }
  const keyboard = new InlineKeyboard()
  for (const d of choices) keyboard.text(d.name, pick.pack({ value: d.id })).row()
  await ctx.reply(`${question}\n${ctx.t('flow-cancel-hint')}`, { reply_markup: keyboard })
  const id = Number(await waitPick(conversation, ctx, pick))
  return choices.find((d) => d.id === id) ?? null
}

async function renameDepartmentFlow(conversation: Flow, ctx: FlowContext): Promise<void> {
  const me = await conversation.external((c) => whoAmI(c))
  if (!me.school) return void (await ctx.reply(ctx.t('error-not-linked')))
  if (me.person?.role !== 'admin') return void (await ctx.reply(ctx.t('departments-admin-only')))
  const department = await pickDepartment(conversation, ctx, me.school.id, ctx.t('departments-ask-rename'))
  if (!department) return
  const name = await askText(
    conversation,
    ctx,
    ctx.t('departments-ask-new-name', { name: escapeHtml(department.name) }),
  )
  const renamed = await conversation.external((c) =>
    c.deps.schools.renameDepartment(actorOf(c), { departmentId: department.id, name }),
  )
  if (!renamed.ok) return void (await ctx.reply(serviceErrorText(ctx.t, renamed.error)))
  await ctx.reply(
    ctx.t('departments-renamed', { from: escapeHtml(department.name), to: escapeHtml(renamed.value.name) }),
  )
}

/** Two departments made one: which goes, into which, and a confirmation saying what moves. */
async function mergeDepartmentsFlow(conversation: Flow, ctx: FlowContext): Promise<void> {
  const me = await conversation.external((c) => whoAmI(c))
  if (!me.school) return void (await ctx.reply(ctx.t('error-not-linked')))
  if (me.person?.role !== 'admin') return void (await ctx.reply(ctx.t('departments-admin-only')))
  const schoolId = me.school.id
  const from = await pickDepartment(conversation, ctx, schoolId, ctx.t('departments-ask-merge-from'))
  if (!from) return
  const names = { from: escapeHtml(from.name) }
  const into = await pickDepartment(
    conversation,
    ctx,
    schoolId,
    ctx.t('departments-ask-merge-into', names),
    from.id,
  )
  if (!into) return
  const confirm = new InlineKeyboard()
    .text(ctx.t('departments-button-merge-confirm'), pick.pack({ value: 'yes' }))
    .text(ctx.t('grades-button-cancel'), pick.pack({ value: 'no' }))
  await ctx.reply(ctx.t('departments-merge-confirm', { ...names, into: escapeHtml(into.name) }), {
    reply_markup: confirm,
  })
  if ((await waitPick(conversation, ctx, pick)) !== 'yes')
    return void (await ctx.reply(ctx.t('nothing-changed')))
  const merged = await conversation.external((c) =>
    c.deps.schools.mergeDepartments(actorOf(c), { fromId: from.id, intoId: into.id }),
  )
  if (!merged.ok) return void (await ctx.reply(serviceErrorText(ctx.t, merged.error)))
  await ctx.reply(
    ctx.t('departments-merged', {
      from: escapeHtml(merged.value.from.name),
      into: escapeHtml(merged.value.into.name),
      moved: merged.value.moved,
    }),
  )
}

// ── invites (admins; heads for their department) ─────────────────────────────────────────────

const INVITE_ROLES: Record<string, Role[]> = {
  admin: ['teacher', 'head', 'manager', 'admin', 'staff'],
  head: ['teacher'],
}

async function inviteFlow(conversation: Flow, ctx: FlowContext): Promise<void> {
  const me = await conversation.external((c) => whoAmI(c))
  const roles = me.person ? (INVITE_ROLES[me.person.role] ?? []) : []
  if (!me.person || !me.school || roles.length === 0) return void (await ctx.reply(ctx.t('error-forbidden')))
  const schoolId = me.school.id

  const roleKeyboard = new InlineKeyboard()
  for (const role of roles) roleKeyboard.text(ctx.t(`role-${role}`), pick.pack({ value: role })).row()
  await ctx.reply(`${ctx.t('invite-ask-role')}\n${ctx.t('flow-cancel-hint')}`, { reply_markup: roleKeyboard })
  const role = (await waitPick(conversation, ctx, pick)) as Role

  let departmentId: number | null = me.person.role === 'head' ? me.person.departmentId : null
  if (departmentId === null && (role === 'teacher' || role === 'head')) {
    const departments = await conversation.external((c) =>
      c.deps.schools.listDepartments(actorOf(c), { schoolId }),
    )
    if (!departments.ok) return void (await ctx.reply(serviceErrorText(ctx.t, departments.error)))
    if (departments.value.length === 0) return void (await ctx.reply(ctx.t('invite-no-departments')))
    const keyboard = new InlineKeyboard()
    for (const d of departments.value) keyboard.text(d.name, pick.pack({ value: d.id })).row()
    await ctx.reply(ctx.t('invite-ask-department'), { reply_markup: keyboard })
    departmentId = Number(await waitPick(conversation, ctx, pick))
  }

  let kind: 'single' | 'department' = 'single'
  if (departmentId !== null) {
    const keyboard = new InlineKeyboard()
      .text(ctx.t('invite-kind-single'), pick.pack({ value: 'single' }))
      .row()
      .text(ctx.t('invite-kind-department'), pick.pack({ value: 'department' }))
    await ctx.reply(ctx.t('invite-ask-kind'), { reply_markup: keyboard })
    kind = (await waitPick(conversation, ctx, pick)) === 'department' ? 'department' : 'single'
  }

  const made = await conversation.external((c) =>
    c.deps.invites.create(actorOf(c), { schoolId, role, departmentId, kind }),
  )
  if (!made.ok) return void (await ctx.reply(serviceErrorText(ctx.t, made.error)))
  await ctx.reply(
    ctx.t(`invite-made-${made.value.kind}`, {
      role: ctx.t(`role-${role}`),
      link: startLink(ctx.me.username, made.value.code),
      code: made.value.code,
      expires: formatDate(made.value.expiresAt),
    }),
  )
}

export const schoolAdminConversations = [
  createConversation(newSchoolFlow, NEW_SCHOOL_FLOW),
  createConversation(newDepartmentFlow, NEW_DEPARTMENT_FLOW),
  createConversation(renameDepartmentFlow, RENAME_DEPARTMENT_FLOW),
  createConversation(mergeDepartmentsFlow, MERGE_DEPARTMENTS_FLOW),
  createConversation(inviteFlow, INVITE_FLOW),
]

// ── commands ─────────────────────────────────────────────────────────────────────────────────

const feature = new Feature()

feature.command('schools', async (ctx) => {
  const me = await whoAmI(ctx)
  if (!me.isOwner) return void (await ctx.reply(ctx.t('error-forbidden')))
  const schools = always(await ctx.deps.schools.listSchools(actorOf(ctx)))
  const lines = [ctx.t('schools-heading', { count: schools.length })]
  for (const s of schools) lines.push(`• ${escapeHtml(s.name)}`)
  await ctx.reply(lines.join('\n'), {
    reply_markup: new InlineKeyboard().text(ctx.t('schools-button-new'), newSchoolButton.pack({})),
  })
})

feature.callbackQuery(newSchoolButton, async (ctx) => {
  await ctx.answerCallbackQuery()
  await ctx.startFlow(NEW_SCHOOL_FLOW)
})

feature.command('departments', async (ctx) => {
  const me = await whoAmI(ctx)
  if (!me.school) return void (await ctx.reply(ctx.t('error-not-linked')))
  const departments = await ctx.deps.schools.listDepartments(actorOf(ctx), { schoolId: me.school.id })
  if (!departments.ok) return void (await ctx.reply(serviceErrorText(ctx.t, departments.error)))
  const lines = [
    ctx.t('departments-heading', { school: escapeHtml(me.school.name), count: departments.value.length }),
  ]
  for (const d of departments.value) lines.push(`• ${escapeHtml(d.name)}`)
  const keyboard =
    me.person?.role === 'admin'
      ? new InlineKeyboard()
          .text(ctx.t('departments-button-new'), newDepartmentButton.pack({}))
          .row()
          .text(ctx.t('departments-button-rename'), renameDepartmentButton.pack({}))
          .text(ctx.t('departments-button-merge'), mergeDepartmentsButton.pack({}))
      : undefined
  await ctx.reply(lines.join('\n'), keyboard ? { reply_markup: keyboard } : {})
})

feature.callbackQuery(newDepartmentButton, async (ctx) => {
  await ctx.answerCallbackQuery()
  await ctx.startFlow(NEW_DEPARTMENT_FLOW)
})

feature.callbackQuery(renameDepartmentButton, async (ctx) => {
  await ctx.answerCallbackQuery()
  await ctx.startFlow(RENAME_DEPARTMENT_FLOW)
})

feature.callbackQuery(mergeDepartmentsButton, async (ctx) => {
  await ctx.answerCallbackQuery()
  await ctx.startFlow(MERGE_DEPARTMENTS_FLOW)
})

feature.command('invite', (ctx) => ctx.startFlow(INVITE_FLOW))

feature.command('setdeadline', async (ctx) => {
  const me = await whoAmI(ctx)
  if (!me.school) return void (await ctx.reply(ctx.t('error-not-linked')))
  const year = await ctx.deps.schools.currentYear(actorOf(ctx), { schoolId: me.school.id })
  if (!year.ok) return void (await ctx.reply(serviceErrorText(ctx.t, year.error)))
  const args = ctx.match.trim().split(/\s+/).filter(Boolean)
  const current = {
    year: escapeHtml(year.value.name),
    planDeadline: formatDate(year.value.planDeadline),
    approvalDeadline: formatDate(year.value.approvalDeadline),
  }
  if (args.length === 0 || args.length > 2) return void (await ctx.reply(ctx.t('deadline-usage', current)))
  const dates = args.map(parseVietnameseDate)
  const bad = args.find((_, i) => dates[i] === null)
  if (bad !== undefined) return void (await ctx.reply(ctx.t('deadline-bad-date', { input: echo(bad) })))
  const set = await ctx.deps.schools.setDeadlines(actorOf(ctx), {
    schoolYearId: year.value.id,
    planDeadline: dates[0]!,
    ...(dates[1] ? { approvalDeadline: dates[1] } : {}),
  })
  if (!set.ok) return void (await ctx.reply(serviceErrorText(ctx.t, set.error)))
  await ctx.reply(
    ctx.t('deadline-set', {
      year: escapeHtml(set.value.name),
      planDeadline: formatDate(set.value.planDeadline),
      approvalDeadline: formatDate(set.value.approvalDeadline),
    }),
  )
})

feature.command('me', async (ctx) => {
  const me = await whoAmI(ctx)
  if (!me.person) return void (await ctx.reply(ctx.t(me.isOwner ? 'me-owner' : 'error-not-linked')))
  const p = me.person
  const profile = ctx.t('me-profile', {
    name: escapeHtml(p.fullName),
    role: ctx.t(`role-${p.role}`),
    school: escapeHtml(me.school?.name ?? '—'),
    department: escapeHtml(p.departmentName ?? '—'),
    level: p.level ? ctx.t(`level-${p.level}`) : '—',
    subject: escapeHtml(p.subject ?? '—'),
  })
  // the qualification record (issue 15) under the profile, in the same message
  const record = await ctx.deps.staff.mine(actorOf(ctx))
  await ctx.reply(
    record.ok
      ? `${profile}

${recordText(ctx.t, record.value)}`
      : profile,
  )
})

feature.command('people', async (ctx) => {
  const me = await whoAmI(ctx)
  if (!me.person || !me.school) return void (await ctx.reply(ctx.t('error-not-linked')))
  const departmentId = me.person.role === 'head' ? me.person.departmentId : undefined
  const people = await ctx.deps.people.list(actorOf(ctx), { schoolId: me.school.id, departmentId })
  if (!people.ok) return void (await ctx.reply(serviceErrorText(ctx.t, people.error)))
  const lines = [ctx.t('people-heading', { count: people.value.length })]
  for (const p of people.value.slice(0, MAX_PEOPLE_LINES)) {
    lines.push(
      `${p.telegramId ? '✓' : '·'} ${escapeHtml(p.fullName)} — ${ctx.t(`role-${p.role}`)}${
        p.departmentName ? `, ${escapeHtml(p.departmentName)}` : ''
      }`,
    )
  }
  if (people.value.length > MAX_PEOPLE_LINES)
    lines.push(ctx.t('people-more', { count: people.value.length - MAX_PEOPLE_LINES }))
  lines.push('', ctx.t('people-legend'))
  // a school's whole staff runs past one message: split at lines, each under Telegram's limit
  for (const text of chunkLines(lines)) await ctx.reply(text)
})

export { feature as schoolAdminFeature }
