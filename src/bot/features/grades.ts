/**
 * /grades: a team's grades in one go (heads for their department, admins for anyone of the school,
 * managers included): one message with a line per teacher — `Nguyễn Văn An: 8 9 8,5 9 7 8`,
 * `Trần Thị Bình | 7 | 6.5 | 8`, tab-separated rows pasted from Excel, an optional header naming
 * the columns — or the .xlsx template the bot gives, filled in. One preview shows every teacher's
 * scores, what changes and the rule engine's class, and every error by line; nothing is stored
 * until the preview is confirmed, and then all lines are saved at once. Each teacher whose result
 * changed is told in their language. The author can undo a batch until the admin locks the
 * results (/lockresults, also here).
 *
 * A person's own scores are /scores (./scores.ts); the department's table is /team (./team.ts).
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import { InlineKeyboard, InputFile } from 'grammy'
import type { GradeLineError } from '../../services/grade-line-errors.ts'
import type { GradeNotice } from '../../services/grade-notices.ts'
import type { GradePreview } from '../../services/grade-preview.ts'
import type { PreviewLine } from '../../services/grade-values.ts'
import type { CommitResult } from '../../services/grades.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { echo, escapeHtml } from '../i18n.ts'
import { type Messenger, notify } from '../notify.ts'
import {
  chunkLines,
  componentLabel,
  componentsLine,
  resultText,
  scoreErrorText,
  scoreOrUnknown,
  tenths,
  yearProfile,
} from '../present.ts'
import { serviceErrorText } from '../service-errors.ts'
import { receiveUpload } from '../uploads.ts'

type T = FlowContext['t']
export const GRADES_FLOW = 'grades'
/** a preview shows this many lines in full; the rest are counted */
const PREVIEW_LINES = 60
const PREVIEW_ERRORS = 60

const gradesButton = callbackData('grd', ['action'])
const undoButton = callbackData('grdu', ['batch'])

const actorOf = (ctx: FlowContext) => ({ telegramId: ctx.from!.id })

export function lineErrorText(t: T, error: GradeLineError): string {
  const at = errorPlace(t, error)
  const where = error.sheet ? `${escapeHtml(error.sheet)} · ${at}` : at
  return `${where}: ${lineErrorReason(t, error)}`
}

/** Cells whose errors are about the person: the name column (or the `Mã` column for an id). */
const NAME_CELL_ERRORS = new Set([
  'missing-name',
  'unknown-name',
  'ambiguous-name',
  'duplicate-teacher',
  'not-in-your-department',
  'not-gradable',
  'own-scores',
  'name-id-mismatch',
])

/** "Dòng 8, cột ND2" / "Dòng 3, cột THPT 17" / "Dòng 21, cột họ tên"; "cột thứ 4" only for a column with no name. */
function errorPlace(t: T, error: GradeLineError): string {
  const { line } = error
  if (error.column === null) return t('grades-error-where', { line })
  const column = error.component
    ? componentLabel(t, error.component)
    : error.code === 'unknown-id'
      ? t('grades-column-id')
      : NAME_CELL_ERRORS.has(error.code)
        ? t('grades-column-name')
        : null
  return column === null
    ? t('grades-error-where-cell', { line, column: error.column })
    : t('grades-error-where-column', { line, column })
}

/** What is wrong with a line or cell, without where it is (the Mini App marks the cell itself). */
export function lineErrorReason(t: T, error: GradeLineError): string {
  const input = echo(error.input)
  const names = (list: ReadonlyArray<{ fullName: string }>) =>
    escapeHtml(list.map((c) => c.fullName).join(', '))
  let text: string
  switch (error.code) {
    case 'bad-score':
      text = scoreErrorText(t, error.error)
      break
    case 'unknown-name':
      text = t('grades-error-unknown-name', { input, suggestions: names(error.suggestions) || 'none' })
      break
    case 'ambiguous-name':
      text = t('grades-error-ambiguous-name', { input, candidates: names(error.candidates) })
      break
    case 'duplicate-teacher':
      text = t('grades-error-duplicate-teacher', { input, firstLine: error.firstLine })
      break
    case 'not-in-your-department':
      text = t('grades-error-not-in-your-department', {
        input,
        department: escapeHtml(error.departmentName ?? '—'),
      })
      break
    case 'not-gradable':
      text = t('grades-error-not-gradable', { input, role: t(`role-${error.role}`) })
      break
    case 'no-approved-plan':
      text = t('grades-error-no-approved-plan', {
        input,
        status: error.planStatus ? t(`plan-status-${error.planStatus}`) : t('grades-no-plan'),
      })
      break
    case 'too-many-scores':
    case 'too-few-scores':
      text = t(`grades-error-${error.code}`, {
        expected: error.expected,
        got: error.got,
        columns: escapeHtml(error.columns.join(', ')),
      })
      break
    case 'unknown-column':
      text = t('grades-error-unknown-column', {
        input,
        modules: escapeHtml(error.moduleCodes.join(', ')) || '—',
      })
      break
    case 'duplicate-column':
      text = t('grades-error-duplicate-column', { input, firstColumn: error.firstColumn })
      break
    case 'module-not-in-plan':
      text = t('grades-error-module-not-in-plan', {
        input,
        modules: escapeHtml(error.planModules.join(', ')),
      })
      break
    case 'name-id-mismatch':
      text = t('grades-error-name-id-mismatch', { input, name: escapeHtml(error.fullName) })
      break
    default:
      text = t(`grades-error-${error.code}`, { input })
  }
  return text
}

function previewLineText(t: T, line: PreviewLine): string {
  const parts = line.components.map((c) => {
    const label = componentLabel(t, c)
    if (!c.changed) return `${label} ${scoreOrUnknown(t, c.next)}`
    return `${label} <s>${scoreOrUnknown(t, c.stored)}</s>→<b>${scoreOrUnknown(t, c.next)}</b>`
  })
  const after = line.after
  let verdict: string
  if (after.kind === 'pending') verdict = t('grades-preview-pending', { count: after.missing.length })
  else {
    const label = 'grade' in after ? t(`grade-${after.grade}`) : t(`verdict-${after.verdict}`)
    verdict = after.average === null ? label : `${t('grades-average')} ${tenths(t, after.average)} — ${label}`
  }
  return `${line.line}. <b>${escapeHtml(line.person.fullName)}</b>: ${parts.join(' · ')} ⇒ ${verdict}`
}

/** The preview as messages under Telegram's limit; the caller adds the buttons to the last one. */
export function previewMessages(t: T, preview: GradePreview): string[] {
  const c = preview.counts
  const lines = [
    t('grades-preview-heading', {
      year: escapeHtml(preview.schoolYearName),
      lines: c.lines,
      ok: c.ok,
      changed: c.changed,
      changes: c.changes,
      errors: c.errors,
    }),
  ]
  for (const line of preview.lines.slice(0, PREVIEW_LINES)) lines.push(previewLineText(t, line))
  if (preview.lines.length > PREVIEW_LINES)
    lines.push(t('grades-preview-more', { count: preview.lines.length - PREVIEW_LINES }))
  if (preview.errors.length > 0) {
    lines.push('', t('grades-preview-errors', { count: preview.errors.length }))
    for (const error of preview.errors.slice(0, PREVIEW_ERRORS)) lines.push(`⚠️ ${lineErrorText(t, error)}`)
    if (preview.errors.length > PREVIEW_ERRORS)
      lines.push(t('grades-preview-more-errors', { count: preview.errors.length - PREVIEW_ERRORS }))
    lines.push('', t('grades-fix-and-resend'))
  } else if (c.changes === 0) {
    lines.push('', t('grades-nothing-changes'))
  } else {
    lines.push('', t('grades-confirm'))
  }
  return chunkLines(lines)
}

export function noticeText(t: T, notice: GradeNotice): string {
  const lines = [
    t('grades-notice', { year: escapeHtml(notice.schoolYearName) }),
    componentsLine(t, notice.components),
    '',
  ]
  lines.push(
    notice.judgedAs === 'teacher'
      ? resultText(
          t,
          {
            judgedAs: 'teacher',
            result: notice.result,
            required: notice.showRequired ? notice.required : null,
          },
          yearProfile(notice.profileId),
        )
      : resultText(
          t,
          {
            judgedAs: 'manager',
            result: notice.result,
            required: notice.showRequired ? notice.required : null,
          },
          yearProfile(notice.profileId),
        ),
  )
  return lines.join('\n')
}

export async function tellTeachers(ctx: Messenger, notices: ReadonlyArray<GradeNotice>): Promise<void> {
  for (const notice of notices)
    await notify(ctx, [notice.recipient], (t) => noticeText(t, notice), undefined, { result: true })
}

/** "Saved: n lines, m scores, k teachers told" with the undo button: after the chat's or the Mini App's save. */
export function savedMessage(
  t: T,
  result: CommitResult,
): { text: string; other: { reply_markup: InlineKeyboard } } {
  const text = [
    t('grades-saved', { lines: result.lines, changes: result.changes, told: result.notify.length }),
    result.unreachable.length
      ? t('grades-unreachable', { names: escapeHtml(result.unreachable.map((p) => p.fullName).join(', ')) })
      : '',
  ]
    .filter(Boolean)
    .join('\n')
  const undo = new InlineKeyboard().text(t('grades-button-undo'), undoButton.pack({ batch: result.batchId }))
  return { text, other: { reply_markup: undo } }
}

async function sendTemplate(ctx: FlowContext): Promise<void> {
  const made = await ctx.deps.grades.gradeTemplate(actorOf(ctx), {})
  if (!made.ok) return void (await ctx.reply(serviceErrorText(ctx.t, made.error)))
  const file = made.value
  const left = file.leftOut.map((p) => escapeHtml(p.fullName)).join(', ')
  await ctx.replyWithDocument(new InputFile(file.data, file.fileName), {
    caption: [
      ctx.t('grades-template-caption', { year: escapeHtml(file.schoolYearName) }),
      left ? ctx.t('grades-template-left-out', { names: left }) : '',
    ]
      .filter(Boolean)
      .join('\n')
      .slice(0, 1000),
  })
}

async function gradesFlow(
  conversation: Conversation<BotContext, FlowContext>,
  ctx: FlowContext,
): Promise<void> {
  const intro = new InlineKeyboard().text(
    ctx.t('grades-button-template'),
    gradesButton.pack({ action: 'template' }),
  )
  // the grid on the phone, where the deployment serves it (WEB_APP_URL, the webhook's server, the sandbox)
  if (ctx.deps.webAppUrl) intro.row().webApp(ctx.t('grades-button-webapp'), ctx.deps.webAppUrl)
  // the example header names the modules of this head's teachers (GVPT … under TT 19, THPT … under TT 26)
  const columns = await ctx.deps.grades.moduleColumns(actorOf(ctx))
  const codes = columns.ok ? columns.value : []
  const modules =
    codes.length === 0
      ? ctx.t('grades-intro-module-codes')
      : `${codes.slice(0, 3).map(escapeHtml).join(', ')}${codes.length > 3 ? ', ...' : ''}`
  await ctx.reply(`${ctx.t('grades-intro', { modules })}\n${ctx.t('flow-cancel-hint')}`, {
    reply_markup: intro,
  })
  for (;;) {
    const next = await conversation.wait()
    const data = next.callbackQuery?.data
    if (data === gradesButton.pack({ action: 'template' })) {
      await next.answerCallbackQuery()
      await conversation.external((c) => sendTemplate(c))
      continue
    }
    if (data === gradesButton.pack({ action: 'cancel' })) {
      await next.answerCallbackQuery()
      await next.editMessageReplyMarkup()
      await ctx.reply(ctx.t('grades-cancelled'))
      return
    }
    let preview: GradePreview | undefined
    if (data === gradesButton.pack({ action: 'save' })) {
      await next.answerCallbackQuery()
      await ctx.reply(ctx.t('grades-send-first'))
      continue
    }
    const text = next.message?.text
    const document = next.message?.document
    if (text === undefined && document === undefined) {
      if (next.callbackQuery) await next.answerCallbackQuery()
      await ctx.reply(ctx.t('grades-send-lines-or-file'))
      continue
    }
    const parsed = await conversation.external(async (c) => {
      if (text !== undefined) return c.deps.grades.parseBatch(actorOf(c), { text })
      const upload = await receiveUpload(c, document!, 'grades.xlsx', () =>
        c.deps.grades.mayEnterGrades(actorOf(c)),
      )
      if (!upload.ok) return upload
      return c.deps.grades.parseGradeFile(actorOf(c), { fileName: upload.fileName, data: upload.data })
    })
    if (!parsed.ok) {
      await ctx.reply(serviceErrorText(ctx.t, parsed.error))
      if (parsed.error.code === 'forbidden' || parsed.error.code === 'not-linked') return
      continue
    }
    preview = parsed.value
    const messages = previewMessages(ctx.t, preview)
    const canSave = preview.errors.length === 0 && preview.counts.changes > 0
    for (const [i, text] of messages.entries()) {
      const last = i === messages.length - 1
      const keyboard =
        last && canSave
          ? new InlineKeyboard()
              .text(ctx.t('grades-button-save'), gradesButton.pack({ action: 'save' }))
              .text(ctx.t('grades-button-cancel'), gradesButton.pack({ action: 'cancel' }))
          : undefined
      await ctx.reply(text, keyboard ? { reply_markup: keyboard } : {})
    }
    if (!canSave) continue

    const answer = await conversation.wait()
    const choice = answer.callbackQuery?.data
    if (choice !== gradesButton.pack({ action: 'save' })) {
      if (answer.callbackQuery) {
        await answer.answerCallbackQuery()
        await answer.editMessageReplyMarkup()
      }
      await ctx.reply(ctx.t('grades-cancelled'))
      return
    }
    await answer.answerCallbackQuery()
    await answer.editMessageReplyMarkup()
    const saved = await conversation.external((c) =>
      c.deps.grades.commitBatch(actorOf(c), { preview: preview! }),
    )
    if (!saved.ok) {
      await ctx.reply(serviceErrorText(ctx.t, saved.error))
      if (saved.error.code === 'preview-stale') continue
      return
    }
    const result = saved.value
    await conversation.external((c) => tellTeachers(c, result.notify))
    const message = savedMessage(ctx.t, result)
    await ctx.reply(message.text, message.other)
    return
  }
}

export const gradesConversation = createConversation(gradesFlow, GRADES_FLOW)

const feature = new Feature()

/** /grades, and its button on /start (whose callback data anyone can forge). */
export async function openGrades(ctx: BotContext): Promise<void> {
  // refused before the instructions: a teacher should not read how to enter a whole team's scores
  if (!(await ctx.deps.people.commands(actorOf(ctx))).includes('grades'))
    return void (await ctx.reply(ctx.t('grades-not-for-you')))
  await ctx.startFlow(GRADES_FLOW)
}

feature.command('grades', openGrades)

feature.callbackQuery(undoButton, async (ctx) => {
  const batchId = Number(undoButton.unpack(ctx.callbackQuery.data)?.batch)
  const undone = await ctx.deps.gradeUndo.undoBatch(actorOf(ctx), { batchId })
  if (!undone.ok)
    return ctx.answerCallbackQuery({
      text: serviceErrorText(ctx.t, undone.error).replace(/<[^>]+>/g, ''),
      show_alert: true,
    })
  await ctx.answerCallbackQuery()
  await ctx.editMessageReplyMarkup()
  await ctx.reply(
    ctx.t('grades-undone', { restored: undone.value.restored, told: undone.value.notify.length }),
  )
  await tellTeachers(ctx, undone.value.notify)
})

feature.command(['lockresults', 'unlockresults'], async (ctx) => {
  const me = await ctx.deps.people.whoAmI(actorOf(ctx))
  const school = me.ok ? me.value.school : null
  if (!school) return void (await ctx.reply(ctx.t('error-not-linked')))
  const year = await ctx.deps.schools.currentYear(actorOf(ctx), { schoolId: school.id })
  if (!year.ok) return void (await ctx.reply(serviceErrorText(ctx.t, year.error)))
  const lock = ctx.msg.text.startsWith('/lock')
  const done = lock
    ? await ctx.deps.resultsLock.lockResults(actorOf(ctx), { schoolYearId: year.value.id })
    : await ctx.deps.resultsLock.unlockResults(actorOf(ctx), { schoolYearId: year.value.id })
  if (!done.ok) return void (await ctx.reply(serviceErrorText(ctx.t, done.error)))
  await ctx.reply(ctx.t(lock ? 'grades-locked' : 'grades-unlocked', { year: escapeHtml(done.value.name) }))
})

export { feature as gradesFeature }
