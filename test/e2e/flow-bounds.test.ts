/**
 * A step-by-step flow keeps a replay log of every answer. It must not grow without limit: dozens
 * of wrong answers close the question, a question left for hours is closed, and a person (or a
 * script) flooding the bot gets one polite answer and is then ignored for a few seconds.
 */
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { FLOW_MAX_UPDATES } from '../../src/bot/features/flow-control.ts'
import { FLOOD_LIMIT } from '../../src/bot/index.ts'
import { type Harness, inProcess, texts } from '../helpers/bot-harness.ts'

let h: Harness
beforeAll(async () => {
  h = await inProcess()
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})
afterEach(() => {
  vi.useRealTimers()
})

it('closes a question after too many wrong answers; its stored state stays small', async () => {
  // a patient person, not a flood: the flood limit would stop a fast one first
  const patient = await inProcess({ flood: { limit: 1_000, windowMs: 10_000 } })
  const user = patient.fake.user({ id: 6_001, first_name: 'An', language_code: 'vi' })
  await user.say('/cefr')
  await user.tap('TOEIC')
  let answers = 0
  let closed = false
  while (!closed && answers < 3 * FLOW_MAX_UPDATES) {
    answers++
    closed = texts(await user.say('tám trăm')).includes('quá nhiều câu trả lời chưa đúng')
  }
  expect(closed).toBe(true)
  expect(answers).toBeGreaterThan(30)
  expect(answers).toBeLessThanOrEqual(FLOW_MAX_UPDATES)
  const state = await patient.app.deps.sessions.peek(`conversation:${user.id}`)
  expect(state?.json.length ?? 0).toBeLessThan(200_000)
  // the question is gone: a right answer now is not read as a TOEIC score
  expect(texts(await user.say('860 180 170'))).not.toContain('TOEIC 860')
  await patient.close()
})

it('closes a question left unanswered for hours, without reading the late answer', async () => {
  const user = h.fake.user({ id: 6_002, first_name: 'Bình', language_code: 'vi' })
  await user.say('/cefr')
  await user.tap('TOEIC')
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.now() + 4 * 60 * 60 * 1000)
  const late = texts(await user.say('860 180 170'))
  expect(late).toContain('đã chờ quá 3 giờ')
  expect(late).not.toContain('TOEIC 860')
  // and a command is a fresh start
  vi.useRealTimers()
  expect(texts(await user.say('/cefr toeic 860 180 170'))).toContain('TOEIC 860 + 180 + 170 đạt C1')
})

it('answers a flood once and then ignores it for the window; others are served', async () => {
  const flooder = h.fake.user({ id: 6_003, first_name: 'Bot', language_code: 'vi' })
  const other = h.fake.user({ id: 6_004, first_name: 'Chi', language_code: 'vi' })
  const sent = await Promise.all(
    Array.from({ length: FLOOD_LIMIT + 20 }, () => flooder.sendText('/need 9 9 ?')),
  )
  await Promise.all(sent.map((u) => h.fake.settled(u.update_id)))
  const replies = flooder.messages().map((m) => m.text ?? '')
  expect(replies.filter((t) => t.includes('Bạn gửi nhanh quá'))).toHaveLength(1)
  expect(replies.filter((t) => t.includes('Giỏi'))).toHaveLength(FLOOD_LIMIT)
  expect(texts(await other.say('/need 9 9 ?'))).toContain('Giỏi')
})
