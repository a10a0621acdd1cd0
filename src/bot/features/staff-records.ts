/**
 * Staff records (issue 15).
 *
 *   /records          the admin: the school's records, one line each, with [📄 Tệp mẫu] [📥 Nhập từ tệp];
 *                     a head: the department's, read only
 *   /record           the admin, one person with buttons (record-flow.ts)
 *   /record <name>    the admin, one person in one message, the template's columns one per line:
 *                       /record Trần Thị Lan
 *                       Trình độ: thạc sĩ
 *                       Chứng chỉ ngoại ngữ: IELTS
 *                       Điểm: 6,5
 *   📥 Nhập từ tệp     the import: send the file → a preview with every row's problem → [✅ Lưu] [Hủy]
 *
 * The services check every right again; the menus only spare people a question they cannot answer.
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import { InlineKeyboard, InputFile } from 'grammy'
import type { Document } from 'grammy/types'
import { headerKey } from '../../services/sheets.ts'
import { RECORD_COLUMNS, type RecordField } from '../../services/staff-fields.ts'
import type { RecordPreview } from '../../services/staff-import.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { confirmOrNewFile } from '../flow.ts'
import { escapeHtml } from '../i18n.ts'
import { chunkLines } from '../present.ts'
import { type ServiceError, serviceErrorText } from '../service-errors.ts'
import { columnName, fieldProblem, recordInvalidText, recordLine, recordText } from '../staff-text.ts'
import { receiveUpload } from '../uploads.ts'
import { clip } from './modules.ts'
import { RECORD_FLOW } from './record-flow.ts'

export const RECORDS_IMPORT_FLOW = 'records-import'

const recordsButton = callbackData('recs', ['action'])
const saveButton = callbackData('recsave', ['choice'])

type T = FlowContext['t']
const actorOf = (ctx: FlowContext) => ({ telegramId: ctx.from!.id })

const MAX_ERRORS_SHOWN = 40
const ERRORS_BUDGET = 2800
/** /records names at most this many people; the rest are in the template file */
const MAX_LINES = 150

export function recordsPreviewText(t: T, preview: RecordPreview): string {
  const { rows, create, update, certificates } = preview.counts
  const lines = [
    t('import-preview-title', { file: escapeHtml(clip(preview.fileName, 80)) }),
    t('records-preview-counts', { rows, create, update, certificates }),
    '',
  ]
  if (preview.errors.length === 0) {
    lines.push(t('import-preview-ok'))
    return lines.join('\n')
  }
  lines.push(
    t('import-preview-errors', {
      count: preview.errors.length,
      rows: new Set(preview.errors.map((e) => e.row)).size,
    }),
  )
  let used = 0
  let shown = 0
  for (const e of preview.errors) {
    const column = columnName(e.field, e.column)
    const problem = fieldProblem(t, e)
    const line = column
      ? t('import-error-line', { row: String(e.row), column: escapeHtml(column), problem })
      : t('import-error-line-row', { row: String(e.row), problem })
    if (shown === MAX_ERRORS_SHOWN || used + line.length > ERRORS_BUDGET) break
    lines.push(line)
    used += line.length + 1
    shown++
  }
  if (shown < preview.errors.length)
    lines.push(t('import-preview-more', { count: preview.errors.length - shown }))
  lines.push('', t('import-fix-and-resend'))
  return lines.join('\n')
}

async function previewFile(
  ctx: BotContext,
  schoolId: number,
  document: Document,
): Promise<{ ok: true; preview: RecordPreview } | { ok: false; error: ServiceError; final: boolean }> {
  const final = (error: ServiceError) => ['forbidden', 'not-found'].includes(error.code)
  const upload = await receiveUpload(ctx, document, 'file', () =>
    ctx.deps.staff.mayImport(actorOf(ctx), { schoolId }),
  )
  if (!upload.ok) return { ok: false, error: upload.error, final: final(upload.error) }
  const result = await ctx.deps.staff.previewImport(actorOf(ctx), {
    schoolId,
    fileName: upload.fileName,
    data: upload.data,
  })
  if (result.ok) return { ok: true, preview: result.value }
  return { ok: false, error: result.error, final: final(result.error) }
}

function errorText(t: T, error: ServiceError): string {
  return serviceErrorText(t, error)
}

async function importFlow(
  conversation: Conversation<BotContext, FlowContext>,
  ctx: FlowContext,
  school: { id: number; name: string },
): Promise<void> {
  await ctx.reply(
    `${ctx.t('records-ask-file', { school: escapeHtml(school.name) })}\n${ctx.t('flow-cancel-hint')}`,
  )
  const waitDocument = () =>
    conversation.waitFor('message:document', {
      otherwise: (other) => other.reply(ctx.t('import-send-document')),
    })
  let received = await waitDocument()
  for (;;) {
    const document = received.message.document
    const result = await conversation.external((outside) => previewFile(outside, school.id, document))
    if (!result.ok) {
      await received.reply(
        result.final
          ? errorText(ctx.t, result.error)
          : `${errorText(ctx.t, result.error)}\n\n${ctx.t('import-send-again')}`,
      )
      if (result.final) return
      received = await waitDocument()
      continue
    }
    const preview = result.preview
    if (preview.errors.length > 0 || preview.rows.length === 0) {
      await received.reply(
        preview.rows.length === 0 && preview.errors.length === 0
          ? ctx.t('import-preview-empty', { header: String(preview.headerRow) })
          : recordsPreviewText(ctx.t, preview),
      )
      received = await waitDocument()
      continue
    }
    const answer = await confirmOrNewFile(
      conversation,
      ctx,
      received,
      recordsPreviewText(ctx.t, preview),
      saveButton,
    )
    if (typeof answer === 'object') {
      received = answer.file
      continue
    }
    if (answer === 'cancel') return
    const saved = await conversation.external((outside) =>
      outside.deps.staff.commitImport(actorOf(outside), { schoolId: school.id, preview }),
    )
    await ctx.reply(saved.ok ? ctx.t('records-saved', saved.value) : errorText(ctx.t, saved.error))
    return
  }
}

export const recordsImportConversation = createConversation(importFlow, RECORDS_IMPORT_FLOW)

/** The admin's school, or undefined (with the reason sent) for anyone else. */
async function adminSchool(ctx: BotContext): Promise<{ id: number; name: string } | undefined> {
  const me = await ctx.deps.people.whoAmI(actorOf(ctx))
  const who = me.ok ? me.value : undefined
  if (who?.person?.role === 'admin' && who.school) return { id: who.school.id, name: who.school.name }
  await ctx.reply(ctx.t(who?.person?.role === 'head' ? 'records-head-read-only' : 'records-admin-only'))
  return undefined
}

/** "Trình độ: thạc sĩ" lines → fields; the first line without a colon is the name. */
export function readRecordLines(
  text: string,
): { ok: true; fields: Partial<Record<RecordField, string>> } | { ok: false; unknown: string } {
  const fields: Partial<Record<RecordField, string>> = {}
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim()
    if (line === '') continue
    const colon = line.indexOf(':')
    if (colon < 0) {
      if (i === 0 && fields.fullName === undefined) fields.fullName = line
      else return { ok: false, unknown: line }
      continue
    }
    const key = headerKey(line.slice(0, colon))
    const spec = RECORD_COLUMNS.find((c) => c.aliases.includes(key))
    if (!spec) return { ok: false, unknown: line.slice(0, colon) }
    fields[spec.field] = line.slice(colon + 1).trim()
  }
  return { ok: true, fields }
}

const feature = new Feature()

feature.command('records', async (ctx) => {
  const me = await ctx.deps.people.whoAmI(actorOf(ctx))
  const school = me.ok ? me.value.school : null
  if (!school)
    return void (await ctx.reply(ctx.t(me.ok && me.value.isOwner ? 'records-owner' : 'error-not-linked')))
  const listed = await ctx.deps.staff.list(actorOf(ctx), { schoolId: school.id })
  if (!listed.ok) {
    const text =
      listed.error.code === 'forbidden' ? ctx.t('records-admin-only') : serviceErrorText(ctx.t, listed.error)
    return void (await ctx.reply(text))
  }
  const { scope, people } = listed.value
  const filled = people.filter((p) => p.record !== null).length
  const lines = [ctx.t(`records-heading-${scope}`, { count: people.length, filled })]
  for (const view of people.slice(0, MAX_LINES)) lines.push(recordLine(ctx.t, view))
  if (people.length > MAX_LINES) lines.push(ctx.t('people-more', { count: people.length - MAX_LINES }))
  lines.push('', ctx.t(scope === 'school' ? 'records-admin-hint' : 'records-head-hint'))
  const chunks = chunkLines(lines)
  for (const [i, text] of chunks.entries()) {
    const last = i === chunks.length - 1
    const keyboard =
      last && scope === 'school'
        ? new InlineKeyboard()
            .text(ctx.t('records-button-template'), recordsButton.pack({ action: 'template' }))
            .text(ctx.t('records-button-import'), recordsButton.pack({ action: 'import' }))
        : undefined
    await ctx.reply(text, keyboard ? { reply_markup: keyboard } : {})
  }
})

feature.callbackQuery(recordsButton, async (ctx) => {
  const action = recordsButton.unpack(ctx.callbackQuery.data)?.action
  await ctx.answerCallbackQuery()
  const school = await adminSchool(ctx)
  if (!school) return
  if (action === 'import') return void (await ctx.startFlow(RECORDS_IMPORT_FLOW, school))
  const help = ctx.t('records-template-help').split('\n')
  const file = await ctx.deps.staff.template(actorOf(ctx), { schoolId: school.id, help })
  if (!file.ok) return void (await ctx.reply(serviceErrorText(ctx.t, file.error)))
  await ctx.replyWithDocument(new InputFile(file.value.data, file.value.fileName), {
    caption: ctx.t('records-template-caption'),
  })
})

feature.command('record', async (ctx) => {
  const school = await adminSchool(ctx)
  if (!school) return
  const text = ctx.match.trim()
  if (text === '') return void (await ctx.startFlow(RECORD_FLOW, school))
  const read = readRecordLines(text)
  if (!read.ok)
    return void (await ctx.reply(ctx.t('record-unknown-line', { line: escapeHtml(clip(read.unknown, 60)) })))
  const saved = await ctx.deps.staff.update(actorOf(ctx), { schoolId: school.id, fields: read.fields })
  if (saved.ok) {
    const who = escapeHtml(saved.value.person.fullName)
    return void (await ctx.reply(
      `${ctx.t('record-saved', { name: who })}\n${recordText(ctx.t, saved.value)}`,
    ))
  }
  const error = saved.error
  if (error.code === 'record-invalid') return void (await ctx.reply(recordInvalidText(ctx.t, error.errors)))
  await ctx.reply(serviceErrorText(ctx.t, error))
})

export { feature as staffRecordsFeature }
