/**
 * One chat's updates one at a time and in update order across every instance that shares the
 * store (PostgreSQL; issue 14). grammY's `sequentialize` does this inside one process; behind a
 * load balancer two updates of one chat may reach two instances at the same moment (Telegram
 * delivers over up to `max_connections` connections at once), and both would read the chat's
 * session and flow before either saved it.
 *
 * Each update is registered in `chat_turns` as it arrives, waits while an earlier update of its
 * chat is still open on any instance (those of this process awaited in memory, the others' by
 * polling with a short backoff) and while another holds the chat's lease, is handled, then marked
 * done. An update already registered — Telegram's second delivery of an update answered late,
 * whichever instance it reaches — is dropped. Installed before `sequentialize` (which then finds
 * each chat's updates already one at a time): an update waiting behind `sequentialize` would not
 * be registered yet, and a later one of its chat, registered first, would go ahead of it.
 *
 * Updates are ordered among those registered while they wait: one that reaches the store after a
 * later one of its chat has started goes after it (nothing can wait for an update that has not
 * arrived), never beside it.
 */
import type { MiddlewareFn } from 'grammy'
import type { Logger } from '../logger.ts'
import type { ChatTurnStore } from '../store/chat-turns.ts'
import type { BotContext } from './context.ts'

/** The first wait between two looks at the store, ms; doubled up to `MAX_POLL_MS`. */
const FIRST_POLL_MS = 10
const MAX_POLL_MS = 200

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** This process's part of one chat's queue. */
interface LocalChat {
  /** the registration of its last update to arrive: the next registers after it */
  registering: Promise<unknown>
  /** its updates here not yet finished, by update_id: each resolves once finished */
  open: Map<number, Promise<void>>
}

export function chatTurns(turns: ChatTurnStore, logger: Logger): MiddlewareFn<BotContext> {
  const chats = new Map<number, LocalChat>()

  /**
   * Waits until no earlier update of the chat is open, then takes the chat's lease. Earlier ones
   * in this process are awaited here, without asking the store; only the first of a chat's
   * updates here polls the store for the others'.
   */
  async function turn(chat: LocalChat, chatId: number, updateId: number): Promise<void> {
    for (let wait = FIRST_POLL_MS; ; ) {
      const earlier = [...chat.open].find(([id]) => id < updateId)
      if (earlier) {
        await earlier[1]
        continue
      }
      if (!(await turns.blocked(updateId, chatId)) && (await turns.start(updateId, chatId))) return
      await pause(wait)
      wait = Math.min(2 * wait, MAX_POLL_MS)
    }
  }

  return async (ctx, next) => {
    const chatId = (ctx.chat ?? ctx.from)?.id
    if (chatId === undefined) return next()
    const updateId = ctx.update.update_id
    let chat = chats.get(chatId)
    if (!chat) {
      chat = { registering: Promise.resolve(), open: new Map() }
      chats.set(chatId, chat)
    }
    // registered in the order they reached this process: of two arriving together, the later
    // never looks for earlier ones before the earlier is registered
    const entered = chat.registering.then(() => turns.enter(updateId, chatId))
    chat.registering = entered.catch(() => undefined)
    let finished = () => {}
    chat.open.set(updateId, new Promise<void>((resolve) => (finished = resolve)))
    try {
      if (!(await entered)) return // a second delivery: handled, or being handled, elsewhere
      // the row's lease (and the chat's, once taken) lasts while this update waits or is handled
      let started = false
      const renewal = setInterval(
        () =>
          void turns
            .renew(updateId, chatId, started)
            .catch((error: unknown) => logger.warn('chat turn not renewed', { updateId, error })),
        Math.floor(turns.leaseMs / 3),
      )
      renewal.unref()
      try {
        await turn(chat, chatId, updateId)
        started = true
        await next()
      } finally {
        clearInterval(renewal)
        await turns.finish(updateId, chatId)
      }
    } finally {
      chat.open.delete(updateId)
      finished()
      if (chat.open.size === 0) chats.delete(chatId)
    }
  }
}
