/**
 * An invite code (or the whole link) pasted as a message instead of opened: the bot takes it as
 * the link it came from. A word that merely looks like a code gets the usual hint.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Harness, inProcess, texts } from '../helpers/bot-harness.ts'
import { must, OWNER, school, world } from '../services/support.ts'

let h: Harness
let code: string
beforeAll(async () => {
  const w = await world()
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  const s = await school(w, 'THPT Dán Mã', 700)
  // the bot runs on today's clock: the invite is made today, so it has not expired
  w.at(new Date().toISOString())
  const invite = must(
    await w.services.invites.create(s.admin, {
      schoolId: s.school.id,
      role: 'teacher',
      departmentId: s.toan.id,
    }),
  )
  code = invite.code
  h = await inProcess({ app: w.app })
})
afterAll(async () => {
  await h.close()
})

it('a bare invite code, in capitals with a space, opens the invite', async () => {
  const user = h.fake.user({ id: 7_001, first_name: 'Hà', language_code: 'vi' })
  const spaced = `${code.slice(0, 5).toUpperCase()} ${code.slice(5).toUpperCase()}`
  expect(texts(await user.say(spaced))).toContain('THPT Dán Mã')
})

it('the whole link pasted as text opens it too', async () => {
  const user = h.fake.user({ id: 7_002, first_name: 'Huệ', language_code: 'vi' })
  expect(texts(await user.say(`https://t.me/bdtx_test_bot?start=${code}`))).toContain('THPT Dán Mã')
})

it('a ten-letter word that is no invite gets the usual hint', async () => {
  const user = h.fake.user({ id: 7_003, first_name: 'Hoa', language_code: 'vi' })
  const answer = texts(await user.say('xinchaoban'))
  expect(answer).not.toContain('THPT Dán Mã')
  expect(answer).toContain('/help')
})
