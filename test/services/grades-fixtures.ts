/**
 * A school for the grades tests: the support's school (admin, Tổ Toán and Tổ Văn with a head and a
 * teacher each) plus a team of teachers in Tổ Toán imported from a staff list, each with an
 * approved plan of four THPT modules (three different module sets), some of them linked to a
 * Telegram account; and a manager (PHT) with an approved plan of four QLTrH modules.
 */
import { account, must, OWNER, school, type World, world } from './support.ts'

export const MODULE_SETS = [
  ['THPT 17', 'THPT 19', 'THPT 20', 'THPT 22'],
  ['THPT 17', 'THPT 19', 'THPT 31', 'THPT 34'],
  ['THPT 20', 'THPT 22', 'THPT 31', 'THPT 34'],
] as const

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng']
const MIDDLE = ['Văn', 'Thị', 'Minh']
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hạnh', 'Khoa', 'Lan', 'Mai', 'Nam', 'Oanh']

export interface Member {
  personId: number
  fullName: string
  modules: readonly string[]
  /** set for the linked ones */
  telegramId: number | null
  language: 'vi' | 'en' | null
}

export type School = Awaited<ReturnType<typeof school>>

export interface GradesWorld {
  w: World
  s: School
  team: Member[]
  manager: Member & { telegramId: number }
}

/** `size` teachers of Tổ Toán with approved plans; the ones at `linked` have accounts (index → language). */
export async function gradesWorld(
  size = 30,
  linked: Record<number, 'vi' | 'en'> = { 0: 'vi', 1: 'en', 2: 'vi' },
): Promise<GradesWorld> {
  const w = await world()
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  const s = await school(w, 'THPT Nguyễn Du', 100)
  const names = Array.from(
    { length: size },
    (_, i) =>
      `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}${i >= 30 ? ` ${i}` : ''}`,
  )
  const csv = ['Họ và tên,Vai trò,Tổ,Cấp học,Môn', ...names.map((n) => `${n},giáo viên,Tổ Toán,THPT,Toán`)]
  const preview = must(
    await w.services.imports.previewStaff(s.admin, {
      schoolId: s.school.id,
      fileName: 'staff.csv',
      data: new TextEncoder().encode(csv.join('\n')),
    }),
  )
  must(await w.services.imports.commitStaff(s.admin, { schoolId: s.school.id, preview }))
  const people = must(
    await w.services.people.list(s.admin, { schoolId: s.school.id, departmentId: s.toan.id }),
  )
  const team: Member[] = []
  for (const [i, fullName] of names.entries()) {
    const person = people.find((p) => p.fullName === fullName)!
    const modules = MODULE_SETS[i % MODULE_SETS.length]!
    await approvedPlan(w, s, person.id, modules, s.headToan)
    let telegramId: number | null = null
    const language = linked[i] ?? null
    if (language) {
      telegramId = 1000 + i
      await link(w, s, person.id, telegramId, language)
    }
    team.push({ personId: person.id, fullName, modules, telegramId, language })
  }
  // a vice principal (CBQL), graded by the admin, pass/fail
  const invite = must(
    await w.services.invites.create(s.admin, { schoolId: s.school.id, role: 'manager', departmentId: null }),
  )
  const m = await account(w, 900, 'vi')
  const joined = must(await w.services.invites.redeem(m, { code: invite.code, fullName: 'Lương Thế Vinh' }))
  must(await w.services.people.setProfile(m, { level: 'THPT' }))
  const managerModules = ['QLTrH 2', 'QLTrH 6', 'QLTrH 12', 'QLTrH 14']
  await approvedPlan(w, s, joined.person.id, managerModules, null)
  return {
    w,
    s,
    team,
    manager: {
      personId: joined.person.id,
      fullName: 'Lương Thế Vinh',
      modules: managerModules,
      telegramId: 900,
      language: 'vi',
    },
  }
}

/** A plan made, submitted and approved (by the head when given, then by the admin). */
export async function approvedPlan(
  w: World,
  s: School,
  personId: number,
  modules: readonly string[],
  head: { telegramId: number } | null,
): Promise<number> {
  const { plans } = w.services
  const plan = must(await plans.getOrCreate(s.admin, { personId }))
  for (const code of modules) must(await plans.addModule(s.admin, { planId: plan.plan.id, code }))
  must(await plans.submit(s.admin, { planId: plan.plan.id }))
  if (head) must(await plans.approve(head, { planId: plan.plan.id }))
  must(await plans.approve(s.admin, { planId: plan.plan.id }))
  return plan.plan.id
}

/** Links a Telegram account (with a language) to an imported person, by a personal invite. */
export async function link(w: World, s: School, personId: number, telegramId: number, language: 'vi' | 'en') {
  const invite = must(
    await w.services.invites.create(s.admin, {
      schoolId: s.school.id,
      role: 'teacher',
      departmentId: s.toan.id,
      personId,
    }),
  )
  const a = await account(w, telegramId, language)
  must(await w.services.invites.redeem(a, { code: invite.code, personId }))
}
