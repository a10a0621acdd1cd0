import { botSuite } from './bot.ts'
import { broadcastSuite } from './broadcast.ts'
import { flowSuite } from './flow.ts'
import { gradesSuite } from './grades.ts'
import { importSuite } from './imports.ts'
import { outgoingSuite } from './outgoing.ts'
import { reportSuite } from './report.ts'
import { rulesSuite } from './rules.ts'
import { scaleSuite } from './scale.ts'
import { staffSuite } from './staff.ts'
import { uploadSuite } from './upload.ts'

export interface BenchSuite {
  /** prefix of every figure, e.g. `rules` gives `rules.classify_per_s` */
  name: string
  run(): Promise<Record<string, number>>
}

export const suites: BenchSuite[] = [
  rulesSuite,
  botSuite,
  flowSuite,
  importSuite,
  gradesSuite,
  broadcastSuite,
  staffSuite,
  reportSuite,
  outgoingSuite,
  uploadSuite,
  scaleSuite,
]
