/**
 * The days /cefr reads: today as Vietnam has it, and the day a post's language standard is read
 * on — today kept within the asker's current school year.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { account, OWNER, school, type World, world } from './support.ts'

let w: World
afterEach(async () => {
  await w.app.close()
})

describe('RegulationService.languageDays', () => {
  it("someone of no school: today, Vietnam's day (18:00 UTC on the 28th is the 29th there)", async () => {
    w = await world('2026-11-28T18:00:00Z')
    const stranger = await account(w, 900)
    expect(await w.services.regulation.languageDays(stranger)).toEqual({
      today: '2026-11-29',
      standardsOn: '2026-11-29',
    })
  })

  it("a person's year: today inside it, its last day after it, its first day before it", async () => {
    w = await world('2017-09-10T03:00:00Z')
    await w.services.setup.bootstrap({ ownerTelegramIds: [OWNER.telegramId] })
    const s = await school(w, 'THPT 2017', 100)
    const teacher = s.teacherToan
    // seed 004's calendar moved to 2017: 27/08/2017 to 30/05/2018
    expect([s.year.startsOn, s.year.endsOn]).toEqual(['2017-08-27', '2018-05-30'])
    expect(await w.services.regulation.languageDays(teacher)).toEqual({
      today: '2017-09-10',
      standardsOn: '2017-09-10',
    })
    w.at('2026-11-29T03:00:00Z')
    expect(await w.services.regulation.languageDays(teacher)).toEqual({
      today: '2026-11-29',
      standardsOn: '2018-05-30',
    })
    w.at('2017-08-01T03:00:00Z')
    expect(await w.services.regulation.languageDays(teacher)).toEqual({
      today: '2017-08-01',
      standardsOn: '2017-08-27',
    })
  })
})
