/**
 * `npm run db:copy`: a school's SQLite store moved to another store — on the PostgreSQL run, a
 * fresh PostgreSQL schema of the machine's server; on the SQLite run, a new SQLite file — with
 * every row of every table, the same ids, new rows numbered after the copied ones, and a target
 * that already holds data refused untouched.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PostgresAdapter, sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { type App, openApp } from '../../src/app.ts'
import { copyDatabase } from '../../src/db/copy.ts'
import { createLogger } from '../../src/logger.ts'
import { createServices } from '../../src/services/index.ts'
import { freshDatabase, onPostgres } from '../helpers/database.ts'
import { fullPlan, must, OWNER, school, seedRegulation, type World } from '../services/support.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function open(location: string): Promise<World> {
  const app = await openApp({ databasePath: location, logger: createLogger('error') })
  cleanups.push(() => app.close())
  const clock = { now: new Date('2025-08-28T03:00:00Z') }
  const services = createServices(app.db, { now: () => clock.now, profileFor: seedRegulation })
  const at = (iso: string) => {
    clock.now = new Date(iso)
  }
  return { app, services, clock, at }
}

/** A SQLite file with two schools, their people, a submitted plan, a broadcast in the outbox. */
async function schoolStore(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bdtx-copy-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'bdtx.sqlite')
  const w = await open(path)
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  const a = await school(w, 'THPT Nguyễn Du', 100)
  await school(w, 'THPT Lê Lợi', 200)
  must(await w.services.plans.submit(a.teacherToan, { planId: await fullPlan(w, a.teacherToan) }))
  const draft = must(
    await w.services.broadcasts.create(a.admin, {
      schoolId: a.school.id,
      content: { type: 'text', html: '<b>Họp hội đồng</b> 14h thứ Sáu' },
      audience: { type: 'everyone' },
    }),
  )
  must(await w.services.broadcasts.confirm(a.admin, { broadcastId: draft.id }))
  must(await w.services.notifications.update(a.teacherVan, { quietFrom: 22, quietTo: 6 }))
  await w.app.deps.sessions.adapter('session:').write('chat:103', { step: 'plan', planId: 1 })
  await w.app.close()
  return path
}

/** Every row of every table but kysely's bookkeeping, in an order that does not depend on collation. */
async function everything(app: App): Promise<Record<string, string[]>> {
  // this store's own tables (on a PostgreSQL server, of its schema only: others hold other tests')
  const { rows: listed } =
    app.db.getExecutor().adapter instanceof PostgresAdapter
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(app.db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(app.db)
  const tables = listed.map((t) => t.name).filter((name) => !/^(kysely_|sqlite_)/.test(name))
  const out: Record<string, string[]> = {}
  for (const name of tables.sort()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(app.db)
    out[name] = rows
      .map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))))
      .sort()
  }
  return out
}

/** A fresh target: a new PostgreSQL schema on the PostgreSQL run, a new SQLite file otherwise. */
async function target(): Promise<string> {
  if (onPostgres) {
    const database = await freshDatabase()
    cleanups.push(() => database.drop())
    return database.location
  }
  const dir = mkdtempSync(join(tmpdir(), 'bdtx-copy-to-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'copy.sqlite')
}

it('copies every table with its ids and counts; new rows are numbered after the copied ones', async () => {
  const from = await schoolStore()
  const to = await target()
  // a few rows a page: every table, composite keys too, is read over several pages
  const copied = await copyDatabase(from, to, { pageSize: 3 })

  const source = await open(from)
  const copy = await open(to)
  const before = await everything(source.app)
  // every table of the store came over, each with as many rows as the source
  expect(copied.map((c) => c.table).sort()).toEqual(Object.keys(before).sort())
  for (const { table, rows } of copied) expect(rows, table).toBe(before[table]!.length)
  expect(copied.find((c) => c.table === 'people')?.rows).toBeGreaterThanOrEqual(10)
  expect(copied.find((c) => c.table === 'outbox')?.rows).toBeGreaterThan(0)
  // row for row, the same data, ids and all
  expect(await everything(copy.app)).toEqual(before)
  // parents were copied before children: the plan still points at its teacher
  const { rows: linked } = await sql<{ full_name: string }>`
    select p.full_name from plans join people p on p.id = plans.person_id`.execute(copy.app.db)
  expect(linked.map((r) => r.full_name)).toEqual(['Teacher Toán'])

  // the identity sequences moved past the copied ids: a new school gets the next id, no collision
  const { rows: last } = await sql<{ id: number }>`select max(id) as id from schools`.execute(copy.app.db)
  await copy.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  const made = must(await copy.services.schools.createSchool(OWNER, { name: 'THPT Mới' }))
  expect(made.school.id).toBe(Number(last[0]!.id) + 1)
})

it('refuses a target that already has data, and leaves it as it was', async () => {
  const from = await schoolStore()
  const to = await target()
  const w = await open(to)
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  await school(w, 'THPT Đã Có', 900)
  const before = await everything(w.app)

  await expect(copyDatabase(from, to)).rejects.toThrow(/target is not empty \(.*schools: 1/)
  expect(await everything(w.app)).toEqual(before)

  // the command says so and fails
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/db/copy.ts', '--from', from, '--to', to], {
    cwd: root,
    encoding: 'utf8',
  })
  expect(run.status).toBe(1)
  expect(run.stderr).toContain('refused: the target is not empty')
  expect(await everything(w.app)).toEqual(before)
})

it('copies into a store a failed copy left migrated and seeded only, and from a copy back again', async () => {
  const from = await schoolStore()
  const to = await target()
  // what a copy that failed half-way leaves: the migrations' tables and seeded catalogue, no more
  const empty = await openApp({ databasePath: to, logger: createLogger('error') })
  await empty.close()
  await copyDatabase(from, to)

  // and the copy is a source like any other (PostgreSQL back to a new SQLite file on that run)
  const dir = mkdtempSync(join(tmpdir(), 'bdtx-copy-back-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const back = join(dir, 'back.sqlite')
  await copyDatabase(to, back)
  const source = await open(from)
  const again = await open(back)
  expect(await everything(again.app)).toEqual(await everything(source.app))
})
