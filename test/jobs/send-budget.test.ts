/**
 * The one sending budget of a token: never more than its limit in any sliding second, one message a
 * second to a chat, 20 a minute to a group, and replies to people before the outbox.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MemorySendBudget, type Priority } from '../../src/jobs/send-budget.ts'

beforeEach(() => {
  vi.useFakeTimers({ now: 0 })
})
afterEach(() => {
  vi.useRealTimers()
})

/** Takes a turn for each request and records when it was granted. */
function record(
  budget: MemorySendBudget,
  requests: Array<{ chatId: number; priority: Priority; at?: number }>,
) {
  const granted: Array<{ chatId: number; priority: Priority; at: number }> = []
  for (const r of requests) {
    const start = () =>
      void budget.take(r.chatId, r.priority).then((release) => {
        granted.push({ ...r, at: Date.now() })
        release() // answered at once
      })
    if (r.at) setTimeout(start, r.at)
    else start()
  }
  return granted
}

function maxInAnySecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  let max = 0
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1000) j++
    max = Math.max(max, i - j + 1)
  }
  return max
}

describe('MemorySendBudget', () => {
  it('keeps every sliding second within the limit, replies and outbox together', async () => {
    const budget = new MemorySendBudget({ perSecond: 30 })
    const outbox = Array.from({ length: 300 }, (_, i) => ({ chatId: 1000 + i, priority: 'outbox' as const }))
    const replies = Array.from({ length: 100 }, (_, i) => ({
      chatId: 5000 + (i % 20),
      priority: 'reply' as const,
      at: 1 + i * 50, // 20 commands a second
    }))
    const granted = record(budget, [...outbox, ...replies])
    await vi.advanceTimersByTimeAsync(30_000)
    expect(granted).toHaveLength(400)
    expect(maxInAnySecond(granted.map((g) => g.at))).toBeLessThanOrEqual(30)
    // a reply never waits behind the outbox: at most the time its own chat needs
    const replyWaits = granted.filter((g) => g.priority === 'reply').map((g, i) => g.at - replies[i]!.at!)
    expect(Math.max(...replyWaits)).toBeLessThanOrEqual(1000)
  })

  it('lets the outbox take what replies leave', async () => {
    const budget = new MemorySendBudget({ perSecond: 30 })
    const granted = record(
      budget,
      Array.from({ length: 90 }, (_, i) => ({ chatId: i + 1, priority: 'outbox' as const })),
    )
    await vi.advanceTimersByTimeAsync(2_999)
    expect(granted).toHaveLength(90)
  })

  it('counts a message in flight until it is answered', async () => {
    const budget = new MemorySendBudget({ perSecond: 2 })
    const first = await budget.take(1, 'outbox')
    await budget.take(2, 'outbox')
    let third = false
    void budget.take(3, 'reply').then(() => {
      third = true
    })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(third).toBe(false) // both still in flight: the second is full
    first()
    await vi.advanceTimersByTimeAsync(999)
    expect(third).toBe(false) // answered just now: it occupies the next second
    await vi.advanceTimersByTimeAsync(1)
    expect(third).toBe(true)
  })

  it('spaces one chat one second apart, and a group 20 a minute', async () => {
    const budget = new MemorySendBudget({ perSecond: 30 })
    const chat = record(
      budget,
      [1, 2, 3].map(() => ({ chatId: 42, priority: 'reply' as const })),
    )
    const group = record(
      budget,
      Array.from({ length: 21 }, () => ({ chatId: -100, priority: 'outbox' as const })),
    )
    await vi.advanceTimersByTimeAsync(59_999)
    expect(chat.map((g) => g.at)).toEqual([0, 1000, 2000])
    expect(group).toHaveLength(20)
    await vi.advanceTimersByTimeAsync(1)
    expect(group).toHaveLength(21)
  })
})
