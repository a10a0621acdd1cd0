/**
 * An admin keeps the school's departments from /departments: renames one, and merges two (one tổ
 * under two names, or two tổ made one) after a confirmation that says what moves; everyone and
 * everything of the merged department goes along. Nobody else can, and nothing joins itself.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Harness, inProcessWorld, texts } from '../helpers/bot-harness.ts'
import { fullPlan, must, refused, school, snapshot, type World } from '../services/support.ts'

let h: Harness
let w: World
let A: Awaited<ReturnType<typeof school>>

beforeAll(async () => {
  ;({ h, w } = await inProcessWorld())
  A = await school(w, 'Trường A', 100)
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

const departmentOf = async (personId: number) =>
  must(await h.app.deps.people.list(A.admin, { schoolId: A.school.id })).find((p) => p.id === personId)
    ?.departmentName

it('renames a department', async () => {
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  await admin.say('/departments')
  await admin.tap('✏️ Đổi tên tổ')
  await admin.tap('Tổ Văn')
  expect(texts(await admin.say('Tổ Ngữ văn'))).toContain('Đã đổi tên Tổ Văn thành Tổ Ngữ văn')
  expect(texts(await admin.say('/departments'))).toContain('• Tổ Ngữ văn')
  expect(await departmentOf(A.teacherVan.personId)).toBe('Tổ Ngữ văn')
})

it('merges one department into another after confirming, moving its people with their plans', async () => {
  const planId = await fullPlan(w, A.teacherVan)
  const meeting = must(
    await h.app.deps.calendar.add(A.admin, {
      schoolYearId: A.year.id,
      titleVi: 'Họp tổ Văn',
      dueDate: '2025-10-01',
      roles: ['teacher'],
      departmentIds: [A.van.id],
    }),
  )
  const admin = h.fake.user({ id: A.admin.telegramId, first_name: 'Admin' })
  await admin.say('/departments')
  await admin.tap('🔗 Gộp hai tổ')
  const into = await admin.tap('Tổ Ngữ văn')
  // it cannot be merged into itself: it is not offered
  expect(admin.buttons(into.at(-1)).map((b) => b.text)).toEqual(['Tổ Toán'])
  const asked = texts(await admin.tap('Tổ Toán'))
  expect(asked).toContain('Gộp Tổ Ngữ văn vào Tổ Toán')
  expect(await departmentOf(A.teacherVan.personId)).toBe('Tổ Ngữ văn')
  expect(texts(await admin.tap('✅ Gộp'))).toContain('Đã gộp Tổ Ngữ văn vào Tổ Toán: 2 người đã chuyển sang')
  expect(await departmentOf(A.teacherVan.personId)).toBe('Tổ Toán')
  expect(await departmentOf(A.headVan.personId)).toBe('Tổ Toán')
  expect(must(await h.app.deps.plans.get(A.teacherVan, { planId })).modules).toHaveLength(4)
  // a deadline for the merged department now concerns the one it joined
  const deadlines = must(await h.app.deps.calendar.list(A.admin, { schoolId: A.school.id }))
  expect(deadlines.find((d) => d.id === meeting.id)?.departmentIds).toEqual([A.toan.id])
  const list = texts(await admin.say('/departments'))
  expect(list).not.toContain('Tổ Ngữ văn')
  expect(list).toContain('(1)')
})

it('refuses a merge into itself and anyone but the admin, changing nothing', async () => {
  const before = await snapshot(w)
  expect(
    refused(await h.app.deps.schools.mergeDepartments(A.admin, { fromId: A.toan.id, intoId: A.toan.id })),
  ).toEqual({ code: 'merge-self', name: 'Tổ Toán' })
  expect(
    refused(await h.app.deps.schools.mergeDepartments(A.headToan, { fromId: A.van.id, intoId: A.toan.id })),
  ).toMatchObject({ code: expect.stringMatching(/forbidden|not-found/) })
  expect(await snapshot(w)).toBe(before)
  // a head sees the list without the admin's buttons
  const head = h.fake.user({ id: A.headToan.telegramId, first_name: 'Head' })
  await head.say('/departments')
  expect(head.buttons(head.messages().at(-1)!)).toEqual([])
})
