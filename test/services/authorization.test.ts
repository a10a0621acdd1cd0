/**
 * Every mutating service, called on data that is not the caller's — by a teacher of another
 * department, a head of another department, an admin of another school, and a colleague of the
 * same department — is refused with `forbidden`, and the store is byte-for-byte as it was.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/services/access.ts'
import type { Result } from '../../src/services/result.ts'
import type { StaffPreview } from '../../src/services/staff-list-import.ts'
import { account, fullPlan, must, OWNER, refused, school, snapshot, type World, world } from './support.ts'

let w: World
let a: Awaited<ReturnType<typeof school>>
let b: Awaited<ReturnType<typeof school>>
let colleague: Actor & { personId: number }
let planId: number
let moduleId: number
let inviteId: number
let preview: StaffPreview
let requestId: number

beforeAll(async () => {
  w = await world()
  await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
  a = await school(w, 'THPT A', 100)
  b = await school(w, 'THPT B', 200)
  // a second teacher of A's Tổ Toán
  const invite = must(
    await w.services.invites.create(a.admin, {
      schoolId: a.school.id,
      role: 'teacher',
      departmentId: a.toan.id,
    }),
  )
  const c = await account(w, 150)
  colleague = {
    ...c,
    personId: must(await w.services.invites.redeem(c, { code: invite.code, fullName: 'Colleague' })).person
      .id,
  }
  must(await w.services.people.setProfile(c, { level: 'THPT', subject: 'Toán' }))
  // the target: A's Toán teacher's plan, submitted
  planId = await fullPlan(w, a.teacherToan)
  moduleId = must(await w.services.plans.get(a.teacherToan, { planId })).modules[0]!.id
  must(await w.services.plans.submit(a.teacherToan, { planId }))
  inviteId = must(
    await w.services.invites.create(a.headToan, {
      schoolId: a.school.id,
      role: 'teacher',
      departmentId: a.toan.id,
    }),
  ).id
  // someone claims a listed teacher of A's Tổ Toán through a department-wide link
  const listed = must(
    await w.services.people.add(a.admin, {
      schoolId: a.school.id,
      fullName: 'Listed Toán',
      role: 'teacher',
      departmentId: a.toan.id,
    }),
  )
  const wide = must(
    await w.services.invites.create(a.admin, {
      schoolId: a.school.id,
      role: 'teacher',
      departmentId: a.toan.id,
      kind: 'department',
    }),
  )
  requestId = must(
    await w.services.joinRequests.request(await account(w, 160), {
      code: wide.code,
      personId: listed.id,
      telegramName: 'Claimant',
    }),
  ).requestId
  preview = must(
    await w.services.imports.previewStaff(a.admin, {
      schoolId: a.school.id,
      fileName: 'staff.csv',
      data: new TextEncoder().encode('Họ và tên,Vai trò,Tổ\nNguyễn Mới,giáo viên,Tổ Toán\n'),
    }),
  )
})

type Call = (actor: Actor) => Promise<Result<unknown, { code: string }>>

/** Each mutating service, aimed at school A's Tổ Toán and its teacher's plan. */
const calls: Record<string, Call> = {
  'plans.getOrCreate (someone else)': (x) =>
    w.services.plans.getOrCreate(x, { personId: a.teacherToan.personId }),
  'plans.addModule': (x) => w.services.plans.addModule(x, { planId, code: 'THPT 31' }),
  'plans.removeModule': (x) => w.services.plans.removeModule(x, { planId, moduleId }),
  'plans.submit': (x) => w.services.plans.submit(x, { planId }),
  'planApprovals.approve': (x) => w.services.planApprovals.approve(x, { planId }),
  'planApprovals.returnPlan': (x) => w.services.planApprovals.returnPlan(x, { planId, reason: 'no' }),
  'planApprovals.reopen': (x) => w.services.planApprovals.reopen(x, { planId, reason: 'no' }),
  'people.setProfile': (x) =>
    w.services.people.setProfile(x, { personId: a.teacherToan.personId, level: 'THCS' }),
  'people.add': (x) =>
    w.services.people.add(x, { schoolId: a.school.id, fullName: 'Intruder', role: 'teacher' }),
  'people.update': (x) => w.services.people.update(x, { personId: a.teacherToan.personId, role: 'admin' }),
  'people.unlink': (x) => w.services.people.unlink(x, { personId: a.teacherToan.personId }),
  'invites.create (teacher of Toán)': (x) =>
    w.services.invites.create(x, { schoolId: a.school.id, role: 'teacher', departmentId: a.toan.id }),
  'invites.create (admin)': (x) => w.services.invites.create(x, { schoolId: a.school.id, role: 'admin' }),
  'invites.revoke': (x) => w.services.invites.revoke(x, { inviteId }),
  'schools.createSchool': (x) => w.services.schools.createSchool(x, { name: 'THPT Intruder' }),
  'schools.createDepartment': (x) =>
    w.services.schools.createDepartment(x, { schoolId: a.school.id, name: 'Tổ Mới' }),
  'schools.renameDepartment': (x) =>
    w.services.schools.renameDepartment(x, { departmentId: a.toan.id, name: 'Tổ X' }),
  'schools.setDeadlines': (x) =>
    w.services.schools.setDeadlines(x, { schoolYearId: a.year.id, planDeadline: '2025-09-30' }),
  'imports.previewStaff': (x) =>
    w.services.imports.previewStaff(x, {
      schoolId: a.school.id,
      fileName: 'staff.csv',
      data: new TextEncoder().encode('Họ và tên,Vai trò,Tổ\nX Y,giáo viên,Tổ Toán\n'),
    }),
  'imports.commitStaff': (x) => w.services.imports.commitStaff(x, { schoolId: a.school.id, preview }),
  'setup.addOwner': (x) => w.services.setup.addOwner(x, { telegramId: 999 }),
  'setup.revokeOwner': (x) => w.services.setup.revokeOwner(x, { telegramId: OWNER.telegramId }),
  'joinRequests.decide': (x) => w.services.joinRequests.decide(x, { requestId, approve: true }),
}

/** Reads that must not show another's data either. */
const reads: Record<string, Call> = {
  'plans.get': (x) => w.services.plans.get(x, { planId }),
  'plans.events': (x) => w.services.plans.events(x, { planId }),
  'people.get': (x) => w.services.people.get(x, { personId: a.teacherToan.personId }),
  'people.list (Toán)': (x) => w.services.people.list(x, { schoolId: a.school.id, departmentId: a.toan.id }),
  'invites.list (Toán)': (x) =>
    w.services.invites.list(x, { schoolId: a.school.id, departmentId: a.toan.id }),
  'schools.getSchool': (x) => w.services.schools.getSchool(x, { schoolId: a.school.id }),
}

const strangers = () => ({
  'a teacher of another department': a.teacherVan,
  'a head of another department': a.headVan,
  'an admin of another school': b.admin,
  'a head of another school': b.headToan,
})

describe('authorization', () => {
  for (const who of [
    'a teacher of another department',
    'a head of another department',
    'an admin of another school',
    'a head of another school',
  ] as const) {
    for (const [name, call] of Object.entries(calls)) {
      it(`${name} by ${who}: forbidden, nothing changed`, async () => {
        const before = await snapshot(w)
        expect(refused(await call(strangers()[who]))).toEqual({ code: 'forbidden' })
        expect(await snapshot(w)).toBe(before)
      })
    }
  }

  for (const who of ['a head of another department', 'an admin of another school'] as const) {
    for (const [name, call] of Object.entries(reads)) {
      // a head of Văn may see their own school's overview; everything else is refused
      if (name === 'schools.getSchool' && who === 'a head of another department') continue
      it(`${name} by ${who}: forbidden`, async () => {
        expect(refused(await call(strangers()[who]))).toEqual({ code: 'forbidden' })
      })
    }
  }

  it('a teacher may not act on a colleague of the same department', async () => {
    const before = await snapshot(w)
    for (const name of [
      'plans.getOrCreate (someone else)',
      'plans.addModule',
      'plans.submit',
      'planApprovals.approve',
      'planApprovals.returnPlan',
      'people.setProfile',
      'people.unlink',
      'invites.create (teacher of Toán)',
      'invites.revoke',
    ]) {
      expect(refused(await calls[name]!(colleague)), name).toEqual({ code: 'forbidden' })
    }
    for (const call of Object.values(reads)) {
      const result = await call(colleague)
      if (call === reads['schools.getSchool']) expect(result.ok).toBe(true)
      else expect(refused(result)).toEqual({ code: 'forbidden' })
    }
    expect(await snapshot(w)).toBe(before)
  })

  it('a head may invite teachers of their own department only, and not approve their own plan', async () => {
    const before = await snapshot(w)
    const { invites, plans, planApprovals } = w.services
    for (const role of ['head', 'admin', 'manager', 'staff'] as const) {
      expect(
        refused(await invites.create(a.headToan, { schoolId: a.school.id, role, departmentId: a.toan.id })),
      ).toEqual({
        code: 'forbidden',
      })
    }
    expect(
      refused(
        await invites.create(a.headToan, { schoolId: a.school.id, role: 'teacher', departmentId: a.van.id }),
      ),
    ).toEqual({
      code: 'forbidden',
    })
    // a department of school B named from school A
    expect(
      refused(
        await invites.create(a.admin, { schoolId: a.school.id, role: 'teacher', departmentId: b.toan.id }),
      ),
    ).toEqual({
      code: 'forbidden',
    })
    const own = must(await plans.getOrCreate(a.headVan))
    expect(refused(await planApprovals.approve(a.headVan, { planId: own.plan.id }))).toEqual({
      code: 'forbidden',
    })
    expect(await snapshot(w)).not.toBe(before) // getOrCreate made the head's own draft
  })

  it('the rightful people may: head of Toán, admin of A, the owner', async () => {
    const { plans, planApprovals, people } = w.services
    expect(must(await plans.get(a.headToan, { planId })).plan.status).toBe('submitted')
    expect(
      must(await people.list(a.headToan, { schoolId: a.school.id })).every(
        (p) => p.departmentId === a.toan.id,
      ),
    ).toBe(true)
    expect(must(await people.list(a.admin, { schoolId: a.school.id })).length).toBeGreaterThan(4)
    expect(must(await plans.get(OWNER, { planId })).plan.id).toBe(planId)
    expect(must(await planApprovals.waiting(OWNER, { schoolId: a.school.id }))).toEqual([])
  })
})
