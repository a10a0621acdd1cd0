import { describe, expect, it } from 'vitest'
import { certificateEligibility, classifyManager, classifyTeacher } from '../../src/rules/index.ts'
import { set } from './support.ts'

const teacher = (...args: Parameters<typeof set>) =>
  certificateEligibility({ judgedAs: 'teacher', result: classifyTeacher(set(...args)) })
const manager = (...args: Parameters<typeof set>) =>
  certificateEligibility({ judgedAs: 'manager', result: classifyManager(set(...args)) })

describe('certificateEligibility (seed 004 §V 4.2)', () => {
  it('proposes every teacher who completed the plan, whatever the class', () => {
    expect(teacher('9', '9', ['9'])).toMatchObject({ eligible: true }) // Giỏi
    expect(teacher('7', '7', ['7'])).toMatchObject({ eligible: true }) // Khá
    expect(teacher('5', '5', ['5'])).toMatchObject({ eligible: true }) // Trung bình, at the edge
  })

  it('refuses a teacher who did not complete the plan, even with a high average', () => {
    expect(teacher('10', '10', ['4.99'])).toEqual({
      eligible: false,
      reason: 'plan-not-completed',
      source: 'TT 26/2012/TT-BGDĐT Điều 14; KH BDTX của trường, mục V.4.2',
    })
  })

  it('refuses a manager rated không đạt and proposes one rated đạt', () => {
    expect(manager('8', '4.5', ['7'])).toMatchObject({ eligible: false, reason: 'manager-not-passed' })
    expect(manager('5', '5', ['5'])).toMatchObject({ eligible: true })
  })

  it('proposes nobody whose result is not final yet, even if the best case is Giỏi', () => {
    expect(teacher('10', '10', ['10', null])).toMatchObject({ eligible: false, reason: 'results-pending' })
    expect(manager(null, '9', ['9'])).toMatchObject({ eligible: false, reason: 'results-pending' })
  })

  it('proposes nobody without an approved plan', () => {
    expect(certificateEligibility({ judgedAs: 'teacher', result: null })).toMatchObject({
      eligible: false,
      reason: 'no-approved-plan',
    })
  })
})
