/**
 * Every store over one connection, and the unit of work: `stores.transaction(async (tx) => …)`
 * gives the same stores bound to one transaction, so a use case that touches several aggregates
 * (a school, its first year and its admin's invite) commits whole or not at all.
 *
 * Inside a transaction use only `tx`: on SQLite the transaction holds the one connection, and a
 * query through the outer stores would wait for it forever.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { AuditStore } from './audit.ts'
import { InviteStore } from './invites.ts'
import { ModuleStore } from './modules.ts'
import { OwnerStore } from './owners.ts'
import { PeopleStore } from './people.ts'
import { PlanStore } from './plans.ts'
import { SchoolStore } from './schools.ts'
import { StaffRecordStore } from './staff-records.ts'

export class Stores {
  readonly owners: OwnerStore
  readonly schools: SchoolStore
  readonly people: PeopleStore
  readonly invites: InviteStore
  readonly modules: ModuleStore
  readonly plans: PlanStore
  readonly audit: AuditStore
  readonly staffRecords: StaffRecordStore

  constructor(readonly db: Kysely<Database>) {
    this.owners = new OwnerStore(db)
    this.schools = new SchoolStore(db)
    this.people = new PeopleStore(db)
    this.invites = new InviteStore(db)
    this.modules = new ModuleStore(db)
    this.plans = new PlanStore(db)
    this.audit = new AuditStore(db)
    this.staffRecords = new StaffRecordStore(db)
  }

  /** Runs `work` in one transaction (joining the current one when already inside a transaction). */
  transaction<T>(work: (tx: Stores) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return work(this)
    return this.db.transaction().execute((trx) => work(new Stores(trx)))
  }
}
