import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { type Db, openSqlite } from '../../src/db/connection.ts'

let db: Db
afterEach(async () => {
  await db.destroy()
})

describe('the SQLite connection', () => {
  it('answers a query it has prepared before with the new values', async () => {
    db = openSqlite(':memory:')
    await sql`create table t (n integer)`.execute(db)
    for (const n of [1, 2, 3])
      await db
        .insertInto('t' as never)
        .values({ n } as never)
        .execute()
    const over = (min: number) =>
      db
        .selectFrom('t' as never)
        .select('n' as never)
        .where('n' as never, '>', min as never)
        .execute()
    expect(await over(0)).toHaveLength(3)
    expect(await over(2)).toEqual([{ n: 3 }])
  })
})
