/**
 * Grades: a head of a 1,000-teacher department (every plan approved, four THPT modules each)
 * sends one message of 1,000 lines in mixed forms — `Name: 8 9 8,5 …`, `Name | 8 | 9 …`, tabs,
 * `;` — which is parsed, matched, validated and judged by the rule engine into a preview, then
 * committed in one transaction. Both must stay well under 300 ms.
 *
 *   grades.preview_1000_ms   parse + validate + preview a 1,000-line batch
 *   grades.commit_1000_ms    commit it: 6,000 scores, 6,000 score events, one batch
 */
import { openApp } from '../src/app.ts'
import { createLogger } from '../src/logger.ts'
import { formatScore, type Score } from '../src/rules/index.ts'
import { Stores } from '../src/store/stores.ts'
import type { BenchSuite } from './suites.ts'

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng']
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Ngọc']
const SECOND = ['Hoài', 'Thanh', 'Bảo', 'Kim', 'Xuân']
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hạnh', 'Khoa', 'Lan', 'Mai', 'Nam', 'Oanh', 'Phúc']
const MODULES = ['THPT 17', 'THPT 19', 'THPT 20', 'THPT 22']
const SIZE = 1000

/** A distinct Vietnamese name per index, with no digits (as people write names). */
export function nameOf(i: number): string {
  const parts = [FAMILY, MIDDLE, SECOND, GIVEN]
  let n = i
  return parts
    .map((list) => {
      const word = list[n % list.length]!
      n = Math.floor(n / list.length)
      return word
    })
    .join(' ')
}

export function lineOf(name: string, i: number): string {
  const values = [0, 1, 2, 3, 4, 5].map((j) =>
    formatScore((500 + ((i * 31 + j * 17) % 21) * 25) as Score, ','),
  )
  switch (i % 4) {
    case 0:
      return `${name}: ${values.join(' ')}`
    case 1:
      return `${name} | ${values.map((v) => v.replace(',', '.')).join(' | ')}`
    case 2:
      return [name, ...values].join('\t')
    default:
      return `${name}; ${values.join('; ')}`
  }
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  // the garbage of the setup is not the batch's
  globalThis.gc?.()
  const start = performance.now()
  const value = await work()
  return { ms: Math.round((performance.now() - start) * 10) / 10, value }
}

/**
 * A school with one department of `size` teachers, each with an approved plan of four THPT
 * modules, written straight to the store; its admin and head can act on it.
 */
export async function departmentWithPlans(size: number) {
  const app = await openApp({ databasePath: ':memory:', logger: createLogger('error') })
  const { setup, schools, invites } = app.deps
  const owner = { telegramId: 1 }
  const admin = { telegramId: 2 }
  const head = { telegramId: 3 }
  await setup.bootstrap({ ownerTelegramIds: [owner.telegramId] })
  const made = await schools.createSchool(owner, { name: 'THPT Bench Grades' })
  if (!made.ok) throw new Error(JSON.stringify(made.error))
  const { school, year } = made.value
  const joined = await invites.redeem(admin, { code: made.value.adminInvite.code, fullName: 'Admin' })
  if (!joined.ok) throw new Error(JSON.stringify(joined.error))
  const department = await schools.createDepartment(admin, { schoolId: school.id, name: 'Tổ Toán' })
  if (!department.ok) throw new Error(JSON.stringify(department.error))
  const invite = await invites.create(admin, {
    schoolId: school.id,
    role: 'head',
    departmentId: department.value.id,
  })
  if (!invite.ok) throw new Error(JSON.stringify(invite.error))
  const headJoined = await invites.redeem(head, { code: invite.value.code, fullName: 'Tổ Trưởng' })
  if (!headJoined.ok) throw new Error(JSON.stringify(headJoined.error))

  // the department's teachers and their approved plans, written straight to the store
  const now = new Date().toISOString()
  const stores = new Stores(app.db)
  const names = Array.from({ length: size }, (_, i) => nameOf(i))
  await stores.people.createMany(
    names.map((fullName) => ({
      schoolId: school.id,
      fullName,
      role: 'teacher' as const,
      departmentId: department.value.id,
      level: 'THPT' as const,
      subject: 'Toán',
    })),
    now,
  )
  const people = await stores.people.list({
    schoolId: school.id,
    departmentId: department.value.id,
    role: 'teacher',
  })
  const modules = await app.db
    .selectFrom('modules')
    .select(['id', 'code'])
    .where('level', '=', 'THPT')
    .where('code', 'in', MODULES)
    .execute()
  const moduleIds = MODULES.map((code) => modules.find((m) => m.code === code)!.id)
  await app.db.transaction().execute(async (trx) => {
    for (const p of people) {
      const plan = await trx
        .insertInto('plans')
        .values({
          person_id: p.id,
          school_year_id: year.id,
          status: 'approved',
          return_reason: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('plan_modules')
        .values(
          moduleIds.map((module_id, i) => ({
            plan_id: plan.id,
            module_id,
            position: i + 1,
            added_at: now,
          })),
        )
        .execute()
    }
  })

  return { app, admin, head, names }
}

export const gradesSuite: BenchSuite = {
  name: 'grades',
  async run() {
    const { app, head, names } = await departmentWithPlans(SIZE)
    const { grades, gradeUndo } = app.deps
    const text = names.map((name, i) => lineOf(name, i)).join('\n')
    // warm up the code paths once, as in a running bot: a 50-line batch previewed, saved, undone
    const warm = await grades.parseBatch(head, { text: text.split('\n').slice(0, 50).join('\n') })
    if (!warm.ok) throw new Error(JSON.stringify(warm.error))
    const warmed = await grades.commitBatch(head, { preview: warm.value })
    if (!warmed.ok) throw new Error(JSON.stringify(warmed.error))
    const undone = await gradeUndo.undoBatch(head, { batchId: warmed.value.batchId })
    if (!undone.ok) throw new Error(JSON.stringify(undone.error))

    const preview = await timed(() => grades.parseBatch(head, { text }))
    if (
      !preview.value.ok ||
      preview.value.value.errors.length > 0 ||
      preview.value.value.lines.length !== SIZE
    )
      throw new Error(
        `grades preview: ${JSON.stringify(preview.value.ok ? preview.value.value.errors.slice(0, 3) : preview.value.error)}`,
      )
    const p = preview.value.value
    const commit = await timed(() => grades.commitBatch(head, { preview: p }))
    if (!commit.value.ok || commit.value.value.changes !== SIZE * 6)
      throw new Error(
        `grades commit: ${JSON.stringify(commit.value.ok ? commit.value.value.changes : commit.value.error)}`,
      )
    await app.close()
    return { preview_1000_ms: preview.ms, commit_1000_ms: commit.ms }
  },
}
