/**
 * The sections of seeds 000 and 003 the staff standards, targets and budgets rest on. Kept apart
 * from sources.ts (the BDTX regulations) because these are the plans' own requirements, cited by
 * section so the bot can say "theo KH 2013–2015 của Sở GDĐT TP.HCM, mục II.4".
 */
import type { Citation } from './sources.ts'

const so = (section: string): Citation => `KH đào tạo, bồi dưỡng 2013–2015 của Sở GDĐT TP.HCM, mục ${section}`
const th = (section: string): Citation =>
  `KH học tập thường xuyên 2022 của Trường TH Cao Dương, mục ${section}`

export const STAFF_SOURCES = {
  so: so,
  school: th,
  /** Trained standard of a teacher by level (cao đẳng sư phạm for MN, cử nhân otherwise). */
  trainedStandard: 'Luật Giáo dục 2019, Điều 72 khoản 1',
  budget: so('III.5'),
} as const
