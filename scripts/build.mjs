/**
 * `npm run build [-- <folder>]`: the production build. tsc compiles src/ and migrations/ to plain
 * JavaScript (imports rewritten from .ts to .js) in dist/ (or the folder given, which must sit
 * inside this project so that node finds node_modules), and the files the code reads at run time
 * are copied beside it: the locales and the Mini App's page and script. `npm run start:prod` then
 * runs `node dist/src/main.js`: no TypeScript at run time.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = resolve(root, process.argv[2] ?? 'dist')
if (!out.startsWith(root)) {
  console.error(`the build must go inside ${root} (node looks for node_modules above it)`)
  process.exit(2)
}

rmSync(out, { recursive: true, force: true })
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', out],
  { cwd: root, stdio: 'inherit' },
)
if (tsc.status !== 0) process.exit(tsc.status ?? 1)

/** what the compiled code reads beside itself (new URL(…, import.meta.url)) */
const assets = ['locales', 'src/webapp/grades.html', 'src/webapp/grades.js']
for (const asset of assets) {
  if (!existsSync(join(root, asset))) {
    console.error(`missing ${asset}`)
    process.exit(1)
  }
  cpSync(join(root, asset), join(out, asset), { recursive: true })
}
console.log(`built ${out}`)
