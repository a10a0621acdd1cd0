/**
 * Staff standards: `staff.standards_2000_ms` is the best of five runs of /standards' judgement —
 * every gap of 2,000 people's records, grouped by standard — on one core (target ≤ 200 ms). The
 * records are seeded random mixes of managers, teachers (some in the pipeline, some TTCM, some
 * teaching English) and school staff, so every standard is exercised.
 */
import { gapsByStandard, QUALIFICATIONS, STAFF_POSTS, type StaffRecord } from '../src/rules/standards.ts'
import { prng } from './rules.ts'
import type { BenchSuite } from './suites.ts'

const PEOPLE = 2_000
const ROUNDS = 5

function records(count: number, seed: number): StaffRecord[] {
  const random = prng(seed)
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)] as T
  return Array.from({ length: count }, (): StaffRecord => {
    const r = random()
    const role = r < 0.05 ? 'principal' : r < 0.1 ? 'vice-principal' : r < 0.85 ? 'teacher' : 'staff'
    return {
      role,
      isTtcm: role === 'teacher' && random() < 0.1,
      pipeline: role === 'teacher' && random() < 0.05,
      teachesEnglish: role === 'teacher' && random() < 0.1,
      staffPost: role === 'staff' ? pick(STAFF_POSTS) : null,
      qualification:
        random() < 0.95
          ? { level: pick(QUALIFICATIONS), subject: pick(['Kế toán', 'Sư phạm Toán', 'Thư viện', 'Y sỹ']) }
          : null,
      politicalTheory: pick([null, 'so-cap', 'trung-cap', 'cao-cap'] as const),
      managementCertificate: random() < 0.7,
      stateManagementCertificate: random() < 0.5,
      ttcmTraining: random() < 0.5,
      it: pick(['none', 'basic', 'management'] as const),
      englishFramework: pick([null, 3, 4, 5] as const),
    }
  })
}

export const staffSuite: BenchSuite = {
  name: 'staff',
  async run() {
    const people = records(PEOPLE, 15)
    let best = Number.POSITIVE_INFINITY
    let groups = 0
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now()
      groups = gapsByStandard(people, (p) => p, { level: 'THPT' }).size
      best = Math.min(best, performance.now() - started)
    }
    if (groups === 0) throw new Error('bench records produced no gaps: the bench measures nothing')
    return { standards_2000_ms: Math.round(best * 100) / 100 }
  },
}
