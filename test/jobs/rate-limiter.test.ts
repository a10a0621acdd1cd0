/**
 * The worker's pace, simulated: messages start as soon as the limiter allows (plus random delays),
 * take a random time to be answered, and Telegram counts each at a random moment in between. In
 * every run, no window of a second holds more than `rate` of Telegram's counts, no chat gets two
 * within a second, and the pace stays close to the rate.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../src/jobs/rate-limiter.ts'
import { maxInWindow, minGapPerChat } from './support.ts'

describe('RateLimiter', () => {
  it('never lets more than `rate` messages into any second, whatever the latency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(
          fc.record({
            chat: fc.integer({ min: 1, max: 15 }),
            delay: fc.integer({ min: 0, max: 60 }),
            latency: fc.integer({ min: 0, max: 400 }),
            counted: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 300 },
        ),
        (rate, messages) => {
          const limiter = new RateLimiter(rate)
          let now = 0
          const telegram: Array<{ chatId: number; at: number }> = []
          for (const m of messages) {
            now = Math.max(now, limiter.nextAt(m.chat, now)) + m.delay
            const slot = limiter.begin(m.chat, now)
            telegram.push({ chatId: m.chat, at: now + m.latency * m.counted })
            now += m.latency // one message in flight at a time
            limiter.end(slot, m.chat, now)
          }
          expect(maxInWindow(telegram.map((t) => t.at))).toBeLessThanOrEqual(rate)
          expect(minGapPerChat(telegram)).toBeGreaterThanOrEqual(1000)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps a lowered share at once, counting what was sent before it (several workers)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.array(
          fc.record({
            // a worker joins or leaves now and then: its share of the rate changes
            workers: fc.integer({ min: 1, max: 4 }),
            delay: fc.integer({ min: 0, max: 60 }),
            latency: fc.integer({ min: 0, max: 300 }),
          }),
          { minLength: 1, maxLength: 300 },
        ),
        (rate, messages) => {
          const limiter = new RateLimiter(rate)
          let now = 0
          const sent: Array<{ at: number; share: number }> = []
          for (const [i, m] of messages.entries()) {
            limiter.share(rate / m.workers)
            now = Math.max(now, limiter.nextAt(i, now)) + m.delay
            const slot = limiter.begin(i, now)
            sent.push({ at: now, share: limiter.current })
            now += m.latency
            limiter.end(slot, i, now)
          }
          // in any second, the messages sent under a share are at most that share
          for (const { at, share } of sent) {
            const inWindow = sent.filter((s) => s.at > at - 1000 && s.at <= at)
            expect(inWindow.length).toBeLessThanOrEqual(Math.max(share, 1))
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('keeps the limit with several messages in flight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 10, maxLength: 300 }),
        (rate, latencies) => {
          const limiter = new RateLimiter(rate)
          const inFlight: Array<{ slot: number; chat: number; end: number }> = []
          const counted: number[] = []
          let now = 0
          let chat = 0
          for (const latency of latencies) {
            for (;;) {
              inFlight.sort((a, b) => a.end - b.end)
              const at = limiter.nextAt(chat + 1, now)
              if (at !== Number.POSITIVE_INFINITY && (inFlight.length < 4 || at <= inFlight[0]!.end)) {
                now = Math.max(now, at)
                break
              }
              const done = inFlight.shift()!
              now = Math.max(now, done.end)
              limiter.end(done.slot, done.chat, now)
            }
            chat++
            inFlight.push({ slot: limiter.begin(chat, now), chat, end: now + latency })
            counted.push(now + latency / 2)
          }
          expect(maxInWindow(counted)).toBeLessThanOrEqual(rate)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('paces evenly at the rate when answers are quick', () => {
    const limiter = new RateLimiter(25)
    let now = 0
    const starts: number[] = []
    for (let i = 0; i < 250; i++) {
      now = limiter.nextAt(i, now)
      const slot = limiter.begin(i, now)
      starts.push(now)
      now += 1 // a millisecond's round trip
      limiter.end(slot, i, now)
    }
    const perSecond = (starts.length - 1) / ((starts.at(-1)! - starts[0]!) / 1000)
    expect(perSecond).toBeGreaterThan(24.5)
    expect(perSecond).toBeLessThanOrEqual(25.5)
    // spread out: never a burst of more than two at once
    expect(maxInWindow(starts, 40)).toBeLessThanOrEqual(2)
  })

  it('spaces messages to one chat by a second, counted from the answer', () => {
    const limiter = new RateLimiter(30)
    const slot = limiter.begin(7, 0)
    expect(limiter.nextForChat(7, 10)).toBe(Number.POSITIVE_INFINITY)
    limiter.end(slot, 7, 250)
    expect(limiter.nextForChat(7, 300)).toBe(1250)
    expect(limiter.nextForChat(8, 300)).toBe(300)
    expect(() => limiter.begin(7, 300)).toThrow(/too early/)
  })
})
