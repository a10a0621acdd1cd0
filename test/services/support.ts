/**
 * A fresh in-memory app per test, services on a clock the test moves, and short-hands for the
 * people of the story: an owner, a school's admin, heads and teachers.
 */
import { sql } from 'kysely'
import { expect } from 'vitest'
import type { App } from '../../src/app.ts'
import { tablesOf } from '../../src/db/migrate.ts'
import { createLogger } from '../../src/logger.ts'
import { type RegulationProfile, TT26_2012 } from '../../src/rules/index.ts'
import { createServices, type Services } from '../../src/services/index.ts'
import type { Result } from '../../src/services/result.ts'
import { onPostgres, openTestApp } from '../helpers/database.ts'

export interface World {
  app: App
  services: Services
  clock: { now: Date }
  /** sets the clock to an ISO instant */
  at(iso: string): void
}

/** 28 August 2025, 10:00 in Vietnam: plans of 2025-2026 are open until 7 September. */
export const START = '2025-08-28T03:00:00Z'

/**
 * The stories of the suites restate seed 004 (a THPT school under TT 26/2012: 60 tiết of ND3,
 * Giỏi / Khá / TB) on a 2025 clock, where a new year would default to TT 19/2019; they keep the
 * seeds' regulation. test/e2e/profiles.test.ts runs the production default.
 */
export const seedRegulation = (_startYear?: number): RegulationProfile => TT26_2012

export async function world(
  start = START,
  profileFor: (startYear: number) => RegulationProfile = seedRegulation,
): Promise<World> {
  const app = await openTestApp({ logger: createLogger('error') })
  const clock = { now: new Date(start) }
  const services = createServices(app.db, { now: () => clock.now, profileFor })
  return {
    app,
    services,
    clock,
    at: (iso) => {
      clock.now = new Date(iso)
    },
  }
}

/** The value of a successful result; fails the test with the error otherwise. */
export function must<T, E>(result: Result<T, E>): T {
  if (!result.ok) expect.fail(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value
}

/** The error of a failed result; fails the test when it succeeded. */
export function refused<T, E>(result: Result<T, E>): E {
  if (result.ok) expect.fail(`expected an error, got ${JSON.stringify(result.value).slice(0, 300)}`)
  return result.error
}

/** A Telegram account seen by the bot, with a chosen language. */
export async function account(w: World, telegramId: number, language?: 'vi' | 'en') {
  await w.app.deps.telegramUsers.seen({ id: telegramId, first_name: `user${telegramId}` })
  if (language) await w.app.deps.telegramUsers.setLanguage(telegramId, language)
  return { telegramId }
}

/** Every row of every table: compared before and after to prove a refusal changed nothing. */
export async function snapshot(w: World): Promise<string> {
  // this test's own tables (kysely's migration tables left out): on a PostgreSQL server shared by
  // concurrent runs, only this test's schema counts (another run's newer tables are not in ours),
  // read without kysely's introspection, which reads every schema and fails on one being dropped
  const current = onPostgres
    ? (await sql<{ name: string }>`select current_schema() as name`.execute(w.app.db)).rows[0]?.name
    : undefined
  const listed =
    current === undefined
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(w.app.db)
        ).rows.map((r) => r.name)
      : await tablesOf(w.app.db, current)
  const tables = listed.filter((name) => !/^(kysely_|sqlite_)/.test(name)).sort()
  const out: Record<string, unknown[]> = {}
  for (const name of tables) {
    out[name] = (await sql`select * from ${sql.table(name)} order by 1`.execute(w.app.db)).rows
  }
  return JSON.stringify(out)
}

export const OWNER = { telegramId: 1 }

/**
 * One school with an admin, departments Toán and Văn, a head and a teacher in each, all linked
 * and with level THPT; `prefix` keeps Telegram ids of several schools apart.
 */
export async function school(w: World, name: string, base: number) {
  const { schools, invites, people } = w.services
  const made = must(await schools.createSchool(OWNER, { name }))
  const admin = await account(w, base + 1)
  must(await invites.redeem(admin, { code: made.adminInvite.code, fullName: `Admin ${name}` }))
  must(await people.setProfile(admin, { level: 'THPT' }))
  const toan = must(await schools.createDepartment(admin, { schoolId: made.school.id, name: 'Tổ Toán' }))
  const van = must(await schools.createDepartment(admin, { schoolId: made.school.id, name: 'Tổ Văn' }))
  const join = async (
    telegramId: number,
    role: 'head' | 'teacher',
    departmentId: number,
    fullName: string,
  ) => {
    const a = await account(w, telegramId)
    const invite = must(await invites.create(admin, { schoolId: made.school.id, role, departmentId }))
    const joined = must(await invites.redeem(a, { code: invite.code, fullName }))
    must(await people.setProfile(a, { level: 'THPT', subject: 'Toán' }))
    return { ...a, personId: joined.person.id }
  }
  return {
    school: made.school,
    year: made.year,
    admin,
    toan,
    van,
    headToan: await join(base + 2, 'head', toan.id, 'Head Toán'),
    teacherToan: await join(base + 3, 'teacher', toan.id, 'Teacher Toán'),
    headVan: await join(base + 4, 'head', van.id, 'Head Văn'),
    teacherVan: await join(base + 5, 'teacher', van.id, 'Teacher Văn'),
  }
}

/** A plan of four THPT modules (60 tiết), ready to submit. */
export async function fullPlan(w: World, actor: { telegramId: number }) {
  const plan = must(await w.services.plans.getOrCreate(actor, {}))
  for (const code of ['THPT 17', 'THPT 19', 'THPT 20', 'THPT 22']) {
    must(await w.services.plans.addModule(actor, { planId: plan.plan.id, code }))
  }
  return plan.plan.id
}

type School = Awaited<ReturnType<typeof school>>

/** Every component of the person's plan scored (or only `only` of them), straight into `scores`. */
export async function score(w: World, a: School, personId: number, only?: string[]) {
  const at = w.clock.now.toISOString()
  const batch = await w.app.db
    .insertInto('grade_batches')
    .values({
      school_id: a.school.id,
      school_year_id: a.year.id,
      department_id: null,
      kind: 'teacher',
      source: 'message',
      file_name: null,
      author_telegram_id: a.admin.telegramId,
      author_person_id: null,
      line_count: 1,
      change_count: 1,
      created_at: at,
      undone_at: null,
      undone_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const plan = await w.app.db
    .selectFrom('plans')
    .select('id')
    .where('person_id', '=', personId)
    .where('school_year_id', '=', a.year.id)
    .executeTakeFirstOrThrow()
  const modules = await w.app.db
    .selectFrom('plan_modules')
    .select('module_id')
    .where('plan_id', '=', plan.id)
    .execute()
  const components = [
    { component: 'nd1', module_id: null },
    { component: 'nd2', module_id: null },
    ...modules.map((m) => ({ component: `module:${m.module_id}`, module_id: m.module_id })),
  ].filter((c) => !only || only.includes(c.component))
  await w.app.db
    .insertInto('scores')
    .values(
      components.map((c) => ({
        person_id: personId,
        school_year_id: a.year.id,
        ...c,
        value: 800,
        updated_at: at,
        updated_by: a.admin.telegramId,
        batch_id: batch.id,
      })),
    )
    .execute()
}
