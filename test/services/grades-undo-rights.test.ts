/**
 * Undoing a batch deletes scores, so it needs the right to grade there now, not only authorship:
 * a head demoted or moved to another department after entering grades cannot undo them.
 */
import { expect, it } from 'vitest'
import { comma, gradesWorld, intended } from './grades-fixtures.ts'
import { must, refused } from './support.ts'

it('a demoted head cannot undo the batch they entered as head; the scores stay', async () => {
  const g = await gradesWorld(2, {})
  const { grades, gradeUndo, people, scores } = g.w.services
  const text = g.team.map((m, i) => `${m.fullName}: ${intended(i).map(comma).join(' ')}`).join('\n')
  const saved = must(
    await grades.commitBatch(g.s.headToan, {
      preview: must(await grades.parseBatch(g.s.headToan, { text })),
    }),
  )
  must(await people.update(g.s.admin, { personId: g.s.headToan.personId, role: 'teacher' }))
  expect(refused(await gradeUndo.undoBatch(g.s.headToan, { batchId: saved.batchId })).code).toBe('forbidden')
  const mine = must(await scores.myScores(g.s.admin, { personId: g.team[0]!.personId }))
  expect(mine.components.every((c) => c.value !== null)).toBe(true)
  // made head again, the same person may undo their own batch
  must(await people.update(g.s.admin, { personId: g.s.headToan.personId, role: 'head' }))
  expect(must(await gradeUndo.undoBatch(g.s.headToan, { batchId: saved.batchId })).restored).toBe(12)
})
