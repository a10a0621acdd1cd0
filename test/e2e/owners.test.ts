/**
 * /owners: an owner sees the deployment's owners and revokes another, after a confirmation; the
 * former owner is told and loses the owner's commands; a configured owner and oneself are not
 * offered, and the server refuses them anyway.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { type Harness, inProcess, texts } from '../helpers/bot-harness.ts'

let h: Harness
let first: FakeUser
let second: FakeUser

beforeAll(async () => {
  h = await inProcess()
  await h.app.deps.setup.bootstrap({ ownerTelegramIds: [1] })
  first = h.fake.user({ id: 1, first_name: 'Sở', language_code: 'vi' })
  second = h.fake.user({ id: 2, first_name: 'Lan', username: 'lan_so', language_code: 'vi' })
  await second.say('/start')
  await h.app.deps.setup.addOwner({ telegramId: 1 }, { telegramId: 2 })
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

it('an owner revokes another owner after confirming, and the former owner is told', async () => {
  const listed = texts(await first.say('/owners'))
  expect(listed).toContain('Chủ quản hệ thống (2)')
  expect(listed).toContain('Lan (@lan_so) — id 2, do chủ quản khác thêm')
  // neither oneself nor a configured owner has a button
  expect(first.buttons().map((b) => b.text)).toEqual(['🚫 Bỏ quyền: Lan (@lan_so)'])
  expect(texts(await first.tap('🚫 Bỏ quyền: Lan (@lan_so)'))).toContain(
    'Bỏ quyền chủ quản của Lan (@lan_so) (id 2)?',
  )
  expect(await h.app.deps.setup.isOwner(2)).toBe(true)
  expect(texts(await first.tap('🚫 Bỏ quyền'))).toContain(
    'Đã bỏ quyền chủ quản của Lan (@lan_so). Hệ thống còn 1 chủ quản.',
  )
  expect(second.lastMessage()?.text).toContain('Bạn không còn là chủ quản hệ thống')
  expect(second.commands().map((c) => c.command)).not.toContain('schools')
  expect(texts(await second.say('/owners'))).toContain('Chỉ chủ quản hệ thống mới xem')
})

it('the last owner has nobody to revoke, and cannot revoke themselves by a forged button', async () => {
  expect(texts(await first.say('/owners'))).toContain('luôn phải có ít nhất một chủ quản')
  expect(first.buttons()).toEqual([])
  const refused = await h.app.deps.setup.revokeOwner({ telegramId: 1 }, { telegramId: 1 })
  expect(refused).toMatchObject({ ok: false, error: { code: 'owner-self' } })
  expect(await h.app.deps.setup.isOwner(1)).toBe(true)
})
