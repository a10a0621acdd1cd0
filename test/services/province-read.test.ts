/**
 * The owner's province sheet reads every school at once (src/services/province-read.ts); each
 * school's rows must be the ones /team shows for that school — same people in the same order, same
 * plans, scores, classes — including a school with no current year, a school nobody has planned in,
 * and a teacher who moved school after planning in the old one (their old plan is not counted).
 */
import { describe, expect, it } from 'vitest'
import { everySchoolTeam } from '../../src/services/province-read.ts'
import { Stores } from '../../src/store/stores.ts'
import { dot, gradesWorld, HEADER, headerCells, intended } from './grades-fixtures.ts'
import { must, OWNER, school } from './support.ts'

describe('everySchoolTeam', () => {
  it("gives each school the rows and classes of the school's /team table", async () => {
    const { w, s, team } = await gradesWorld(8)
    const lines = team
      .slice(0, 6)
      .map((m, i) => [m.fullName, ...headerCells(m, intended(i), dot)].join(' | '))
    const preview = must(
      await w.services.grades.parseBatch(s.headToan, { text: [HEADER, ...lines].join('\n') }),
    )
    expect(preview.errors).toEqual([])
    must(await w.services.grades.commitBatch(s.headToan, { preview }))
    const other = await school(w, 'THPT Chu Văn An', 200)
    const noYear = await school(w, 'THPT Lê Quý Đôn', 300)
    await w.app.db
      .updateTable('school_years')
      .set({ is_current: 0 })
      .where('school_id', '=', noYear.school.id)
      .execute()
    // a teacher with an approved, graded plan moves to the other school
    await w.app.db
      .updateTable('people')
      .set({ school_id: other.school.id, department_id: other.toan.id })
      .where('id', '=', team[1]!.personId)
      .execute()

    const teams = await everySchoolTeam(new Stores(w.app.db), (t) => t)
    expect(teams.map((t) => t.school.id).sort()).toEqual(
      [s.school.id, other.school.id, noYear.school.id].sort(),
    )
    for (const t of teams) {
      const table = await w.services.team.teamTable(OWNER, { schoolId: t.school.id })
      if (!table.ok) {
        expect(table.error).toMatchObject({ code: 'no-current-year' })
        expect(t.year).toBeNull()
        continue
      }
      expect(t.year?.year.id).toBe(table.value.schoolYear.id)
      expect(t.year?.profile).toEqual(table.value.regulation)
      expect(t.year?.rows).toEqual(table.value.rows)
    }
    const moved = teams.find((t) => t.school.id === other.school.id)!.year!.rows
    expect(moved.find((r) => r.person.id === team[1]!.personId)?.summary).toBe('no-approved-plan')
    const home = teams.find((t) => t.school.id === s.school.id)!.year!.rows
    expect(home.map((r) => r.summary)).toContain('Gioi')
    await w.app.close()
  })
})
