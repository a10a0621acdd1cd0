/**
 * A flow survives a restart: its state is in the SQLite store, not in memory.
 */
import { afterEach, expect, it } from 'vitest'
import { FakeTelegram } from '../../src/emulator/fake-telegram.ts'
import { inProcess, tempDatabase } from '../helpers/bot-harness.ts'

const db = tempDatabase()
afterEach(() => db.remove())

it('a bot restarted in the middle of /cefr continues it', async () => {
  const fake = new FakeTelegram()
  const first = await inProcess({ fake, databasePath: db.path })
  const user = fake.user({ id: 42, first_name: 'An' })
  await user.say('/lang')
  await user.tap('English')
  await user.say('/cefr')
  expect((await user.tap('IELTS')).map((m) => m.text).join()).toContain('Your IELTS overall band?')
  await first.close()

  const second = await inProcess({ fake, databasePath: db.path })
  const [answer] = await user.say('6.5')
  expect(answer?.text).toContain('IELTS 6.5 is C1')
  const [compared] = await user.tap('English teacher, THCS')
  expect(compared?.text).toContain('meets the standard')
  await second.close()
  expect(fake.violations).toEqual([])
})
