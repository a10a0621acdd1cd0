import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openApp } from '../../src/app.ts'
import { backupSqlite } from '../../src/db/backup.ts'
import { createLogger } from '../../src/logger.ts'

// The SQLite backup command itself: it works on a file, whatever database the run's helpers chose.
describe('db:backup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bdtx-backup-'))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('copies a store that is open and written to, and refuses to overwrite a file', async () => {
    const from = join(dir, 'live.sqlite')
    const app = await openApp({ databasePath: from, logger: createLogger('error') })
    await app.deps.telegramUsers.seen({ id: 4_000_000_001, first_name: 'Lan' })
    const to = join(dir, 'copy.sqlite')
    await backupSqlite(from, to)
    await app.deps.telegramUsers.seen({ id: 4_000_000_002, first_name: 'Minh' })

    const copy = await openApp({ databasePath: to, logger: createLogger('error') })
    const rows = await copy.db.selectFrom('telegram_users').select(['telegram_id']).execute()
    expect(rows.map((r) => r.telegram_id)).toEqual([4_000_000_001])
    await expect(backupSqlite(from, to)).rejects.toThrow(/exists already/)
    await copy.close()
    await app.close()
  })
})
