/**
 * Course sign-ups at the same moment (a whole department pressing the invitation's button at
 * once): the course row is locked before the seats are counted, so a course never holds more
 * people than its seats, and the rest wait in the order they came. The budget table's rules.
 */
import { describe, expect, it } from 'vitest'
import { parseCourseTable } from '../../src/services/course-table.ts'
import { must, school, world } from './support.ts'

describe('sign-ups', () => {
  it('five people pressing at once for two seats: two seats, three waiting, numbered 1–3', async () => {
    const w = await world()
    await w.services.setup.bootstrap({ ownerTelegramIds: [1] })
    const s = await school(w, 'THPT Courses', 300)
    must(
      await w.services.courses.save(s.admin, { schoolId: s.school.id, text: 'Tập huấn STEM\t1\t2\t500.000' }),
    )
    const [course] = must(await w.services.courses.list(s.admin, { schoolId: s.school.id })).courses
    must(
      await w.services.courses.open(s.admin, { courseId: course!.id, roles: ['teacher', 'head', 'admin'] }),
    )
    const people = [s.teacherToan, s.teacherVan, s.headToan, s.headVan, s.admin]
    const results = await Promise.all(
      people.map((p) => w.services.courses.signUp(p, { courseId: course!.id })),
    )
    const states = results.map((r) => must(r))
    expect(states.filter((r) => r.state === 'seat')).toHaveLength(2)
    expect(
      states
        .filter((r) => r.state === 'waiting')
        .map((r) => r.position)
        .sort(),
    ).toEqual([1, 2, 3])
    const after = must(await w.services.courses.list(s.admin, { schoolId: s.school.id })).courses[0]
    expect([after?.seated, after?.waiting]).toEqual([2, 3])
  })
})

describe('the budget table', () => {
  it('reads pipes, skips a header and an STT column, and keeps the printed total for the check', () => {
    const table = parseCourseTable(
      [
        '| STT | Tên lớp | Số lớp | Số người | Kinh phí | Thành tiền |',
        '| 1 | Y tế học đường | 2 | 100 | 500.000 | 50.000.000 |',
        '| | Tổng | 2 | 100 | | 50.000.000 |',
      ].join('\n'),
    )
    expect(table.errors).toEqual([])
    expect(table.lines).toEqual([
      { name: 'Y tế học đường', classes: 2, seats: 100, feePerPerson: 500_000, printedAmount: 50_000_000 },
    ])
    expect(table.printed).toEqual({ classes: 2, seats: 100, amount: 50_000_000 })
  })

  it('names each bad cell by line and column', () => {
    const table = parseCourseTable('A\t1\t10\nB\tmột\t10\t100.000\nC\t1\t10\t1,5')
    expect(table.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [1, 'fee', 'missing'],
      [2, 'classes', 'not-a-number'],
      [3, 'fee', 'not-a-number'],
    ])
    expect(table.lines).toEqual([])
  })
})
