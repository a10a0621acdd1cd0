/**
 * The sender's progress message when several workers serve one broadcast: whichever edits it,
 * none sends Telegram the text it already shows ("message is not modified" is a call spent out of
 * the shared budget, and the fake counts it as a violation).
 */
import { afterEach, expect, it } from 'vitest'
import { renderProgress } from '../../src/jobs/broadcast-progress.ts'
import { SenderReports } from '../../src/jobs/sender-reports.ts'
import { createLogger } from '../../src/logger.ts'
import { OutboxStore, type StateCounts } from '../../src/store/outbox.ts'
import { must } from '../services/support.ts'
import { type Rig, rig } from './support.ts'

let r: Rig
afterEach(async () => {
  await r?.close()
})

const counts = (sent: number, pending: number): StateCounts => ({
  pending,
  claimed: 0,
  sent,
  unreachable: 0,
  failed: 0,
  unknown: 0,
  cancelled: 0,
})

/** One worker's side of the sender's chat, posting straight away. */
function reports(r: Rig, store: OutboxStore) {
  return new SenderReports({
    store,
    api: r.api,
    render: renderProgress,
    progressEveryMs: 3000,
    logger: createLogger('error'),
    now: r.clock.now,
    perChatMs: 1000,
    chatFree: () => true,
    post: (_chatId, call) =>
      call().then(
        (value) => ({ ok: true as const, value }),
        (error) => ({ ok: false as const, again: false, kind: 'failed' as const, error }),
      ),
  })
}

it('two workers: the one that did not edit the progress message leaves it alone when its text is already there', async () => {
  r = await rig({ count: 4 })
  const draft = must(
    await r.broadcasts.create(r.admin, {
      schoolId: r.schoolId,
      content: { type: 'text', html: 'Họp 14h' },
      audience: { type: 'roles', roles: ['teacher'] },
    }),
  )
  must(await r.broadcasts.confirm(r.admin, { broadcastId: draft.id }))
  const store = new OutboxStore(r.db)
  const load = async () => (await store.getBroadcast(draft.id))!
  const first = reports(r, store)
  const second = reports(r, store)
  const toSender = () => r.fake.events.filter((e) => e.chatId === r.admin.telegramId)
  const later = () => {
    r.clock.t += 5000
  }

  await first.progress(await load(), counts(0, 4))
  later()
  await first.progress(await load(), counts(2, 2))
  expect(toSender().map((e) => e.kind)).toEqual(['send', 'edit'])
  // the second worker never showed anything, but the message already says 2 of 4
  later()
  await second.progress(await load(), counts(2, 2))
  expect(toSender()).toHaveLength(2)
  // new numbers: it edits
  later()
  await second.progress(await load(), counts(3, 1))
  expect(toSender()).toHaveLength(3)

  // the end: one final edit, then (a second later at least) one report, although both workers finish it
  later()
  const done = counts(4, 0)
  expect(await first.finalReport(await load(), done)).toBe(false) // edited; the report at a later tick
  later()
  expect(await second.finalReport(await load(), done)).toBe(true)
  expect((await load()).reportedAt).not.toBeNull() // the workers ask no more
  expect(toSender().map((e) => e.kind)).toEqual(['send', 'edit', 'edit', 'edit', 'send'])
  expect(r.fake.chatMessages(r.admin.telegramId)[0]?.text).toMatch(/✔ 100%/)
  expect(r.fake.violations).toEqual([])
})
