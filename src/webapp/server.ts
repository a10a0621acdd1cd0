/**
 * The Mini App's grade sheet, served by the bot's own HTTP server: the page (`GET /app/grades`)
 * and three JSON calls, each carrying Telegram's signed `initData` (./init-data.ts):
 *
 *   POST /app/api/sheet    { initData, departmentId? }        → the department's people and scores
 *   POST /app/api/preview  { initData, rows, departmentId? }  → each row's average and class, each
 *                                                               wrong cell with its reason
 *   POST /app/api/commit   { initData, rows, departmentId? }  → saved (and the teachers told)
 *
 * Nothing here judges or saves: every call goes through the grade services as the chat does, with
 * the Telegram user the signature proves as the actor, so a head sees and grades only their
 * department. The preview and the save read the rows as grade lines (GradeService.parseGrid).
 *
 *   const app = webAppHandler({ deps, token, api })
 *   createServer((req, res) => { if (!app(req, res)) res.writeHead(404).end() })
 */
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TranslateFunction } from '@grammyjs/i18n'
import type { Api } from 'grammy'
import { z } from 'zod'
import type { Deps } from '../bot/context.ts'
import { lineErrorReason, savedMessage, tellTeachers } from '../bot/features/grades.ts'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../bot/i18n.ts'
import { score, tenths } from '../bot/present.ts'
import { serviceErrorText } from '../bot/service-errors.ts'
import type { GridPlace } from '../services/grade-grid.ts'
import type { GradePreview } from '../services/grade-preview.ts'
import type { TeamRow } from '../services/team-table.ts'
import { checkInitData } from './init-data.ts'

const page = readFileSync(new URL('./grades.html', import.meta.url), 'utf8')
const script = readFileSync(new URL('./grades.js', import.meta.url), 'utf8')

/** a department's sheet is a few kilobytes; this bounds a hostile body */
const MAX_BODY = 512 * 1024
/** Telegram signs initData when the page opens; a sheet left open a day must be reopened */
const DEFAULT_MAX_AGE_SECONDS = 24 * 60 * 60

/** The strings the page shows, from locales/ (`webapp-*`), in the viewer's language. */
const PAGE_STRINGS = [
  'title',
  'hint',
  'locked',
  'all-departments',
  'average',
  'preview',
  'save',
  'back',
  'saving',
  'network-error',
] as const

export interface WebAppOptions {
  deps: Deps
  /** the bot's token: initData is signed with it */
  token: string
  /** the bot's Api: the teachers' notices and the author's "saved" message with its undo button */
  api: Api
  now?: () => Date
  maxAgeSeconds?: number
}

type Handler = (req: IncomingMessage, res: ServerResponse) => boolean

const body = z.object({
  initData: z.string().max(8_192),
  departmentId: z.number().int().positive().optional(),
  rows: z
    .array(z.object({ personId: z.number().int().positive(), scores: z.record(z.string(), z.string()) }))
    .max(5_000)
    .optional(),
})
type Body = z.infer<typeof body>

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly payload: Record<string, unknown>,
  ) {
    super(String(payload.error ?? status))
  }
}

/** Telegram-HTML text (bold, escapes) as the plain text the page sets with textContent. */
function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw new HttpError(413, { error: 'too-large' })
    chunks.push(chunk as Buffer)
  }
  let json: unknown
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(400, { error: 'not-json' })
  }
  const parsed = body.safeParse(json)
  if (!parsed.success) throw new HttpError(400, { error: 'bad-request' })
  return parsed.data
}

export function webAppHandler(options: WebAppOptions): Handler {
  const { deps } = options
  const now = options.now ?? (() => new Date())
  const maxAgeSeconds = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS

  /** The Telegram user the signature proves, with their chosen language; refused and logged otherwise. */
  async function viewer(req: IncomingMessage, input: Body) {
    const checked = checkInitData(input.initData, options.token, { now: now(), maxAgeSeconds })
    if (!checked.ok) {
      deps.logger.warn('web app: initData refused', {
        reason: checked.reason,
        address: req.socket.remoteAddress,
      })
      const t = translator(DEFAULT_LANGUAGE)
      throw new HttpError(401, { error: checked.reason, message: plain(t('webapp-refused')) })
    }
    const account = await deps.telegramUsers.get(checked.user.id)
    const language: Language = isLanguage(account?.language) ? account.language : DEFAULT_LANGUAGE
    return { actor: { telegramId: checked.user.id }, t: translator(language), language }
  }

  function translator(language: Language): TranslateFunction {
    return (key, vars) => deps.i18n.t(language, key, vars)
  }

  async function sheet(req: IncomingMessage, input: Body) {
    const { actor, t, language } = await viewer(req, input)
    const table = await deps.team.teamTable(actor, { departmentId: input.departmentId })
    if (!table.ok)
      throw new HttpError(403, { error: table.error.code, message: plain(serviceErrorText(t, table.error)) })
    const me = await deps.people.whoAmI(actor)
    const myPersonId = me.ok ? (me.value.person?.id ?? null) : null
    const locked = table.value.schoolYear.resultsLocked
    return {
      language,
      strings: Object.fromEntries(PAGE_STRINGS.map((k) => [k, plain(t(`webapp-${k}`))])),
      year: table.value.schoolYear.name,
      department: table.value.departmentName,
      locked,
      rows: table.value.rows.map((row) => ({
        personId: row.person.id,
        name: row.person.fullName,
        departmentId: row.person.departmentId,
        department: row.person.departmentName,
        editable: !locked && row.plan?.status === 'approved' && row.person.id !== myPersonId,
        note:
          row.person.id === myPersonId
            ? plain(t('webapp-own-row'))
            : row.plan?.status === 'approved'
              ? null
              : plain(row.plan ? t(`plan-status-${row.plan.status}`) : t('grades-no-plan')),
        components:
          row.plan?.status === 'approved'
            ? row.components.map((c) => ({
                key: c.key,
                label: c.kind === 'module' ? (c.code ?? '?') : plain(t(`component-${c.kind}`)),
                title: c.title,
                value: c.value === null ? '' : score(t, c.value),
              }))
            : [],
        ...verdictOf(t, row),
      })),
    }
  }

  function verdictOf(t: TranslateFunction, row: Pick<TeamRow, 'average' | 'summary'>) {
    const summary = row.summary
    return {
      average: row.average === null ? null : tenths(t, row.average),
      verdict:
        summary === 'pending'
          ? plain(t('webapp-pending'))
          : summary === 'no-approved-plan'
            ? null
            : plain(
                t(summary === 'Dat' || summary === 'KhongDat' ? `verdict-${summary}` : `grade-${summary}`),
              ),
    }
  }

  async function read(req: IncomingMessage, input: Body) {
    const who = await viewer(req, input)
    const parsed = await deps.grades.parseGrid(who.actor, {
      rows: input.rows ?? [],
      departmentId: input.departmentId,
    })
    if (!parsed.ok)
      throw new HttpError(
        parsed.error.code === 'forbidden' || parsed.error.code === 'not-linked' ? 403 : 422,
        {
          error: parsed.error.code,
          message: plain(serviceErrorText(who.t, parsed.error)),
        },
      )
    return { ...who, ...parsed.value }
  }

  /** The preview as the page needs it: per person the result after the change, per cell the errors. */
  function previewView(t: TranslateFunction, preview: GradePreview, places: Map<number, GridPlace>) {
    return {
      rows: preview.lines.map((line) => {
        const after = line.after
        const final = after.kind === 'final'
        return {
          personId: line.person.id,
          changes: line.changes.length,
          average: final && after.average !== null ? tenths(t, after.average) : null,
          verdict: final
            ? plain('grade' in after ? t(`grade-${after.grade}`) : t(`verdict-${after.verdict}`))
            : plain(t('webapp-pending')),
        }
      }),
      errors: preview.errors.map((error) => {
        const place = places.get(error.line)
        return {
          personId: place?.personId ?? null,
          key: place && error.column ? (place.keys[error.column - 1] ?? null) : null,
          message: plain(lineErrorReason(t, error)),
        }
      }),
      changes: preview.counts.changes,
      summary: plain(
        preview.errors.length > 0
          ? t('webapp-errors', { count: preview.errors.length })
          : preview.counts.changes === 0
            ? t('webapp-nothing-changes')
            : t('webapp-changes', { changes: preview.counts.changes, lines: preview.counts.changed }),
      ),
    }
  }

  async function previewCall(req: IncomingMessage, input: Body) {
    const { t, preview, places } = await read(req, input)
    return previewView(t, preview, places)
  }

  async function commit(req: IncomingMessage, input: Body) {
    const { actor, t, preview, places } = await read(req, input)
    if (preview.errors.length > 0 || preview.counts.changes === 0)
      throw new HttpError(422, { error: 'preview', preview: previewView(t, preview, places) })
    const saved = await deps.grades.commitBatch(actor, { preview })
    if (!saved.ok)
      throw new HttpError(409, { error: saved.error.code, message: plain(serviceErrorText(t, saved.error)) })
    const result = saved.value
    const messenger = { api: options.api, deps }
    await tellTeachers(messenger, result.notify)
    // the author gets the chat's own confirmation, with its undo button
    const message = savedMessage(t, result)
    try {
      await options.api.sendMessage(actor.telegramId, message.text, message.other)
    } catch (error) {
      deps.logger.warn('web app: confirmation not delivered', { to: actor.telegramId, error })
    }
    return {
      saved: { lines: result.lines, changes: result.changes, told: result.notify.length },
      message: plain(t('webapp-saved', { changes: result.changes, told: result.notify.length })),
    }
  }

  const calls: Record<string, (req: IncomingMessage, input: Body) => Promise<unknown>> = {
    '/app/api/sheet': sheet,
    '/app/api/preview': previewCall,
    '/app/api/commit': commit,
  }

  return (req, res) => {
    const path = (req.url ?? '').split('?')[0]!
    if (req.method === 'GET' && path === '/app/grades') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      })
      res.end(page)
      return true
    }
    if (req.method === 'GET' && path === '/app/grades.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' })
      res.end(script)
      return true
    }
    const call = req.method === 'POST' ? calls[path] : undefined
    if (!call) return false
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      })
      res.end(JSON.stringify(payload))
    }
    readBody(req)
      .then((input) => call(req, input))
      .then(
        (payload) => reply(200, payload),
        (error: unknown) => {
          if (error instanceof HttpError) return reply(error.status, error.payload)
          deps.logger.error('web app: request failed', { path, error })
          reply(500, { error: 'internal' })
        },
      )
    return true
  }
}
