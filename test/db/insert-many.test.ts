/**
 * Many rows at once (src/store/bulk.ts), on SQLite through placeholders and on PostgreSQL as one
 * JSON text a statement: every value comes back as written — Vietnamese, quotes, backslashes, line
 * breaks, a 64-bit-sized Telegram id, nulls — and a row that breaks the unique key is left out.
 */
import { afterEach, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/connection.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { insertMany } from '../../src/store/bulk.ts'
import { freshDatabase, schoolWithBatch } from '../helpers/database.ts'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const at = '2026-11-29T01:00:00.000Z'

it('writes every value as given, in parts, and leaves out what the unique key refuses', async () => {
  const database = await freshDatabase()
  cleanups.push(() => database.drop())
  const db = openDatabase(database.location)
  cleanups.push(() => db.destroy())
  await migrateToLatest(db)
  const { broadcastId } = await schoolWithBatch(db, at)
  const tricky = 'Thầy "Nguyễn" \\ Văn\nAn — 100% ✅ 😀 \'</b>'
  const rows = Array.from({ length: 25 }, (_, i) => [
    broadcastId,
    2 ** 40 + i,
    i % 2 ? null : i,
    i === 3 ? tricky : i % 3 ? null : JSON.stringify({ type: 'text', html: `<b>${tricky}</b>` }),
    at,
    i === 4 ? '2026-11-29T14:00:00.000Z' : null,
  ])
  const columns = [
    'broadcast_id',
    'chat_id',
    'person_id',
    'content',
    'next_attempt_at',
    'not_before',
  ] as const
  expect(await insertMany(db, 'outbox', columns, rows, { perStatement: 4 })).toBe(25)
  // again, with two new chats among them: only those are written
  const again = [
    ...rows.slice(0, 5),
    [broadcastId, 7, null, null, at, null],
    [broadcastId, 8, null, null, at, null],
  ]
  expect(
    await insertMany(db, 'outbox', columns, again, {
      perStatement: 4,
      ignoreConflictOn: ['broadcast_id', 'chat_id'],
    }),
  ).toBe(2)

  const stored = await db.selectFrom('outbox').select(columns).orderBy('id').execute()
  expect(
    stored.map((r) => [
      r.broadcast_id,
      Number(r.chat_id),
      r.person_id,
      r.content,
      r.next_attempt_at,
      r.not_before,
    ]),
  ).toEqual([...rows, ...again.slice(5)])
  expect(stored[3]!.content).toBe(tricky)
  const defaults = await db.selectFrom('outbox').select(['state', 'attempts']).distinct().execute()
  expect(defaults).toEqual([{ state: 'pending', attempts: 0 }])
})
