/**
 * `npm run bench` prints a readable table of named figures; `npm run bench -- --json` prints one
 * JSON object. Each suite is a module in this folder exporting `run()`; later features add theirs.
 */
import { suites } from './suites.ts'

const json = process.argv.includes('--json')
// `--only outgoing,broadcast`: just those suites (the machine is shared)
const onlyAt = process.argv.indexOf('--only')
const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1]?.split(',')) : undefined
const figures: Record<string, number> = {}
for (const suite of suites) {
  if (only && !only.has(suite.name)) continue
  const result = await suite.run()
  for (const [key, value] of Object.entries(result)) figures[`${suite.name}.${key}`] = value
}
if (json) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`)
} else {
  const width = Math.max(...Object.keys(figures).map((k) => k.length))
  for (const [key, value] of Object.entries(figures)) {
    const shown = Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(3)
    process.stdout.write(`${key.padEnd(width)}  ${shown.padStart(14)}\n`)
  }
}
process.exit(0)
