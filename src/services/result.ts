/**
 * What every service returns: the value, or an error as a value — a `code` plus the parameters a
 * message needs, never a sentence. The bot translates `error.code` with Fluent.
 *
 *   const r = await deps.plans.submit(actor, { planId })
 *   if (!r.ok) return ctx.reply(ctx.t(`plan-error-${r.error.code}`, flatten(r.error)))
 */
import type { z } from 'zod'

export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E }

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value })
export const fail = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error })

/** The actor may not do this (to this data); nothing was changed. */
export type Forbidden = { readonly code: 'forbidden' }
/** The actor's Telegram account is not linked to a person of any school yet. */
export type NotLinked = { readonly code: 'not-linked' }
export type Entity =
  | 'school'
  | 'school-year'
  | 'department'
  | 'person'
  | 'invite'
  | 'join-request'
  | 'module'
  | 'plan'
export type NotFound = { readonly code: 'not-found'; readonly entity: Entity }

/** One problem with an input field, from zod: `path` like "name", `code` like "too_small". */
export interface InputIssue {
  readonly path: string
  readonly code: string
  readonly minimum?: number
  readonly maximum?: number
  readonly expected?: string
  readonly values?: ReadonlyArray<string | number>
}
export type InvalidInput = { readonly code: 'invalid-input'; readonly issues: ReadonlyArray<InputIssue> }

export const forbidden = (): { readonly ok: false; readonly error: Forbidden } => fail({ code: 'forbidden' })
export const notLinked = (): { readonly ok: false; readonly error: NotLinked } => fail({ code: 'not-linked' })
export const notFound = (entity: Entity): { readonly ok: false; readonly error: NotFound } =>
  fail({ code: 'not-found', entity })

/** Validates a service's input with its zod schema; the issues keep codes and limits, not messages. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Result<z.output<S>, InvalidInput> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return ok(parsed.data)
  return fail({
    code: 'invalid-input',
    issues: parsed.error.issues.map((issue) => {
      const raw = issue as unknown as Record<string, unknown>
      const out: {
        path: string
        code: string
        minimum?: number
        maximum?: number
        expected?: string
        values?: Array<string | number>
      } = { path: issue.path.map(String).join('.'), code: issue.code }
      if (typeof raw.minimum === 'number' || typeof raw.minimum === 'bigint')
        out.minimum = Number(raw.minimum)
      if (typeof raw.maximum === 'number' || typeof raw.maximum === 'bigint')
        out.maximum = Number(raw.maximum)
      if (typeof raw.expected === 'string') out.expected = raw.expected
      if (Array.isArray(raw.values))
        out.values = raw.values.filter((v) => typeof v === 'string' || typeof v === 'number')
      return out
    }),
  })
}
