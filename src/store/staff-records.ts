/**
 * Each person's staff record (qualifications, political theory, certificates, IT, planning status,
 * post) and their foreign-language certificates. Codes are the rule engine's; the store neither
 * judges nor translates them.
 *
 *   await stores.staffRecords.saveMany([{ personId, data }], by, now)   // one statement per 200
 *   const records = await stores.staffRecords.forPeople([1, 2, 3])      // Map<personId, StoredRecord>
 */
import type { Kysely, Selectable } from 'kysely'
import type { Database, StaffCertificatesTable, StaffRecordsTable } from '../db/schema.ts'
import type { Exam } from '../rules/index.ts'
import type { ItLevel, PoliticalTheory, Qualification, StaffPost } from '../rules/standards.ts'

export type ManagerPost = 'principal' | 'vice-principal'
export type RecordPost = ManagerPost | StaffPost

export interface StaffRecordData {
  qualification: Qualification | null
  qualificationSubject: string | null
  politicalTheory: PoliticalTheory | null
  stateManagement: boolean
  educationManagement: boolean
  ttcmTraining: boolean
  it: ItLevel
  /** thuộc diện quy hoạch cán bộ quản lý */
  pipeline: boolean
  post: RecordPost | null
}

export const EMPTY_RECORD: StaffRecordData = {
  qualification: null,
  qualificationSubject: null,
  politicalTheory: null,
  stateManagement: false,
  educationManagement: false,
  ttcmTraining: false,
  it: 'none',
  pipeline: false,
  post: null,
}

export interface LanguageCertificate {
  exam: Exam
  /** as parseExamScore reads it back: '6.5', '850 170 160' */
  score: string
  /** YYYY-MM-DD */
  takenOn: string | null
}

export interface StoredRecord extends StaffRecordData {
  personId: number
  certificates: LanguageCertificate[]
  updatedAt: string
}

const CHUNK = 200

export class StaffRecordStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The records of these people that exist, with their certificates (oldest first). */
  async forPeople(personIds: readonly number[]): Promise<Map<number, StoredRecord>> {
    const out = new Map<number, StoredRecord>()
    for (let i = 0; i < personIds.length; i += CHUNK) {
      const ids = personIds.slice(i, i + CHUNK)
      const [rows, certificates] = await Promise.all([
        this.db.selectFrom('staff_records').selectAll().where('person_id', 'in', ids).execute(),
        this.db
          .selectFrom('staff_certificates')
          .selectAll()
          .where('person_id', 'in', ids)
          .orderBy('id')
          .execute(),
      ])
      for (const row of rows)
        out.set(row.person_id, {
          ...toData(row),
          personId: row.person_id,
          certificates: [],
          updatedAt: row.updated_at,
        })
      for (const c of certificates) out.get(c.person_id)?.certificates.push(toCertificate(c))
    }
    return out
  }

  async get(personId: number): Promise<StoredRecord | undefined> {
    return (await this.forPeople([personId])).get(personId)
  }

  /**
   * Writes whole records (replacing what was there) and adds the certificates not already held
   * (same exam, score and date). Call inside a transaction: it deletes, then inserts.
   */
  async saveMany(
    records: ReadonlyArray<{ personId: number; data: StaffRecordData; certificates: LanguageCertificate[] }>,
    by: number,
    now: string,
  ): Promise<void> {
    const known = await this.forPeople(records.map((r) => r.personId))
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK)
      await this.db
        .deleteFrom('staff_records')
        .where(
          'person_id',
          'in',
          chunk.map((r) => r.personId),
        )
        .execute()
      await this.db
        .insertInto('staff_records')
        .values(chunk.map((r) => toRow(r.personId, r.data, by, now)))
        .execute()
    }
    const newCertificates = records.flatMap((r) => {
      const held = known.get(r.personId)?.certificates ?? []
      return r.certificates
        .filter((c) => !held.some((h) => sameCertificate(h, c)))
        .map((c) => ({
          person_id: r.personId,
          exam: c.exam,
          score: c.score,
          taken_on: c.takenOn,
          created_at: now,
        }))
    })
    for (let i = 0; i < newCertificates.length; i += CHUNK) {
      await this.db
        .insertInto('staff_certificates')
        .values(newCertificates.slice(i, i + CHUNK))
        .execute()
    }
  }
}

export function sameCertificate(a: LanguageCertificate, b: LanguageCertificate): boolean {
  return a.exam === b.exam && a.score === b.score && a.takenOn === b.takenOn
}

function toRow(personId: number, d: StaffRecordData, by: number, now: string) {
  return {
    person_id: personId,
    qualification: d.qualification,
    qualification_subject: d.qualificationSubject,
    political_theory: d.politicalTheory,
    state_management: d.stateManagement ? 1 : 0,
    education_management: d.educationManagement ? 1 : 0,
    ttcm_training: d.ttcmTraining ? 1 : 0,
    it_level: d.it,
    pipeline: d.pipeline ? 1 : 0,
    post: d.post,
    updated_by: by,
    updated_at: now,
  }
}

function toData(row: Selectable<StaffRecordsTable>): StaffRecordData {
  return {
    qualification: row.qualification as Qualification | null,
    qualificationSubject: row.qualification_subject,
    politicalTheory: row.political_theory as PoliticalTheory | null,
    stateManagement: Number(row.state_management) === 1,
    educationManagement: Number(row.education_management) === 1,
    ttcmTraining: Number(row.ttcm_training) === 1,
    it: row.it_level as ItLevel,
    pipeline: Number(row.pipeline) === 1,
    post: row.post as RecordPost | null,
  }
}

function toCertificate(row: Selectable<StaffCertificatesTable>): LanguageCertificate {
  return { exam: row.exam as Exam, score: row.score, takenOn: row.taken_on }
}
