/**
 * Codes for links: short, URL-safe, unguessable, and valid as a Telegram deep-link payload
 * (`/start <code>`, at most 64 characters of A-Z a-z 0-9 _ -). Lower-case base32 (a-z, 2-7) so a
 * code read aloud or typed by hand has no 0/O or 1/l to confuse.
 *
 *   randomCode(10)   // 'k3mxq7fa2d' — 50 random bits
 */
import { randomBytes } from 'node:crypto'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'

export function randomCode(length: number): string {
  // 256 is a multiple of 32, so each byte's low five bits are uniform
  const bytes = randomBytes(length)
  let code = ''
  for (const byte of bytes) code += ALPHABET[byte & 31]
  return code
}

/** How a typed or pasted code is compared: case and spaces do not matter. */
export function normalizeCode(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '')
}

export const INVITE_CODE_LENGTH = 10
export const SETUP_PREFIX = 'setup-'
export const SETUP_CODE_LENGTH = 16

/** `https://t.me/<bot>?start=<code>` */
export function startLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername.replace(/^@/, '')}?start=${code}`
}

/**
 * The code in a message someone pasted instead of opening the link: the bare code (`k3mxq7fa2d`,
 * any case, spaces ignored), a setup code, or the whole `t.me/…?start=<code>` link.
 */
export function codeIn(text: string): string | null {
  const link = /[?&]start=([A-Za-z0-9_-]{1,64})/.exec(text)
  if (link) return link[1]!
  const bare = normalizeCode(text)
  if (new RegExp(`^[a-z2-7]{${INVITE_CODE_LENGTH}}$`).test(bare)) return bare
  if (bare.startsWith(SETUP_PREFIX) && bare.length === SETUP_PREFIX.length + SETUP_CODE_LENGTH) return bare
  return null
}
