/**
 * Issue 5 at the service level: a head grades a team of 30 in one message written every way
 * people write it; the preview lists exactly the errors and saves nothing; the corrected batch
 * saves whole; the linked teachers are told in their language; /scores and /team agree with the
 * rule engine; a correction and an undo keep the history; locked results refuse changes; a head
 * cannot grade outside their department.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  classifyManager,
  classifyTeacher,
  requiredScores,
  type Score,
  type TeacherScores,
} from '../../src/rules/index.ts'
import type { GradeLineError } from '../../src/services/grade-line-errors.ts'
import type { GradePreview } from '../../src/services/grade-preview.ts'
import { batch, comma, type GradesWorld, gradesWorld, intended, type Member } from './grades-fixtures.ts'
import { must, refused, snapshot } from './support.ts'

const asScores = (m: Member, values: number[]): TeacherScores => ({
  nd1: values[0] as Score,
  nd2: values[1] as Score,
  modules: values.slice(2) as Score[],
  moduleCodes: [...m.modules],
})

let g: GradesWorld
let first: GradePreview
let committed: { batchId: number }

beforeAll(async () => {
  g = await gradesWorld()
})

describe('a 30-line batch from a head of department', () => {
  it('lists exactly its errors and saves nothing', async () => {
    const { w, s, team } = g
    const lines = batch(team, false)
    expect(lines).toHaveLength(30)
    const before = await snapshot(w)
    const preview = must(await w.services.grades.parseBatch(s.headToan, { text: lines.join('\n') }))
    const t12 = team[12]!
    const expected: GradeLineError[] = [
      {
        line: 8,
        sheet: null,
        column: 3,
        component: { kind: 'nd2' },
        input: '11',
        code: 'bad-score',
        error: { code: 'out-of-range', input: '11', min: 0, max: 10, maxDecimals: 2 },
      },
      {
        line: 13,
        sheet: null,
        column: null,
        component: null,
        input: [t12.fullName, ...intended(12).slice(0, 5).map(comma)].join('\t'),
        code: 'too-few-scores',
        expected: 6,
        got: 5,
        columns: ['ND1', 'ND2', ...t12.modules],
      },
      {
        line: 21,
        sheet: null,
        column: 1,
        component: null,
        input: 'Nguyễn Văn Không Có',
        code: 'unknown-name',
        suggestions: [],
      },
    ]
    expect(preview.errors).toEqual(expected)
    expect(preview.counts).toEqual({
      lines: 29,
      ok: 26,
      changed: 26,
      unchanged: 0,
      changes: 26 * 6,
      errors: 3,
      linesWithErrors: 3,
    })
    expect(preview.headers).toHaveLength(1)
    expect(preview.headers[0]!.columns.map((c) => c.role)).toEqual([
      'name',
      'nd2',
      'nd1',
      'module',
      'module',
      'module',
      'module',
      'module',
      'module',
    ])
    // the preview is plain data: it survives a session's JSON
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview)
    expect(refused(await w.services.grades.commitBatch(s.headToan, { preview }))).toEqual({
      code: 'preview-has-errors',
      count: 3,
    })
    expect(await snapshot(w)).toBe(before)
  })

  it('reads every form the same way: names without diacritics, decimal commas, the header order', async () => {
    const { w, s, team } = g
    first = must(await w.services.grades.parseBatch(s.headToan, { text: batch(team, true).join('\n') }))
    expect(first.errors).toEqual([])
    const graded = Array.from({ length: 29 }, (_, i) => i)
    expect(first.lines.map((l) => l.person.id).sort()).toEqual(graded.map((i) => team[i]!.personId).sort())
    for (const i of graded) {
      const m = team[i]!
      const line = first.lines.find((l) => l.person.id === m.personId)!
      expect(line.components.map((c) => c.code ?? c.kind)).toEqual(['nd1', 'nd2', ...m.modules])
      expect(line.components.map((c) => c.read)).toEqual(intended(i))
      expect(line.changes.map((c) => [c.old, c.new])).toEqual(intended(i).map((v) => [null, v]))
      expect(line.judgedAs).toBe('teacher')
      expect(line.after).toEqual(classifyTeacher(asScores(m, intended(i))))
      expect(line.resultChanged).toBe(true)
    }
  })

  it('commits whole and tells the linked teachers in their language', async () => {
    const { w, s, team } = g
    const result = must(await w.services.grades.commitBatch(s.headToan, { preview: first }))
    committed = result
    expect(result.lines).toBe(29)
    expect(result.changes).toBe(29 * 6)
    expect(result.notify.map((n) => [n.personId, n.recipient.telegramId, n.recipient.language])).toEqual([
      [team[0]!.personId, team[0]!.telegramId, 'vi'],
      [team[1]!.personId, team[1]!.telegramId, 'en'],
      [team[2]!.personId, team[2]!.telegramId, 'vi'],
    ])
    for (const n of result.notify) {
      const i = team.findIndex((m) => m.personId === n.personId)
      const scores = asScores(team[i]!, intended(i))
      expect(n.judgedAs).toBe('teacher')
      expect(n.result).toEqual(classifyTeacher(scores))
      expect(n.required).toEqual(requiredScores(scores))
      expect(n.components.map((c) => c.value)).toEqual(intended(i))
    }
    // Giỏi needs no advice; Khá and TB do
    expect(result.notify.map((n) => n.showRequired)).toEqual([false, true, true])
    expect(result.unreachable.map((u) => u.personId).sort()).toEqual(
      team
        .slice(3, 29)
        .map((m) => m.personId)
        .sort(),
    )
    // the same preview cannot be saved twice: its stored scores are not the stored ones any more
    const again = refused(await w.services.grades.commitBatch(s.headToan, { preview: first }))
    expect(again.code === 'preview-stale' && again.lines.length).toBe(29)
  })

  it('/scores and /team agree with the rule engine', async () => {
    const { w, s, team } = g
    const t1 = team[1]!
    const mine = must(await w.services.scores.myScores({ telegramId: t1.telegramId! }))
    const scores = asScores(t1, intended(1))
    expect(mine.judgedAs).toBe('teacher')
    expect(mine.result).toEqual(classifyTeacher(scores))
    expect(mine.required).toEqual(requiredScores(scores))
    expect(mine.components.map((c) => [c.code ?? c.kind, c.value])).toEqual(
      ['nd1', 'nd2', ...t1.modules].map((c, i) => [c, intended(1)[i]]),
    )
    expect(mine.components.slice(2).every((c) => c.title !== null)).toBe(true)
    expect(mine.missing).toEqual([])

    const table = must(await w.services.team.teamTable(s.headToan))
    expect(table.departmentId).toBe(s.toan.id)
    // 30 of the team, the head and the support's teacher
    expect(table.rows).toHaveLength(32)
    const expectedCounts = {
      Gioi: 0,
      Kha: 0,
      TrungBinh: 0,
      HoanThanh: 0,
      KhongHoanThanh: 0,
      pending: 0,
      'no-approved-plan': 2,
    }
    for (const [i, m] of team.entries()) {
      const row = table.rows.find((r) => r.person.id === m.personId)!
      if (i <= 28) {
        const result = classifyTeacher(asScores(m, intended(i)))
        expect(row.result).toEqual(result)
        expect(row.summary).toBe(result.kind === 'final' ? result.grade : 'pending')
        if (result.kind === 'final') expectedCounts[result.grade]++
      } else {
        expect(row.summary).toBe('pending')
        expect(row.missing).toHaveLength(6)
        expectedCounts.pending++
      }
    }
    expect(table.counts.teachers).toEqual({ ...expectedCounts, total: 32 })
    expect(table.rows.find((r) => r.person.id === s.headToan.personId)!.summary).toBe('no-approved-plan')
  })

  it('keeps the history of a correction and of an undo', async () => {
    const { w, s, team } = g
    const t0 = team[0]!
    const key = 'THPT 22'
    const corrected = must(
      await w.services.grades.parseBatch(s.headToan, {
        text: `Họ và tên, ${key}\nNguyễn Văn An, 9,5`,
      }),
    )
    expect(corrected.errors).toEqual([])
    expect(corrected.lines[0]!.changes).toEqual([expect.objectContaining({ code: key, old: 900, new: 950 })])
    const second = must(await w.services.grades.commitBatch(s.headToan, { preview: corrected }))

    // the first batch cannot be undone while a later one changed the same score
    const superseded = refused(
      await w.services.gradeUndo.undoBatch(s.headToan, { batchId: committed.batchId }),
    )
    expect(superseded).toEqual({
      code: 'batch-superseded',
      by: [
        {
          batchId: second.batchId,
          personId: t0.personId,
          fullName: t0.fullName,
          component: { kind: 'module', code: key, moduleId: expect.any(Number) },
        },
      ],
    })
    // only its author undoes a batch
    expect(refused(await w.services.gradeUndo.undoBatch(s.admin, { batchId: second.batchId }))).toEqual({
      code: 'forbidden',
    })
    const undone = must(await w.services.gradeUndo.undoBatch(s.headToan, { batchId: second.batchId }))
    expect(undone.restored).toBe(1)
    expect(
      refused(await w.services.gradeUndo.undoBatch(s.headToan, { batchId: second.batchId })),
    ).toMatchObject({
      code: 'already-undone',
    })

    const history = must(await w.services.scores.scoreHistory(s.headToan, { personId: t0.personId }))
    const module = history.events.filter((e) => e.component.kind === 'module' && e.component.code === key)
    expect(module.map((e) => [e.action, e.old, e.new, e.batchId, e.batchUndone])).toEqual([
      ['set', null, 900, committed.batchId, false],
      ['set', 900, 950, second.batchId, true],
      ['undo', 950, 900, second.batchId, true],
    ])
    expect(module.every((e) => e.actor.telegramId === s.headToan.telegramId)).toBe(true)
    expect(history.events).toHaveLength(8)
    // the teacher sees their own history, not a colleague's
    must(await w.services.scores.scoreHistory({ telegramId: t0.telegramId! }))
    expect(
      refused(
        await w.services.scores.scoreHistory({ telegramId: t0.telegramId! }, { personId: team[1]!.personId }),
      ),
    ).toEqual({ code: 'forbidden' })
    const mine = must(await w.services.scores.myScores({ telegramId: t0.telegramId! }))
    expect(mine.components.find((c) => c.code === key)!.value).toBe(900)
    const batches = must(await w.services.gradeUndo.myBatches(s.headToan))
    expect(batches.map((b) => [b.id, b.undoneAt !== null])).toEqual([
      [second.batchId, true],
      [committed.batchId, false],
    ])
  })

  it('refuses a stale preview', async () => {
    const { w, s, team } = g
    const text = `${team[3]!.fullName}: - - - - - 7`
    const mine = must(await w.services.grades.parseBatch(s.headToan, { text }))
    const theirs = must(
      await w.services.grades.parseBatch(s.admin, { text: `${team[3]!.fullName}: - - - - - 6` }),
    )
    const saved = must(await w.services.grades.commitBatch(s.admin, { preview: theirs }))
    expect(refused(await w.services.grades.commitBatch(s.headToan, { preview: mine }))).toEqual({
      code: 'preview-stale',
      lines: [{ line: 1, sheet: null, personId: team[3]!.personId, fullName: team[3]!.fullName }],
    })
    must(await w.services.gradeUndo.undoBatch(s.admin, { batchId: saved.batchId }))
  })

  it('locked results refuse every change until unlocked', async () => {
    const { w, s, team } = g
    expect(
      refused(await w.services.resultsLock.lockResults(s.headToan, { schoolYearId: s.year.id })),
    ).toEqual({
      code: 'forbidden',
    })
    expect(
      must(await w.services.resultsLock.lockResults(s.admin, { schoolYearId: s.year.id })),
    ).toMatchObject({
      resultsLocked: true,
      changed: true,
    })
    const before = await snapshot(w)
    const locked = { code: 'results-locked', schoolYearId: s.year.id, schoolYearName: s.year.name }
    expect(
      refused(await w.services.grades.parseBatch(s.headToan, { text: `${team[5]!.fullName}: 9 9 9 9 9 9` })),
    ).toEqual(locked)
    expect(refused(await w.services.grades.commitBatch(s.headToan, { preview: first }))).toEqual(locked)
    expect(refused(await w.services.gradeUndo.undoBatch(s.headToan, { batchId: committed.batchId }))).toEqual(
      locked,
    )
    expect(await snapshot(w)).toBe(before)
    // reading still works
    expect(
      must(await w.services.scores.myScores({ telegramId: team[1]!.telegramId! })).schoolYear.resultsLocked,
    ).toBe(true)
    must(await w.services.resultsLock.unlockResults(s.admin, { schoolYearId: s.year.id }))
    // unlocked, the first batch can be undone: every score it set is gone, the history stays
    const undone = must(await w.services.gradeUndo.undoBatch(s.headToan, { batchId: committed.batchId }))
    expect(undone.restored).toBe(29 * 6)
    expect(undone.notify.map((n) => n.personId)).toEqual(team.slice(0, 3).map((m) => m.personId))
    const mine = must(await w.services.scores.myScores({ telegramId: team[1]!.telegramId! }))
    expect(mine.components.every((c) => c.value === null)).toBe(true)
    expect(mine.result?.kind).toBe('pending')
    const history = must(await w.services.scores.scoreHistory(s.headToan, { personId: team[1]!.personId }))
    expect(history.events.map((e) => e.action)).toEqual([...Array(6).fill('set'), ...Array(6).fill('undo')])
  })
})

describe('who may grade whom', () => {
  it('a head cannot grade anyone outside their department', async () => {
    const { w, s, team, manager } = g
    const t = team[4]!
    const text = `${t.fullName}: 8 8 8 8 8 8\n${manager.fullName}: 8 8 8 8 8 8`
    const preview = must(await w.services.grades.parseBatch(s.headVan, { text }))
    expect(preview.lines).toEqual([])
    expect(preview.errors).toEqual([
      {
        line: 1,
        sheet: null,
        column: 1,
        component: null,
        input: t.fullName,
        code: 'not-in-your-department',
        personId: t.personId,
        departmentName: 'Tổ Toán',
      },
      {
        line: 2,
        sheet: null,
        column: 1,
        component: null,
        input: manager.fullName,
        code: 'not-in-your-department',
        personId: manager.personId,
        departmentName: null,
      },
    ])
    // a preview of Tổ Toán taken over, or rewritten for Tổ Văn, is refused and changes nothing
    const toan = must(await w.services.grades.parseBatch(s.headToan, { text: `${t.fullName}: 8 8 8 8 8 8` }))
    const before = await snapshot(w)
    const forged = { ...toan, actorTelegramId: s.headVan.telegramId }
    expect(refused(await w.services.grades.commitBatch(s.headVan, { preview: forged }))).toEqual({
      code: 'forbidden',
    })
    const moved = { ...forged, departmentId: s.van.id }
    expect(refused(await w.services.grades.commitBatch(s.headVan, { preview: moved }))).toEqual({
      code: 'forbidden',
    })
    expect(refused(await w.services.grades.commitBatch(s.headVan, { preview: toan }))).toEqual({
      code: 'preview-mismatch',
    })
    // asking for another department, or the table of one
    expect(refused(await w.services.grades.parseBatch(s.headVan, { text, departmentId: s.toan.id }))).toEqual(
      { code: 'forbidden' },
    )
    expect(refused(await w.services.team.teamTable(s.headVan, { departmentId: s.toan.id }))).toEqual({
      code: 'forbidden',
    })
    expect(refused(await w.services.grades.gradeTemplate(s.headVan, { departmentId: s.toan.id }))).toEqual({
      code: 'forbidden',
    })
    expect(await snapshot(w)).toBe(before)
  })

  it('teachers only see their own scores', async () => {
    const { w, s, team } = g
    const teacher = { telegramId: team[0]!.telegramId! }
    expect(refused(await w.services.grades.parseBatch(teacher, { text: 'x: 1 2' }))).toEqual({
      code: 'forbidden',
    })
    expect(refused(await w.services.team.teamTable(teacher))).toEqual({ code: 'forbidden' })
    expect(refused(await w.services.grades.gradeTemplate(teacher))).toEqual({ code: 'forbidden' })
    expect(refused(await w.services.scores.myScores(teacher, { personId: team[1]!.personId }))).toEqual({
      code: 'forbidden',
    })
    // their head and the admin may look
    must(await w.services.scores.myScores(s.headToan, { personId: team[1]!.personId }))
    must(await w.services.scores.myScores(s.admin, { personId: team[1]!.personId }))
    expect(refused(await w.services.scores.myScores({ telegramId: 777_777 }))).toEqual({ code: 'not-linked' })
  })

  it('the admin grades a manager (CBQL) pass/fail, and anyone of the school', async () => {
    const { w, s, team, manager } = g
    const text = `${manager.fullName}: 8 7 6 5 9 4,5\n${team[29]!.fullName}: 9 9 9 9 9 9`
    const preview = must(await w.services.grades.parseBatch(s.admin, { text }))
    expect(preview.errors).toEqual([])
    expect(preview.departmentId).toBeNull()
    const [m, t] = preview.lines
    expect(m!.judgedAs).toBe('manager')
    const managerScores: TeacherScores = {
      nd1: 800 as Score,
      nd2: 700 as Score,
      modules: [600, 500, 900, 450] as Score[],
      moduleCodes: manager.modules,
    }
    expect(m!.after).toEqual(classifyManager(managerScores))
    expect(m!.after).toMatchObject({ kind: 'final', verdict: 'KhongDat' })
    expect(t!.judgedAs).toBe('teacher')
    expect(t!.after).toMatchObject({ kind: 'final', grade: 'Gioi' })
    const saved = must(await w.services.grades.commitBatch(s.admin, { preview }))
    expect(saved.notify.map((n) => [n.personId, n.judgedAs, n.showRequired])).toEqual([
      [manager.personId, 'manager', true],
    ])
    const mine = must(await w.services.scores.myScores({ telegramId: manager.telegramId }))
    expect(mine.judgedAs).toBe('manager')
    expect(mine.result).toEqual(classifyManager(managerScores))
    const table = must(await w.services.team.teamTable(s.admin))
    expect(table.counts.managers).toEqual({
      Dat: 0,
      KhongDat: 1,
      pending: 0,
      'no-approved-plan': 0,
      total: 1,
    })
    expect(table.counts.teachers.Gioi).toBe(1)
    must(await w.services.gradeUndo.undoBatch(s.admin, { batchId: saved.batchId }))
  })
})
