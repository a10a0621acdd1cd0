/**
 * /lockresults, /unlockresults: the school's admin (or an owner) locks a year's results — no batch
 * is entered (grades.ts) and none undone (grade-undo.ts) until they unlock them. Each change is
 * audited; locking a locked year changes nothing.
 *
 *   const done = await deps.resultsLock.lockResults(actor, { schoolYearId })
 */
import { z } from 'zod'
import { GradeStore } from '../store/grades.ts'
import { type Actor, isAdminOf, whoIs } from './access.ts'
import type { GradeNotFound } from './grade-scope.ts'
import type { ServiceContext } from './options.ts'
import {
  type Forbidden,
  forbidden,
  type InvalidInput,
  notFound,
  ok,
  parseInput,
  type Result,
} from './result.ts'

export type LockResult = Result<
  { schoolYearId: number; name: string; resultsLocked: boolean; changed: boolean },
  Forbidden | GradeNotFound | InvalidInput
>

export class ResultsLockService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The admin (or an owner) locks a year's results: no batch, no undo until unlocked. */
  lockResults(actor: Actor, input: { schoolYearId: number }): Promise<LockResult> {
    return this.setLock(actor, input, true)
  }

  unlockResults(actor: Actor, input: { schoolYearId: number }): Promise<LockResult> {
    return this.setLock(actor, input, false)
  }

  private async setLock(actor: Actor, input: { schoolYearId: number }, lock: boolean): Promise<LockResult> {
    const parsed = parseInput(z.object({ schoolYearId: z.number().int().positive() }), input)
    if (!parsed.ok) return parsed
    const stores = this.ctx.stores
    const who = await whoIs(stores, actor)
    const year = await stores.schools.getYear(parsed.value.schoolYearId)
    if (!year) return notFound('school-year')
    if (!isAdminOf(who, year.schoolId)) return forbidden()
    const now = this.ctx.now().toISOString()
    const changed = await stores.transaction(async (tx) => {
      const changed = await new GradeStore(tx.db).setResultsLocked(year.id, lock, now)
      if (changed)
        await tx.audit.record(
          who.telegramId,
          lock ? 'grades.lock' : 'grades.unlock',
          { schoolYearId: year.id },
          now,
        )
      return changed
    })
    return ok({ schoolYearId: year.id, name: year.name, resultsLocked: lock, changed })
  }
}
