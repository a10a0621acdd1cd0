/**
 * The use cases, assembled over one store. `openApp` puts each on `deps`; tests build their own
 * with a clock they control:
 *
 *   const services = createServices(app.db, { now: () => clock })
 */

import type { Db } from '../db/connection.ts'
import { Stores } from '../store/stores.ts'
import { BroadcastService } from './broadcasts.ts'
import { CalendarService } from './calendar.ts'
import { CatalogueService } from './catalogue.ts'
import { CourseService } from './courses.ts'
import { GradeUndoService } from './grade-undo.ts'
import { GradeService } from './grades.ts'
import { ImportService } from './imports.ts'
import { InviteService } from './invites.ts'
import { JoinRequestService } from './join-requests.ts'
import { NotificationService } from './notifications.ts'
import type { ServiceOptions } from './options.ts'
import { PeopleService } from './people.ts'
import { PlanApprovalService } from './plan-approvals.ts'
import { PlanService } from './plans.ts'
import { RegulationService } from './regulation.ts'
import { ReportService } from './reports.ts'
import { ResultsLockService } from './results-lock.ts'
import { SchoolService } from './schools.ts'
import { ScoreService } from './scores.ts'
import { SetupService } from './setup.ts'
import { StaffRecordService } from './staff-records.ts'
import { StandardsService } from './standards.ts'
import { SurveyService } from './surveys.ts'
import { TeamTableService } from './team-table.ts'

export interface Services {
  setup: SetupService
  schools: SchoolService
  people: PeopleService
  invites: InviteService
  /** claims of a listed name through a department-wide link, approved by the head or admin */
  joinRequests: JoinRequestService
  catalogue: CatalogueService
  /** one's own plan: open it, add and remove modules, submit; its history */
  plans: PlanService
  /** approving plans: approve, return, reopen; what waits for me */
  planApprovals: PlanApprovalService
  imports: ImportService
  /** the year's deadlines and reminders: list, add, move, rename, remove; mine; whose task is open */
  calendar: CalendarService
  /** entering a team's grades: by message, spreadsheet or the Mini App's grid; preview, commit; the template */
  grades: GradeService
  /** undo a batch of grades (its author, until the results are locked); one's latest batches */
  gradeUndo: GradeUndoService
  /** lock and unlock a year's results */
  resultsLock: ResultsLockService
  /** /scores: a person's scores, result and what they still need; the history of their scores */
  scores: ScoreService
  /** /team: a department's or the school's scores, classes and counts */
  team: TeamTableService
  regulation: RegulationService
  /** announcements: draft, preview, confirm, cancel, report (the outbox worker delivers) */
  broadcasts: BroadcastService
  /** /report: plans, grades, classes and certificates at a glance */
  reports: ReportService
  /** /settings, quiet hours, blocked and unblocked accounts */
  notifications: NotificationService
  /** training courses: the budget table, sign-ups, seats and the waiting list */
  courses: CourseService
  /** the learning-needs survey for next school year */
  surveys: SurveyService
  /** staff records (issue 15): one's own, a department's, the school's; chat edits, spreadsheet import */
  staff: StaffRecordService
  /** /standards: gaps against the seeds' standards, qualification ratios against the targets */
  standards: StandardsService
}

export function createServices(db: Db, options: Partial<ServiceOptions> = {}): Services {
  const ctx = { ...options, stores: new Stores(db), now: options.now ?? (() => new Date()) }
  return {
    setup: new SetupService(ctx),
    schools: new SchoolService(ctx),
    people: new PeopleService(ctx),
    invites: new InviteService(ctx),
    joinRequests: new JoinRequestService(ctx),
    catalogue: new CatalogueService(ctx),
    plans: new PlanService(ctx),
    planApprovals: new PlanApprovalService(ctx),
    imports: new ImportService(ctx),
    calendar: new CalendarService(ctx),
    grades: new GradeService(ctx),
    gradeUndo: new GradeUndoService(ctx),
    resultsLock: new ResultsLockService(ctx),
    scores: new ScoreService(ctx),
    team: new TeamTableService(ctx),
    regulation: new RegulationService(ctx),
    broadcasts: new BroadcastService(ctx),
    reports: new ReportService(ctx),
    notifications: new NotificationService(ctx),
    courses: new CourseService(ctx),
    surveys: new SurveyService(ctx),
    staff: new StaffRecordService(ctx),
    standards: new StandardsService(ctx),
  }
}

export type { Actor } from './access.ts'
export { startLink } from './codes.ts'
export { commandsFor } from './commands.ts'
export { isSetupCode } from './setup.ts'
