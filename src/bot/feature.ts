/**
 * A feature's handlers, filed under what they answer: a command, a kind of button, or any other
 * message in a private chat. The bot routes each update straight to the handlers filed under its
 * route (one map lookup), instead of letting it pass every feature's filters in turn: grammY tests
 * a filter at about a microsecond apiece, and with some seventy of them that was most of the time
 * a reply took.
 *
 *   const feature = new Feature()
 *   feature.command('lang', showLanguagePicker)
 *   feature.callbackQuery(langButton, async (ctx) => { ... })
 *   feature.on('message:document', (ctx) => ctx.reply(ctx.t('import-document-hint')))
 *
 * Every feature answers private chats only, so the route of anything else is `undefined`.
 */
import {
  type CallbackQueryMiddleware,
  type ChatTypeContext,
  type CommandMiddleware,
  Composer,
  type Context,
  type Filter,
  type FilterQuery,
  type Middleware,
} from 'grammy'
import type { CallbackData } from './callback-data.ts'
import type { BotContext } from './context.ts'

type Private = ChatTypeContext<BotContext, 'private'>

const commandRoute = (command: string) => `/${command}`
const buttonRoute = (prefix: string) => `button:${prefix}`
const MESSAGE_ROUTE = 'message'

/** The route of an update: `/plan` for the command, `button:<prefix>` for a button, `message`. */
export function routeOf(ctx: Context): string | undefined {
  if (ctx.chat?.type !== 'private') return undefined
  const data = ctx.callbackQuery?.data
  if (data !== undefined) {
    const end = data.indexOf(':')
    return buttonRoute(end < 0 ? data : data.slice(0, end))
  }
  const message = ctx.message
  if (!message) return undefined
  const first = message.entities?.[0]
  if (first?.type === 'bot_command' && first.offset === 0 && message.text) {
    // "/plan@bdtx_bot Lan": the command without the bot's name; grammY's own filter still checks it
    const command = message.text.slice(1, first.length).split('@', 1)[0]!
    return commandRoute(command)
  }
  return MESSAGE_ROUTE
}

export class Feature {
  /** handlers by route, each run through grammY's own filter (so `ctx.match` is set as usual) */
  readonly routes = new Map<string, Composer<Private>>()

  private at(route: string): Composer<Private> {
    let composer = this.routes.get(route)
    if (!composer) {
      composer = new Composer<Private>()
      this.routes.set(route, composer)
    }
    return composer
  }

  command(commands: string | string[], ...middleware: CommandMiddleware<Private>[]): void {
    for (const command of [commands].flat()) this.at(commandRoute(command)).command(command, ...middleware)
  }

  callbackQuery(button: CallbackData<string>, ...middleware: CallbackQueryMiddleware<Private>[]): void {
    this.at(buttonRoute(button.prefix)).callbackQuery(button.filter, ...middleware)
  }

  /** Messages that are not commands: a document, plain text (only `message…` queries reach here). */
  on<Q extends Extract<FilterQuery, 'message' | `message:${string}`>>(
    filter: Q,
    ...middleware: Middleware<Filter<Private, Q>>[]
  ): void {
    this.at(MESSAGE_ROUTE).on(filter, ...middleware)
  }
}

/**
 * One route table from the features, in their order: where two features file a handler under the
 * same route, the first one's runs first, as if every feature were installed one after the other.
 */
export function routeTable(features: Feature[]): Record<string, Middleware<BotContext>> {
  const table: Record<string, Composer<Private>> = Object.create(null)
  for (const feature of features) {
    for (const [route, composer] of feature.routes) {
      table[route] ??= new Composer<Private>()
      table[route].use(composer)
    }
  }
  // routeOf gives a route only to updates from private chats, which is what `Private` promises
  return table as unknown as Record<string, Middleware<BotContext>>
}
