/**
 * What can be wrong with a line of grades (or a header), as a code and the parameters a message
 * needs: the preview (grade-preview.ts) collects them, the grades feature words each one. Who may
 * not be graded, and why (grade-scope.ts), is said with the same codes.
 *
 *   for (const e of preview.errors) reply(lineErrorText(t, e))   // e.code: 'bad-score', …
 */
import type { ScoreError } from '../rules/index.ts'
import type { Role } from '../store/people.ts'
import type { PlanStatus } from '../store/plans.ts'
import type { ComponentLabel } from './grade-components.ts'

export interface Candidate {
  personId: number
  fullName: string
  role: Role
  departmentName: string | null
}

interface LineErrorBase {
  line: number
  sheet: string | null
  /** 1-based cell of the line (1 = first cell), as counted after splitting; null: the whole line */
  column: number | null
  component: ComponentLabel | null
  /** the cell as written, or the whole line as written for a line-level error */
  input: string
}

/**
 * One problem of one line (or header), as a code and the parameters a message needs:
 *
 * - missing-name: values with no name before them
 * - unknown-name {suggestions}: nobody of that name in the school; similar names in scope
 * - ambiguous-name {candidates}: several people of that name in scope; never guessed
 * - duplicate-teacher {personId, firstLine, firstSheet}: the same person on an earlier line
 * - not-in-your-department {personId, departmentName}: of the school, not of the department graded
 * - not-gradable {personId, role}: staff have no BDTX; managers and admins are the admin's to grade
 * - own-scores {personId}: nobody enters their own scores
 * - unknown-id: the `Mã` cell names nobody of the school
 * - name-id-mismatch {personId, fullName}: the `Mã` cell and the name disagree
 * - no-approved-plan {personId, planStatus}: scores go with an approved plan (null: no plan)
 * - too-many-scores {expected, got, columns}: more values than columns (ND1, ND2, the plan's modules)
 * - too-few-scores {expected, got, columns}: without a header, fewer (write `-` to leave one as is)
 * - bad-score {error}: not a score; `error` is the rule engine's ScoreError (0–10, 2 decimals)
 * - unknown-column {moduleCodes}: a header cell that names nothing known; the plans' modules
 * - duplicate-column {firstColumn}: a header names a component twice; the later one is ignored
 * - name-column-missing: a header without a name column; the lines under it are not read
 * - module-not-in-plan {personId, planModules}: a value under a module the plan does not have
 */
export type GradeLineError = LineErrorBase &
  (
    | { code: 'missing-name' }
    | { code: 'unknown-name'; suggestions: Candidate[] }
    | { code: 'ambiguous-name'; candidates: Candidate[] }
    | { code: 'duplicate-teacher'; personId: number; firstLine: number; firstSheet: string | null }
    | { code: 'not-in-your-department'; personId: number; departmentName: string | null }
    | { code: 'not-gradable'; personId: number; role: Role }
    | { code: 'own-scores'; personId: number }
    | { code: 'unknown-id' }
    | { code: 'name-id-mismatch'; personId: number; fullName: string }
    | { code: 'no-approved-plan'; personId: number; planStatus: PlanStatus | null }
    | { code: 'too-many-scores'; expected: number; got: number; columns: string[] }
    | { code: 'too-few-scores'; expected: number; got: number; columns: string[] }
    | { code: 'bad-score'; error: ScoreError }
    | { code: 'unknown-column'; moduleCodes: string[] }
    | { code: 'duplicate-column'; firstColumn: number }
    | { code: 'name-column-missing' }
    | { code: 'module-not-in-plan'; personId: number; planModules: string[] }
  )

export type GradeLineErrorCode = GradeLineError['code']

/** Why the actor may not grade a person, as a line error code; null when they may. */
export type NotGradable = 'not-in-your-department' | 'not-gradable' | 'own-scores'
