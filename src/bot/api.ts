/**
 * Transformers on every outgoing call: HTML is the default parse mode (every text we send is
 * escaped HTML from the locales), plus what the caller adds (auto-retry, a throttler, a fake).
 */
import { GrammyError, type Transformer } from 'grammy'

const htmlMethods = new Set([
  'sendMessage',
  'editMessageText',
  'sendDocument',
  'sendPhoto',
  'editMessageCaption',
])

export const defaultHtml: Transformer = (prev, method, payload, signal) => {
  if (htmlMethods.has(method)) {
    const p = payload as Record<string, unknown>
    const hasText = typeof p.text === 'string' || typeof p.caption === 'string'
    if (hasText && p.parse_mode === undefined) return prev(method, { ...payload, parse_mode: 'HTML' }, signal)
  }
  return prev(method, payload, signal)
}

export function pinnedApiTransformers(extra: Transformer[]): Transformer[] {
  return [...extra, defaultHtml]
}

/** Pressing a button that would show the same text again is not an error for the person. */
export function ignoreNotModified(error: unknown): void {
  if (error instanceof GrammyError && error.description.includes('message is not modified')) return
  throw error
}
