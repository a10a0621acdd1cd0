/**
 * `GET /healthz` in webhook mode, for a load balancer or a monitor: 200 with
 *   {"status":"ok","database":"ok","migrations":{"applied":7,"pending":[],"unknown":[]}}
 * when the store answers and its migrations are exactly this build's, 503 with the same shape
 * otherwise — the database unreachable or slower than `timeoutMs`, a migration of this build not
 * applied, one applied that this build does not know (an older build on a newer store), or the
 * process shutting down. Nothing secret is shown: a failure is named, its details are logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sql } from 'kysely'
import { migrations } from '../migrations/index.ts'
import type { Db } from './db/connection.ts'
import type { Logger } from './logger.ts'

export const HEALTH_PATH = '/healthz'

export interface Health {
  status: 'ok' | 'unavailable'
  database: 'ok' | 'unreachable' | 'timeout'
  migrations: { applied: number; pending: string[]; unknown: string[] }
  /** set while the process stops: the balancer should send no more updates here */
  stopping?: true
}

/** kysely's bookkeeping table (src/db/migrate.ts), in the store's own schema on PostgreSQL */
const MIGRATION_TABLE = 'kysely_migration'

async function appliedMigrations(db: Db): Promise<string[]> {
  try {
    const { rows } = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db)
    return rows.map((r) => r.name)
  } catch {
    // no bookkeeping table yet: nothing applied
    return []
  }
}

export async function checkHealth(
  db: Db,
  options: { timeoutMs?: number; logger?: Logger; stopping?: boolean } = {},
): Promise<Health> {
  const known = Object.keys(migrations).sort()
  const down = (database: Health['database']): Health => ({
    status: 'unavailable',
    database,
    migrations: { applied: 0, pending: known, unknown: [] },
  })
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs ?? 3_000)
  })
  const probe = (async () => {
    await sql`select 1`.execute(db)
    return appliedMigrations(db)
  })()
  let health: Health
  try {
    const applied = await Promise.race([probe, timeout])
    if (applied === 'timeout') {
      options.logger?.warn('health check: the database did not answer in time')
      probe.catch(() => {})
      health = down('timeout')
    } else {
      const done = new Set(applied)
      const pending = known.filter((name) => !done.has(name))
      const unknown = applied.filter((name) => !known.includes(name)).sort()
      health = {
        status: pending.length === 0 && unknown.length === 0 ? 'ok' : 'unavailable',
        database: 'ok',
        migrations: { applied: applied.length, pending, unknown },
      }
    }
  } catch (error) {
    options.logger?.warn('health check: the database is unreachable', { error })
    health = down('unreachable')
  } finally {
    clearTimeout(timer)
  }
  if (options.stopping) return { ...health, status: 'unavailable', stopping: true }
  return health
}

/**
 * Answers `GET /healthz` (true) or leaves the request to the next handler (false).
 *   if (health(req, res)) return
 */
export function healthHandler(options: {
  db: Db
  logger?: Logger
  stopping?: () => boolean
  timeoutMs?: number
}): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0]
    if (path !== HEALTH_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return false
    void checkHealth(options.db, {
      timeoutMs: options.timeoutMs,
      logger: options.logger,
      stopping: options.stopping?.() ?? false,
    }).then((health) => {
      res
        .writeHead(health.status === 'ok' ? 200 : 503, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        })
        .end(req.method === 'HEAD' ? undefined : JSON.stringify(health))
    })
    return true
  }
}
