/**
 * Orderly stops. A process told to stop (SIGTERM, SIGINT, another poller taking over with 409, a
 * revoked token's 401) stops taking updates, finishes the ones it already has — their replies and
 * the flow state saved after them — within a bound, lets the outbox worker finish the message in
 * flight, and only then closes the store. An update cut half-way would leave a person's flow one
 * step behind what they saw.
 *
 *   const inHand = trackUpdates(bot)          // before run(bot) or webhookCallback(bot)
 *   …
 *   await inHand.drained(10_000)               // after the runner or the server has stopped
 */
import type { Bot, Context } from 'grammy'

/** How long a stop waits for the updates in hand before closing anyway. */
export const DRAIN_MS = 10_000

export interface UpdatesInHand {
  /** updates being handled now */
  count(): number
  /** the highest update id taken, to tell Telegram on the way out that it is done */
  lastUpdateId(): number | null
  /** resolves true once nothing is in hand, false if `timeoutMs` passed first */
  drained(timeoutMs?: number): Promise<boolean>
}

export function trackUpdates<C extends Context>(bot: Bot<C>): UpdatesInHand {
  const inHand = new Set<Promise<unknown>>()
  let last: number | null = null
  const handle = bot.handleUpdate.bind(bot)
  bot.handleUpdate = (update, envelope) => {
    last = Math.max(last ?? update.update_id, update.update_id)
    const work = handle(update, envelope)
    const tracked = work.finally(() => inHand.delete(tracked)).catch(() => {})
    inHand.add(tracked)
    return work
  }
  return {
    count: () => inHand.size,
    lastUpdateId: () => last,
    async drained(timeoutMs = DRAIN_MS) {
      const deadline = Date.now() + timeoutMs
      while (inHand.size > 0) {
        const left = deadline - Date.now()
        if (left <= 0) return false
        let timer: NodeJS.Timeout | undefined
        await Promise.race([
          Promise.allSettled([...inHand]),
          new Promise((resolve) => {
            timer = setTimeout(resolve, left)
          }),
        ])
        clearTimeout(timer)
      }
      return true
    },
  }
}
