/** Sentences as a school reads them, through the bot: what happened, said plainly. */
import { afterEach, expect, it } from 'vitest'
import { type Harness, inProcess, texts } from '../helpers/bot-harness.ts'

let h: Harness
afterEach(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

it('says plainly that the setup link made you the owner, and what an owner does', async () => {
  h = await inProcess()
  const { setupCode } = await h.app.deps.setup.bootstrap({ ownerTelegramIds: [] })
  const user = h.fake.user({ id: 9001, first_name: 'Chủ' })
  const reply = texts(await user.say(`/start ${setupCode}`))
  expect(reply).toContain('từ giờ bạn là chủ quản')
  expect(reply).not.toContain('Bạn đã là')
  expect(reply).toContain('/schools')
})
