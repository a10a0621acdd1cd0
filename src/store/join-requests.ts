/**
 * Join requests: a claim of a listed person's name through a department-wide invite, waiting
 * for the head's or the admin's decision before the Telegram account is linked.
 */
import type { Kysely, Selectable } from 'kysely'
import type { Database, JoinRequestsTable } from '../db/schema.ts'

export type JoinRequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'lapsed'

export interface JoinRequest {
  id: number
  inviteId: number
  personId: number
  telegramId: number
  telegramName: string
  status: JoinRequestStatus
  createdAt: string
  decidedAt: string | null
  decidedBy: number | null
}

export class JoinRequestStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(
    request: { inviteId: number; personId: number; telegramId: number; telegramName: string },
    now: string,
  ): Promise<JoinRequest> {
    const row = await this.db
      .insertInto('join_requests')
      .values({
        invite_id: request.inviteId,
        person_id: request.personId,
        telegram_id: request.telegramId,
        telegram_name: request.telegramName,
        status: 'pending',
        created_at: now,
        decided_at: null,
        decided_by: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toJoinRequest(row)
  }

  async get(id: number): Promise<JoinRequest | undefined> {
    const row = await this.db.selectFrom('join_requests').selectAll().where('id', '=', id).executeTakeFirst()
    return row && toJoinRequest(row)
  }

  /** The account's request still waiting, if any (at most one). */
  async pendingFor(telegramId: number): Promise<JoinRequest | undefined> {
    const row = await this.db
      .selectFrom('join_requests')
      .selectAll()
      .where('telegram_id', '=', telegramId)
      .where('status', '=', 'pending')
      .orderBy('id', 'desc')
      .executeTakeFirst()
    return row && toJoinRequest(row)
  }

  /** Closes a waiting request; false when it was decided meanwhile (by another approver). */
  async close(
    id: number,
    status: Exclude<JoinRequestStatus, 'pending'>,
    by: number | null,
    now: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('join_requests')
      .set({ status, decided_at: now, decided_by: by })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }
}

function toJoinRequest(row: Selectable<JoinRequestsTable>): JoinRequest {
  return {
    id: row.id,
    inviteId: row.invite_id,
    personId: row.person_id,
    telegramId: Number(row.telegram_id),
    telegramName: row.telegram_name,
    status: row.status as JoinRequestStatus,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by === null ? null : Number(row.decided_by),
  }
}
