/**
 * A school for the grades tests: the support's school (admin, Tổ Toán and Tổ Văn with a head and a
 * teacher each) plus a team of teachers in Tổ Toán imported from a staff list, each with an
 * approved plan of four THPT modules (three different module sets), some of them linked to a
 * Telegram account; and a manager (PHT) with an approved plan of four QLTrH modules.
 */
import { formatScore, type Score } from '../../src/rules/index.ts'
import { fold } from '../../src/store/text.ts'
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
  const { plans, planApprovals } = w.services
  const plan = must(await plans.getOrCreate(s.admin, { personId }))
  for (const code of modules) must(await plans.addModule(s.admin, { planId: plan.plan.id, code }))
  must(await plans.submit(s.admin, { planId: plan.plan.id }))
  if (head) must(await planApprovals.approve(head, { planId: plan.plan.id }))
  must(await planApprovals.approve(s.admin, { planId: plan.plan.id }))
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

/** Each teacher's intended scores, in hundredths: ND1, ND2, then the plan's four modules. */
export const PATTERNS = [
  [900, 950, 900, 900, 850, 900], // Giỏi
  [800, 750, 800, 850, 700, 800], // Khá
  [600, 650, 550, 600, 700, 600], // Trung bình
  [900, 900, 900, 900, 900, 650], // Khá: one module under 7
  [450, 800, 800, 800, 800, 800], // không hoàn thành: ND1 under 5
  [725, 800, 875, 900, 650, 700], // Khá, with two decimals
] as const
export const intended = (i: number): number[] => [...PATTERNS[i % PATTERNS.length]!]

export const dot = (v: number) => formatScore(v as Score)
export const comma = (v: number) => dot(v).replace('.', ',')

/** The header line of the batch sets another order, with every module of the three plan kinds. */
export const HEADER_COLUMNS = ['ND2', 'ND1', 'THPT 34', 'THPT 31', 'THPT 22', 'THPT 20', 'THPT 19', 'THPT 17']
export const HEADER = `Họ tên | ${HEADER_COLUMNS.join(' | ')}`

/** A teacher's values in the header's order; '' under a module their plan lacks. */
export function headerCells(m: Member, values: number[], format: (v: number) => string): string[] {
  return HEADER_COLUMNS.map((column) => {
    if (column === 'ND1') return format(values[0]!)
    if (column === 'ND2') return format(values[1]!)
    const at = m.modules.indexOf(column)
    return at < 0 ? '' : format(values[2 + at]!)
  })
}

/**
 * The 30-line batch: teachers 0–19 in ND1, ND2, plan order written five ways, an unknown name,
 * the header, then teachers 20–27 in the header's order written three ways: 29 data lines and
 * a header. Teachers 0 and 22 are written without diacritics; teacher 7 has an 11; teacher 12
 * lacks a module. `fixed` gives the batch with the three mistakes corrected (teacher 28 instead
 * of the unknown name).
 */
export function batch(team: Member[], fixed: boolean): string[] {
  const lines: string[] = []
  for (let i = 0; i < 20; i++) {
    const m = team[i]!
    const v = intended(i)
    const name = i === 0 ? fold(m.fullName) : m.fullName // "nguyen van an"
    if (i < 5) lines.push(`${name}: ${v.map(comma).join(' ')}`)
    else if (i < 10) {
      const cells = v.map(dot)
      if (i === 7 && !fixed) cells[1] = '11'
      lines.push(`${name} | ${cells.join(' | ')}`)
    } else if (i < 14) {
      const cells = v.map(comma)
      if (i === 12 && !fixed) cells.pop()
      lines.push([name, ...cells].join('\t'))
    } else if (i < 17) lines.push(`${name}; ${v.map(comma).join('; ')}`)
    else lines.push(`${name}, ${v.map(comma).join(', ')}`)
  }
  if (fixed) lines.push(`${team[28]!.fullName}: ${intended(28).map(comma).join(' ')}`)
  else lines.push('Nguyễn Văn Không Có: 8 8 8 8 8 8')
  lines.push(HEADER)
  for (let i = 20; i < 28; i++) {
    const m = team[i]!
    const v = intended(i)
    const name =
      i === 22
        ? `  ${fold(m.fullName)
            .split(' ')
            .map((w) => w.toUpperCase())
            .join('   ')}`
        : m.fullName
    if (i % 3 === 0) lines.push(`${name} | ${headerCells(m, v, dot).join(' | ')}`)
    else if (i % 3 === 1)
      lines.push(
        `${name}: ${headerCells(m, v, comma)
          .map((c) => c || '-')
          .join(' ')}`,
      )
    else lines.push([name, ...headerCells(m, v, comma)].join('\t'))
  }
  return lines
}
