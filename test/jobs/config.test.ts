import { expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'

it('reads BROADCAST_RATE: 25 a second unless set, a whole number from 1 to 1000', () => {
  expect(loadConfig({}).broadcastRate).toBe(25)
  expect(loadConfig({ BROADCAST_RATE: '20' }).broadcastRate).toBe(20)
  expect(() => loadConfig({ BROADCAST_RATE: 'fast' })).toThrow(
    /^Configuration error: BROADCAST_RATE must be a number of messages per second \(got "fast"\)$/,
  )
  expect(() => loadConfig({ BROADCAST_RATE: '2.5' })).toThrow(/BROADCAST_RATE must be a whole number/)
  expect(() => loadConfig({ BROADCAST_RATE: '0' })).toThrow(/BROADCAST_RATE must be from 1 to 1000/)
})

it('keeps the sending budget in the database with PostgreSQL or SEND_BUDGET=shared, else in memory', () => {
  expect(loadConfig({})).toMatchObject({ sharedBudget: false, sendRate: 30 })
  expect(loadConfig({ DATABASE_URL: 'postgres://bdtx@db:5432/bdtx' }).sharedBudget).toBe(true)
  expect(loadConfig({ DATABASE_URL: 'postgres://bdtx@db/bdtx', SEND_BUDGET: 'memory' }).sharedBudget).toBe(
    false,
  )
  expect(loadConfig({ SEND_BUDGET: 'shared', SEND_RATE: '20' })).toMatchObject({
    sharedBudget: true,
    sendRate: 20,
  })
  expect(() => loadConfig({ SEND_BUDGET: 'redis' })).toThrow(
    /^Configuration error: SEND_BUDGET must be memory \(one process\) or shared \(through the database\) \(got "redis"\)$/,
  )
})
