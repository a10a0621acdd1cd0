/**
 * Transformers on every outgoing call: HTML is the default parse mode (every text we send is
 * escaped HTML from the locales), plus what the caller adds (auto-retry, a throttler, a fake).
 */
import { autoRetry } from '@grammyjs/auto-retry'
import { GrammyError, type Transformer } from 'grammy'
import { budgetTransformer, type SendBudget } from '../jobs/send-budget.ts'

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

/**
 * What every reply passes in production: the token's one sending budget (replies first), then
 * auto-retry honouring Telegram's retry_after. main.ts, the latency tests and the bench use this.
 */
export function productionTransformers(budget: SendBudget): Transformer[] {
  return [budgetTransformer(budget), autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 300 })]
}
