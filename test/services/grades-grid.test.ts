/**
 * The Mini App's grade sheet saves through the same service as the message: the same preview,
 * the same checks, the same history and undo. Two identical schools get the same scores, one by a
 * message of grade lines, the other by the page's rows; their histories must not differ.
 */
import { describe, expect, it } from 'vitest'
import type { GridRow } from '../../src/services/grade-grid.ts'
import { comma, type GradesWorld, gradesWorld, intended } from './grades-fixtures.ts'
import { must, refused } from './support.ts'

/** The page's rows for these teachers: each planned component's key with the intended score. */
async function pageRows(g: GradesWorld, count: number): Promise<GridRow[]> {
  const rows: GridRow[] = []
  for (const [i, m] of g.team.slice(0, count).entries()) {
    const mine = must(await g.w.services.scores.myScores(g.s.headToan, { personId: m.personId }))
    const values = intended(i)
    rows.push({
      personId: m.personId,
      scores: Object.fromEntries(mine.components.map((c, at) => [c.key, comma(values[at]!)])),
    })
  }
  return rows
}

/** Everything of a history a person would see, without the instants and ids that differ by run. */
async function history(g: GradesWorld, count: number) {
  const out = []
  for (const m of g.team.slice(0, count)) {
    const h = must(await g.w.services.scores.scoreHistory(g.s.headToan, { personId: m.personId }))
    out.push(
      h.events.map((e) => ({
        action: e.action,
        component: e.component,
        old: e.old,
        new: e.new,
        actor: e.actor,
        undone: e.batchUndone,
      })),
    )
  }
  const batches = must(await g.w.services.gradeUndo.myBatches(g.s.headToan, {})).map((b) => ({
    source: b.source,
    lines: b.lines,
    changes: b.changes,
    undone: b.undoneAt !== null,
  }))
  return { events: out, batches }
}

describe('the Mini App grade sheet', () => {
  it('leaves the same history as the message, saved and undone', async () => {
    const byMessage = await gradesWorld(4, {})
    const byPage = await gradesWorld(4, {})
    const { grades: viaMessage, gradeUndo: undoMessage } = byMessage.w.services
    const { grades: viaPage, gradeUndo: undoPage } = byPage.w.services

    const text = byMessage.team.map((m, i) => `${m.fullName}: ${intended(i).map(comma).join(' ')}`).join('\n')
    const fromMessage = must(await viaMessage.parseBatch(byMessage.s.headToan, { text }))
    const fromPage = must(await viaPage.parseGrid(byPage.s.headToan, { rows: await pageRows(byPage, 4) }))
    expect(fromPage.preview.errors).toEqual([])
    expect(fromPage.preview.counts).toEqual(fromMessage.counts)
    expect(fromPage.preview.lines.map((l) => [l.person.fullName, l.after])).toEqual(
      fromMessage.lines.map((l) => [l.person.fullName, l.after]),
    )

    const savedMessage = must(await viaMessage.commitBatch(byMessage.s.headToan, { preview: fromMessage }))
    const savedPage = must(await viaPage.commitBatch(byPage.s.headToan, { preview: fromPage.preview }))
    expect(savedPage.changes).toBe(24)
    expect(savedPage.changes).toBe(savedMessage.changes)
    expect(await history(byPage, 4)).toEqual(await history(byMessage, 4))

    must(await undoMessage.undoBatch(byMessage.s.headToan, { batchId: savedMessage.batchId }))
    must(await undoPage.undoBatch(byPage.s.headToan, { batchId: savedPage.batchId }))
    const after = await history(byPage, 4)
    expect(after).toEqual(await history(byMessage, 4))
    expect(after.batches).toEqual([{ source: 'message', lines: 4, changes: 24, undone: true }])
  })

  it('maps each error back to its person and cell, and saves nothing', async () => {
    const g = await gradesWorld(3, {})
    const rows = await pageRows(g, 3)
    rows[0]!.scores.nd2 = '11'
    rows[1]!.scores.nd1 = '7,555'
    rows.push({ personId: g.s.teacherVan.personId, scores: { nd1: '8' } })
    const read = must(await g.w.services.grades.parseGrid(g.s.headToan, { rows }))
    const errors = read.preview.errors.map((e) => {
      const place = read.places.get(e.line)
      return [e.code, place?.personId, e.column ? place?.keys[e.column - 1] : null]
    })
    expect(errors).toEqual([
      ['bad-score', g.team[0]!.personId, 'nd2'],
      ['bad-score', g.team[1]!.personId, 'nd1'],
      ['not-in-your-department', g.s.teacherVan.personId, null],
    ])
    expect(refused(await g.w.services.grades.commitBatch(g.s.headToan, { preview: read.preview })).code).toBe(
      'preview-has-errors',
    )
    const mine = must(await g.w.services.scores.myScores(g.s.headToan, { personId: g.team[2]!.personId }))
    expect(mine.components.every((c) => c.value === null)).toBe(true)
  })

  it('refuses a cell the plan does not have, and a teacher who is not a head', async () => {
    const g = await gradesWorld(1, {})
    const refusedKey = refused(
      await g.w.services.grades.parseGrid(g.s.headToan, {
        rows: [{ personId: g.team[0]!.personId, scores: { 'module:99999': '8' } }],
      }),
    )
    expect(refusedKey.code).toBe('invalid-input')
    const teacher = refused(
      await g.w.services.grades.parseGrid(g.s.teacherToan, {
        rows: [{ personId: g.team[0]!.personId, scores: { nd1: '8' } }],
      }),
    )
    expect(teacher.code).toBe('forbidden')
  })
})
