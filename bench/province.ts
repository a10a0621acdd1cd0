/**
 * The owner's sheet of a province: 2,000 schools, each with its current year and 20 teachers in
 * one department, written to the store; `reports.provinceSheet` reads every school's /team rows at
 * once (src/services/province-read.ts), judges them with the rule engine and writes one row per
 * school with a total.
 *
 *   report.province_2000_schools_xlsx_ms   from the store to the .xlsx bytes (target ≤ 3,000)
 */
import { openApp } from '../src/app.ts'
import { createLogger } from '../src/logger.ts'
import { Stores } from '../src/store/stores.ts'
import { nameOf, timed } from './grades.ts'

export async function provinceOf(schools: number, perSchool: number) {
  const app = await openApp({ databasePath: ':memory:', logger: createLogger('error') })
  const owner = { telegramId: 1 }
  await app.deps.setup.bootstrap({ ownerTelegramIds: [owner.telegramId] })
  const stores = new Stores(app.db)
  const now = new Date().toISOString()
  for (let s = 0; s < schools; s++) {
    const made = await app.deps.schools.createSchool(owner, { name: `THCS Bench ${s + 1}` })
    if (!made.ok) throw new Error(JSON.stringify(made.error))
    const department = await stores.schools.createDepartment(made.value.school.id, 'Tổ Toán – Tin', now)
    await stores.people.createMany(
      Array.from({ length: perSchool }, (_, i) => ({
        schoolId: made.value.school.id,
        fullName: nameOf(s * perSchool + i),
        role: 'teacher' as const,
        departmentId: department.id,
        level: 'THCS' as const,
        subject: 'Toán',
      })),
      now,
    )
  }
  return { app, owner }
}

export async function provinceSheetMs(schools = 2000, perSchool = 20): Promise<number> {
  const { app, owner } = await provinceOf(schools, perSchool)
  const t = (key: string, args?: Record<string, string | number>) => app.deps.i18n.t('vi', key, args)
  // once to warm the code paths, as in a running bot
  await app.deps.reports.provinceSheet(owner, t)
  const sheet = await timed(() => app.deps.reports.provinceSheet(owner, t))
  if (!sheet.value.ok || sheet.value.value.schools !== schools)
    throw new Error(
      `province sheet: ${JSON.stringify(sheet.value.ok ? sheet.value.value.schools : sheet.value.error)}`,
    )
  await app.close()
  return sheet.ms
}
