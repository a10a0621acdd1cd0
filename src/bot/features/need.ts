/**
 * /need: the score each missing component must reach for Giỏi, Khá and Trung bình, or why a class
 * is out of reach; with nothing missing, the average and the class with its reasons.
 *
 *   /need 8 9 8 9 ? ?     ND1, ND2, then the ND3 modules; `?` marks a score not known yet
 *   /need                 asks step by step: ND1, ND2, how many modules, each module
 */
import { type Conversation, createConversation } from '@grammyjs/conversations'
import { InlineKeyboard } from 'grammy'
import {
  classifyTeacher,
  parseScore,
  requiredScores,
  type Score,
  type TeacherScores,
  TT26_2012,
} from '../../rules/index.ts'
import { callbackData } from '../callback-data.ts'
import type { BotContext, FlowContext } from '../context.ts'
import { Feature } from '../feature.ts'
import { needAnswer, scoreErrorText, yearProfile } from '../present.ts'

export const NEED_FLOW = 'need'
const UNKNOWN = '?'
const MAX_MODULES = 8

const unknownButton = callbackData('needu', [])
const countButton = callbackData('needn', ['count'])

type Read = { ok: true; value: Score | null } | { ok: false; text: string }

function readScore(ctx: FlowContext, text: string): Read {
  const trimmed = text.trim()
  if (trimmed === UNKNOWN) return { ok: true, value: null }
  const parsed = parseScore(trimmed)
  return parsed.ok ? parsed : { ok: false, text: scoreErrorText(ctx.t, parsed.error) }
}

/** Judged by the asker's school year's regulation; someone of no school gets TT 26/2012's. */
function answer(ctx: FlowContext, scores: TeacherScores, profileId: string | null): string {
  const profile = profileId === null ? TT26_2012 : yearProfile(profileId)
  return needAnswer(ctx.t, scores, classifyTeacher(scores, profile), requiredScores(scores, profile), profile)
}

const profileIdOf = (ctx: BotContext): Promise<string | null> =>
  ctx.deps.regulation.ofActor({ telegramId: ctx.from!.id }).then((r) => r?.profile.id ?? null)

/** Reads `ND1 ND2 module...` from the command's arguments; every bad value is reported at once. */
function scoresFromArgs(
  ctx: FlowContext,
  args: string[],
): { ok: true; scores: TeacherScores } | { ok: false; text: string } {
  if (args.length < 3 || args.length > 2 + MAX_MODULES) return { ok: false, text: ctx.t('need-usage') }
  const read = args.map((arg) => readScore(ctx, arg))
  const errors = read.flatMap((r, i) => (r.ok ? [] : [labelled(ctx, i, r.text)]))
  if (errors.length > 0) return { ok: false, text: `${errors.join('\n')}\n\n${ctx.t('need-usage')}` }
  const values = read.map((r) => (r.ok ? r.value : null))
  return { ok: true, scores: { nd1: values[0]!, nd2: values[1]!, modules: values.slice(2) } }
}

/** "ND2: …" — which value of the command a message is about */
const labelled = (ctx: FlowContext, index: number, text: string) =>
  `${index < 2 ? ctx.t(index === 0 ? 'component-nd1' : 'component-nd2') : ctx.t('component-module', { n: index - 1 })}: ${text}`

async function askScore(
  conversation: Conversation<BotContext, FlowContext>,
  ctx: FlowContext,
  question: string,
): Promise<Score | null> {
  const keyboard = new InlineKeyboard().text(ctx.t('need-button-unknown'), unknownButton.pack({}))
  await ctx.reply(`${question}\n${ctx.t('flow-cancel-hint')}`, { reply_markup: keyboard })
  for (;;) {
    const reply = await conversation.wait()
    if (reply.callbackQuery?.data === unknownButton.pack({})) {
      await reply.answerCallbackQuery()
      await reply.editMessageReplyMarkup()
      return null
    }
    const text = reply.message?.text
    if (text === undefined) {
      await reply.reply(ctx.t('need-ask-score-again'))
      continue
    }
    const read = readScore(ctx, text)
    if (read.ok) return read.value
    await reply.reply(read.text)
  }
}

async function needFlow(
  conversation: Conversation<BotContext, FlowContext>,
  ctx: FlowContext,
): Promise<void> {
  const nd1 = await askScore(conversation, ctx, ctx.t('need-ask-nd1'))
  const nd2 = await askScore(conversation, ctx, ctx.t('need-ask-nd2'))
  const counts = new InlineKeyboard()
  for (let n = 1; n <= 6; n++) counts.text(String(n), countButton.pack({ count: n }))
  await ctx.reply(ctx.t('need-ask-count'), { reply_markup: counts })
  const countCtx = await conversation.waitForCallbackQuery(countButton.filter, {
    otherwise: (other) => other.reply(ctx.t('need-ask-count-buttons')),
  })
  const count = Number(countButton.unpack(countCtx.callbackQuery.data)!.count)
  await countCtx.answerCallbackQuery()
  await countCtx.editMessageText(ctx.t('need-chosen-count', { count }))
  const modules: Array<Score | null> = []
  for (let i = 1; i <= count; i++)
    modules.push(await askScore(conversation, ctx, ctx.t('need-ask-module', { n: i })))
  const profileId = await conversation.external((c) => profileIdOf(c))
  await ctx.reply(answer(ctx, { nd1, nd2, modules }, profileId))
}

/** Registered before every feature, so that any feature's button can enter it. */
export const needConversation = createConversation(needFlow, NEED_FLOW)

const feature = new Feature()

/**
 * Between scores: spaces, `;`, or a comma that is not a decimal comma ("8, 9, ?" and "8;9;?" are
 * lists, "9,5" is nine and a half).
 */
const SEPARATORS = /[\s;]+|,(?=\s|\?|$)|(?<=\?),/

feature.command('need', async (ctx) => {
  const args = ctx.match.trim().split(SEPARATORS).filter(Boolean)
  if (args.length === 0) return ctx.startFlow(NEED_FLOW)
  const read = scoresFromArgs(ctx, args)
  await ctx.reply(read.ok ? answer(ctx, read.scores, await profileIdOf(ctx)) : read.text)
})

export { feature as needFeature }
