/**
 * /courses: training courses and their budget (seed 000 §III.5).
 * - An admin (their school's courses) or an owner (courses for every school) sees each course with
 *   its amount, the totals and sign-ups; ➕ pastes a budget table (checked against any printed
 *   total, previewed, saved whole or not at all); 📣 opens a course to some roles, which invites
 *   them through the outbox with a sign-up button; 📊 exports the list (.xlsx).
 * - Anyone linked sees the courses opened to them and signs up or withdraws; a full course puts
 *   them on the waiting list, and a freed seat goes to the first person waiting, who is told.
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import { InlineKeyboard, InputFile } from 'grammy'
import { formatDong } from '../../rules/budget.ts'
import type { Audience } from '../../services/broadcasts.ts'
import type { Course, CoursePreview, CourseTableError, CourseView, Signup } from '../../services/courses.ts'
import { coursesWorkbook } from '../../services/courses-sheet.ts'
import type { Role } from '../../store/people.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { askText } from '../flow.ts'
import { echo, escapeHtml } from '../i18n.ts'
import { notify } from '../notify.ts'
import { chunkLines } from '../present.ts'
import { always, serviceErrorText } from '../service-errors.ts'

export const COURSES_FLOW = 'courses-add'

const addButton = callbackData('crsa', [])
const exportButton = callbackData('crsx', [])
const openButton = callbackData('crso', ['course'])
const audienceButton = callbackData('crsr', ['course', 'roles'])
const gapButton = callbackData('crsg', ['course', 'standard'])
const signUpButton = callbackData('crss', ['course'])
const withdrawButton = callbackData('crsw', ['course'])
const saveButton = callbackData('crsv', ['answer'])

/** past this many courses the buttons stop (Telegram allows 100 buttons; nobody scrolls that far) */
const MAX_BUTTONS = 30
/** Audience choices: the roles each button invites. */
const AUDIENCES: Record<string, Role[]> = {
  teacher: ['teacher', 'head'],
  manager: ['manager', 'admin'],
  staff: ['staff'],
  all: ['teacher', 'head', 'manager', 'admin', 'staff'],
}

type Flow = Conversation<BotContext, FlowContext>
const actorOf = (ctx: { from?: { id: number } }) => ({ telegramId: ctx.from!.id })
const number = (n: number) => n.toLocaleString('vi-VN')
/** a course's name in an alert, which Telegram cuts at 200 characters */
const short = (name: string) => (name.length > 80 ? `${name.slice(0, 79)}…` : name)

/** The scope a planner works in: their school's courses, or an owner's (null); undefined for others. */
async function planningScope(
  ctx: BotContext,
): Promise<{ schoolId: number | null; name: string } | undefined> {
  const me = always(await ctx.deps.people.whoAmI(actorOf(ctx)))
  if (me.person?.role === 'admin' && me.school) return { schoolId: me.school.id, name: me.school.name }
  if (me.isOwner) return { schoolId: null, name: ctx.t('courses-owner-scope') }
  return undefined
}

/** "1. Name — 1 lớp · 100 người · 1.500.000 ₫/người = 150.000.000 ₫" */
function amountLine(
  ctx: FlowContext,
  c: { name: string; classes: number; seats: number; feePerPerson: number; amount: number },
  index: number,
): string {
  return ctx.t('courses-line', {
    n: index + 1,
    name: escapeHtml(c.name),
    classes: c.classes,
    seats: number(c.seats),
    fee: formatDong(c.feePerPerson),
    amount: formatDong(c.amount),
  })
}

function courseLine(ctx: FlowContext, c: CourseView, index: number): string {
  const base = amountLine(ctx, c, index)
  if (!c.openedAt) return base
  return `${base}\n   ${ctx.t('courses-line-signups', { seated: c.seated, seats: c.seats, waiting: c.waiting })}`
}

async function showPlannerList(
  ctx: BotContext,
  scope: { schoolId: number | null; name: string },
): Promise<void> {
  const list = await ctx.deps.courses.list(actorOf(ctx), { schoolId: scope.schoolId })
  if (!list.ok) return void (await ctx.reply(serviceErrorText(ctx.t, list.error)))
  const { courses, check } = list.value
  const lines = [ctx.t('courses-heading', { scope: escapeHtml(scope.name), count: courses.length })]
  if (courses.length === 0) lines.push(ctx.t('courses-none'))
  lines.push(...courses.map((c, i) => courseLine(ctx, c, i)))
  if (courses.length > 0) lines.push('', totalsLine(ctx, check.totals))
  const keyboard = new InlineKeyboard().text(ctx.t('courses-add'), addButton.pack({}))
  if (courses.length > 0) keyboard.text(ctx.t('courses-export'), exportButton.pack({})).row()
  courses.slice(0, MAX_BUTTONS).forEach((c, i) => {
    if (!c.openedAt) keyboard.text(ctx.t('courses-open', { n: i + 1 }), openButton.pack({ course: c.id }))
    if (i % 4 === 3) keyboard.row()
  })
  await replyInChunks(ctx, lines, keyboard)
}

/** Lines in messages under Telegram's limit, the buttons under the last. */
async function replyInChunks(ctx: BotContext, lines: string[], keyboard: InlineKeyboard): Promise<void> {
  const chunks = chunkLines(lines)
  for (const [i, chunk] of chunks.entries()) {
    await ctx.reply(chunk, i === chunks.length - 1 ? { reply_markup: keyboard } : {})
  }
}

function totalsLine(ctx: FlowContext, totals: { classes: number; seats: number; amount: number }): string {
  return ctx.t('courses-totals', {
    classes: number(totals.classes),
    seats: number(totals.seats),
    amount: formatDong(totals.amount),
  })
}

async function showOpenCourses(ctx: BotContext): Promise<void> {
  const open = await ctx.deps.courses.openForMe(actorOf(ctx))
  if (!open.ok) return void (await ctx.reply(serviceErrorText(ctx.t, open.error)))
  if (open.value.length === 0) return void (await ctx.reply(ctx.t('courses-none-open')))
  const lines = [ctx.t('courses-open-heading', { count: open.value.length })]
  const keyboard = new InlineKeyboard()
  open.value.forEach((c, i) => {
    lines.push(courseLine(ctx, c, i))
    if (c.mine) lines.push(`   ${ctx.t(`courses-mine-${c.mine}`)}`)
    if (i >= MAX_BUTTONS) return
    if (c.mine) keyboard.text(ctx.t('courses-withdraw', { n: i + 1 }), withdrawButton.pack({ course: c.id }))
    else keyboard.text(ctx.t('courses-sign-up', { n: i + 1 }), signUpButton.pack({ course: c.id }))
    if (i % 3 === 2) keyboard.row()
  })
  await replyInChunks(ctx, lines, keyboard)
}

function errorLine(ctx: FlowContext, e: CourseTableError): string {
  return ctx.t(`courses-error-${e.code}`, {
    line: e.line,
    column: ctx.t(`courses-col-${e.column}`),
    input: echo(e.input),
  })
}

function previewText(ctx: FlowContext, preview: CoursePreview): string {
  const { check, errors } = preview
  const lines = [ctx.t('courses-preview-heading', { count: check.lines.length })]
  lines.push(...check.lines.slice(0, 60).map((l, i) => amountLine(ctx, l, i)))
  if (check.lines.length > 60) lines.push(ctx.t('courses-more', { count: check.lines.length - 60 }))
  lines.push('', totalsLine(ctx, check.totals))
  for (const m of check.mismatches) {
    const field = ctx.t(`courses-field-${m.field}`)
    const show = (n: number) => (m.field === 'amount' ? formatDong(n) : number(n))
    lines.push(
      m.line === undefined
        ? ctx.t('courses-mismatch-total', { field, printed: show(m.printed), computed: show(m.computed) })
        : ctx.t('courses-mismatch-line', {
            n: m.line + 1,
            printed: show(m.printed),
            computed: show(m.computed),
          }),
    )
  }
  if (errors.length > 0) {
    lines.push('', ctx.t('courses-errors', { count: errors.length }))
    for (const e of errors.slice(0, 20)) lines.push(`• ${errorLine(ctx, e)}`)
  }
  return chunkLines(lines)[0]!
}

async function addFlow(conversation: Flow, ctx: FlowContext): Promise<void> {
  const scope = await conversation.external((c) => planningScope(c))
  if (!scope) return void (await ctx.reply(ctx.t('error-forbidden')))
  const text = await askText(conversation, ctx, ctx.t('courses-ask-table'))
  const preview = await conversation.external((c) =>
    c.deps.courses.preview(actorOf(c), { schoolId: scope.schoolId, text }),
  )
  if (!preview.ok) return void (await ctx.reply(serviceErrorText(ctx.t, preview.error)))
  const canSave = preview.value.errors.length === 0 && preview.value.check.lines.length > 0
  const keyboard = canSave
    ? new InlineKeyboard()
        .text(ctx.t('courses-save'), saveButton.pack({ answer: 'yes' }))
        .text(ctx.t('courses-discard'), saveButton.pack({ answer: 'no' }))
    : undefined
  await ctx.reply(previewText(ctx, preview.value), keyboard ? { reply_markup: keyboard } : {})
  if (!canSave) return void (await ctx.reply(ctx.t('courses-fix-and-resend')))
  const answer = await conversation.waitForCallbackQuery(saveButton.filter, {
    otherwise: (other) => other.reply(ctx.t('flow-use-buttons')),
  })
  await answer.answerCallbackQuery()
  await answer.editMessageReplyMarkup()
  if (saveButton.unpack(answer.callbackQuery.data)?.answer !== 'yes') {
    return void (await ctx.reply(ctx.t('courses-discarded')))
  }
  const saved = await conversation.external((c) =>
    c.deps.courses.save(actorOf(c), { schoolId: scope.schoolId, text }),
  )
  if (!saved.ok) return void (await ctx.reply(serviceErrorText(ctx.t, saved.error)))
  await ctx.reply(ctx.t('courses-saved', { count: saved.value.saved }))
}

export const coursesConversation = createConversation(addFlow, COURSES_FLOW)

const feature = new Feature()

feature.command('courses', async (ctx) => {
  const scope = await planningScope(ctx)
  if (scope) await showPlannerList(ctx, scope)
  else await showOpenCourses(ctx)
})

feature.callbackQuery(addButton, async (ctx) => {
  await ctx.answerCallbackQuery()
  await ctx.startFlow(COURSES_FLOW)
})

feature.callbackQuery(exportButton, async (ctx) => {
  const scope = await planningScope(ctx)
  const list = scope && (await ctx.deps.courses.list(actorOf(ctx), { schoolId: scope.schoolId }))
  if (!scope || !list?.ok)
    return ctx.answerCallbackQuery({ text: ctx.t('error-forbidden'), show_alert: true })
  await ctx.answerCallbackQuery()
  const signups = new Map<number, Signup[]>()
  for (const c of list.value.courses) {
    const s = await ctx.deps.courses.signups(actorOf(ctx), { courseId: c.id })
    if (s.ok) signups.set(c.id, s.value.signups)
  }
  const t = (key: string, args?: Record<string, string | number>) => ctx.t(key, args)
  const data = await coursesWorkbook(
    { title: ctx.t('courses-sheet-title', { scope: scope.name }), list: list.value, signups },
    t,
  )
  await ctx.replyWithDocument(new InputFile(data, ctx.t('courses-file-name')))
})

feature.callbackQuery(openButton, async (ctx) => {
  const course = Number(openButton.unpack(ctx.callbackQuery.data)?.course)
  await ctx.answerCallbackQuery()
  const keyboard = new InlineKeyboard()
  for (const key of Object.keys(AUDIENCES)) {
    keyboard.text(ctx.t(`courses-audience-${key}`), audienceButton.pack({ course, roles: key })).row()
  }
  // a school's course can go to those who fall short of a standard (their records say so)
  const scope = await planningScope(ctx)
  const gaps = scope?.schoolId
    ? await ctx.deps.standards.gaps(actorOf(ctx), { schoolId: scope.schoolId })
    : undefined
  const counts = new Map<string, number>()
  for (const g of gaps?.ok ? gaps.value.groups : [])
    counts.set(g.standard, (counts.get(g.standard) ?? 0) + g.people.length)
  for (const [standard, count] of counts) {
    keyboard
      .text(
        ctx.t('courses-audience-gap', { standard: ctx.t(`standard-${standard}`), count }),
        gapButton.pack({ course, standard }),
      )
      .row()
  }
  await ctx.reply(ctx.t('courses-ask-audience'), { reply_markup: keyboard })
})

feature.callbackQuery(audienceButton, async (ctx) => {
  const data = audienceButton.unpack(ctx.callbackQuery.data)
  const roles = data ? AUDIENCES[data.roles] : undefined
  if (!data || !roles) return ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') })
  const opened = await ctx.deps.courses.open(actorOf(ctx), { courseId: Number(data.course), roles })
  if (!opened.ok) {
    return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, opened.error), show_alert: true })
  }
  await ctx.answerCallbackQuery()
  await invite(ctx, opened.value, { type: 'roles', roles })
})

/** The invitation with its sign-up button, through the outbox; the planner is told how many it reached. */
async function invite(ctx: BotContext, course: Course, audience: Audience): Promise<void> {
  const invitation = {
    type: 'text' as const,
    html: ctx.t('courses-invitation', {
      name: escapeHtml(course.name),
      seats: number(course.seats),
      fee: formatDong(course.feePerPerson),
    }),
    reply_markup: {
      inline_keyboard: [
        [{ text: ctx.t('courses-sign-up-button'), callback_data: signUpButton.pack({ course: course.id }) }],
      ],
    },
  }
  const draft = await ctx.deps.broadcasts.create(actorOf(ctx), {
    schoolId: course.schoolId,
    content: invitation,
    audience,
  })
  const sent = draft.ok
    ? await ctx.deps.broadcasts.confirm(actorOf(ctx), { broadcastId: draft.value.id })
    : draft
  await ctx.editMessageText(
    sent.ok
      ? ctx.t('courses-opened', { name: escapeHtml(course.name), count: sent.value.enqueued })
      : ctx.t('courses-opened-nobody', { name: escapeHtml(course.name) }),
  )
}

feature.callbackQuery(gapButton, async (ctx) => {
  const data = gapButton.unpack(ctx.callbackQuery.data)
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') })
  const opened = await ctx.deps.courses.openToGap(actorOf(ctx), {
    courseId: Number(data.course),
    standard: data.standard,
  })
  if (!opened.ok) {
    return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, opened.error), show_alert: true })
  }
  await ctx.answerCallbackQuery()
  await invite(ctx, opened.value.course, { type: 'people', personIds: opened.value.personIds })
})

feature.callbackQuery(signUpButton, async (ctx) => {
  const courseId = Number(signUpButton.unpack(ctx.callbackQuery.data)?.course)
  const result = await ctx.deps.courses.signUp(actorOf(ctx), { courseId })
  if (!result.ok) {
    return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, result.error), show_alert: true })
  }
  const { course, state, position } = result.value
  const text =
    state === 'seat'
      ? ctx.t('courses-signed-seat', { name: short(course.name) })
      : ctx.t('courses-signed-waiting', {
          name: short(course.name),
          seats: course.seats,
          position: position ?? 1,
        })
  await ctx.answerCallbackQuery({ text, show_alert: true })
})

feature.callbackQuery(withdrawButton, async (ctx) => {
  const courseId = Number(withdrawButton.unpack(ctx.callbackQuery.data)?.course)
  const result = await ctx.deps.courses.withdraw(actorOf(ctx), { courseId })
  if (!result.ok) {
    return ctx.answerCallbackQuery({ text: serviceErrorText(ctx.t, result.error), show_alert: true })
  }
  const { course, promoted } = result.value
  await ctx.answerCallbackQuery({ text: ctx.t('courses-withdrawn', { name: short(course.name) }) })
  if (promoted) {
    await notify(ctx, [promoted], (t) => t('courses-promoted', { name: escapeHtml(course.name) }))
  }
})

export { feature as coursesFeature }
