/**
 * The bot's context type, composed from plugin flavors, and the dependencies one middleware puts
 * on every context (config, logger, stores) so features never import them globally.
 */
import type { ConversationFlavor } from '@grammyjs/conversations'
import type { I18n, I18nFlavor } from '@grammyjs/i18n'
import type { Context, SessionFlavor } from 'grammy'
import type { Logger } from '../logger.ts'
import type { BroadcastService } from '../services/broadcasts.ts'
import type { CalendarService } from '../services/calendar.ts'
import type { CatalogueService } from '../services/catalogue.ts'
import type { CourseService } from '../services/courses.ts'
import type { GradeUndoService } from '../services/grade-undo.ts'
import type { GradeService } from '../services/grades.ts'
import type { ImportService } from '../services/imports.ts'
import type { InviteService } from '../services/invites.ts'
import type { JoinRequestService } from '../services/join-requests.ts'
import type { NotificationService } from '../services/notifications.ts'
import type { PeopleService } from '../services/people.ts'
import type { PlanApprovalService } from '../services/plan-approvals.ts'
import type { PlanService } from '../services/plans.ts'
import type { RegulationService } from '../services/regulation.ts'
import type { ReportService } from '../services/reports.ts'
import type { ResultsLockService } from '../services/results-lock.ts'
import type { SchoolService } from '../services/schools.ts'
import type { ScoreService } from '../services/scores.ts'
import type { SetupService } from '../services/setup.ts'
import type { StaffRecordService } from '../services/staff-records.ts'
import type { StandardsService } from '../services/standards.ts'
import type { SurveyService } from '../services/surveys.ts'
import type { TeamTableService } from '../services/team-table.ts'
import type { ChatTurnStore } from '../store/chat-turns.ts'
import type { SessionStore } from '../store/sessions.ts'
import type { TelegramUser, TelegramUserStore } from '../store/telegram-users.ts'

export interface Deps {
  logger: Logger
  sessions: SessionStore
  /** one chat's updates in turn across instances; only when several may share the store (PostgreSQL) */
  chatTurns?: ChatTurnStore
  telegramUsers: TelegramUserStore
  i18n: I18n<FlowContext>
  /** owners: bootstrap from OWNER_TELEGRAM_IDS, the one-time setup link */
  setup: SetupService
  /** schools, their current year and deadlines, departments */
  schools: SchoolService
  /** who am I, profile (level, subject), staff lists */
  people: PeopleService
  /** invite links: create, inspect, redeem, revoke */
  invites: InviteService
  joinRequests: JoinRequestService
  /** the module catalogue: browse, search, one module */
  catalogue: CatalogueService
  /** one's own plan: open it, add and remove modules, submit; its history */
  plans: PlanService
  /** approving plans: approve, return, reopen; what waits for me */
  planApprovals: PlanApprovalService
  /** staff and catalogue spreadsheets: preview, commit */
  imports: ImportService
  /** broadcasts: draft, preview, confirm, cancel, report (the outbox worker delivers) */
  broadcasts: BroadcastService
  /** /report: plans, grades, classes and certificates at a glance */
  reports: ReportService
  /** the year's calendar: deadlines that concern me, the admin's edits, whose task is still open */
  calendar: CalendarService
  /** /grades: a team's batch by message, spreadsheet or the Mini App; preview, commit; the template */
  grades: GradeService
  /** the undo button under a saved batch */
  gradeUndo: GradeUndoService
  /** /lockresults, /unlockresults */
  resultsLock: ResultsLockService
  /** /scores: one's components, result and what is still needed */
  scores: ScoreService
  /** /team: the department's (or school's) table of scores and classes */
  team: TeamTableService
  /** the Mini App's grade sheet page, when this deployment serves one (https, or local in the sandbox) */
  webAppUrl?: string
  /** /settings, quiet hours, blocked and unblocked accounts */
  notifications: NotificationService
  /** the regulation profile a school year is judged by (TT 26/2012, TT 19/2019) */
  regulation: RegulationService
  /** training courses: the budget table, sign-ups, seats and the waiting list */
  courses: CourseService
  surveys: SurveyService
  /** staff records (issue 15): /me, /records, /record, the records import */
  staff: StaffRecordService
  /** /standards: gaps by standard with sources, qualification ratios against targets */
  standards: StandardsService
}

/** What a chat keeps between updates; features add their fields here. */
export interface SessionData {
  /** /modules: the last search, so its page buttons carry only a page number */
  moduleSearch?: string
}

interface Extras {
  deps: Deps
  /** downloads a file a person sent (a document's file_id); past `maxBytes` throws FileTooLarge */
  download(fileId: string, maxBytes?: number): Promise<Buffer>
  /** the Telegram account of `ctx.from`, when the update has one */
  account: TelegramUser | undefined
}

/** Context inside conversations: no session, no `ctx.conversation`. */
export type FlowContext = Context & I18nFlavor & Extras

/** Context of the outside middleware tree. */
export type BotContext = ConversationFlavor<
  Context &
    I18nFlavor &
    SessionFlavor<SessionData> &
    Extras & {
      /** enters a step-by-step flow (use this, not `ctx.conversation.enter`: see flow-control.ts) */
      startFlow(id: string, ...args: unknown[]): Promise<void>
    }
>
