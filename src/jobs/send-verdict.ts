/**
 * What a Bot API error means for an outbox row: wait (429, flood limits are per bot), give the
 * recipient up as unreachable (403, chat not found), retry (network, 5xx), or fail.
 */
import { GrammyError, HttpError } from 'grammy'

/** What an API error means for the row. */
export type Verdict =
  | { kind: 'flood'; retryAfterMs: number; error: string }
  | { kind: 'unreachable'; error: string }
  | { kind: 'retry'; error: string }
  | { kind: 'failed'; error: string }

const UNREACHABLE_400 = /chat not found|peer_id_invalid|user not found|bot was blocked|user is deactivated/i

/** 429 -> wait; 403 or chat not found -> unreachable; network, 5xx, 401/404 -> retry; other 4xx -> failed. */
export function classify(error: unknown): Verdict {
  if (error instanceof GrammyError) {
    const text = `${error.error_code}: ${error.description}`
    if (error.error_code === 429) {
      const seconds =
        error.parameters.retry_after ?? Number(/retry after (\d+)/i.exec(error.description)?.[1] ?? 1)
      return { kind: 'flood', retryAfterMs: Math.max(1, seconds) * 1000, error: text }
    }
    if (error.error_code === 403) return { kind: 'unreachable', error: text }
    if (error.error_code === 400 && UNREACHABLE_400.test(error.description))
      return { kind: 'unreachable', error: text }
    if (error.error_code >= 500 || error.error_code === 401 || error.error_code === 404)
      return { kind: 'retry', error: text }
    return { kind: 'failed', error: text }
  }
  if (error instanceof HttpError) return { kind: 'retry', error: `network: ${error.message}` }
  return { kind: 'retry', error: `error: ${error instanceof Error ? error.message : String(error)}` }
}
