/**
 * Names typed or pasted differently are one name: a department written with a hyphen, an en dash
 * or no spaces around the dash, in another case or Unicode form, or with zero-width characters
 * left by copying, is the department that already exists.
 */
import { describe, expect, it } from 'vitest'
import { account, must, OWNER, world } from './support.ts'

describe('department names', () => {
  it('differing only by dash, spaces, case, Unicode form or invisible characters are one department', async () => {
    const w = await world()
    const { setup, schools, invites } = w.services
    await setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
    await account(w, OWNER.telegramId)
    const created = must(await schools.createSchool(OWNER, { name: 'THPT Nguyễn Du' }))
    const admin = await account(w, 10)
    must(await invites.redeem(admin, { code: created.adminInvite.code, fullName: 'Trần Thị Hạnh' }))
    const schoolId = created.school.id
    const first = must(await schools.createDepartment(admin, { schoolId, name: 'Tổ Toán - Tin' }))
    for (const name of [
      'Tổ Toán – Tin',
      'Tổ Toán—Tin',
      'tổ toán-tin',
      'Tổ Toán - Tin'.normalize('NFD'),
      'Tổ\u200b Toán\u200d - Tin\ufeff',
    ]) {
      const again = await schools.createDepartment(admin, { schoolId, name })
      expect(again, name).toMatchObject({ ok: false, error: { code: 'duplicate-name' } })
    }
    expect(first.name).toBe('Tổ Toán - Tin')
  })
})
