/**
 * Service refusals written for people. Every service returns `{ code, ...params }`; the text is
 * the locale key `error-<code>` with those params (arrays joined, nested objects left out), so a
 * new error code needs only its two locale lines. Unknown codes fall back to a generic sentence
 * rather than a raw key.
 */
import type { TranslateFunction } from '@grammyjs/i18n'
import { escapeHtml } from './i18n.ts'
import { formatDate } from './present.ts'

export interface ServiceError {
  readonly code: string
  readonly [param: string]: unknown
}

export function serviceErrorText(t: TranslateFunction, error: ServiceError): string {
  const params: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(error)) {
    if (key === 'code') continue
    if (typeof value === 'number') params[key] = value
    else if (typeof value === 'string') params[key] = escapeHtml(value)
    else if (Array.isArray(value) && value.every((v) => typeof v !== 'object'))
      params[key] = escapeHtml(value.join(', '))
  }
  if (error.code === 'not-found') params.entity = t(`entity-${String(error.entity)}`)
  if (typeof error.status === 'string') params.status = t(`plan-status-${error.status}`)
  // dates the Vietnamese way (07/09/2025), whatever the param is called
  for (const [key, value] of Object.entries(error)) {
    if (key === 'expiresAt' || (typeof value === 'string' && ISO_DAY.test(value)))
      params[key] = formatDate(value as string)
  }
  if (error.code === 'invalid-input') return t('error-invalid-input', { fields: inputFields(t, error) })
  const text = t(`error-${error.code}`, params)
  return text.startsWith('{') || text.startsWith('error-') ? t('error-unknown') : text
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * The fields named in people's words (`field-fullName` = "họ tên"); a field with no such name is
 * left out rather than shown as a variable name ("(fullName)"), and with none left the sentence
 * names no field.
 */
function inputFields(t: TranslateFunction, error: ServiceError): string {
  const issues = Array.isArray(error.issues) ? (error.issues as Array<{ path?: string }>) : []
  const names = issues.flatMap((i) => {
    const field = String(i.path ?? '').split('.')[0] ?? ''
    const name = field ? t(`field-${field}`) : ''
    return name && !name.startsWith('{') && !name.startsWith('field-') ? [name] : []
  })
  return names.length === 0 ? 'none' : escapeHtml([...new Set(names)].join(', '))
}

/** The value of a service call that cannot fail (its error type is `never`). */
export function always<T>(result: { ok: true; value: T } | { ok: false; error: never }): T {
  if (result.ok) return result.value
  throw new Error('a service that cannot fail failed')
}
