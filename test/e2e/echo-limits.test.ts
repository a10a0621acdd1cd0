/**
 * A 4 KB argument is never echoed back whole: the answer quotes the start of it and still says what
 * was wrong, so it stays under Telegram's 4,096 characters instead of failing to arrive at all.
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
