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
