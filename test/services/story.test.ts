/**
 * The "Done when" story at the service level: an owner creates a school and its admin; the admin
 * makes departments and invites; a head and a teacher join; the teacher registers four THPT
 * modules (60 tiết), is refused a duplicate and an under-60 submission, submits; the head returns
 * it with a reason; the teacher fixes and resubmits; the head and the admin approve; every step is
 * recorded, and each notification carries its recipient's language.
 */
import { describe, expect, it } from 'vitest'
import { account, must, OWNER, refused, world } from './support.ts'

describe('a plan from joining to final approval', () => {
  it('goes through every step, recorded, with notifications in each language', async () => {
    const w = await world()
    const { setup, schools, invites, people, plans, planApprovals } = w.services

    // the owner comes from OWNER_TELEGRAM_IDS
    expect(await setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })).toMatchObject({
      owners: [1],
      setupCode: null,
    })
    await account(w, OWNER.telegramId)

    // the owner creates the school, with its year from the seed 004 calendar and an admin invite
    const created = must(await schools.createSchool(OWNER, { name: 'THPT Nguyễn Du' }))
    expect(created.year).toMatchObject({
      name: '2025-2026',
      planDeadline: '2025-09-07',
      approvalDeadline: '2025-09-14',
      profileId: 'tt26-2012',
      requiredNd3Hours: 60,
      isCurrent: true,
    })
    expect(created.adminInvite).toMatchObject({ role: 'admin', kind: 'single', state: 'active' })
    expect(created.adminInvite.code).toMatch(/^[a-z2-7]{10}$/)
    const schoolId = created.school.id

    // the admin joins by that invite
    const admin = await account(w, 10)
    const adminJoined = must(
      await invites.redeem(admin, { code: created.adminInvite.code, fullName: 'Trần Thị Hạnh' }),
    )
    expect(adminJoined.person).toMatchObject({ role: 'admin', schoolId, telegramId: 10 })
    expect(adminJoined.missing).toEqual(['level'])
    expect(adminJoined.commands).toContain('approve')
    expect(adminJoined.notify.map((r) => r.telegramId)).toEqual([OWNER.telegramId])

    // departments and invites
    const toan = must(await schools.createDepartment(admin, { schoolId, name: 'Tổ Toán' }))
    must(await schools.createDepartment(admin, { schoolId, name: 'Tổ Ngữ văn' }))
    expect(refused(await schools.createDepartment(admin, { schoolId, name: 'tổ toán' }))).toEqual({
      code: 'duplicate-name',
      name: 'tổ toán',
    })
    const headInvite = must(await invites.create(admin, { schoolId, role: 'head', departmentId: toan.id }))
    const teacherInvite = must(
      await invites.create(admin, { schoolId, role: 'teacher', departmentId: toan.id, kind: 'department' }),
    )

    // the head joins, then fills in what is missing
    const head = await account(w, 20)
    const seen = must(await invites.inspect(head, headInvite.code))
    expect(seen).toMatchObject({
      school: { name: 'THPT Nguyễn Du' },
      department: { name: 'Tổ Toán' },
      candidates: [],
    })
    const headJoined = must(await invites.redeem(head, { code: headInvite.code, fullName: 'Lê Văn Bình' }))
    expect(headJoined.missing).toEqual(['level', 'subject'])
    expect(must(await people.setProfile(head, { level: 'THPT', subject: 'Toán' })).missing).toEqual([])

    // the teacher, who reads English
    const teacher = await account(w, 30, 'en')
    const teacherJoined = must(
      await invites.redeem(teacher, { code: teacherInvite.code, fullName: 'Phạm Thu An' }),
    )
    expect(teacherJoined.person).toMatchObject({ role: 'teacher', departmentId: toan.id })
    expect(teacherJoined.commands).toEqual(expect.arrayContaining(['plan', 'modules']))
    expect(teacherJoined.commands).not.toContain('approve')
    const profile = must(await people.setProfile(teacher, { level: 'trung học phổ thông', subject: 'Toán' }))
    expect(profile.person.level).toBe('THPT')

    // the plan: ND1 + ND2 always, ND3 chosen
    const opened = must(await plans.getOrCreate(teacher))
    expect(opened.plan.status).toBe('draft')
    expect(opened.hours).toEqual({ nd1: 30, nd2: 30, nd3: 0, requiredNd3: 60, total: 60, requiredTotal: 120 })
    expect(opened.catalogue).toBe('THPT')
    const planId = opened.plan.id
    for (const code of ['THPT 17', 'thpt19', 'THPT-20'])
      must(await plans.addModule(teacher, { planId, code }))

    // under 60 tiết: refused by the rule engine
    const under = refused(await plans.submit(teacher, { planId }))
    expect(under).toMatchObject({ code: 'plan-invalid', totalHours: 45, requiredHours: 60 })
    expect(under.code === 'plan-invalid' && under.errors.map((e) => e.code)).toEqual(['hours-below-required'])

    const full = must(await plans.addModule(teacher, { planId, code: 'THPT 22' }))
    expect(full.modules.map((m) => m.code)).toEqual(['THPT 17', 'THPT 19', 'THPT 20', 'THPT 22'])
    expect(full.hours).toMatchObject({ nd3: 60, total: 120 })
    expect(full.check?.valid).toBe(true)
    expect(full.canSubmit).toBe(true)

    // a fifth, duplicate module: refused, nothing added
    expect(refused(await plans.addModule(teacher, { planId, code: 'thpt 17' }))).toMatchObject({
      code: 'duplicate-module',
      moduleCode: 'thpt 17',
      firstIndex: 0,
    })
    // another level's or another catalogue's module: refused too
    expect(refused(await plans.addModule(teacher, { planId, code: 'QLTrH 2' }))).toMatchObject({
      code: 'wrong-catalogue',
      moduleCatalogue: 'QL',
      catalogue: 'THPT',
    })
    expect(refused(await plans.addModule(teacher, { planId, code: 'THPT 99' }))).toMatchObject({
      code: 'unknown-module',
    })
    expect(must(await plans.get(teacher, { planId })).modules).toHaveLength(4)

    // submit: the head is told, in Vietnamese (no language chosen)
    const submitted = must(await plans.submit(teacher, { planId }))
    expect(submitted.view.plan.status).toBe('submitted')
    expect(submitted.view.editable).toBe(false)
    expect(submitted.transition.notify).toEqual([
      {
        personId: headJoined.person.id,
        telegramId: 20,
        fullName: 'Lê Văn Bình',
        language: 'vi',
        audience: 'head',
      },
    ])
    // a waiting plan cannot change
    expect(refused(await plans.removeModule(teacher, { planId, moduleId: full.modules[0]!.id }))).toEqual({
      code: 'plan-locked',
      status: 'submitted',
    })

    // what waits for whom
    expect(must(await planApprovals.waiting(head)).map((i) => [i.planId, i.step, i.totalHours])).toEqual([
      [planId, 'head', 60],
    ])
    expect(must(await planApprovals.waiting(admin))).toEqual([])
    // the admin cannot skip the head
    expect(refused(await planApprovals.approve(admin, { planId }))).toEqual({
      code: 'wrong-status',
      status: 'submitted',
      expected: ['head_approved'],
    })

    // the head returns it with a reason: the teacher is told, in English
    const returned = must(
      await planApprovals.returnPlan(head, { planId, reason: 'Chọn THPT 31 thay cho THPT 22' }),
    )
    expect(returned.view.plan).toMatchObject({
      status: 'returned',
      returnReason: 'Chọn THPT 31 thay cho THPT 22',
    })
    expect(returned.transition.notify).toEqual([
      expect.objectContaining({ telegramId: 30, language: 'en', audience: 'owner' }),
    ])
    expect(must(await planApprovals.waiting(head))).toEqual([])

    // the teacher fixes it and resubmits
    const thpt22 = full.modules.find((m) => m.code === 'THPT 22')!
    must(await plans.removeModule(teacher, { planId, moduleId: thpt22.id }))
    const fixed = must(await plans.addModule(teacher, { planId, code: 'THPT 31' }))
    expect(fixed.modules.map((m) => m.code)).toEqual(['THPT 17', 'THPT 19', 'THPT 20', 'THPT 31'])
    expect(must(await plans.submit(teacher, { planId })).view.plan).toMatchObject({
      status: 'submitted',
      returnReason: null,
    })

    // the head approves: the teacher and the admin are told
    const headApproved = must(await planApprovals.approve(head, { planId }))
    expect(headApproved.view.plan.status).toBe('head_approved')
    expect(headApproved.transition.notify.map((r) => [r.telegramId, r.audience, r.language])).toEqual([
      [30, 'owner', 'en'],
      [10, 'admin', 'vi'],
    ])
    expect(refused(await planApprovals.approve(head, { planId }))).toMatchObject({ code: 'wrong-status' })

    // the admin gives the final approval
    expect(
      must(await planApprovals.waiting(admin)).map((i) => [i.planId, i.step, i.person.fullName]),
    ).toEqual([[planId, 'school', 'Phạm Thu An']])
    const approved = must(await planApprovals.approve(admin, { planId }))
    expect(approved.view.plan.status).toBe('approved')
    expect(approved.transition).toMatchObject({
      action: 'approve',
      from: 'head_approved',
      to: 'approved',
      actor: { telegramId: 10, fullName: 'Trần Thị Hạnh' },
      owner: { fullName: 'Phạm Thu An' },
    })
    expect(approved.transition.notify.map((r) => r.telegramId)).toEqual([30])
    expect(must(await planApprovals.waiting(admin))).toEqual([])

    // every step recorded with who and when
    const events = must(await plans.events(teacher, { planId }))
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorTelegramId, e.moduleCode])).toEqual([
      ['create', null, 'draft', 30, null],
      ['add-module', 'draft', 'draft', 30, 'THPT 17'],
      ['add-module', 'draft', 'draft', 30, 'THPT 19'],
      ['add-module', 'draft', 'draft', 30, 'THPT 20'],
      ['add-module', 'draft', 'draft', 30, 'THPT 22'],
      ['submit', 'draft', 'submitted', 30, null],
      ['return', 'submitted', 'returned', 20, null],
      ['remove-module', 'returned', 'returned', 30, 'THPT 22'],
      ['add-module', 'returned', 'returned', 30, 'THPT 31'],
      ['submit', 'returned', 'submitted', 30, null],
      ['approve', 'submitted', 'head_approved', 20, null],
      ['approve', 'head_approved', 'approved', 10, null],
    ])
    expect(events.find((e) => e.action === 'return')).toMatchObject({
      reason: 'Chọn THPT 31 thay cho THPT 22',
      actorName: 'Lê Văn Bình',
      at: expect.stringMatching(/^2025-08-28T/),
    })
    const audit = await w.app.db.selectFrom('audit_log').select('action').execute()
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'school.create',
        'invite.redeem',
        'plan.submit',
        'plan.return',
        'plan.approve',
      ]),
    )

    // an approved plan is reopened only by the school's admin, with a reason
    expect(refused(await planApprovals.reopen(head, { planId, reason: 'x' }))).toMatchObject({
      code: 'wrong-status',
    })
    const reopened = must(await planApprovals.reopen(admin, { planId, reason: 'Sở đổi danh mục' }))
    expect(reopened.view.plan.status).toBe('returned')
    expect(reopened.view.editable).toBe(true)
  })

  it('sends a plan straight to the admins when the tổ has no other head, and a manager picks from QL', async () => {
    const w = await world()
    const { schools, invites, people, plans, planApprovals } = w.services
    await w.services.setup.bootstrap({ ownerTelegramIds: [1] })
    const created = must(await schools.createSchool(OWNER, { name: 'THPT Lê Lợi', adminName: 'Hiệu Trưởng' }))
    const admin = await account(w, 10)
    // an invite made for a named person links to them whatever name is typed
    const joined = must(await invites.redeem(admin, { code: created.adminInvite.code, fullName: 'ignored' }))
    expect(joined.person.fullName).toBe('Hiệu Trưởng')
    const schoolId = created.school.id
    const dept = must(await schools.createDepartment(admin, { schoolId, name: 'Tổ Lý' }))

    const head = await account(w, 20)
    const invite = must(await invites.create(admin, { schoolId, role: 'head', departmentId: dept.id }))
    must(await invites.redeem(head, { code: invite.code, fullName: 'Tổ Trưởng Lý' }))
    must(await people.setProfile(head, { level: 'THPT', subject: 'Vật lý' }))
    const planId = must(await plans.getOrCreate(head)).plan.id
    for (const code of ['THPT 17', 'THPT 19', 'THPT 31', 'THPT 34'])
      must(await plans.addModule(head, { planId, code }))
    const sent = must(await plans.submit(head, { planId }))
    expect(sent.view.headStep).toBe(false)
    expect(sent.transition.notify.map((r) => [r.telegramId, r.audience])).toEqual([[10, 'admin']])
    expect(must(await planApprovals.waiting(admin)).map((i) => [i.planId, i.step])).toEqual([
      [planId, 'school'],
    ])
    expect(refused(await planApprovals.approve(head, { planId }))).toEqual({ code: 'forbidden' })
    expect(must(await planApprovals.approve(admin, { planId })).view.plan.status).toBe('approved')

    // a manager (HT/PHT) chooses from the managers' catalogue
    const managerPerson = must(
      await people.add(admin, { schoolId, fullName: 'Phó Hiệu Trưởng', role: 'manager' }),
    )
    const manager = await account(w, 40)
    const managerInvite = must(
      await invites.create(admin, { schoolId, role: 'manager', personId: managerPerson.id }),
    )
    must(await invites.redeem(manager, { code: managerInvite.code, personId: managerPerson.id }))
    const mPlan = must(await plans.getOrCreate(manager))
    expect(mPlan.catalogue).toBe('QL')
    expect(refused(await plans.addModule(manager, { planId: mPlan.plan.id, code: 'THPT 17' }))).toMatchObject(
      {
        code: 'wrong-catalogue',
        catalogue: 'QL',
      },
    )
    for (const code of ['qltrh2', 'QLTrH 6', 'QLTrH 12', 'QLTrH 14']) {
      must(await plans.addModule(manager, { planId: mPlan.plan.id, code }))
    }
    expect(must(await plans.submit(manager, { planId: mPlan.plan.id })).view.hours.nd3).toBe(60)
  })

  it('needs the level before modules can be chosen, and gives staff no plan', async () => {
    const w = await world()
    const { schools, invites, people, plans } = w.services
    await w.services.setup.bootstrap({ ownerTelegramIds: [1] })
    const created = must(await schools.createSchool(OWNER, { name: 'THPT A' }))
    const admin = await account(w, 10)
    must(await invites.redeem(admin, { code: created.adminInvite.code, fullName: 'Admin' }))
    const dept = must(await schools.createDepartment(admin, { schoolId: created.school.id, name: 'Tổ Hóa' }))
    const teacher = await account(w, 30)
    const invite = must(
      await invites.create(admin, { schoolId: created.school.id, role: 'teacher', departmentId: dept.id }),
    )
    must(await invites.redeem(teacher, { code: invite.code, fullName: 'GV Hóa' }))
    const plan = must(await plans.getOrCreate(teacher))
    expect(plan.catalogue).toBeNull()
    expect(plan.check).toBeNull()
    expect(refused(await plans.addModule(teacher, { planId: plan.plan.id, code: 'THPT 17' }))).toMatchObject({
      code: 'level-missing',
    })
    expect(refused(await people.setProfile(teacher, { level: 'đại học' }))).toMatchObject({
      code: 'unknown-level',
      value: 'đại học',
    })
    const staff = await account(w, 50)
    const staffInvite = must(await invites.create(admin, { schoolId: created.school.id, role: 'staff' }))
    must(await invites.redeem(staff, { code: staffInvite.code, fullName: 'Văn thư' }))
    expect(refused(await plans.getOrCreate(staff))).toEqual({ code: 'no-plan-for-role', role: 'staff' })
    expect(refused(await plans.getOrCreate(await account(w, 99)))).toEqual({ code: 'not-linked' })
  })
})
