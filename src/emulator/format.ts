// Telegram's text rules for the fake Bot API: the HTML parse mode ported from tdlib's parse_html
// (same errors, same byte offsets, entity offsets in UTF-16 units), the length and keyboard limits
// the Bot API enforces on what a bot sends, and the bot_command entities a client adds to what a
// user types. A broken rule throws ApiFailure carrying the Bot API's own description.
import type { InlineKeyboardButton, MessageEntity } from 'grammy/types'

/** A Bot API error answer: `{ ok: false, error_code, description, parameters }`. */
export class ApiFailure extends Error {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description)
  }
}

export const badRequest = (what: string) => new ApiFailure(400, `Bad Request: ${what}`)

export const TEXT_MAX = 4096
export const CAPTION_MAX = 1024
export const CALLBACK_DATA_MAX_BYTES = 64

const enc = new TextEncoder()
const dec = new TextDecoder()
const SPACE = new Set([0x20, 0x09, 0x0d, 0x0a, 0x00, 0x0b]) // td::is_space (NUL ends the input)
const TAGS = new Set(
  'a b strong i em s strike del u ins tg-spoiler tg-emoji span pre code blockquote'.split(' '),
)
const SIMPLE: Record<string, MessageEntity['type']> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
}
// tdlib's order for entities sharing a span
const PRIORITY: Record<string, number> = {
  blockquote: 0,
  expandable_blockquote: 0,
  pre: 11,
  code: 20,
  text_link: 49,
  bold: 90,
  italic: 91,
  underline: 92,
  strikethrough: 93,
  spoiler: 94,
  custom_emoji: 99,
}
const NAMED: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 }
const isAlpha = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
const isDigit = (c: number) => c >= 0x30 && c <= 0x39
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)

export interface Formatted {
  text: string
  entities: MessageEntity[]
  /** Things Telegram accepts but its documentation forbids (an unescaped `&` or `>`). */
  warnings: string[]
}

/** Parses Telegram HTML exactly as tdlib does; throws Error with tdlib's message on bad markup. */
export function parseHtml(html: string): Formatted {
  const b = enc.encode(html)
  const at = (i: number) => (i < b.length ? b[i]! : 0)
  const out = new Uint8Array(b.length) // decoding never makes the text longer
  let n = 0
  let utf16 = 0
  const entities: MessageEntity[] = []
  const warnings: string[] = []
  const stack: { tag: string; arg: string; offset: number; pos: number }[] = []
  const languages = new Map<MessageEntity, string>() // <code class="language-x"> waiting for its </pre>

  // tdlib decode_html_entity: returns [code point, next index] or undefined when not an entity
  const entity = (pos: number): [number, number] | undefined => {
    let end = pos + 1
    let code = 0
    if (at(end) === 0x23) {
      end++
      const hex = at(end) === 0x78
      if (hex) end++
      while (hex ? isHex(at(end)) : isDigit(at(end))) {
        code = code * (hex ? 16 : 10) + Number.parseInt(String.fromCharCode(b[end++]!), 16)
      }
      if (code === 0 || code >= 0x10ffff || end - pos >= 10) return undefined
    } else {
      while (isAlpha(at(end))) end++
      code = NAMED[dec.decode(b.subarray(pos + 1, end))] ?? 0
      if (code === 0) return undefined
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      throw new Error(
        'Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units',
      )
    }
    return [code, at(end) === 0x3b ? end + 1 : end]
  }
  const push = (code: number) => {
    const bytes = enc.encode(String.fromCodePoint(code))
    out.set(bytes, n)
    n += bytes.length
    utf16 += code > 0xffff ? 2 : 1
  }
  const str = (from: number, to: number) => dec.decode(b.subarray(from, to))

  for (let i = 0; i < b.length; i++) {
    const c = b[i]!
    if (c === 0x26) {
      const decoded = entity(i)
      if (decoded) {
        push(decoded[0])
        i = decoded[1] - 1
        continue
      }
      warnings.push(`unescaped "&" at byte offset ${i} (write &amp;)`)
    }
    if (c !== 0x3c) {
      if (c === 0x3e) warnings.push(`unescaped ">" at byte offset ${i} (write &gt;)`)
      if ((c & 0xc0) !== 0x80) utf16 += c >= 0xf0 ? 2 : 1
      out[n++] = c
      continue
    }
    const begin = i++
    if (at(i) !== 0x2f) {
      while (!SPACE.has(at(i)) && at(i) !== 0x3e) i++
      if (at(i) === 0) throw new Error(`Unclosed start tag at byte offset ${begin}`)
      const tag = str(begin + 1, i).toLowerCase()
      if (!TAGS.has(tag)) throw new Error(`Unsupported start tag "${tag}" at byte offset ${begin}`)
      let arg = ''
      while (at(i) !== 0x3e) {
        while (at(i) !== 0 && SPACE.has(at(i))) i++
        if (at(i) === 0x3e) break
        const nameStart = i
        while (!SPACE.has(at(i)) && at(i) !== 0x3d && at(i) !== 0x3e) i++
        const name = str(nameStart, i)
        if (name === '') throw new Error(`Empty attribute name in the tag "${tag}" at byte offset ${begin}`)
        while (at(i) !== 0 && SPACE.has(at(i))) i++
        if (at(i) !== 0x3d) {
          if (tag === 'blockquote' && name === 'expandable') {
            arg = 'expandable' // the one attribute Telegram accepts without a value
            continue
          }
          throw new Error(
            `Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${begin}`,
          )
        }
        i++
        while (at(i) !== 0 && SPACE.has(at(i))) i++
        if (at(i) === 0) throw new Error(`Unclosed start tag "${tag}" at byte offset ${begin}`)
        let value = ''
        const quote = at(i)
        if (quote !== 0x27 && quote !== 0x22) {
          const tokenStart = i
          while (isAlpha(at(i)) || isDigit(at(i)) || at(i) === 0x2e || at(i) === 0x2d) i++
          value = str(tokenStart, i).toLowerCase()
          if (!SPACE.has(at(i)) && at(i) !== 0x3e) {
            throw new Error(`Unexpected end of name token at byte offset ${tokenStart}`)
          }
        } else {
          const chars: number[] = []
          i++
          while (at(i) !== quote && at(i) !== 0) {
            const decoded = at(i) === 0x26 ? entity(i) : undefined
            if (decoded) {
              chars.push(...enc.encode(String.fromCodePoint(decoded[0])))
              i = decoded[1]
            } else chars.push(b[i++]!)
          }
          if (at(i) === quote) i++
          value = dec.decode(Uint8Array.from(chars))
        }
        if (at(i) === 0) throw new Error(`Unclosed start tag at byte offset ${begin}`)
        if (tag === 'a' && name === 'href') arg = value
        else if (tag === 'code' && name === 'class' && value.startsWith('language-')) arg = value.slice(9)
        else if (tag === 'span' && name === 'class' && value.startsWith('tg-')) arg = value.slice(3)
        else if (tag === 'tg-emoji' && name === 'emoji-id') arg = value
      }
      if (tag === 'span' && arg !== 'spoiler') {
        throw new Error(`Tag "span" must have class "tg-spoiler" at byte offset ${begin}`)
      }
      stack.push({ tag, arg, offset: utf16, pos: n })
      continue
    }
    // an end tag
    const open = stack.at(-1)
    if (!open) throw new Error(`Unexpected end tag at byte offset ${begin}`)
    while (!SPACE.has(at(i)) && at(i) !== 0x3e) i++
    const endTag = str(begin + 2, i).toLowerCase()
    while (SPACE.has(at(i)) && at(i) !== 0) i++
    if (at(i) !== 0x3e) throw new Error(`Unclosed end tag at byte offset ${begin}`)
    if (endTag !== '' && endTag !== open.tag) {
      throw new Error(
        `Unmatched end tag at byte offset ${begin}, expected "</${open.tag}>", found "</${endTag}>"`,
      )
    }
    stack.pop()
    if (utf16 === open.offset) continue
    const span = { offset: open.offset, length: utf16 - open.offset }
    const last = entities.at(-1)
    const sameSpan = last?.offset === span.offset && last.length === span.length
    const simple = SIMPLE[open.tag]
    if (simple) entities.push({ type: simple, ...span } as MessageEntity)
    else if (open.tag === 'tg-emoji') {
      if (!/^[1-9]\d*$/.test(open.arg)) throw new Error('Invalid custom emoji identifier specified')
      entities.push({ type: 'custom_emoji', ...span, custom_emoji_id: open.arg })
    } else if (open.tag === 'a') {
      const url = checkedLink(open.arg || dec.decode(out.subarray(open.pos, n)))
      if (url) entities.push({ type: 'text_link', ...span, url })
    } else if (open.tag === 'blockquote') {
      entities.push({ type: open.arg ? 'expandable_blockquote' : 'blockquote', ...span })
    } else if (open.tag === 'pre') {
      const language = last && sameSpan && last.type === 'code' ? languages.get(last) : undefined
      if (language) {
        entities[entities.length - 1] = { type: 'pre', ...span, language }
      } else entities.push({ type: 'pre', ...span })
    } else if (open.tag === 'code') {
      if (sameSpan && last?.type === 'pre' && open.arg)
        entities[entities.length - 1] = { type: 'pre', ...span, language: open.arg }
      else {
        const code: MessageEntity = { type: 'code', ...span }
        if (open.arg) languages.set(code, open.arg)
        entities.push(code)
      }
    }
  }
  const open = stack.at(-1)
  if (open) throw new Error(`Can't find end tag corresponding to start tag "${open.tag}"`)
  entities.sort(
    (x, y) =>
      x.offset - y.offset || y.length - x.length || (PRIORITY[x.type] ?? 50) - (PRIORITY[y.type] ?? 50),
  )
  return { text: dec.decode(out.subarray(0, n)), entities, warnings }
}

/** tdlib keeps an <a href> only if it is a valid link; a bare host gets http:// like Telegram does. */
function checkedLink(raw: string): string | undefined {
  if (/\s/.test(raw)) return undefined
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(raw) ? raw : `http://${raw}`
  try {
    const url = new URL(withScheme)
    if (!['http:', 'https:', 'tg:', 'ton:'].includes(url.protocol)) return undefined
    if (url.protocol.startsWith('http') && !url.hostname.includes('.')) return undefined
    return url.href
  } catch {
    return undefined
  }
}

const utf16Length = (s: string) => s.length

/** Telegram trims leading and trailing white space off a message; entities move with the text. */
export function trimFormatted(
  text: string,
  entities: MessageEntity[],
): { text: string; entities: MessageEntity[] } {
  const trimmed = text.replace(/^[ \t\r\n\v\f]+/, '')
  const lead = utf16Length(text) - utf16Length(trimmed)
  const result = trimmed.replace(/[ \t\r\n\v\f]+$/, '')
  const total = utf16Length(result)
  const kept = entities.flatMap((e) => {
    const start = Math.max(0, e.offset - lead)
    const end = Math.min(total, e.offset - lead + e.length)
    return end > start ? [{ ...e, offset: start, length: end - start }] : []
  })
  return { text: result, entities: kept }
}

/** Telegram counts message length in Unicode code points (tdlib's utf8_length). */
export const charCount = (s: string) => [...s].length

/** The entities a Telegram client attaches to typed text: bot commands (tdlib's match_bot_commands). */
export function commandEntities(text: string): MessageEntity[] {
  const found: MessageEntity[] = []
  for (const m of text.matchAll(
    /(?<![\p{L}\p{N}_/<>])\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?(?![\p{L}\p{N}_/<>])/gu,
  )) {
    found.push({ type: 'bot_command', offset: m.index, length: m[0].length })
  }
  return found
}

const ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'disabled',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
] as const

/** Checks reply_markup the way the Bot API does before sending; returns the parsed markup. */
export function checkReplyMarkup(markup: unknown): Record<string, unknown> | undefined {
  if (markup === undefined || markup === null || markup === '') return undefined
  let m: unknown = markup
  if (typeof m === 'string') {
    try {
      m = JSON.parse(m)
    } catch {
      throw badRequest("can't parse reply keyboard markup JSON object")
    }
  }
  if (typeof m !== 'object' || m === null || Array.isArray(m)) {
    throw badRequest('object expected as reply markup')
  }
  const obj = m as Record<string, unknown>
  if ('inline_keyboard' in obj) {
    const rows = obj.inline_keyboard
    if (!Array.isArray(rows))
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
    for (const row of rows) {
      if (!Array.isArray(row))
        throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
      for (const button of row) checkInlineButton(button)
    }
  } else if ('keyboard' in obj) {
    const rows = obj.keyboard
    if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) {
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays')
    }
    for (const button of rows.flat()) {
      const text = typeof button === 'string' ? button : (button as { text?: unknown })?.text
      if (typeof text !== 'string' || text === '') throw badRequest('keyboard button text must be non-empty')
    }
  } else if (!('remove_keyboard' in obj) && !('force_reply' in obj)) {
    throw badRequest("can't parse reply keyboard markup JSON object")
  }
  return obj
}

function checkInlineButton(button: unknown): asserts button is InlineKeyboardButton {
  if (typeof button !== 'object' || button === null)
    throw badRequest("can't parse inline keyboard button: object expected")
  const b = button as Record<string, unknown>
  if (typeof b.text !== 'string')
    throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String')
  const actions = ACTIONS.filter((a) => b[a] !== undefined)
  if (actions.length === 0) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
  }
  if (actions.length > 1) {
    // Telegram silently uses the first; its documentation demands exactly one, so the fake refuses
    throw badRequest(
      `can't parse inline keyboard button: exactly one of the optional fields must be used, got ${actions.join(', ')}`,
    )
  }
  if (b.callback_data !== undefined) {
    const bytes = typeof b.callback_data === 'string' ? enc.encode(b.callback_data).length : 0
    if (bytes < 1 || bytes > CALLBACK_DATA_MAX_BYTES) throw badRequest('BUTTON_DATA_INVALID')
  }
  if (b.url !== undefined && (typeof b.url !== 'string' || !checkedLink(b.url)))
    throw badRequest('BUTTON_URL_INVALID')
  if (b.web_app !== undefined) {
    const url = (b.web_app as { url?: unknown } | null)?.url
    const parsed = typeof url === 'string' && URL.canParse(url) ? new URL(url) : undefined
    // Telegram opens only https pages; the fake also lets the sandbox open its own page on loopback
    const local = parsed?.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(parsed.hostname)
    if (!parsed || (parsed.protocol !== 'https:' && !local)) throw badRequest('BUTTON_TYPE_INVALID')
  }
}
