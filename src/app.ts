/**
 * Opens the store, applies the migrations and assembles the dependencies every handler gets.
 * Shared by `main.ts`, the tests and the benchmarks so they all run the same wiring.
 */
import type { Deps, FlowContext } from './bot/context.ts'
import { createI18n } from './bot/i18n.ts'
import { type Db, isPostgresUrl, openDatabase } from './db/connection.ts'
import { migrateToLatest } from './db/migrate.ts'
import { createLogger, type Logger } from './logger.ts'
import { createServices } from './services/index.ts'
import type { ServiceOptions } from './services/options.ts'
import { ChatTurnStore } from './store/chat-turns.ts'
import { SessionStore } from './store/sessions.ts'
import { TelegramUserStore } from './store/telegram-users.ts'

export interface App {
  db: Db
  deps: Deps
  close(): Promise<void>
}

export async function openApp(options: {
  /** a SQLite file, `:memory:`, or a `postgres://` URL */
  databasePath: string
  logger?: Logger
  /** the clock of every service (deadlines, expiry); tests set their own */
  now?: () => Date
  /** the regulation a new school year starts with (services' `profileFor`); tests set their own */
  profileFor?: ServiceOptions['profileFor']
}): Promise<App> {
  const db = openDatabase(options.databasePath)
  const shared = isPostgresUrl(options.databasePath)
  await migrateToLatest(db)
  const services = createServices(db, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.profileFor ? { profileFor: options.profileFor } : {}),
  })
  const deps: Deps = {
    logger: options.logger ?? createLogger(),
    // several instances may share a PostgreSQL database: nothing read is kept in memory there
    sessions: new SessionStore(db, shared ? 0 : undefined),
    ...(shared ? { chatTurns: new ChatTurnStore(db) } : {}),
    telegramUsers: new TelegramUserStore(db, { cache: !shared }),
    i18n: createI18n<FlowContext>(),
    setup: services.setup,
    schools: services.schools,
    people: services.people,
    invites: services.invites,
    joinRequests: services.joinRequests,
    catalogue: services.catalogue,
    plans: services.plans,
    planApprovals: services.planApprovals,
    imports: services.imports,
    calendar: services.calendar,
    grades: services.grades,
    gradeUndo: services.gradeUndo,
    resultsLock: services.resultsLock,
    scores: services.scores,
    team: services.team,
    regulation: services.regulation,
    broadcasts: services.broadcasts,
    reports: services.reports,
    notifications: services.notifications,
    courses: services.courses,
    surveys: services.surveys,
    staff: services.staff,
    standards: services.standards,
  }
  return { db, deps, close: () => db.destroy() }
}
