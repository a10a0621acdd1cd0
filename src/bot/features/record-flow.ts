/**
 * /record without arguments: the admin updates one person's record with buttons, no typing but
 * the name (and the subject or a certificate, which are free text).
 *
 *   /record → "whose record?" → Trần Thị Lan → [Tổ Toán] [Tổ Văn] if two share the name
 *           → the record, [Trình độ] [Chuyên ngành] [Lý luận chính trị] … [✅ Xong]
 *           → [Trình độ] → [trung cấp] [cao đẳng] [đại học] [thạc sĩ] [tiến sĩ] [Để trống]
 *           → saved at once, the record shown again with its buttons, until ✅ Xong
 *
 * Each change goes through the same service (and the same reader) as `/record Name` lines and
 * the import: a value it refuses is said, and nothing is saved.
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import { InlineKeyboard } from 'grammy'
import { RECORD_EXAMPLES, type RecordField } from '../../services/staff-fields.ts'
import type { RecordView } from '../../services/staff-records.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { askText, waitPick } from '../flow.ts'
import { escapeHtml } from '../i18n.ts'
import { serviceErrorText } from '../service-errors.ts'
import { recordInvalidText, recordText } from '../staff-text.ts'

export const RECORD_FLOW = 'record'

const fieldButton = callbackData('recf', ['value'])
const valueButton = callbackData('recv', ['value'])
const personButton = callbackData('recp', ['value'])

const YES_NO = RECORD_EXAMPLES.yesNo
/** The fields offered, in the record's order; `language` is a certificate typed in one line. */
const FIELDS = [
  'qualification',
  'subject',
  'politicalTheory',
  'stateManagement',
  'educationManagement',
  'ttcmTraining',
  'it',
  'pipeline',
  'post',
  'language',
] as const
type Offered = (typeof FIELDS)[number]

/** The buttons of each field chosen from a list; `clear` adds "Để trống". */
const CHOICES: Partial<Record<Offered, { values: readonly string[]; clear: boolean }>> = {
  qualification: { values: RECORD_EXAMPLES.qualification, clear: true },
  politicalTheory: { values: RECORD_EXAMPLES.politicalTheory, clear: true },
  stateManagement: { values: YES_NO, clear: false },
  educationManagement: { values: YES_NO, clear: false },
  ttcmTraining: { values: YES_NO, clear: false },
  it: { values: RECORD_EXAMPLES.it, clear: false },
  pipeline: { values: YES_NO, clear: false },
  post: { values: RECORD_EXAMPLES.post, clear: true },
}

const actorOf = (ctx: FlowContext) => ({ telegramId: ctx.from!.id })

/** "IELTS 6,5 12/05/2023", "TOEIC 850 170 160" → exam, score, date; null when no score is found. */
export function splitCertificate(text: string): { exam: string; score: string; takenOn: string } | null {
  const match = /^(.*?[^\d\s.,+])\s+([\d.,+\s]*\d)(?:\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}))?\s*$/u.exec(
    text.trim(),
  )
  if (!match) return null
  return { exam: match[1]!.trim(), score: match[2]!.trim(), takenOn: match[3] ?? '' }
}

function fieldsKeyboard(t: FlowContext['t']): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  FIELDS.forEach((field, i) => {
    keyboard.text(t(`record-field-${field}`), fieldButton.pack({ value: field }))
    if (i % 2 === 1) keyboard.row()
  })
  return keyboard.row().text(t('record-button-done'), fieldButton.pack({ value: 'done' }))
}

async function recordFlow(
  conversation: Conversation<BotContext, FlowContext>,
  ctx: FlowContext,
  school: { id: number; name: string },
): Promise<void> {
  const name = await askText(conversation, ctx, ctx.t('record-ask-name', { school: escapeHtml(school.name) }))
  const find = (department?: string) =>
    conversation.external((o) =>
      o.deps.staff.find(actorOf(o), {
        schoolId: school.id,
        fullName: name,
        ...(department ? { department } : {}),
      }),
    )
  let found = await find()
  if (!found.ok && found.error.code === 'person-ambiguous') {
    const departments = found.error.departments
    const keyboard = new InlineKeyboard()
    for (const [i, d] of departments.entries()) keyboard.text(d, personButton.pack({ value: i })).row()
    await ctx.reply(ctx.t('record-ask-department', { name: escapeHtml(name) }), { reply_markup: keyboard })
    const index = Number(await waitPick(conversation, ctx, personButton))
    found = await find(departments[index])
  }
  if (!found.ok) return void (await ctx.reply(serviceErrorText(ctx.t, found.error)))
  let view: RecordView = found.value
  const personId = view.person.id

  for (;;) {
    await ctx.reply(
      `<b>${escapeHtml(view.person.fullName)}</b>\n${recordText(ctx.t, view)}\n\n${ctx.t('record-pick-field')}`,
      { reply_markup: fieldsKeyboard(ctx.t) },
    )
    const field = (await waitPick(conversation, ctx, fieldButton)) as Offered | 'done'
    if (field === 'done') return void (await ctx.reply(ctx.t('record-done')))
    let fields: Partial<Record<RecordField, string>>
    const choice = CHOICES[field]
    if (choice) {
      const keyboard = new InlineKeyboard()
      choice.values.forEach((v, i) => {
        keyboard.text(v, valueButton.pack({ value: i }))
        if (i % 3 === 2) keyboard.row()
      })
      if (choice.clear)
        keyboard.row().text(ctx.t('record-button-clear'), valueButton.pack({ value: 'clear' }))
      await ctx.reply(ctx.t('record-ask-value', { field: ctx.t(`record-field-${field}`) }), {
        reply_markup: keyboard,
      })
      const picked = await waitPick(conversation, ctx, valueButton)
      fields = { [field]: picked === 'clear' ? '' : (choice.values[Number(picked)] ?? '') }
    } else if (field === 'subject') {
      const text = await askText(conversation, ctx, ctx.t('record-ask-subject'))
      fields = { subject: text === '-' ? '' : text }
    } else {
      const text = await askText(conversation, ctx, ctx.t('record-ask-language'))
      // no digits: an exam without a score, or "xóa" (the reader says which)
      const certificate = /\d/.test(text) ? splitCertificate(text) : { exam: text }
      if (!certificate) {
        await ctx.reply(ctx.t('record-language-unreadable', { text: escapeHtml(text.slice(0, 60)) }))
        continue
      }
      fields = certificate
    }
    const saved = await conversation.external((o) =>
      o.deps.staff.update(actorOf(o), { schoolId: school.id, personId, fields }),
    )
    if (saved.ok) view = saved.value
    else if (saved.error.code === 'record-invalid')
      await ctx.reply(recordInvalidText(ctx.t, saved.error.errors))
    else return void (await ctx.reply(serviceErrorText(ctx.t, saved.error)))
  }
}

export const recordConversation = createConversation(recordFlow, RECORD_FLOW)
