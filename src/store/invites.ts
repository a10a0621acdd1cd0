/**
 * Invite codes: `https://t.me/<bot>?start=<code>` links that join a Telegram account to a school
 * with a role and a department, for one person (single) or for a whole department until expiry.
 */
import type { Kysely, Selectable } from 'kysely'
import type { Database, InvitesTable } from '../db/schema.ts'
import type { Role } from './people.ts'

export type InviteKind = 'single' | 'department'

export interface Invite {
  id: number
  code: string
  schoolId: number
  role: Role
  departmentId: number | null
  personId: number | null
  kind: InviteKind
  expiresAt: string
  createdBy: number
  createdAt: string
  usedCount: number
  revokedAt: string | null
}

export interface NewInvite {
  code: string
  schoolId: number
  role: Role
  departmentId: number | null
  personId: number | null
  kind: InviteKind
  expiresAt: string
  createdBy: number
}

export class InviteStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(invite: NewInvite, now: string): Promise<Invite> {
    const row = await this.db
      .insertInto('invites')
      .values({
        code: invite.code,
        school_id: invite.schoolId,
        role: invite.role,
        department_id: invite.departmentId,
        person_id: invite.personId,
        kind: invite.kind,
        expires_at: invite.expiresAt,
        created_by: invite.createdBy,
        created_at: now,
        used_count: 0,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toInvite(row)
  }

  async byCode(code: string): Promise<Invite | undefined> {
    const row = await this.db.selectFrom('invites').selectAll().where('code', '=', code).executeTakeFirst()
    return row && toInvite(row)
  }

  async get(id: number): Promise<Invite | undefined> {
    const row = await this.db.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirst()
    return row && toInvite(row)
  }

  async list(filter: { schoolId: number; departmentId?: number; activeAt?: string }): Promise<Invite[]> {
    let query = this.db.selectFrom('invites').selectAll().where('school_id', '=', filter.schoolId)
    if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId)
    if (filter.activeAt !== undefined) {
      const at = filter.activeAt
      query = query
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .where((eb) => eb.or([eb('kind', '=', 'department'), eb('used_count', '=', 0)]))
    }
    const rows = await query.orderBy('id', 'desc').execute()
    return rows.map(toInvite)
  }

  /** Counts one use; false when a single-use invite was used meanwhile or the invite was revoked. */
  async use(id: number): Promise<boolean> {
    const result = await this.db
      .updateTable('invites')
      .set((eb) => ({ used_count: eb('used_count', '+', 1) }))
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('kind', '=', 'department'), eb('used_count', '=', 0)]))
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  async revoke(id: number, now: string): Promise<void> {
    await this.db.updateTable('invites').set({ revoked_at: now }).where('id', '=', id).execute()
  }
}

function toInvite(row: Selectable<InvitesTable>): Invite {
  return {
    id: row.id,
    code: row.code,
    schoolId: row.school_id,
    role: row.role as Role,
    departmentId: row.department_id,
    personId: row.person_id,
    kind: row.kind as InviteKind,
    expiresAt: row.expires_at,
    createdBy: Number(row.created_by),
    createdAt: row.created_at,
    usedCount: row.used_count,
    revokedAt: row.revoked_at,
  }
}
