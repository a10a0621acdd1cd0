/**
 * Answers stay under Telegram's 4,096 characters instead of failing to arrive at all: a 4 KB
 * argument is quoted only by its start (the answer still says what was wrong), and a long staff
 * list is split into several messages.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Harness, inProcess, texts } from '../helpers/bot-harness.ts'
import { type GradesWorld, gradesWorld } from '../services/grades-fixtures.ts'

let h: Harness
let g: GradesWorld
beforeAll(async () => {
  g = await gradesWorld(1, {})
  h = await inProcess({ app: g.w.app })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

const huge = `x${'9'.repeat(4_000)}`

it.each([
  ['/cefr ielts', `/cefr ielts ${huge}`],
  ['/need', `/need 8 9 ${huge}`],
  ['/setdeadline', `/setdeadline ${huge}`],
  ['/plan <name>', `/plan ${huge}`],
])('%s with a 4 KB argument answers with the start of it', async (_label, command) => {
  const user = h.fake.user({ id: g.s.admin.telegramId, first_name: 'Admin' })
  const answer = texts(await user.say(command))
  expect(answer).toContain('x999')
  expect(answer).toContain('…')
  expect(answer.length).toBeLessThan(1_000)
})

it('/people for a school of 300 comes in several messages under the limit, nobody left out', async () => {
  const big = await gradesWorld(300, {})
  const chat = await inProcess({ app: big.w.app })
  const admin = chat.fake.user({ id: big.s.admin.telegramId, first_name: 'Admin' })
  const messages = await admin.say('/people')
  expect(messages.length).toBeGreaterThan(1)
  for (const m of messages) expect([...(m.text ?? '')].length).toBeLessThanOrEqual(4_096)
  const all = texts(messages)
  expect(all).toContain(big.team[0]!.fullName)
  expect(all).toContain(big.team[299]!.fullName)
  expect(chat.fake.violations).toEqual([])
  await chat.close()
}, 60_000)
