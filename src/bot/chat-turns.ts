/**
 * One chat's updates one at a time and in update order across every instance that shares the
 * store (PostgreSQL; issue 14). grammY's `sequentialize` does this inside one process; behind a
 * load balancer two updates of one chat may reach two instances at the same moment (Telegram
 * delivers over up to `max_connections` connections at once), and both would read the chat's
 * session and flow before either saved it.
 *
 * Each update is registered in `chat_turns` as it arrives, waits (polling, short backoff) while an
 * earlier update of its chat is still open on any instance, is handled, then marked done. An
 * update already registered — Telegram's second delivery of an update answered late, whichever
 * instance it reaches — is dropped. Installed before `sequentialize` (which then finds each chat's
 * updates already one at a time): an update waiting behind `sequentialize` would not be registered
 * yet, and a later one of its chat, registered first, would go ahead of it.
 *
 * Updates are ordered among those registered: an update that reaches the store after a later one
 * of its chat has already been handled is handled after it (nothing can wait for an update that
 * has not arrived).
 */
import type { MiddlewareFn } from 'grammy'
import type { Logger } from '../logger.ts'
import type { ChatTurnStore } from '../store/chat-turns.ts'
import type { BotContext } from './context.ts'

/** The first wait between two looks at the store, ms; doubled up to `MAX_POLL_MS`. */
const FIRST_POLL_MS = 10
const MAX_POLL_MS = 200

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function chatTurns(turns: ChatTurnStore, logger: Logger): MiddlewareFn<BotContext> {
  // one chat's updates are registered in the order they reached this process, so that of two
  // arriving together the later never looks for earlier ones before the earlier is registered
  const registering = new Map<number, Promise<boolean>>()
  const enter = (updateId: number, chatId: number): Promise<boolean> => {
    const entered = (registering.get(chatId) ?? Promise.resolve(true))
      .catch(() => false)
      .then(() => turns.enter(updateId, chatId))
    registering.set(chatId, entered)
    const forget = () => registering.get(chatId) === entered && registering.delete(chatId)
    entered.then(forget, forget)
    return entered
  }
  return async (ctx, next) => {
    const chatId = (ctx.chat ?? ctx.from)?.id
    if (chatId === undefined) return next()
    const updateId = ctx.update.update_id
    if (!(await enter(updateId, chatId))) return
    // the row's lease lasts while this update waits or is handled, however long that takes
    const renewal = setInterval(
      () =>
        void turns
          .renew(updateId)
          .catch((error: unknown) => logger.warn('chat turn not renewed', { updateId, error })),
      Math.floor(turns.leaseMs / 3),
    )
    renewal.unref()
    try {
      for (
        let wait = FIRST_POLL_MS;
        await turns.blocked(updateId, chatId);
        wait = Math.min(2 * wait, MAX_POLL_MS)
      )
        await pause(wait)
      await next()
    } finally {
      clearInterval(renewal)
      await turns.finish(updateId)
    }
  }
}
