/**
 * The outbox worker against the fake Telegram over HTTP, on a virtual clock (sleeps jump the
 * clock; the fake stamps each message with the same clock): pace, 429, 403, network errors,
 * recovery after a crash, cancel, progress and report, graceful stop.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { renderProgress } from '../../src/jobs/broadcast-progress.ts'
import { classify } from '../../src/jobs/send-verdict.ts'
import { OutboxStore } from '../../src/store/outbox.ts'
import { must } from '../services/support.ts'
import { maxInWindow, minGapPerChat, type Rig, rig, rowsByChat, sendsPerChat } from './support.ts'

let r: Rig
afterEach(async () => {
  await r?.close()
})

const text = (html: string) => ({ type: 'text' as const, html })

/** A reminder batch: no sender, no progress message, just rows. */
async function system(r: Rig, chatIds: number[], html = 'Nhắc việc: nộp kế hoạch') {
  return must(
    await r.broadcasts.enqueueSystem({
      kind: 'reminder',
      schoolId: r.schoolId,
      content: text(html),
      audience: { test: true },
      recipients: chatIds.map((chatId) => ({ chatId, personId: null })),
    }),
  )
}

async function broadcast(r: Rig, audience: Parameters<Rig['broadcasts']['create']>[1]['audience']) {
  const draft = must(
    await r.broadcasts.create(r.admin, { schoolId: r.schoolId, content: text('<b>Họp</b> 14h'), audience }),
  )
  must(await r.broadcasts.confirm(r.admin, { broadcastId: draft.id }))
  return draft.id
}

const sendsTo = (r: Rig, chats: Iterable<number>) => {
  const set = new Set(chats)
  return r.fake.sent.filter((s) => set.has(s.chatId))
}

describe('pace', () => {
  it('sends each recipient one message, never more than the rate in any second, one a second per chat', async () => {
    r = await rig({ count: 60 })
    // two broadcasts at once to the same people: each chat gets two messages, a second apart
    const first = await broadcast(r, { type: 'everyone' })
    const second = await broadcast(r, { type: 'roles', roles: ['teacher'] })
    await r.worker({ rate: 10 }).run({ untilIdle: true })

    const chats = r.people.map((p) => p.telegramId)
    const per = sendsPerChat(sendsTo(r, chats))
    for (const chat of chats) expect(per.get(chat)).toBe(2)
    expect(maxInWindow(r.fake.sent.map((s) => s.at))).toBeLessThanOrEqual(10)
    expect(minGapPerChat(r.fake.sent)).toBeGreaterThanOrEqual(1000)
    // and hardly slower than the rate while the outbox has rows (progress edits included)
    const lastRow = Math.max(...sendsTo(r, chats).map((s) => s.at))
    const times = r.fake.sent.map((s) => s.at).filter((t) => t <= lastRow)
    const span = Math.max(...times) - Math.min(...times)
    expect((times.length - 1) / (span / 1000)).toBeGreaterThan(9.5)
    for (const id of [first, second]) {
      const report = must(await r.broadcasts.report(r.admin, { broadcastId: id }))
      expect(report.broadcast.status).toBe('done')
      expect(report.counts.sent).toBe(id === first ? 61 : 60)
    }
    expect(r.fake.violations).toEqual([])
  })

  it('takes broadcasts in turn: a reminder does not wait behind a school-wide broadcast', async () => {
    r = await rig({ count: 100 })
    await broadcast(r, { type: 'roles', roles: ['teacher'] })
    const reminded = [10_091, 10_092, 10_093]
    await system(r, reminded, 'Nhắc việc')
    await r.worker({ rate: 10 }).run({ untilIdle: true })
    const texts = r.fake.events.filter((e) => e.kind === 'send').map((e) => e.message.text)
    const last = Math.max(...texts.map((t, i) => (t === 'Nhắc việc' ? i : -1)))
    expect(last).toBeLessThan(12)
    const per = sendsPerChat(r.fake.sent)
    for (const chat of reminded) expect(per.get(chat)).toBe(2)
    expect(minGapPerChat(r.fake.sent)).toBeGreaterThanOrEqual(1000)
    expect(maxInWindow(r.fake.sent.map((s) => s.at))).toBeLessThanOrEqual(10)
  })

  it('keeps the limits with several messages in flight', async () => {
    r = await rig({ count: 80 })
    await system(
      r,
      r.people.map((p) => p.telegramId),
    )
    await r.worker({ rate: 20, concurrency: 4 }).run({ untilIdle: true })
    expect(r.fake.sent).toHaveLength(80)
    expect(maxInWindow(r.fake.sent.map((s) => s.at))).toBeLessThanOrEqual(20)
  })

  it('delivers a document by its file_id, with its caption', async () => {
    r = await rig({ count: 2 })
    const file = r.fake.storeFile({ bytes: new TextEncoder().encode('%PDF-1.4'), fileName: 'ke-hoach.pdf' })
    const draft = must(
      await r.broadcasts.create(r.admin, {
        schoolId: r.schoolId,
        content: { type: 'document', file_id: file.file_id, caption_html: '<i>Kế hoạch BDTX</i>' },
        audience: { type: 'roles', roles: ['teacher'] },
      }),
    )
    must(await r.broadcasts.confirm(r.admin, { broadcastId: draft.id }))
    await r.worker().run({ untilIdle: true })
    const [message] = r.fake.chatMessages(r.people[0]!.telegramId)
    expect(message?.document?.file_name).toBe('ke-hoach.pdf')
    expect(message?.caption).toBe('Kế hoạch BDTX')
    expect(message?.caption_entities?.[0]?.type).toBe('italic')
  })
})

describe('errors', () => {
  it('waits out a 429 for its retry_after, pausing all sending', async () => {
    r = await rig({ count: 20 })
    const chats = r.people.map((p) => p.telegramId)
    await system(r, chats)
    let flooded = 0
    r.fake.onEvent(() => {
      if (r.fake.sent.length === 5) {
        r.fake.failNext('sendMessage', { error_code: 429, parameters: { retry_after: 7 } })
        flooded++
      }
    })
    await r.worker({ rate: 10 }).run({ untilIdle: true })
    expect(flooded).toBe(1)
    const refused = r.fake.calls.find((c) => c.error?.error_code === 429)!
    const after = r.fake.calls.filter((c) => c.at > refused.at)
    expect(after.length).toBeGreaterThan(0)
    expect(Math.min(...after.map((c) => c.at))).toBeGreaterThanOrEqual(refused.at + 7000)
    // the refused message is sent after the pause, once
    const per = sendsPerChat(r.fake.sent)
    for (const chat of chats) expect(per.get(chat)).toBe(1)
    const row = (await rowsByChat(r.db, 1)).get(Number(refused.payload.chat_id))!
    expect(row).toMatchObject({ state: 'sent', attempts: 1 })
  })

  it('marks a recipient who blocked the bot, or whose chat is unknown, unreachable without retrying', async () => {
    r = await rig({ count: 6, withoutChat: [10_006] })
    r.fake.blockUser(10_002)
    const chats = r.people.map((p) => p.telegramId)
    const { broadcastId } = await system(r, chats)
    await r.worker().run({ untilIdle: true })
    const rows = await rowsByChat(r.db, broadcastId)
    expect(rows.get(10_002)).toMatchObject({ state: 'unreachable', attempts: 1 })
    expect(rows.get(10_002)?.last_error).toContain('blocked')
    expect(rows.get(10_006)).toMatchObject({ state: 'unreachable', attempts: 1 })
    expect(rows.get(10_006)?.last_error).toContain('chat not found')
    expect(r.fake.calls.filter((c) => Number(c.payload.chat_id) === 10_002)).toHaveLength(1)
    expect([...rows.values()].filter((x) => x.state === 'sent')).toHaveLength(4)
  })

  it('retries network errors and 5xx with growing back-off, then gives up', async () => {
    r = await rig({ count: 2 })
    r.fake.networkFailNext('sendMessage', 2)
    r.fake.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' })
    const { broadcastId } = await system(r, [10_001])
    await r.worker({ backoffMs: 1000, maxAttempts: 5 }).run({ untilIdle: true })
    const tries = r.fake.calls.filter((c) => c.method === 'sendMessage').map((c) => c.at)
    expect(tries).toHaveLength(4)
    const gaps = tries.slice(1).map((t, i) => t - tries[i]!)
    expect(gaps[0]).toBeGreaterThanOrEqual(1000)
    expect(gaps[1]).toBeGreaterThanOrEqual(2000)
    expect(gaps[2]).toBeGreaterThanOrEqual(4000)
    expect((await rowsByChat(r.db, broadcastId)).get(10_001)).toMatchObject({ state: 'sent', attempts: 4 })

    r.fake.networkFailNext('sendMessage', 10)
    const second = await system(r, [10_002])
    await r.worker({ backoffMs: 1000, maxAttempts: 3 }).run({ untilIdle: true })
    const row = (await rowsByChat(r.db, second.broadcastId)).get(10_002)
    expect(row).toMatchObject({ state: 'failed', attempts: 3 })
    expect(row?.last_error).toMatch(/^network/)
  })

  it('fails a message Telegram refuses (bad HTML) without retrying', async () => {
    r = await rig({ count: 1 })
    const { broadcastId } = await system(r, [10_001], '<b>unclosed')
    await r.worker().run({ untilIdle: true })
    const row = (await rowsByChat(r.db, broadcastId)).get(10_001)
    expect(row).toMatchObject({ state: 'failed', attempts: 1 })
    expect(row?.last_error).toContain("can't parse entities")
  })

  it('classifies errors', () => {
    expect(classify(new Error('boom')).kind).toBe('retry')
  })
})

describe('crash safety', () => {
  it('marks rows a dead worker left claimed as unknown, never resends them, and lists them', async () => {
    r = await rig({ count: 5 })
    const id = await broadcast(r, { type: 'roles', roles: ['teacher'] })
    // a worker claimed 10_003's row and died before recording the answer
    await r.db
      .updateTable('outbox')
      .set({ state: 'claimed', claimed_at: new Date(r.clock.t).toISOString(), claim_token: 'dead:1' })
      .where('chat_id', '=', 10_003)
      .execute()
    await r.worker().run({ untilIdle: true })
    expect(sendsPerChat(r.fake.sent).get(10_003)).toBeUndefined()
    const report = must(await r.broadcasts.report(r.admin, { broadcastId: id }))
    expect(report.counts).toMatchObject({ sent: 4, unknown: 1, claimed: 0, pending: 0 })
    expect(report.review.map((e) => e.chatId)).toEqual([10_003])
    // the sender's report says so
    const last = r.fake.chatMessages(r.admin.telegramId).at(-1)
    expect(last?.text).toContain('❓ 1')
  })

  it('stops gracefully: the message in flight is recorded, the rest waits for the next worker', async () => {
    r = await rig({ count: 30 })
    const chats = r.people.map((p) => p.telegramId)
    const { broadcastId } = await system(r, chats)
    const first = r.worker()
    let stopping: Promise<void> | undefined
    r.fake.onEvent(() => {
      if (r.fake.sent.length === 8) stopping = first.stop()
    })
    await first.run()
    await stopping
    const store = new OutboxStore(r.db)
    expect(await store.claimedCount()).toBe(0)
    const counts = await store.counts(broadcastId)
    expect(counts.sent).toBe(8)
    expect(counts.pending).toBe(22)

    await r.worker().run({ untilIdle: true })
    const per = sendsPerChat(r.fake.sent)
    for (const chat of chats) expect(per.get(chat)).toBe(1)
    expect((await store.counts(broadcastId)).unknown).toBe(0)
  })
})

describe('the sender', () => {
  it('sees a progress message edited every few seconds at most, and a final report', async () => {
    r = await rig({ count: 40 })
    r.fake.blockUser(10_007)
    const id = await broadcast(r, { type: 'roles', roles: ['teacher'] })
    // an edit that changes nothing is not an error
    r.fake.failNext('editMessageText', {
      error_code: 400,
      description:
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same',
    })
    await r.worker({ rate: 5, progressEveryMs: 3000 }).run({ untilIdle: true })
    const events = r.fake.events.filter((e) => e.chatId === r.admin.telegramId)
    const [progress, ...rest] = events
    expect(progress?.kind).toBe('send')
    const edits = rest.filter((e) => e.kind === 'edit')
    expect(edits.length).toBeGreaterThanOrEqual(2)
    const times = [progress!, ...edits].map((e) => e.at)
    // every edit but the last (the final one) comes 3 s or more after the one before
    for (let i = 1; i < times.length - 1; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(3000)
    const report = events.at(-1)!
    expect(report.kind).toBe('send')
    expect(report.message.text).toContain('✅ 39')
    expect(report.message.text).toContain('⛔ 1')
    expect(report.message.text).toContain('Giáo viên 7')
    const final = r.fake.chatMessages(r.admin.telegramId)[0]!
    expect(final.text).toMatch(/✔ 100%/)
    expect(must(await r.broadcasts.get(r.admin, { broadcastId: id })).status).toBe('done')
  })

  it('cancelled midway: pending rows are dropped, the report says so', async () => {
    r = await rig({ count: 30 })
    const id = await broadcast(r, { type: 'roles', roles: ['teacher'] })
    let cancelling: Promise<unknown> | undefined
    r.fake.onEvent(() => {
      const toTeachers = r.fake.sent.filter((s) => s.chatId !== r.admin.telegramId).length
      if (toTeachers === 10 && !cancelling) cancelling = r.broadcasts.cancel(r.admin, { broadcastId: id })
    })
    await r.worker({ rate: 5 }).run({ untilIdle: true })
    const cancelled = must((await cancelling) as Awaited<ReturnType<Rig['broadcasts']['cancel']>>)
    const report = must(await r.broadcasts.report(r.admin, { broadcastId: id }))
    expect(report.broadcast.status).toBe('cancelled')
    expect(report.broadcast.finishedAt).not.toBeNull()
    expect(report.counts.sent + report.counts.cancelled).toBe(30)
    expect(report.counts.cancelled).toBe(cancelled.cancelled)
    expect(report.counts.sent).toBeGreaterThanOrEqual(10)
    expect(report.counts.sent).toBeLessThanOrEqual(11)
    const last = r.fake.chatMessages(r.admin.telegramId).at(-1)!
    expect(last.text).toContain(`🚫 ${report.counts.cancelled}`)
  })

  it('renders progress with numbers and symbols only', () => {
    const text = renderProgress({
      broadcastId: 3,
      status: 'sending',
      phase: 'progress',
      total: 2000,
      sent: 900,
      waiting: 1050,
      morning: 0,
      unreachable: 50,
      failed: 0,
      unknown: 0,
      cancelled: 0,
      review: [],
      language: 'vi',
    })
    expect(text).toBe('📣 <b>#3</b> · 47%\n✅ 900 · ⏳ 1.050 · ⛔ 50')
  })
})
