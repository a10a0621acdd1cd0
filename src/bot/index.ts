/**
 * Builds the bot: one middleware stack for production, the sandbox, tests and benchmarks. The
 * order is visible here: error boundary, dependencies, account and language, session,
 * conversations, features, then whatever nobody handled.
 */
import { conversations } from '@grammyjs/conversations'
import { sequentialize } from '@grammyjs/runner'
import { type ApiClientOptions, Bot, type MiddlewareFn, session, type Transformer } from 'grammy'
import type { UserFromGetMe } from 'grammy/types'
import { pinnedApiTransformers } from './api.ts'
import type { BotContext, Deps, FlowContext, SessionData } from './context.ts'
import { errorBoundary } from './error-boundary.ts'
import { routeOf, routeTable } from './feature.ts'
import { approveFeature, returnConversation } from './features/approve.ts'
import { broadcastConversation, broadcastFeature } from './features/broadcast.ts'
import { cefrConversation, cefrFeature } from './features/cefr.ts'
import { deadlinesFeature } from './features/deadlines.ts'
import { flowControl, flowsOnDemand } from './features/flow-control.ts'
import { gradesConversation, gradesFeature } from './features/grades.ts'
import { helpFeature } from './features/help.ts'
import { importConversation, importFeature } from './features/imports.ts'
import { joinConversation } from './features/join.ts'
import { langFeature } from './features/lang.ts'
import { modulesFeature } from './features/modules.ts'
import { needConversation, needFeature } from './features/need.ts'
import { planFeature, reopenConversation } from './features/plan.ts'
import { regulationFeature } from './features/regulation.ts'
import { schoolAdminConversations, schoolAdminFeature } from './features/school-admin.ts'
import { startFeature } from './features/start.ts'
import { unhandledFeature } from './features/unhandled.ts'

export interface BotOptions {
  token: string
  deps: Deps
  client?: ApiClientOptions
  botInfo?: UserFromGetMe
  /** API transformers that every call must pass, inside conversations too (e.g. auto-retry) */
  transformers?: Transformer[]
}

/** Bump when a conversation's code changes so that old replay state is discarded, not misread. */
export const CONVERSATION_VERSION = 1

export function createBot(options: BotOptions): Bot<BotContext> {
  const { deps } = options
  const bot = new Bot<BotContext>(options.token, { client: options.client, botInfo: options.botInfo })
  const transformers = pinnedApiTransformers(options.transformers ?? [])
  bot.api.config.use(...transformers)

  const download = fileDownloader(bot, options)
  const withDeps: MiddlewareFn<BotContext | FlowContext> = (ctx, next) => {
    ctx.deps = deps
    ctx.download = download
    return next()
  }
  const loadAccount: MiddlewareFn<BotContext | FlowContext> = async (ctx, next) => {
    ctx.account = ctx.from && !ctx.from.is_bot ? await deps.telegramUsers.seen(ctx.from) : undefined
    await next()
  }

  bot.use(dropRepeatedUpdates())
  // with the runner, one chat's updates are handled one after the other, so its session and
  // conversation state are never read and written by two updates at once
  bot.use(sequentialize((ctx) => (ctx.chat ?? ctx.from)?.id.toString()))
  bot.use(withDeps)
  bot.use(errorBoundary)
  bot.use(loadAccount)
  bot.use(deps.i18n)
  bot.use(
    session<SessionData, BotContext>({
      initial: () => ({}),
      storage: deps.sessions.adapter<SessionData>('session:'),
    }),
  )
  bot.use(
    conversations<BotContext, FlowContext>({
      storage: {
        type: 'key',
        version: CONVERSATION_VERSION,
        adapter: deps.sessions.adapter('conversation:'),
      },
      plugins: [
        async (ctx, next) => {
          ctx.api.config.use(...transformers)
          await next()
        },
        withDeps,
        loadAccount,
        deps.i18n,
      ],
    }),
  )
  bot.use(flowControl)
  bot.use(
    flowsOnDemand([
      cefrConversation,
      needConversation,
      joinConversation,
      returnConversation,
      reopenConversation,
      gradesConversation,
      broadcastConversation,
      importConversation,
      ...schoolAdminConversations,
    ]),
  )
  bot.route(
    routeOf,
    routeTable([
      startFeature,
      helpFeature,
      langFeature,
      cefrFeature,
      needFeature,
      modulesFeature,
      importFeature,
      planFeature,
      approveFeature,
      schoolAdminFeature,
      gradesFeature,
      broadcastFeature,
      deadlinesFeature,
      regulationFeature,
    ]),
  )
  bot.use(unhandledFeature)
  return bot
}

/** A webhook may deliver an update again when our answer was slow; handle each update_id once. */
function dropRepeatedUpdates(remember = 10_000): MiddlewareFn<BotContext> {
  const seen = new Set<number>()
  return (ctx, next) => {
    const id = ctx.update.update_id
    if (seen.has(id)) return
    seen.add(id)
    if (seen.size > remember) seen.delete(seen.values().next().value as number)
    return next()
  }
}

/** Files people send are fetched from the Bot API server the bot talks to (or its fake). */
function fileDownloader(bot: Bot<BotContext>, options: BotOptions) {
  const apiRoot = options.client?.apiRoot ?? 'https://api.telegram.org'
  const fetchFile = options.client?.fetch ?? fetch
  return async (fileId: string): Promise<Buffer> => {
    const file = await bot.api.getFile(fileId)
    if (!file.file_path) throw new Error(`no file_path for ${fileId}`)
    const response = await fetchFile(`${apiRoot}/file/bot${options.token}/${file.file_path}`)
    if (!response.ok) throw new Error(`file download failed: ${response.status}`)
    return Buffer.from(await response.arrayBuffer())
  }
}
