/**
 * The sender's live progress message and final report of a broadcast: what they show
 * (`ProgressView`, filled by the outbox worker) and the default text, numbers and symbols only.
 * The bot passes its own renderer, built on its locales (src/bot/features/broadcast.ts).
 */
import type { BroadcastStatus, OutboxEntry } from '../store/outbox.ts'

/** What the sender's progress message and final report show. */
export interface ProgressView {
  broadcastId: number
  status: BroadcastStatus
  /** 'progress' while sending; 'final' for the last edit of the progress message; 'report' for the report */
  phase: 'progress' | 'final' | 'report'
  /** rows enqueued */
  total: number
  sent: number
  /** pending or in flight */
  waiting: number
  /** of the waiting: held for their recipients' quiet hours ("waiting for morning"), not failed */
  morning: number
  /** blocked the bot, deactivated, chat not found */
  unreachable: number
  /** refused, or still failing after every retry */
  failed: number
  /** the worker stopped between sending and recording: maybe delivered */
  unknown: number
  cancelled: number
  /** report only: the first recipients to look at (unreachable, failed, unknown) */
  review: OutboxEntry[]
  /** the sender's language ('vi' unless they chose another) */
  language: string
}

/** Text (HTML) of the progress message and the report; the bot passes one built on its locales. */
export type ProgressRenderer = (view: ProgressView) => string

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const number = (n: number) => n.toLocaleString('vi-VN')

/**
 * The default progress text: numbers and symbols only (no sentence to translate), e.g.
 *   📣 #12 · 45%
 *   ✅ 900 · ⏳ 1.050 · ⛔ 50
 */
export const renderProgress: ProgressRenderer = (v) => {
  const done = v.total - v.waiting
  const percent = v.total === 0 ? 100 : Math.floor((done / v.total) * 100)
  const head =
    v.phase === 'progress'
      ? `📣 <b>#${v.broadcastId}</b> · ${percent}%`
      : `📣 <b>#${v.broadcastId}</b> · ${v.status === 'cancelled' ? '🚫' : '✔'} ${percent}%`
  const parts = [`✅ ${number(v.sent)}`]
  if (v.phase === 'progress' || v.waiting > 0) parts.push(`⏳ ${number(v.waiting)}`)
  if (v.morning) parts.push(`🌙 ${number(v.morning)}`)
  parts.push(`⛔ ${number(v.unreachable)}`)
  if (v.failed) parts.push(`❌ ${number(v.failed)}`)
  if (v.unknown) parts.push(`❓ ${number(v.unknown)}`)
  if (v.cancelled) parts.push(`🚫 ${number(v.cancelled)}`)
  const lines = [head, parts.join(' · ')]
  if (v.phase === 'report') {
    const mark = { unreachable: '⛔', failed: '❌', unknown: '❓' } as Record<string, string>
    for (const r of v.review)
      lines.push(`${mark[r.state] ?? '·'} ${escapeHtml(r.fullName ?? String(r.chatId))}`)
    const shown = v.review.length
    const all = v.unreachable + v.failed + v.unknown
    if (all > shown) lines.push(`… +${number(all - shown)}`)
  }
  return lines.join('\n')
}
