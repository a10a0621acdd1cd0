/**
 * /cefr: which CEFR level (and 6-level framework level) an English certificate proves, and
 * whether it meets the standard of a post — with the legal source of each figure.
 *
 *   /cefr ielts 6.5            answers at once, then offers the posts to compare with
 *   /cefr toeic 650 150 120    TOEIC needs Listening & Reading, Speaking and Writing
 *   /cefr ielts 6.0 thpt       compares with an English teacher's post at that level
 *   /cefr vstep 6.5, /cefr bậc 4  VSTEP.3-5's score, or a certificate's level on the 6-level framework
 *   /cefr ielts 6.5 ngày thi 12/3/2025   with the test day: how long the result counts, and by whose rule
 *   /cefr                      asks step by step: exam (buttons), score (and day), post (buttons, optional)
 *
 * A post's standard is read on the asker's school year (RegulationService.languageDays): the
 * handler passes the day, the rule engine knows which regulation held then.
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import { InlineKeyboard } from 'grammy'
import {
  type CertificateValidity,
  cefrLevel,
  certificateValidity,
  checkCertificate,
  EXAMS,
  type Exam,
  type ExamScore,
  englishTeacherPost,
  examParts,
  LEVELS,
  type Level,
  POSTS,
  type Post,
  parseExam,
  parseExamScore,
  partValue,
  readTestDate,
  type TestDateError,
  takeTestDate,
} from '../../rules/index.ts'
import { ignoreNotModified } from '../api.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { echo } from '../i18n.ts'
import { cefrResultText, certificateText, examScoreErrorText, formatDate } from '../present.ts'

export const CEFR_FLOW = 'cefr'

/** A post button under an answer carries the result, so pressing it needs no stored state. */
const postButton = callbackData('cefrp', ['post', 'exam', 'parts'])
/** The same for a result given with its test day (YYYYMMDD), so the edited answer keeps its validity. */
const datedPostButton = callbackData('cefrd', ['post', 'exam', 'parts', 'date'])
const examChoice = callbackData('cefrx', ['exam'])
const postChoice = callbackData('cefrq', ['post'])

/** The posts offered as buttons, in the order people look for them. */
const POST_BUTTONS: Post[] = POSTS.filter((p) => p !== 'leadership-pipeline')

const packParts = (score: ExamScore) =>
  examParts(score.exam)
    .map((part) => partValue(score, part))
    .join('_')

function postKeyboard(ctx: FlowContext, button: (post: Post) => string): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  POST_BUTTONS.forEach((post, i) => {
    keyboard.text(ctx.t(`post-${post}`), button(post))
    if (i % 2 === 1) keyboard.row()
  })
  return keyboard
}

function answerKeyboard(ctx: FlowContext, score: ExamScore, testDate: string | null): InlineKeyboard {
  return postKeyboard(ctx, (post) => {
    const fields = { post, exam: score.exam, parts: packParts(score) }
    return testDate === null
      ? postButton.pack(fields)
      : datedPostButton.pack({ ...fields, date: testDate.replaceAll('-', '') })
  })
}

const actorOf = (ctx: BotContext) => ({ telegramId: ctx.from!.id })

/** A result for people: its validity on today (when the test day is given), the post's standard on the asker's year. */
function resultText(
  ctx: FlowContext,
  score: ExamScore,
  validity: CertificateValidity | null,
  post: Post | null,
  standardsOn: string,
): string {
  if (post) {
    const check = checkCertificate(score, post, standardsOn)
    return certificateText(ctx.t, score, check, post, { validity, standardsOn })
  }
  const hint = validity ? '' : `\n${ctx.t('cefr-date-hint')}`
  return `${cefrResultText(ctx.t, score, cefrLevel(score), validity)}${hint}`
}

function testDateErrorText(ctx: FlowContext, error: TestDateError): string {
  return error.code === 'not-a-date'
    ? ctx.t('cefr-error-not-a-date', { input: echo(error.input) })
    : ctx.t('cefr-error-future-date', { date: formatDate(error.date), today: formatDate(error.today) })
}

/** A trailing level word ("thpt", "THCS", "cđ") stands for an English teacher's post there. */
function postFromWord(word: string): Post | null {
  const key = word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toUpperCase()
  const level = LEVELS.find((l) => l === key || (key === 'TIH' && l === 'TH'))
  return level ? englishTeacherPost(level as Level) : null
}

async function answerCommand(ctx: BotContext, args: string[]): Promise<void> {
  // "toeic bridge 90 90" names a different test: read the two words together so it is refused by name
  // "vstep bậc 4" gives the certificate's level rather than its score: read it as the framework's
  const levelWord = /^(b[aậ]c|level)$/i.test(args[1] ?? '')
  const exam = levelWord
    ? parseExam('bậc')
    : parseExam(/^bridge$/i.test(args[1] ?? '') ? `${args[0]} ${args[1]}` : args[0]!)
  if (!exam.ok) {
    await ctx.reply(ctx.t(`cefr-error-${exam.error.code}`, { input: echo(exam.error.input) }))
    return
  }
  const days = await ctx.deps.regulation.languageDays(actorOf(ctx))
  const dated = takeTestDate(args.slice(levelWord ? 2 : 1), days.today)
  if (dated.date && !dated.date.ok) {
    await ctx.reply(`${testDateErrorText(ctx, dated.date.error)}\n\n${ctx.t('cefr-usage')}`)
    return
  }
  const testDate = dated.date?.value ?? null
  let parts = dated.words
  const post = parts.length > 1 ? postFromWord(parts.at(-1)!) : null
  if (post) parts = parts.slice(0, -1)
  const parsed = parseExamScore(exam.value, parts)
  if (!parsed.ok) {
    await ctx.reply(`${examScoreErrorText(ctx.t, parsed.error)}\n\n${ctx.t('cefr-usage')}`)
    return
  }
  const validity = testDate === null ? null : certificateValidity(parsed.value.exam, testDate, days.today)
  const text = resultText(ctx, parsed.value, validity, post, days.standardsOn)
  if (post) await ctx.reply(text)
  else {
    await ctx.reply(`${text}\n\n${ctx.t('cefr-compare')}`, {
      reply_markup: answerKeyboard(ctx, parsed.value, testDate),
    })
  }
}

async function cefrFlow(
  conversation: Conversation<BotContext, FlowContext>,
  ctx: FlowContext,
): Promise<void> {
  const exams = new InlineKeyboard()
  EXAMS.forEach((exam, i) => {
    exams.text(ctx.t(`exam-${exam}`), examChoice.pack({ exam }))
    if (i % 3 === 2) exams.row()
  })
  await ctx.reply(`${ctx.t('cefr-ask-exam')}\n${ctx.t('flow-cancel-hint')}`, { reply_markup: exams })
  const examCtx = await conversation.waitForCallbackQuery(examChoice.filter, {
    otherwise: (other) => other.reply(ctx.t('cefr-ask-exam-buttons')),
  })
  const exam = examChoice.unpack(examCtx.callbackQuery.data)!.exam as Exam
  await examCtx.answerCallbackQuery()
  await examCtx.editMessageText(ctx.t('cefr-chosen-exam', { exam: ctx.t(`exam-${exam}`) }))

  await ctx.reply(
    `${ctx.t(`cefr-ask-score-${exam}`)}\n${ctx.t('cefr-ask-date')}\n${ctx.t('flow-cancel-hint')}`,
  )
  const days = await conversation.external((c) => c.deps.regulation.languageDays(actorOf(c)))
  let score: ExamScore
  let testDate: string | null
  for (;;) {
    const answer = await conversation.waitFor('message:text', {
      otherwise: (other) => other.reply(ctx.t(`cefr-ask-score-${exam}`)),
    })
    const dated = takeTestDate(answer.message.text.trim().split(/\s+/), days.today)
    if (dated.date && !dated.date.ok) {
      await answer.reply(testDateErrorText(ctx, dated.date.error))
      continue
    }
    const parsed = parseExamScore(exam, dated.words)
    if (parsed.ok) {
      score = parsed.value
      testDate = dated.date?.value ?? null
      break
    }
    await answer.reply(examScoreErrorText(ctx.t, parsed.error))
  }

  const validity = testDate === null ? null : certificateValidity(exam, testDate, days.today)
  const keyboard = postKeyboard(ctx, (post) => postChoice.pack({ post }))
    .row()
    .text(ctx.t('cefr-skip-post'), postChoice.pack({ post: 'skip' }))
  await ctx.reply(
    `${resultText(ctx, score, validity, null, days.standardsOn)}\n\n${ctx.t('cefr-ask-post')}`,
    { reply_markup: keyboard },
  )
  const postCtx = await conversation.waitForCallbackQuery(postChoice.filter, {
    otherwise: (other) => other.reply(ctx.t('cefr-ask-post-buttons')),
  })
  await postCtx.answerCallbackQuery()
  const post = postChoice.unpack(postCtx.callbackQuery.data)!.post
  if (!POSTS.includes(post as Post)) {
    await postCtx.editMessageReplyMarkup()
    return
  }
  await postCtx.editMessageText(resultText(ctx, score, validity, post as Post, days.standardsOn))
}

/** Registered before every feature, so that any feature's button can enter it. */
export const cefrConversation = createConversation(cefrFlow, CEFR_FLOW)

const feature = new Feature()

feature.command('cefr', async (ctx) => {
  const args = ctx.match.trim().split(/\s+/).filter(Boolean)
  if (args.length === 0) await ctx.startFlow(CEFR_FLOW)
  else await answerCommand(ctx, args)
})

/** A post pressed under an answer: the same result, against that post's standard on the asker's year. */
async function onPostButton(
  ctx: BotContext,
  data: { post: string; exam: string; parts: string; date?: string } | undefined,
): Promise<unknown> {
  const exam = parseExam(data?.exam ?? '')
  const parsed = data && exam.ok ? parseExamScore(exam.value, data.parts.split('_')) : undefined
  const days = await ctx.deps.regulation.languageDays(actorOf(ctx))
  const packed = /^(\d{4})(\d{2})(\d{2})$/.exec(data?.date ?? '')
  const testDate = packed ? readTestDate(packed.slice(1).join('-'), days.today) : null
  const badDate = data?.date !== undefined && !testDate?.ok
  if (!data || !parsed?.ok || !POSTS.includes(data.post as Post) || badDate) {
    return ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') })
  }
  await ctx.answerCallbackQuery()
  const day = testDate?.ok ? testDate.value : null
  const validity = day === null ? null : certificateValidity(parsed.value.exam, day, days.today)
  await ctx
    .editMessageText(resultText(ctx, parsed.value, validity, data.post as Post, days.standardsOn), {
      reply_markup: answerKeyboard(ctx, parsed.value, day),
    })
    .catch(ignoreNotModified)
}

feature.callbackQuery(postButton, (ctx) => onPostButton(ctx, postButton.unpack(ctx.callbackQuery.data)))
feature.callbackQuery(datedPostButton, (ctx) =>
  onPostButton(ctx, datedPostButton.unpack(ctx.callbackQuery.data)),
)

export { feature as cefrFeature }
