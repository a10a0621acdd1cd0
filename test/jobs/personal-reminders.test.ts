/**
 * The arithmetic of each person's reminder schedule: which of their reminders is due at a given
 * instant (their hour, else the school's; their days, else the school's), and how many days a
 * reminder says are left when quiet hours hold it until the morning.
 */
import { describe, expect, it } from 'vitest'
import { deadlineOnArrival, latestDueSlot, type TimedDeadline } from '../../src/jobs/personal-reminders.ts'
import { DEFAULT_SETTINGS, type NotificationSettings } from '../../src/store/notification-settings.ts'

const school = [
  { offsetDays: 7, atTime: '08:00' },
  { offsetDays: 1, atTime: '08:00' },
]
const due = { dueDate: '2025-09-07' }
const s = (patch: Partial<NotificationSettings>): NotificationSettings => ({ ...DEFAULT_SETTINGS, ...patch })

describe('latestDueSlot', () => {
  it("follows the school's days and time when the person chose neither", () => {
    expect(latestDueSlot(due, school, DEFAULT_SETTINGS, new Date('2025-08-31T00:59:00Z'))).toBeUndefined()
    expect(latestDueSlot(due, school, DEFAULT_SETTINGS, new Date('2025-08-31T01:00:00Z'))).toEqual({
      offsetDays: 7,
      fireAt: '2025-08-31T01:00:00.000Z',
    })
    // the latest due only: the day before, not the seven-day one again
    expect(latestDueSlot(due, school, DEFAULT_SETTINGS, new Date('2025-09-06T05:00:00Z'))?.offsetDays).toBe(1)
  })

  it('takes their hour and their days', () => {
    const own = s({ reminderDays: '3,1', reminderHour: 17 })
    expect(latestDueSlot(due, school, own, new Date('2025-09-01T00:00:00Z'))).toBeUndefined()
    expect(latestDueSlot(due, school, own, new Date('2025-09-04T09:59:59Z'))).toBeUndefined()
    expect(latestDueSlot(due, school, own, new Date('2025-09-04T10:00:00Z'))).toEqual({
      offsetDays: 3,
      fireAt: '2025-09-04T10:00:00.000Z',
    })
    expect(
      latestDueSlot(due, school, s({ reminderDays: '1' }), new Date('2025-09-05T00:00:00Z')),
    ).toBeUndefined()
  })

  it("keeps the admin's time for a deadline when the person chose no hour", () => {
    const late = [{ offsetDays: 1, atTime: '22:00' }]
    expect(latestDueSlot(due, late, DEFAULT_SETTINGS, new Date('2025-09-06T14:59:00Z'))).toBeUndefined()
    expect(latestDueSlot(due, late, DEFAULT_SETTINGS, new Date('2025-09-06T15:00:00Z'))?.offsetDays).toBe(1)
  })
})

describe('deadlineOnArrival', () => {
  const deadline = { dueDate: '2025-09-07', daysLeft: 1 } as TimedDeadline
  it('says today when quiet hours hold the day-before reminder into the due day', () => {
    const at = new Date('2025-09-06T15:00:00Z') // 22:00
    expect(deadlineOnArrival(deadline, DEFAULT_SETTINGS, at).daysLeft).toBe(0)
    expect(deadlineOnArrival(deadline, s({ quietFrom: 0, quietTo: 0 }), at).daysLeft).toBe(1)
  })
  it('says today, never a negative count, when it arrives after the due day', () => {
    const dueToday = { dueDate: '2025-09-06', daysLeft: 0 } as TimedDeadline
    expect(deadlineOnArrival(dueToday, DEFAULT_SETTINGS, new Date('2025-09-06T15:00:00Z')).daysLeft).toBe(0)
  })
})
