/**
 * The result of reading something a person typed: either the value, or a structured error the
 * bot translates. Errors are values because the caller must handle them (STYLE.md).
 *
 *   const r = parseScore('8,5')
 *   if (r.ok) use(r.value) else reply(t(`score-${r.error.code}`, r.error))
 */
export type Parsed<T, E = never> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E }

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value })
export const fail = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error })
