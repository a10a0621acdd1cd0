/**
 * Table types for kysely. One interface per table, named as in the migrations; columns hold
 * what SQLite and PostgreSQL both store the same way (text, integer, ISO-8601 text timestamps).
 */
import type { Generated } from 'kysely'

export interface SessionsTable {
  /** `session:<chat id>`, `conversation:<chat id>` ... */
  key: string
  /** JSON */
  value: string
  updated_at: string
}

export interface TelegramUsersTable {
  telegram_id: number
  first_name: string
  username: string | null
  /** chosen with /lang; null until chosen (Vietnamese is then used) */
  language: string | null
  created_at: string
  updated_at: string
  /** when the person blocked the bot (my_chat_member); null: reachable as far as we know */
  blocked_at: string | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  telegram_id: number | null
  action: string
  detail: string
}

/** The deployment's owners (OWNER_TELEGRAM_IDS, or whoever claimed the one-time setup link). */
export interface OwnersTable {
  telegram_id: number
  /** 'config' | 'setup' | 'owner' (added by another owner) */
  source: string
  added_by: number | null
  created_at: string
}

/** One-time setup codes, made at start-up when the store has no owner and none is configured. */
export interface SetupCodesTable {
  code: string
  created_at: string
  used_at: string | null
  used_by: number | null
}

export interface SchoolsTable {
  id: Generated<number>
  name: string
  /** folded name (no diacritics, lower case) so that one name is not used twice */
  name_key: string
  created_by: number | null
  created_at: string
  updated_at: string
}

export interface SchoolYearsTable {
  id: Generated<number>
  school_id: number
  /** e.g. "2025-2026" */
  name: string
  /** YYYY-MM-DD */
  starts_on: string
  ends_on: string
  /** the rule engine's profile, e.g. 'tt26-2012' */
  profile_id: string
  required_nd3_hours: number
  /** last day (inclusive, Vietnam time) teachers may change their plans, YYYY-MM-DD */
  plan_deadline: string
  /** last day (inclusive) the school approves the plans, YYYY-MM-DD */
  approval_deadline: string
  /** 0 | 1 */
  results_locked: number
  /** 0 | 1; at most one current year per school */
  is_current: number
  created_at: string
  updated_at: string
}

export interface DepartmentsTable {
  id: Generated<number>
  school_id: number
  name: string
  name_key: string
  created_at: string
  updated_at: string
}

export interface PeopleTable {
  id: Generated<number>
  school_id: number
  full_name: string
  /** folded full name, for matching imports and searching */
  name_key: string
  /** 'teacher' | 'head' | 'manager' | 'admin' | 'staff' */
  role: string
  department_id: number | null
  /** 'MN' | 'TH' | 'THCS' | 'THPT' | 'GDTX' | 'CD' | 'TCCN' */
  level: string | null
  subject: string | null
  /** the linked Telegram account; unique when set */
  telegram_id: number | null
  linked_at: string | null
  created_at: string
  updated_at: string
}

export interface InvitesTable {
  id: Generated<number>
  code: string
  school_id: number
  role: string
  department_id: number | null
  /** an invite for one named person (made for them, e.g. after a staff import) */
  person_id: number | null
  /** 'single' (one use) | 'department' (anyone of the department, until it expires) */
  kind: string
  expires_at: string
  created_by: number
  created_at: string
  used_count: number
  revoked_at: string | null
}

/** A claim of a listed person's name through a department-wide invite, waiting for approval. */
export interface JoinRequestsTable {
  id: Generated<number>
  invite_id: number
  person_id: number
  telegram_id: number
  /** how Telegram showed the claimant, for the approver */
  telegram_name: string
  /** 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'lapsed' */
  status: string
  created_at: string
  decided_at: string | null
  decided_by: number | null
}

export interface ModulesTable {
  id: Generated<number>
  /** catalogue: a level ('THPT', …) or 'QL' for managers */
  level: string
  /** as the programme writes it, e.g. "THPT 17" */
  code: string
  /** normalizeModuleCode(code), e.g. "THPT 17" for "thpt17" */
  code_key: string
  /** code_key with zero-padded numbers ("THPT 000017"), so that THPT 2 sorts before THPT 17 */
  sort_key: string
  title: string
  contents: string
  goals: string
  /** the programme's heading the module sits under, e.g. "VI. Tăng cường năng lực dạy học" */
  area: string | null
  hours_total: number
  hours_self_study: number | null
  hours_theory: number | null
  hours_practice: number | null
  /** the programme that defines it, e.g. "TT 30/2011/TT-BGDĐT" */
  source: string
  /** folded code + title + contents + goals, for searching without diacritics */
  search_text: string
  /** the regulation profile its programme belongs to ('tt26-2012', 'tt19-2019'); null: any year */
  profile: string | null
  created_at: string
  updated_at: string
}

export interface PlansTable {
  id: Generated<number>
  person_id: number
  school_year_id: number
  /** 'draft' | 'submitted' | 'head_approved' | 'approved' | 'returned' */
  status: string
  return_reason: string | null
  created_at: string
  updated_at: string
}

export interface PlanModulesTable {
  plan_id: number
  module_id: number
  position: number
  added_at: string
}

export interface PlanEventsTable {
  id: Generated<number>
  plan_id: number
  at: string
  actor_telegram_id: number | null
  actor_person_id: number | null
  /** 'create' | 'add-module' | 'remove-module' | 'submit' | 'approve' | 'return' | 'reopen' */
  action: string
  from_status: string | null
  to_status: string | null
  reason: string | null
  /** the module concerned, for add/remove */
  module_id: number | null
}

/** A batch of grades entered at once (a message or a file), confirmed by its author. */
export interface GradeBatchesTable {
  id: Generated<number>
  school_id: number
  school_year_id: number
  /** the department it was entered for; null for a school-wide batch */
  department_id: number | null
  /** 'teacher' | 'manager' | 'mixed': who was judged (classes, or CBQL pass/fail) */
  kind: string
  /** 'message' | 'file' */
  source: string
  file_name: string | null
  author_telegram_id: number
  author_person_id: number | null
  line_count: number
  change_count: number
  created_at: string
  undone_at: string | null
  undone_by: number | null
}

/** The current score of one component: 'nd1', 'nd2' or 'module:<modules.id>'. */
export interface ScoresTable {
  person_id: number
  school_year_id: number
  component: string
  /** set for module components */
  module_id: number | null
  /** whole hundredths, 0–1000 */
  value: number
  updated_at: string
  /** Telegram id of who set it */
  updated_by: number
  /** the batch of the latest change: the one that set it, or the one whose undo restored it */
  batch_id: number
}

/** Every change of a score: set by a batch, or restored when the batch was undone. */
export interface ScoreEventsTable {
  id: Generated<number>
  batch_id: number
  /** 'set' | 'undo' */
  action: string
  person_id: number
  school_year_id: number
  component: string
  module_id: number | null
  old_value: number | null
  new_value: number | null
  at: string
  actor_telegram_id: number
  actor_person_id: number | null
}

/** A broadcast (an admin's message) or a batch of the system's reminders; see migration 0003. */
export interface BroadcastsTable {
  id: Generated<number>
  /** null: an owner's broadcast across schools */
  school_id: number | null
  /** 'broadcast' | 'reminder' */
  kind: string
  /** the sender's Telegram id; null for the system */
  created_by: number | null
  /** JSON BroadcastContent: { type: 'text', html } | { type: 'document', file_id, caption_html } */
  content: string
  /** JSON Audience, as the sender chose it */
  audience: string
  /** 'draft' | 'sending' | 'cancelled' | 'done' */
  status: string
  recipients: Generated<number>
  progress_chat_id: number | null
  progress_message_id: number | null
  progress_updated_at: string | null
  /** digest of the text the progress message shows; null: unknown (migration 0130) */
  progress_shown: string | null
  /** set just before the final report is sent, so it is sent at most once */
  reported_at: string | null
  created_at: string
  confirmed_at: string | null
  cancelled_at: string | null
  finished_at: string | null
  updated_at: string
}

/** One recipient of a broadcast and the delivery state of their message. */
export interface OutboxTable {
  id: Generated<number>
  broadcast_id: number
  chat_id: number
  person_id: number | null
  /** JSON BroadcastContent for this recipient only (a reminder in their language); null: the broadcast's */
  content: string | null
  /** 'pending' | 'claimed' | 'sent' | 'failed' | 'unreachable' | 'cancelled' | 'unknown' */
  state: Generated<string>
  attempts: Generated<number>
  next_attempt_at: string
  claimed_at: string | null
  claim_token: string | null
  sent_at: string | null
  /** Telegram's message_id of the delivered message */
  message_id: number | null
  last_error: string | null
  /** held for the recipient's quiet hours until this instant (next_attempt_at starts there too) */
  not_before: string | null
  /** the worker (its lease holder id) that claimed the row; see job_leases */
  claimed_by: string | null
}

/** A named lease one instance holds until `expires_at` (ISO-8601 UTC), renewed while it lives. */
export interface JobLeasesTable {
  name: string
  holder: string
  expires_at: string
}

/** A message a process may send under the token's shared budget (migration 0120, src/store/send-slots.ts). */
export interface SendSlotsTable {
  id: Generated<number>
  chat_id: number
  /** ms since the epoch: when the process was allowed to send */
  started_ms: number
  /** ms since the epoch: when Telegram answered; null while in flight */
  ended_ms: number | null
}

/** An update a bot instance took, in its chat's turn (0125; src/store/chat-turns.ts). */
export interface ChatTurnsTable {
  update_id: number
  chat_id: number
  /** the instance handling it */
  holder: string
  /** open: the row's lease; done: when it was done */
  expires_at: string
  done_at: string | null
}

/** A person's /settings; no row: the defaults (see migration 0040). */
export interface CoursesTable {
  id: Generated<number>
  /** null: the owner's course, for every school */
  school_id: number | null
  name: string
  classes: number
  seats: number
  /** whole đồng */
  fee_per_person: number
  /** comma-separated roles invited; null until opened */
  audience: string | null
  opened_at: string | null
  created_by: number
  created_at: string
}

export interface CourseInviteesTable {
  course_id: number
  person_id: number
}

export interface CourseSignupsTable {
  id: Generated<number>
  course_id: number
  person_id: number
  /** 'seat' | 'waiting' */
  state: string
  created_at: string
}

export interface NotificationSettingsTable {
  telegram_id: number
  /** 0 | 1 */
  reminders: number
  /** '7,1' | '1' */
  reminder_days: string
  /** 0 | 1 */
  results: number
  /** Vietnam hours 0–23; equal: no quiet hours */
  quiet_from: number
  quiet_to: number
  /** the Vietnam hour (0–23) their reminders arrive; null: the deadline's own time */
  reminder_hour: number | null
  updated_at: string
}

/** Which reminder of a deadline (its days before) an account was given (see migration 0075). */
export interface ReminderDeliveriesTable {
  deadline_id: number
  telegram_id: number
  offset_days: number
  /** YYYY-MM-DD: the due date it spoke of */
  due_date: string
  /** 'sent' | 'not-open' */
  state: string
  broadcast_id: number | null
  created_at: string
}

/**
 * Which reminder of a deadline a school's reminder batch (an outbox broadcast) carries: each of its
 * outbox rows is a delivery of it (migration 0135).
 */
export interface ReminderBatchesTable {
  broadcast_id: number
  deadline_id: number
  offset_days: number
  /** YYYY-MM-DD: the due date it spoke of */
  due_date: string
  created_at: string
}

/** One deadline of a school year's calendar (a standard one of seed 004, or the admin's own). */
export interface DeadlinesTable {
  id: Generated<number>
  school_year_id: number
  /** the standard deadline it is ('plan-writing', 'grading' ...); null for one the admin added */
  key: string | null
  title_vi: string
  title_en: string
  /** first day of the period (YYYY-MM-DD); null for a single day */
  opens_on: string | null
  /** YYYY-MM-DD, Vietnam time */
  due_date: string
  /** HH:mm, Vietnam time; null: until the end of the day */
  due_time: string | null
  /** JSON array of the roles it concerns */
  roles: string
  /** JSON array of department ids; null: every department */
  department_ids: string | null
  /** 'plan-submitted' | 'plan-head-approved' | 'plan-approved-by-school' | 'grades-entered' | null */
  task: string | null
  sort_order: Generated<number>
  created_at: string
  updated_at: string
  /** removed by the admin (kept for the history; its reminders are cancelled) */
  removed_at: string | null
}

/** A reminder of a deadline: a row the scheduler enqueues when fire_at comes, not a timer. */
export interface RemindersTable {
  id: Generated<number>
  deadline_id: number
  /** days before the due date (7, 1 by default) */
  offset_days: number
  /** HH:mm, Vietnam time ('08:00') */
  at_time: string
  /** ISO-8601 UTC instant: the due date minus offset_days at at_time in Vietnam */
  fire_at: string
  /** 'pending' | 'enqueued' | 'skipped' | 'cancelled' */
  state: Generated<string>
  enqueued_at: string | null
  /** the outbox batch (broadcasts.id, kind 'reminder') it produced; null when nobody was left */
  broadcast_id: number | null
  /** outbox rows enqueued */
  recipients: number | null
  /** 'deadline-passed' | 'superseded' | 'not-current-year' */
  skip_reason: string | null
  created_at: string
  updated_at: string
}

export interface Database {
  sessions: SessionsTable
  telegram_users: TelegramUsersTable
  audit_log: AuditLogTable
  owners: OwnersTable
  setup_codes: SetupCodesTable
  schools: SchoolsTable
  school_years: SchoolYearsTable
  departments: DepartmentsTable
  people: PeopleTable
  invites: InvitesTable
  modules: ModulesTable
  join_requests: JoinRequestsTable
  plans: PlansTable
  plan_modules: PlanModulesTable
  plan_events: PlanEventsTable
  grade_batches: GradeBatchesTable
  scores: ScoresTable
  score_events: ScoreEventsTable
  broadcasts: BroadcastsTable
  outbox: OutboxTable
  deadlines: DeadlinesTable
  reminders: RemindersTable
  notification_settings: NotificationSettingsTable
  reminder_deliveries: ReminderDeliveriesTable
  reminder_batches: ReminderBatchesTable
  job_leases: JobLeasesTable
  send_slots: SendSlotsTable
  chat_turns: ChatTurnsTable
  courses: CoursesTable
  course_signups: CourseSignupsTable
  course_invitees: CourseInviteesTable
  surveys: SurveysTable
  survey_answers: SurveyAnswersTable
  survey_items: SurveyItemsTable
  staff_records: StaffRecordsTable
  staff_certificates: StaffCertificatesTable
}

/** One person's qualifications (0085); codes are the rule engine's, flags 0 | 1. */
export interface StaffRecordsTable {
  person_id: number
  qualification: string | null
  qualification_subject: string | null
  political_theory: string | null
  state_management: number
  education_management: number
  ttcm_training: number
  /** 'none' | 'basic' | 'management' */
  it_level: string
  /** thuộc diện quy hoạch cán bộ quản lý */
  pipeline: number
  /** 'principal' | 'vice-principal' | a staff post ('van-thu', …) | null */
  post: string | null
  updated_by: number | null
  updated_at: string
}

/** A foreign-language certificate; `score` as parseExamScore reads it ('6.5', '850 170 160'). */
export interface StaffCertificatesTable {
  id: Generated<number>
  person_id: number
  exam: string
  score: string
  /** YYYY-MM-DD */
  taken_on: string | null
  created_at: string
}

/** A learning-needs survey of a school for a school year (0095). */
export interface SurveysTable {
  id: Generated<number>
  school_id: number
  /** e.g. "2027-2028" */
  year_name: string
  /** YYYY-MM-DD, inclusive */
  deadline: string
  created_by: number
  created_at: string
}

export interface SurveyAnswersTable {
  id: Generated<number>
  survey_id: number
  person_id: number
  updated_at: string
}

/** 'm:<module id>' or 'o:<other training code>' */
export interface SurveyItemsTable {
  id: Generated<number>
  answer_id: number
  item: string
}
