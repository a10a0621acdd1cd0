/**
 * /cefr: which CEFR level (and 6-level framework level) an English certificate proves, and
 * whether it meets the standard of a post — with the legal source of each figure.
 *
 *   /cefr ielts 6.5            answers at once, then offers the posts to compare with
 *   /cefr toeic 650 150 120    TOEIC needs Listening & Reading, Speaking and Writing
 *   /cefr ielts 6.0 thpt       compares with an English teacher's post at that level
 *   /cefr vstep 6.5, /cefr bậc 4  VSTEP.3-5's score, or a certificate's level on the 6-level framework
 *   /cefr                      asks step by step: exam (buttons), score, post (buttons, optional)
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import { InlineKeyboard } from 'grammy'
import {
  cefrLevel,
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
} from '../../rules/index.ts'
import { ignoreNotModified } from '../api.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { echo } from '../i18n.ts'
import { cefrResultText, certificateText, examScoreErrorText } from '../present.ts'

export const CEFR_FLOW = 'cefr'

/** A post button under an answer carries the result, so pressing it needs no stored state. */
const postButton = callbackData('cefrp', ['post', 'exam', 'parts'])
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

function answerKeyboard(ctx: FlowContext, score: ExamScore): InlineKeyboard {
  return postKeyboard(ctx, (post) => postButton.pack({ post, exam: score.exam, parts: packParts(score) }))
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
  let parts = args.slice(levelWord ? 2 : 1)
  const post = parts.length > 1 ? postFromWord(parts.at(-1)!) : null
  if (post) parts = parts.slice(0, -1)
  const parsed = parseExamScore(exam.value, parts)
  if (!parsed.ok) {
    await ctx.reply(`${examScoreErrorText(ctx.t, parsed.error)}\n\n${ctx.t('cefr-usage')}`)
    return
  }
  if (post) {
    await ctx.reply(certificateText(ctx.t, parsed.value, checkCertificate(parsed.value, post), post))
  } else {
    await ctx.reply(
      `${cefrResultText(ctx.t, parsed.value, cefrLevel(parsed.value))}\n\n${ctx.t('cefr-compare')}`,
      {
        reply_markup: answerKeyboard(ctx, parsed.value),
      },
    )
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

  await ctx.reply(`${ctx.t(`cefr-ask-score-${exam}`)}\n${ctx.t('flow-cancel-hint')}`)
  let score: ExamScore
  for (;;) {
    const answer = await conversation.waitFor('message:text', {
      otherwise: (other) => other.reply(ctx.t(`cefr-ask-score-${exam}`)),
    })
    const parsed = parseExamScore(exam, answer.message.text.trim().split(/\s+/))
    if (parsed.ok) {
      score = parsed.value
      break
    }
    await answer.reply(examScoreErrorText(ctx.t, parsed.error))
  }

  const result = cefrLevel(score)
  const keyboard = postKeyboard(ctx, (post) => postChoice.pack({ post }))
    .row()
    .text(ctx.t('cefr-skip-post'), postChoice.pack({ post: 'skip' }))
  await ctx.reply(`${cefrResultText(ctx.t, score, result)}\n\n${ctx.t('cefr-ask-post')}`, {
    reply_markup: keyboard,
  })
  const postCtx = await conversation.waitForCallbackQuery(postChoice.filter, {
    otherwise: (other) => other.reply(ctx.t('cefr-ask-post-buttons')),
  })
  await postCtx.answerCallbackQuery()
  const post = postChoice.unpack(postCtx.callbackQuery.data)!.post
  if (!POSTS.includes(post as Post)) {
    await postCtx.editMessageReplyMarkup()
    return
  }
  await postCtx.editMessageText(certificateText(ctx.t, score, checkCertificate(score, post as Post), post))
}

/** Registered before every feature, so that any feature's button can enter it. */
export const cefrConversation = createConversation(cefrFlow, CEFR_FLOW)

const feature = new Feature()

feature.command('cefr', async (ctx) => {
  const args = ctx.match.trim().split(/\s+/).filter(Boolean)
  if (args.length === 0) await ctx.startFlow(CEFR_FLOW)
  else await answerCommand(ctx, args)
})

feature.callbackQuery(postButton, async (ctx) => {
  const data = postButton.unpack(ctx.callbackQuery.data)
  const exam = parseExam(data?.exam ?? '')
  const parsed = data && exam.ok ? parseExamScore(exam.value, data.parts.split('_')) : undefined
  if (!data || !parsed?.ok || !POSTS.includes(data.post as Post)) {
    return ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') })
  }
  await ctx.answerCallbackQuery()
  const post = data.post as Post
  await ctx
    .editMessageText(certificateText(ctx.t, parsed.value, checkCertificate(parsed.value, post), post), {
      reply_markup: answerKeyboard(ctx, parsed.value),
    })
    .catch(ignoreNotModified)
})

export { feature as cefrFeature }
