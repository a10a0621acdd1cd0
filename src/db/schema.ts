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
  plans: PlansTable
  plan_modules: PlanModulesTable
  plan_events: PlanEventsTable
}
