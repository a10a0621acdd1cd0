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

export interface Database {
  sessions: SessionsTable
  telegram_users: TelegramUsersTable
  audit_log: AuditLogTable
}
