/**
 * Migration 0140 on a store with messages in its outbox: every row is kept with its id and state,
 * new rows go on after the old ids, a message may name a person who is not in `people` (a label),
 * and the outbox still belongs to its broadcast (deleting the broadcast deletes its rows).
 */
import { afterEach, expect, it } from 'vitest'
import { migrations } from '../../migrations/index.ts'
import { openDatabase } from '../../src/db/connection.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { checkHealth } from '../../src/health.ts'
import { freshDatabase, schoolWithBatch } from '../helpers/database.ts'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const NAME = '0140_outbox_person_label'
const at = '2026-11-29T01:00:00.000Z'

it('keeps every outbox row and its id; person_id is a label, broadcast_id still a key', async () => {
  const database = await freshDatabase()
  cleanups.push(() => database.drop())
  const db = openDatabase(database.location)
  cleanups.push(() => db.destroy())
  await migrateToLatest(db, Object.fromEntries(Object.entries(migrations).filter(([name]) => name < NAME)))

  const { schoolId, broadcastId } = await schoolWithBatch(db, at)
  const person = await db
    .insertInto('people')
    .values({
      school_id: schoolId,
      full_name: 'Nguyễn Văn An',
      name_key: 'nguyen van an',
      role: 'teacher',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const row = (chatId: number, personId: number | null, state = 'pending') => ({
    broadcast_id: broadcastId,
    chat_id: chatId,
    person_id: personId,
    state,
    next_attempt_at: at,
  })
  await db
    .insertInto('outbox')
    .values([row(101, person.id, 'sent'), row(102, null), row(103, person.id)])
    .execute()
  // the last of them went (a cancelled draft's rows are never deleted, but ids must not come back)
  const before = await db.selectFrom('outbox').selectAll().orderBy('id').execute()
  await db.deleteFrom('outbox').where('chat_id', '=', 103).execute()

  expect(await migrateToLatest(db)).toEqual([NAME])
  expect(await checkHealth(db)).toMatchObject({ status: 'ok' })
  expect(await db.selectFrom('outbox').selectAll().orderBy('id').execute()).toEqual(before.slice(0, 2))

  // a person id that is nowhere in people is taken as it is
  const added = await db
    .insertInto('outbox')
    .values(row(104, 987_654))
    .returning(['id', 'person_id'])
    .executeTakeFirstOrThrow()
  expect(added.person_id).toBe(987_654)
  expect(added.id).toBeGreaterThan(before.at(-1)!.id)
  // the broadcast is still the rows' owner: no row without one, and they go with it
  await expect(
    db
      .insertInto('outbox')
      .values({ ...row(105, null), broadcast_id: 999_999 })
      .execute(),
  ).rejects.toThrow()
  await db.deleteFrom('broadcasts').where('id', '=', broadcastId).execute()
  expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([])
})
