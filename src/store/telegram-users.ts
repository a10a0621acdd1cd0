/**
 * Telegram accounts the bot has seen, with the language each chose. Cached like the sessions:
 * the language is needed on every update and for every notification sent to someone else. Without
 * the cache (`{ cache: false }`: PostgreSQL, where several instances may share the table) every
 * read goes to the database.
 */
import type { Db } from '../db/connection.ts'

export interface TelegramUser {
  telegramId: number
  firstName: string
  username: string | null
  language: string | null
  /** when they blocked the bot (my_chat_member); null: reachable as far as the bot knows */
  blockedAt: string | null
}

export class TelegramUserStore {
  private readonly cache = new Map<number, TelegramUser>()
  private readonly caching: boolean

  constructor(
    private readonly db: Db,
    options: { cache?: boolean } = {},
  ) {
    this.caching = options.cache ?? true
  }

  async get(telegramId: number): Promise<TelegramUser | undefined> {
    const cached = this.cache.get(telegramId)
    if (cached) return cached
    const row = await this.db
      .selectFrom('telegram_users')
      .select(['telegram_id', 'first_name', 'username', 'language', 'blocked_at'])
      .where('telegram_id', '=', telegramId)
      .executeTakeFirst()
    if (!row) return undefined
    const user = {
      telegramId: Number(row.telegram_id),
      firstName: row.first_name,
      username: row.username,
      language: row.language,
      blockedAt: row.blocked_at,
    }
    if (this.caching) this.cache.set(telegramId, user)
    return user
  }

  /** Records a user seen in an update; writes only when something changed. */
  async seen(from: { id: number; first_name: string; username?: string }): Promise<TelegramUser> {
    const known = await this.get(from.id)
    const username = from.username ?? null
    if (known && known.firstName === from.first_name && known.username === username) return known
    const now = new Date().toISOString()
    await this.db
      .insertInto('telegram_users')
      .values({
        telegram_id: from.id,
        first_name: from.first_name,
        username,
        language: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('telegram_id').doUpdateSet({ first_name: from.first_name, username, updated_at: now }),
      )
      .execute()
    const user = {
      telegramId: from.id,
      firstName: from.first_name,
      username,
      language: known?.language ?? null,
      blockedAt: known?.blockedAt ?? null,
    }
    if (this.caching) this.cache.set(from.id, user)
    return user
  }

  async setLanguage(telegramId: number, language: string): Promise<void> {
    await this.db
      .updateTable('telegram_users')
      .set({ language, updated_at: new Date().toISOString() })
      .where('telegram_id', '=', telegramId)
      .execute()
    const cached = this.cache.get(telegramId)
    if (cached) this.cache.set(telegramId, { ...cached, language })
    else this.cache.delete(telegramId)
  }

  /** They blocked the bot (`at`) or unblocked it (null); false when that was already known. */
  async setBlocked(telegramId: number, at: string | null): Promise<boolean> {
    const known = await this.get(telegramId)
    if (!known || (known.blockedAt === null) === (at === null)) return false
    await this.db
      .updateTable('telegram_users')
      .set({ blocked_at: at, updated_at: new Date().toISOString() })
      .where('telegram_id', '=', telegramId)
      .execute()
    if (this.caching) this.cache.set(telegramId, { ...known, blockedAt: at })
    return true
  }
}
