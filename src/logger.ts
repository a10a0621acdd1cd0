/**
 * A small structured logger: one JSON line per event on stderr, so the sandbox's terminal chat on
 * stdout stays readable and production logs stay machine-readable.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (l) => process.stderr.write(l),
): Logger {
  const log =
    (at: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (order[at] < order[level]) return
      const out: Record<string, unknown> = { time: new Date().toISOString(), level: at, msg }
      for (const [key, value] of Object.entries(fields)) {
        out[key] =
          value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value
      }
      write(`${JSON.stringify(out)}\n`)
    }
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }
}

export const silentLogger: Logger = createLogger('error', () => {})
