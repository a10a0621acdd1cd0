/**
 * /import: the staff list or the module catalogue from an .xlsx or .csv file, previewed with
 * per-row errors and committed whole after confirmation.
 *
 *   /import → [Danh sách cán bộ, giáo viên] [Danh mục mô đun]   only what the person may import
 *           → "send the file" (its columns listed) → the preview: rows read, new and changed,
 *             every row's problem → with problems: nothing is stored, send the fixed file again;
 *             without: [✅ Lưu] [Hủy] → saved, with a summary
 *
 * A school's admin (BCĐ) imports their school's staff list; an owner, the module catalogue that
 * every school shares (an admin is told so when asked for the staff file). The services check it
 * again on the server; the menu only spares people a question they cannot answer.
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import { InlineKeyboard } from 'grammy'
import type { Document } from 'grammy/types'
import { CATALOGUE_COLUMNS, type CataloguePreview } from '../../services/catalogue-import.ts'
import type { RowError } from '../../services/import-table.ts'
import { STAFF_COLUMNS, type StaffPreview } from '../../services/staff-list-import.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { confirmOrNewFile } from '../flow.ts'
import { escapeHtml } from '../i18n.ts'
import { type ServiceError, serviceErrorText } from '../service-errors.ts'
import { receiveUpload } from '../uploads.ts'
import { clip } from './modules.ts'

export const IMPORT_FLOW = 'import'

type Kind = 'staff' | 'catalogue'
const KINDS: readonly Kind[] = ['staff', 'catalogue']

const kindButton = callbackData('impk', ['kind'])
const confirmButton = callbackData('impc', ['choice'])

/** What the person may import, decided when they type /import (and checked again by the services). */
export interface ImportRights {
  /** the school whose staff list an admin imports */
  school: { id: number; name: string } | null
  catalogue: boolean
}

type T = FlowContext['t']
type Preview = StaffPreview | CataloguePreview
type Previewed = { ok: true; preview: Preview } | { ok: false; error: ServiceError; final: boolean }

/** at most this many row problems are listed, and never more text than ERRORS_BUDGET characters */
const MAX_ERRORS_SHOWN = 40
const ERRORS_BUDGET = 2800
const VALUE_SHOWN = 60

/** Level codes as people write them: CĐ, not CD. */
const shownCode = (code: string) => (code === 'CD' ? 'CĐ' : code)

function columnOf(error: RowError, kind: Kind): string {
  if (error.column) return clip(error.column, 40)
  const specs: ReadonlyArray<{ field: string; example: string }> =
    kind === 'staff' ? STAFF_COLUMNS : CATALOGUE_COLUMNS
  return specs.find((s) => s.field === error.field)?.example ?? ''
}

/** "• Dòng 5, cột «Vai trò»: «thủ thư» không phải vai trò bot biết — ghi: giáo viên, tổ trưởng, …" */
export function rowErrorText(t: T, error: RowError, kind: Kind): string {
  const problem = t(`import-row-${error.code}`, {
    value: escapeHtml(clip(error.value, VALUE_SHOWN)),
    expected: escapeHtml((error.expected ?? []).map(shownCode).join(', ')),
    min: error.min ?? 0,
    max: error.max ?? 0,
    firstRow: String(error.firstRow ?? ''),
    total: error.total ?? 0,
    sum: error.sum ?? 0,
  })
  const column = columnOf(error, kind)
  const row = String(error.row)
  return column
    ? t('import-error-line', { row, column: escapeHtml(column), problem })
    : t('import-error-line-row', { row, problem })
}

function summaryText(t: T, preview: Preview): string {
  const file = escapeHtml(clip(preview.fileName, 80))
  const lines = [t('import-preview-title', { file })]
  if (preview.kind === 'staff') {
    const { rows, create, update } = preview.counts
    lines.push(t('import-preview-staff', { rows, create, update }))
    if (preview.newDepartments.length > 0)
      lines.push(
        t('import-preview-new-departments', {
          names: escapeHtml(clip(preview.newDepartments.join(', '), 400)),
        }),
      )
  } else {
    const { rows, create, update, unchanged } = preview.counts
    lines.push(t('import-preview-catalogue', { rows, create, update, unchanged }))
  }
  return lines.join('\n')
}

/** The preview as one message: never over Telegram's 4096 characters, however many errors. */
export function previewText(t: T, preview: Preview): string {
  const lines = [summaryText(t, preview), '']
  const { errors } = preview
  if (errors.length === 0) {
    lines.push(t('import-preview-ok'))
    return lines.join('\n')
  }
  const badRows = new Set(errors.map((e) => e.row)).size
  lines.push(t('import-preview-errors', { count: errors.length, rows: badRows }))
  let used = 0
  let shown = 0
  for (const error of errors) {
    const line = rowErrorText(t, error, preview.kind)
    if (shown === MAX_ERRORS_SHOWN || used + line.length > ERRORS_BUDGET) break
    lines.push(line)
    used += line.length + 1
    shown++
  }
  if (shown < errors.length) lines.push(t('import-preview-more', { count: errors.length - shown }))
  lines.push('', t('import-fix-and-resend'))
  return lines.join('\n')
}

/** Downloads the file and previews it; a refusal that a new file cannot fix ends the flow. */
async function preview(
  ctx: BotContext,
  kind: Kind,
  rights: ImportRights,
  document: Document,
): Promise<Previewed> {
  const actor = { telegramId: ctx.from!.id }
  const schoolId = rights.school?.id ?? 0
  const upload = await receiveUpload(ctx, document, 'file', () =>
    ctx.deps.imports.mayImport(actor, { kind, schoolId }),
  )
  if (!upload.ok) return { ok: false, error: upload.error, final: isFinal(upload.error) }
  const { fileName, data } = upload
  const result =
    kind === 'staff'
      ? await ctx.deps.imports.previewStaff(actor, { schoolId, fileName, data })
      : await ctx.deps.imports.previewCatalogue(actor, { fileName, data })
  if (result.ok) return { ok: true, preview: result.value }
  return { ok: false, error: result.error, final: isFinal(result.error) }
}

/** a refusal that a new file cannot fix ends the flow */
const isFinal = (error: ServiceError) =>
  ['forbidden', 'not-found', 'not-linked', 'catalogue-owners-only'].includes(error.code)

function errorText(t: T, error: ServiceError): string {
  return serviceErrorText(t, error)
}

async function commit(
  ctx: BotContext,
  rights: ImportRights,
  previewed: Preview,
): Promise<{ ok: true; text: string } | { ok: false; error: ServiceError }> {
  const actor = { telegramId: ctx.from!.id }
  if (previewed.kind === 'staff') {
    const saved = await ctx.deps.imports.commitStaff(actor, {
      schoolId: rights.school?.id ?? 0,
      preview: previewed,
    })
    if (!saved.ok) return saved
    const { created, updated, departmentsCreated } = saved.value
    return {
      ok: true,
      text: ctx.t('import-saved-staff', { created, updated, departments: departmentsCreated }),
    }
  }
  const saved = await ctx.deps.imports.commitCatalogue(actor, { preview: previewed })
  if (!saved.ok) return saved
  return { ok: true, text: ctx.t('import-saved-catalogue', saved.value) }
}

async function importFlow(
  conversation: Conversation<BotContext, FlowContext>,
  ctx: FlowContext,
  rights: ImportRights,
): Promise<void> {
  const kinds = KINDS.filter((k) => (k === 'staff' ? rights.school !== null : rights.catalogue))
  let kind = kinds[0]!
  if (kinds.length > 1) {
    const keyboard = new InlineKeyboard()
    for (const k of kinds) keyboard.text(ctx.t(`import-kind-${k}`), kindButton.pack({ kind: k })).row()
    await ctx.reply(`${ctx.t('import-choose')}\n${ctx.t('flow-cancel-hint')}`, { reply_markup: keyboard })
    const chosen = await conversation.waitForCallbackQuery(kindButton.filter, {
      otherwise: (other) => other.reply(ctx.t('import-choose-buttons')),
    })
    const picked = kindButton.unpack(chosen.callbackQuery.data)?.kind
    kind = kinds.find((k) => k === picked) ?? kind
    await chosen.answerCallbackQuery()
    await chosen.editMessageText(ctx.t('import-chosen', { kind: ctx.t(`import-kind-${kind}`) }))
  }
  const school = escapeHtml(rights.school?.name ?? '')
  // an admin who came for the catalogue learns here who can add to it
  const note = rights.catalogue ? '' : `\n\n${ctx.t('import-catalogue-owners-note')}`
  await ctx.reply(`${ctx.t(`import-ask-file-${kind}`, { school })}${note}\n${ctx.t('flow-cancel-hint')}`)

  const waitDocument = () =>
    conversation.waitFor('message:document', {
      otherwise: (other) => other.reply(ctx.t('import-send-document')),
    })
  let received = await waitDocument()
  for (;;) {
    const document = received.message.document
    const result = await conversation.external((outside) => preview(outside, kind, rights, document))
    if (!result.ok) {
      if (result.final) {
        await received.reply(errorText(ctx.t, result.error))
        return
      }
      await received.reply(`${errorText(ctx.t, result.error)}\n\n${ctx.t('import-send-again')}`)
      received = await waitDocument()
      continue
    }
    const previewed = result.preview
    if (previewed.errors.length > 0 || previewed.rows.length === 0) {
      const text =
        previewed.rows.length === 0 && previewed.errors.length === 0
          ? ctx.t('import-preview-empty', { header: String(previewed.headerRow) })
          : previewText(ctx.t, previewed)
      await received.reply(text)
      received = await waitDocument()
      continue
    }

    const answer = await confirmOrNewFile(
      conversation,
      ctx,
      received,
      previewText(ctx.t, previewed),
      confirmButton,
    )
    if (typeof answer === 'object') {
      received = answer.file
      continue
    }
    if (answer === 'cancel') return
    const saved = await conversation.external((outside) => commit(outside, rights, previewed))
    await ctx.reply(saved.ok ? saved.text : errorText(ctx.t, saved.error))
    return
  }
}

export const importConversation = createConversation(importFlow, IMPORT_FLOW)

const feature = new Feature()

feature.command('import', async (ctx) => {
  const me = await ctx.deps.people.whoAmI({ telegramId: ctx.from.id })
  const who = me.ok ? me.value : undefined
  const admin = who?.person?.role === 'admin' && who.school ? who.school : null
  const rights: ImportRights = {
    school: admin ? { id: admin.id, name: admin.name } : null,
    // the catalogue is every school's: its owners' to change, not one school's admin's
    catalogue: Boolean(who?.isOwner),
  }
  if (!rights.school && !rights.catalogue) return ctx.reply(ctx.t('import-not-allowed'))
  await ctx.startFlow(IMPORT_FLOW, rights)
})

// a file sent without /import first: say how, rather than "I did not understand"
feature.on('message:document', (ctx) => ctx.reply(ctx.t('import-document-hint')))

export { feature as importFeature }
