/**
 * Every command and button of a role, tried on data that is not theirs — another department,
 * another school — is refused, and nothing in the store changes. Buttons are forged with the
 * real callback data of someone else's plan, as a curious user could.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeUser } from '../../src/emulator/fake-user.ts'
import { type Harness, inProcessWorld } from '../helpers/bot-harness.ts'
import { fullPlan, must, school, snapshot, type World } from '../services/support.ts'

let h: Harness
let w: World
let planId: number
let moduleId: number
let otherModuleId: number
let A: Awaited<ReturnType<typeof school>>
let B: Awaited<ReturnType<typeof school>>

const all = (messages: Array<{ text?: string }>) => messages.map((m) => m.text ?? '').join('\n---\n')
const REFUSED = /không có quyền|Không tìm thấy|dành cho/

/**
 * The school's data; the attacker's own chat state (session, account, and on PostgreSQL the
 * updates taken in their chat's turn) may of course change.
 */
async function schoolData(): Promise<string> {
  const tables = JSON.parse(await snapshot(w)) as Record<string, unknown>
  delete tables.sessions
  delete tables.telegram_users
  delete tables.chat_turns
  return JSON.stringify(tables)
}

/** Presses a button with this callback data, as if the bot had shown it to this user. */
async function forge(user: FakeUser, data: string): Promise<string> {
  const message = user.messages().at(-1)!
  const update = await h.fake.deliver({
    callback_query: {
      id: h.fake.openCallbackQuery(user.id),
      from: { id: user.id, is_bot: false, first_name: user.messages()[0]?.chat.first_name ?? 'X' },
      message,
      chat_instance: String(user.id),
      data,
    },
  })
  const sent = await user.settle(update)
  const answer = h.fake.callbackAnswers.get(update.callback_query!.id)
  return [answer?.text ?? '', all(sent)].join('\n')
}

beforeAll(async () => {
  ;({ h, w } = await inProcessWorld())
  A = await school(w, 'Trường A', 100)
  B = await school(w, 'Trường B', 200)
  planId = await fullPlan(w, A.teacherToan)
  const view = must(await h.app.deps.plans.get(A.teacherToan, { planId }))
  moduleId = view.modules[0]!.id
  const catalogue = must(await h.app.deps.catalogue.search(undefined, { query: 'THPT 31' }))
  otherModuleId = catalogue.items[0]!.id
  must(await h.app.deps.plans.submit(A.teacherToan, { planId }))
})
afterAll(async () => {
  expect(h.fake.violations).toEqual([])
  await h.close()
})

const attackers = () =>
  [
    ['a head of another department', A.headVan],
    ['a teacher of another department', A.teacherVan],
    ['a head of another school', B.headToan],
    ['an admin of another school', B.admin],
  ] as const

describe.each([0, 1, 2, 3])('attacker %i', (index) => {
  let user: FakeUser
  let label: string

  beforeAll(async () => {
    const [name, who] = attackers()[index]!
    label = name
    user = h.fake.user({ id: who.telegramId, first_name: name })
    await user.say('/start')
  })

  it('cannot approve, return or change the plan by its buttons, and nothing changes', async () => {
    const before = await schoolData()
    for (const data of [
      `apra:${planId}`,
      `plana:${planId}:${otherModuleId}`,
      `planr:${planId}:${moduleId}`,
      `planx:${planId}:${moduleId}`,
      `planu:${planId}`,
      `plans:${planId}`,
      `planp:${planId}:1`,
    ]) {
      expect(await forge(user, data), `${label}: ${data}`).toMatch(REFUSED)
    }
    await forge(user, `aprr:${planId}`)
    expect(all(await user.say('Trả lại cho vui')), `${label}: return`).toMatch(REFUSED)
    expect(await schoolData()).toBe(before)
  })

  it('sees nothing of the plan or the people in its commands', async () => {
    expect(all(await user.say('/approve'))).not.toContain('Teacher Toán')
    const people = all(await user.say('/people'))
    if (index === 0) expect(people).not.toContain('Teacher Toán')
    if (index >= 2) expect(people).not.toContain('Admin Trường A')
    if (index >= 2) expect(all(await user.say('/departments'))).not.toContain('Trường A')
  })

  it('cannot grade, see the scores of, or announce to people that are not theirs', async () => {
    const before = await schoolData()
    const opened = all(await user.say('/grades'))
    const preview = all(await user.say('Teacher Toán: 9 9 9 9 9 9'))
    expect(preview, `${label}: /grades`).not.toContain('✅ Lưu')
    expect(`${opened}\n${preview}`).toMatch(
      /không thuộc tổ của bạn|không tìm thấy|không có quyền|chưa có kế hoạch được duyệt|việc của tổ trưởng/,
    )
    await user.say('/cancel')
    if (index !== 3) expect(all(await user.say('/broadcast')), `${label}: /broadcast`).toMatch(REFUSED)
    const team = all(await user.say('/team'))
    if (index === 0) expect(team).not.toContain('Teacher Toán')
    if (index >= 2) expect(team).not.toContain('Trường A')
    expect(await schoolData()).toBe(before)
  })
})
