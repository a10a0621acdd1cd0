/**
 * `GET /healthz` as a load balancer calls it, over HTTP, on whichever database the run chose:
 * 200 with JSON while the store answers and has exactly this build's migrations, 503 otherwise.
 */
import { createServer, type Server } from 'node:http'
import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { migrations } from '../migrations/index.ts'
import type { App } from '../src/app.ts'
import { healthHandler } from '../src/health.ts'
import { openTestApp } from './helpers/database.ts'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function serve(app: App, stopping = () => false): Promise<string> {
  const health = healthHandler({ db: app.db, stopping })
  const server: Server = createServer((req, res) => health(req, res) || void res.writeHead(404).end())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => new Promise((resolve) => server.close(resolve)))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`
}

async function probe(base: string) {
  const response = await fetch(`${base}/healthz`)
  expect(response.headers.get('content-type')).toContain('application/json')
  return { status: response.status, body: await response.json() }
}

const all = Object.keys(migrations).sort()

it('answers 200 with JSON when the database answers and every migration is applied', async () => {
  const app = await openTestApp({})
  cleanups.push(() => app.close())
  const base = await serve(app)
  expect(await probe(base)).toEqual({
    status: 200,
    body: {
      status: 'ok',
      database: 'ok',
      migrations: { applied: all.length, pending: [], unknown: [] },
    },
  })
  // only the health path: anything else is left to the next handler
  expect((await fetch(`${base}/healthz/x`)).status).toBe(404)
})

it('answers 503 naming the migration this build has and the store does not', async () => {
  const app = await openTestApp({})
  cleanups.push(() => app.close())
  const last = all.at(-1)!
  await sql`delete from kysely_migration where name = ${last}`.execute(app.db)
  expect(await probe(await serve(app))).toMatchObject({
    status: 503,
    body: { status: 'unavailable', database: 'ok', migrations: { pending: [last], unknown: [] } },
  })
})

it('answers 503 when the store has a migration this build does not know (an older build)', async () => {
  const app = await openTestApp({})
  cleanups.push(() => app.close())
  await sql`insert into kysely_migration (name, timestamp) values ('9999_from_a_newer_build', '2026-11-29T00:00:00.000Z')`.execute(
    app.db,
  )
  expect(await probe(await serve(app))).toMatchObject({
    status: 503,
    body: {
      status: 'unavailable',
      database: 'ok',
      migrations: { pending: [], unknown: ['9999_from_a_newer_build'] },
    },
  })
})

it('answers 503 when the database does not answer', async () => {
  const app = await openTestApp({})
  const base = await serve(app)
  await app.close()
  expect(await probe(base)).toMatchObject({
    status: 503,
    body: { status: 'unavailable', database: 'unreachable' },
  })
})

it('answers 503 while the process is stopping, so the balancer sends nothing more here', async () => {
  const app = await openTestApp({})
  cleanups.push(() => app.close())
  let stopping = false
  const base = await serve(app, () => stopping)
  expect((await probe(base)).status).toBe(200)
  stopping = true
  expect(await probe(base)).toMatchObject({ status: 503, body: { status: 'unavailable', stopping: true } })
})
