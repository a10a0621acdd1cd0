/**
 * Typed callback data: each kind of button declares its prefix and fields once; packing checks
 * Telegram's 64-byte limit, unpacking returns undefined for data of another kind or shape.
 *
 *   const langButton = callbackData('lang', ['code'])
 *   langButton.pack({ code: 'en' })  // 'lang:en'
 *   langButton.unpack('lang:en')     // { code: 'en' }
 */
const MAX_BYTES = 64
const SEPARATOR = ':'

export interface CallbackData<F extends string> {
  /** the kind's name, the data up to the first separator (the bot routes buttons by it) */
  prefix: string
  /** matches data of this kind, for `conversation.waitForCallbackQuery(kind.filter, ...)` */
  filter: RegExp
  pack(values: Record<F, string | number>): string
  unpack(data: string | undefined): Record<F, string> | undefined
}

export function callbackData<const F extends string>(prefix: string, fields: readonly F[]): CallbackData<F> {
  return {
    prefix,
    filter: new RegExp(`^${prefix}${fields.length ? SEPARATOR : ''}`),
    pack(values) {
      const parts = fields.map((field) => {
        const value = String(values[field])
        if (value.includes(SEPARATOR))
          throw new Error(`callback field ${field} must not contain "${SEPARATOR}"`)
        return value
      })
      const data = [prefix, ...parts].join(SEPARATOR)
      if (Buffer.byteLength(data, 'utf8') > MAX_BYTES)
        throw new Error(`callback data over ${MAX_BYTES} bytes: ${data}`)
      return data
    },
    unpack(data) {
      if (data === undefined) return undefined
      const [head, ...parts] = data.split(SEPARATOR)
      if (head !== prefix || parts.length !== fields.length) return undefined
      return Object.fromEntries(fields.map((field, i) => [field, parts[i]])) as Record<F, string>
    },
  }
}
