/**
 * The calendar each regulation profile gives a school year. TT 19/2019's days against the line that
 * sets them (../shared/domain/BDTX.md, "Later regulations"):
 *
 *   "Calendar (TT 19 Điều 8): a teacher's plan for the next school year is approved before 31 May;
 *    schools report their plan upward in June. So the calendar belongs to the regulation profile."
 *
 * TT 26/2012's is seed 004's table ("27/8 launch … 07/9 … 14/9 … 15/9 school plan sent to the Sở …
 * 16/4 – 25/4 tổ meeting, grading … 30/5 results sent to the Sở"), unchanged.
 */
import { describe, expect, it } from 'vitest'
import {
  type CalendarStep,
  calendarDay,
  calendarWindow,
  SOURCES,
  TT19_2019,
  TT26_2012,
} from '../../src/rules/index.ts'

const days = (profile: typeof TT26_2012, startYear: number, steps: CalendarStep[]) =>
  Object.fromEntries(steps.map((step) => [step, calendarDay(profile.calendar, startYear, step)]))

describe('the TT 19/2019 calendar', () => {
  it('approves a 2026-2027 plan by 31 May 2026 ("approved before 31 May" of the year before it)', () => {
    expect(calendarDay(TT19_2019.calendar, 2026, 'approvalDeadline')).toBe('2026-05-31')
    expect(TT19_2019.calendar.set.approvalDeadline).toBe(SOURCES.tt19PlanApproval)
    expect(SOURCES.tt19PlanApproval).toContain('TT 19/2019/TT-BGDĐT Điều 8')
    expect(SOURCES.tt19PlanApproval).toContain('trước ngày 31 tháng 5')
  })

  it('sends the plan upward in June 2026 ("schools report their plan upward in June")', () => {
    expect(days(TT19_2019, 2026, ['schoolPlanToSoFrom', 'schoolPlanToSo'])).toEqual({
      schoolPlanToSoFrom: '2026-06-01',
      schoolPlanToSo: '2026-06-30',
    })
    expect(TT19_2019.calendar.set.schoolPlanToSo).toBe(SOURCES.tt19PlanUpward)
    expect(SOURCES.tt19PlanUpward).toContain('trong tháng 6')
  })

  it("sets nothing else: the teachers' deadline, dossiers, grading and results keep seed 004's shape (the school's)", () => {
    expect(Object.keys(TT19_2019.calendar.set).sort()).toEqual([
      'approvalDeadline',
      'schoolPlanToSo',
      'schoolPlanToSoFrom',
    ])
    // seed 004's week between the teachers' deadline and the approval (07/9 → 14/9), 11 days of writing
    expect(days(TT19_2019, 2026, ['launch', 'planDeadline'])).toEqual({
      launch: '2026-05-13',
      planDeadline: '2026-05-24',
    })
    const rest: CalendarStep[] = [
      'dossierFrom',
      'dossierTo',
      'departmentGradingFrom',
      'departmentGradingTo',
      'schoolReviewFrom',
      'schoolReviewTo',
      'resultsToSo',
    ]
    expect(days(TT19_2019, 2026, rest)).toEqual(days(TT26_2012, 2026, rest))
    expect(calendarDay(TT19_2019.calendar, 2026, 'departmentGradingTo')).toBe('2027-04-25')
  })

  it("lets a year's deadlines fall from 1 May, when its plans are written, to 31 August after it", () => {
    expect(calendarWindow(TT19_2019.calendar, 2026)).toEqual({ from: '2026-05-01', to: '2027-08-31' })
  })
})

describe('the TT 26/2012 calendar', () => {
  it("is seed 004's, and no day of it is the regulation's", () => {
    expect(
      days(TT26_2012, 2025, [
        'launch',
        'planDeadline',
        'approvalDeadline',
        'schoolPlanToSoFrom',
        'schoolPlanToSo',
        'departmentGradingFrom',
        'departmentGradingTo',
        'resultsToSo',
      ]),
    ).toEqual({
      launch: '2025-08-27',
      planDeadline: '2025-09-07',
      approvalDeadline: '2025-09-14',
      schoolPlanToSoFrom: null,
      schoolPlanToSo: '2025-09-15',
      departmentGradingFrom: '2026-04-16',
      departmentGradingTo: '2026-04-25',
      resultsToSo: '2026-05-30',
    })
    expect(TT26_2012.calendar.set).toEqual({})
    expect(calendarWindow(TT26_2012.calendar, 2025)).toEqual({ from: '2025-07-01', to: '2026-08-31' })
  })
})
