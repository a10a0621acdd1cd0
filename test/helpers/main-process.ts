/**
 * `npm start` in its own process, as in production: main.ts with the given environment, talking to
 * the project's fake Bot API. Resolves once `ready()` holds (the bot has said something to the
 * fake), and stops the process with SIGTERM.
 */
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

export interface MainProcess {
  /** the process id (e.g. for its resident memory in /proc) */
  pid: number
  /** what the process wrote to stderr (its JSON log lines) */
  stderr(): string
  /** what the process wrote to stdout */
  stdout(): string
  /** SIGTERM, then the exit code */
  stop(): Promise<number | null>
  /** the exit code, once the process has ended by itself */
  exited: Promise<number | null>
  /** still running */
  running(): boolean
}

export async function startMain(
  env: Record<string, string>,
  ready: () => boolean,
  timeoutMs = 45_000,
  /** a built main.js (`npm run build`) run by plain node; by default src/main.ts through tsx */
  entry?: string,
): Promise<MainProcess> {
  const args = entry ? [entry] : ['--import', 'tsx', 'src/main.ts']
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  let stdout = ''
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk)
  })
  child.stdout?.on('data', (chunk) => {
    stdout += String(chunk)
  })
  // 'close' comes after the child's stdio has ended, so its last log lines are in `stderr`
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve))
  const deadline = Date.now() + timeoutMs
  while (!ready() && Date.now() < deadline && child.exitCode === null)
    await new Promise((r) => setTimeout(r, 100))
  if (!ready()) {
    child.kill('SIGKILL')
    throw new Error(`main.ts did not get ready: ${stderr}`)
  }
  return {
    pid: child.pid ?? 0,
    exited,
    running: () => child.exitCode === null && child.signalCode === null,
    stderr: () => stderr,
    stdout: () => stdout,
    stop: () => {
      child.kill('SIGTERM')
      return exited
    },
  }
}

/** A port nobody listens on, for a bot's webhook server. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}
