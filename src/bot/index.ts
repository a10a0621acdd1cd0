/**
 * Builds the bot: one middleware stack for production, the sandbox, tests and benchmarks. The
 * order is visible here: error boundary, dependencies, account and language, session,
 * conversations, features, then whatever nobody handled.
 */
import { conversations } from '@grammyjs/conversations'
import { limit } from '@grammyjs/ratelimiter'
import { sequentialize } from '@grammyjs/runner'
import { Api, type ApiClientOptions, Bot, type MiddlewareFn, session, type Transformer } from 'grammy'
import type { UserFromGetMe } from 'grammy/types'
import { pinnedApiTransformers } from './api.ts'
import { chatTurns } from './chat-turns.ts'
import type { BotContext, Deps, FlowContext, SessionData } from './context.ts'
import { errorBoundary } from './error-boundary.ts'
import { routeOf, routeTable } from './feature.ts'
import { approveFeature, returnConversation } from './features/approve.ts'
import { broadcastConversation, broadcastFeature } from './features/broadcast.ts'
import { cefrConversation, cefrFeature } from './features/cefr.ts'
import { commandGateFeature } from './features/command-gate.ts'
import { coursesConversation, coursesFeature } from './features/courses.ts'
import { deadlinesFeature } from './features/deadlines.ts'
import { flowControl, flowsOnDemand } from './features/flow-control.ts'
import { gradesConversation, gradesFeature } from './features/grades.ts'
import { helpFeature } from './features/help.ts'
import { importConversation, importFeature } from './features/imports.ts'
import { joinConversation, joinProfileConversation } from './features/join.ts'
import { joinRequestsFeature } from './features/join-requests.ts'
import { langFeature } from './features/lang.ts'
import { modulesFeature } from './features/modules.ts'
import { needConversation, needFeature } from './features/need.ts'
import { ownersFeature } from './features/owners.ts'
import { planFeature, reopenConversation } from './features/plan.ts'
import { recordConversation } from './features/record-flow.ts'
import { regulationFeature } from './features/regulation.ts'
import { reportFeature } from './features/report.ts'
import { schoolAdminConversations, schoolAdminFeature } from './features/school-admin.ts'
import { scoresFeature } from './features/scores.ts'
import { reachability, settingsFeature } from './features/settings.ts'
import { recordsImportConversation, staffRecordsFeature } from './features/staff-records.ts'
import { standardsFeature } from './features/standards.ts'
import { startFeature } from './features/start.ts'
import { surveyFeature } from './features/survey.ts'
import { teamFeature } from './features/team.ts'
import { unhandledFeature } from './features/unhandled.ts'
import { unreachableFeature } from './features/unreachable.ts'
import { FileTooLarge } from './uploads.ts'

export interface BotOptions {
  token: string
  deps: Deps
  client?: ApiClientOptions
  botInfo?: UserFromGetMe
  /** API transformers that every call must pass, inside conversations too (e.g. auto-retry) */
  transformers?: Transformer[]
  /** updates one person may send in a window before being told to slow down (FLOOD_*) */
  flood?: { limit: number; windowMs: number }
}

/** More updates than this from one person within the window are dropped (after one answer). */
export const FLOOD_LIMIT = 30
export const FLOOD_WINDOW_MS = 10_000

/** Bump when a conversation's code changes so that old replay state is discarded, not misread. */
export const CONVERSATION_VERSION = 2

/**
 * A conversation's Api answers the calls it replays from its log (the plugin's own transformer);
 * ours go beneath that one, so only the calls that really reach Telegram are throttled and
 * retried. Installed on top, a throttler would pace every replayed call too, and a flow's fifth
 * step would wait four per-chat seconds for messages sent long ago.
 */
function underReplay(api: Api, transformers: Transformer[]): Api {
  const replay = api.config.installedTransformers()
  const inner = new Api(api.token, api.options)
  inner.config.use(...transformers, ...replay)
  return inner
}

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
  // instances sharing the store (PostgreSQL): one chat's updates in turn across all of them, and
  // an update delivered again to another instance dropped there too
  if (deps.chatTurns) bot.use(chatTurns(deps.chatTurns, deps.logger))
  // with the runner, one chat's updates are handled one after the other, so its session and
  // conversation state are never read and written by two updates at once
  bot.use(sequentialize((ctx) => (ctx.chat ?? ctx.from)?.id.toString()))
  bot.use(withDeps)
  bot.use(errorBoundary)
  bot.use(loadAccount)
  bot.use(deps.i18n)
  // faster than anyone types or taps: one polite answer, then nothing until the window has passed
  const flood = options.flood ?? { limit: FLOOD_LIMIT, windowMs: FLOOD_WINDOW_MS }
  bot.use(
    limit<BotContext, never>({
      timeFrame: flood.windowMs,
      limit: flood.limit,
      onLimitExceeded: (ctx) => void ctx.reply(ctx.t('flood', { seconds: flood.windowMs / 1000 })),
    }),
  )
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
          ;(ctx as { api: Api }).api = underReplay(ctx.api, transformers)
          await next()
        },
        withDeps,
        loadAccount,
        deps.i18n,
      ],
    }),
  )
  bot.use(reachability)
  bot.use(flowControl)
  bot.use(
    flowsOnDemand([
      cefrConversation,
      needConversation,
      joinConversation,
      joinProfileConversation,
      returnConversation,
      reopenConversation,
      gradesConversation,
      broadcastConversation,
      importConversation,
      coursesConversation,
      recordsImportConversation,
      recordConversation,
      ...schoolAdminConversations,
    ]),
  )
  bot.route(
    routeOf,
    routeTable([
      commandGateFeature,
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
      scoresFeature,
      teamFeature,
      broadcastFeature,
      reportFeature,
      deadlinesFeature,
      settingsFeature,
      unreachableFeature,
      joinRequestsFeature,
      ownersFeature,
      regulationFeature,
      coursesFeature,
      surveyFeature,
      staffRecordsFeature,
      standardsFeature,
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

/**
 * Files people send are fetched from the Bot API server the bot talks to (or its fake), never more
 * than `maxBytes`: past it, whatever Telegram said the size was, the download stops (FileTooLarge).
 */
function fileDownloader(bot: Bot<BotContext>, options: BotOptions) {
  const apiRoot = options.client?.apiRoot ?? 'https://api.telegram.org'
  const fetchFile = options.client?.fetch ?? fetch
  return async (fileId: string, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer> => {
    const file = await bot.api.getFile(fileId)
    if ((file.file_size ?? 0) > maxBytes) throw new FileTooLarge()
    if (!file.file_path) throw new Error(`no file_path for ${fileId}`)
    const response = await fetchFile(`${apiRoot}/file/bot${options.token}/${file.file_path}`)
    if (!response.ok || !response.body) throw new Error(`file download failed: ${response.status}`)
    // one buffer of the stated size (grown if Telegram understated it), not a list of chunks to join
    let data = Buffer.allocUnsafe(Math.min(file.file_size ?? 64 * 1024, maxBytes))
    let size = 0
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      if (size + chunk.byteLength > maxBytes) {
        await response.body.cancel().catch(() => {})
        throw new FileTooLarge()
      }
      if (size + chunk.byteLength > data.length) {
        const grown = Buffer.allocUnsafe(
          Math.min(maxBytes, Math.max(2 * data.length, size + chunk.byteLength)),
        )
        data.copy(grown, 0, 0, size)
        data = grown
      }
      data.set(chunk, size)
      size += chunk.byteLength
    }
    return data.subarray(0, size)
  }
}
