/**
 * `npm run bench` prints a readable table of named figures; `npm run bench -- --json` prints one
 * JSON object. Each suite is a module in this folder exporting `run()`; later features add theirs.
 */
import { suites } from './suites.ts'

const json = process.argv.includes('--json')
// `npm run bench -- report staff` (or `--only report,staff`) runs only the suites named
const only = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .flatMap((a) => a.split(','))
const figures: Record<string, number> = {}
for (const suite of suites.filter((s) => only.length === 0 || only.includes(s.name))) {
  const result = await suite.run()
  // a key with a dot of its own (`pg.outbox_claim_per_s`, `start.rss_mb`) is kept as it is
  for (const [key, value] of Object.entries(result))
    figures[key.includes('.') ? key : `${suite.name}.${key}`] = value
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
