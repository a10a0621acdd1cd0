/**
 * Telegram's Mini App signature, checked as Telegram documents it: a valid identity passes; one
 * changed character, another bot's token, an old signature or a missing one is refused.
 */
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkInitData, signInitData } from '../../src/webapp/init-data.ts'

const token = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345'
const now = new Date('2026-11-29T08:00:00Z')
const options = { now, maxAgeSeconds: 86_400 }
const user = { id: 4242, first_name: 'Hoa', language_code: 'vi' }

describe('initData', () => {
  it('accepts what Telegram signs, computed independently of signInitData', () => {
    const fields = {
      auth_date: String(now.getTime() / 1000 - 60),
      user: JSON.stringify(user),
      query_id: 'AAE1',
    }
    const check = Object.entries(fields)
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('\n')
    const secret = createHmac('sha256', 'WebAppData').update(token).digest()
    const hash = createHmac('sha256', secret).update(check).digest('hex')
    const initData = new URLSearchParams({ ...fields, hash }).toString()
    const checked = checkInitData(initData, token, options)
    expect(checked).toMatchObject({ ok: true, user: { id: 4242, first_name: 'Hoa' } })
  })

  it('refuses a changed user, another bot, an old signature, and nothing at all', () => {
    const signed = signInitData(token, user, new Date(now.getTime() - 60_000))
    expect(checkInitData(signed, token, options).ok).toBe(true)
    const changed = signed.replace('4242', '4243')
    expect(checkInitData(changed, token, options)).toEqual({ ok: false, reason: 'bad-signature' })
    expect(checkInitData(signed, '654321:another-bot-token-xxxxxxxxxx', options)).toEqual({
      ok: false,
      reason: 'bad-signature',
    })
    const old = signInitData(token, user, new Date(now.getTime() - 2 * 86_400_000))
    expect(checkInitData(old, token, options)).toEqual({ ok: false, reason: 'expired' })
    expect(checkInitData('', token, options)).toEqual({ ok: false, reason: 'missing' })
    expect(checkInitData('user=1&hash=zz', token, options)).toEqual({ ok: false, reason: 'malformed' })
  })
})
