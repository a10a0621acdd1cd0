/**
 * Telegram's flood limits as the outbox worker keeps them, on the worker's clock (ms):
 *
 * - at most `rate` messages in any window of `windowMs`: a message may start only when the one
 *   `rate` messages before it was ANSWERED at least `windowMs` ago. Telegram counts a message at
 *   some moment between our request and its answer, so measuring from the answer keeps the limit
 *   whatever the latency — in any window, on Telegram's side too;
 * - spread evenly, not in bursts: one message every `windowMs / rate` on average (a GCRA with one
 *   interval of tolerance, so a late timer is caught up instead of lost);
 * - at most one message per chat per `perChatMs`, counted the same way (from the answer).
 *
 * A send holds its place from `begin()` to `end()`; while it is in flight, what depends on its
 * answer waits (`Infinity`).
 *
 * `share(n)` lowers the limit to `n` of the `rate` (several workers splitting one token's rate):
 * from then on a message may start only when the one `n` messages before it was answered a window
 * ago, so a lower share holds at once, counting the messages already sent.
 */
export interface RateLimiterOptions {
  /** default 1000 */
  windowMs?: number
  /** default 1000 */
  perChatMs?: number
}

export class RateLimiter {
  readonly windowMs: number
  readonly perChatMs: number
  /** the average spacing of messages */
  interval: number
  /** messages a window this limiter may send now: `rate`, or less when shared */
  private allowed: number
  /** answer times of the last `rate` messages, oldest at `head` (Infinity while in flight) */
  private readonly ring: number[] = []
  private head = 0
  /** GCRA's theoretical arrival time of the next message */
  private tat = Number.NEGATIVE_INFINITY
  /** a chat's last answer time (Infinity while in flight) */
  private readonly chats = new Map<number, number>()
  private seq = 0

  constructor(
    readonly rate: number,
    options: RateLimiterOptions = {},
  ) {
    if (!Number.isInteger(rate) || rate < 1) throw new RangeError('rate must be a whole number ≥ 1')
    this.windowMs = options.windowMs ?? 1000
    this.perChatMs = options.perChatMs ?? 1000
    this.interval = this.windowMs / rate
    this.allowed = rate
  }

  /** Messages a window this limiter may send now. */
  get current(): number {
    return this.allowed
  }

  /** From now on at most `n` messages a window (1 ≤ n ≤ rate): this worker's part of the rate. */
  share(n: number): void {
    this.allowed = Math.max(1, Math.min(this.rate, Math.floor(n)))
    this.interval = this.windowMs / this.allowed
  }

  /** The earliest time any message may start (Infinity: wait for a message in flight). */
  nextGlobal(now: number): number {
    let at = Math.max(now, this.tat - this.interval)
    // message k sits in slot k % rate: the one `allowed` messages back is still in the ring
    if (this.seq >= this.allowed)
      at = Math.max(at, this.ring[(this.seq - this.allowed) % this.rate]! + this.windowMs)
    return at
  }

  /** The earliest time a message to this chat may start, as far as the chat is concerned. */
  nextForChat(chatId: number, now: number): number {
    const last = this.chats.get(chatId)
    return last === undefined ? now : Math.max(now, last + this.perChatMs)
  }

  nextAt(chatId: number, now: number): number {
    return Math.max(this.nextGlobal(now), this.nextForChat(chatId, now))
  }

  /** A message to `chatId` starts now (call only when `nextAt(chatId, now) <= now`). */
  begin(chatId: number, now: number): number {
    if (this.nextAt(chatId, now) > now) throw new Error('RateLimiter: a message started too early')
    this.tat = Math.max(this.tat, now) + this.interval
    let slot: number
    if (this.ring.length < this.rate) {
      slot = this.ring.length
      this.ring.push(Number.POSITIVE_INFINITY)
    } else {
      slot = this.head
      this.ring[slot] = Number.POSITIVE_INFINITY
      this.head = (this.head + 1) % this.rate
    }
    this.chats.set(chatId, Number.POSITIVE_INFINITY)
    if (++this.seq % 1024 === 0) this.forget(now)
    return slot
  }

  /** The message begun in `slot` was answered (or failed) now. */
  end(slot: number, chatId: number, now: number): void {
    this.ring[slot] = now
    this.chats.set(chatId, now)
  }

  /** Drops chats whose last message is older than the per-chat spacing. */
  private forget(now: number): void {
    for (const [chat, last] of this.chats) if (last + this.perChatMs <= now) this.chats.delete(chat)
  }
}
