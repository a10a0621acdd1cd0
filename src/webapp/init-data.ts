/**
 * Telegram Mini App identity: the `initData` string Telegram gives the page, signed with the bot's
 * token (core.telegram.org/bots/webapps, "Validating data received via the Mini App"):
 *
 *   secret = HMAC-SHA256(key "WebAppData", message bot token)
 *   hash   = hex HMAC-SHA256(key secret, message: every other field as `key=value`, sorted, "\n"-joined)
 *
 * The server trusts nothing the page says about who it is but a valid, recent initData.
 *
 *   const checked = checkInitData(header, token, { now: new Date(), maxAgeSeconds: 86_400 })
 *   if (checked.ok) checked.user.id   // the Telegram user, as in the chat
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export interface WebAppUser {
  id: number
  first_name?: string
  language_code?: string
}

export type InitDataCheck =
  | { ok: true; user: WebAppUser; authDate: Date }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' }

function secretOf(token: string): Buffer {
  return createHmac('sha256', 'WebAppData').update(token).digest()
}

function dataCheckString(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([key]) => key !== 'hash')
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('\n')
}

export function checkInitData(
  initData: string | undefined | null,
  token: string,
  options: { now: Date; maxAgeSeconds: number },
): InitDataCheck {
  if (!initData) return { ok: false, reason: 'missing' }
  if (initData.length > 8_192) return { ok: false, reason: 'malformed' }
  const params = new URLSearchParams(initData)
  const hash = params.get('hash')
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: 'malformed' }
  const expected = createHmac('sha256', secretOf(token)).update(dataCheckString(params)).digest()
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) return { ok: false, reason: 'bad-signature' }
  const authDate = Number(params.get('auth_date'))
  if (!Number.isInteger(authDate) || authDate <= 0) return { ok: false, reason: 'malformed' }
  const age = options.now.getTime() / 1000 - authDate
  // a little clock skew forward is tolerated; an old signature is not
  if (age > options.maxAgeSeconds || age < -300) return { ok: false, reason: 'expired' }
  let user: WebAppUser
  try {
    user = JSON.parse(params.get('user') ?? '')
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (typeof user !== 'object' || user === null || !Number.isSafeInteger(user.id) || user.id <= 0)
    return { ok: false, reason: 'malformed' }
  return { ok: true, user, authDate: new Date(authDate * 1000) }
}

/**
 * Signs an initData as Telegram would: for the sandbox (a local page with a test identity) and the
 * tests. Never used on a request's behalf.
 */
export function signInitData(token: string, user: WebAppUser, authDate: Date): string {
  const params = new URLSearchParams({
    auth_date: String(Math.floor(authDate.getTime() / 1000)),
    query_id: `sandbox-${user.id}`,
    user: JSON.stringify(user),
  })
  params.set('hash', createHmac('sha256', secretOf(token)).update(dataCheckString(params)).digest('hex'))
  return params.toString()
}
