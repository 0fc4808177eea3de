/** Structured JSON logs, one line each, for CloudWatch Logs Insights. */
type Level = 'debug' | 'info' | 'warn' | 'error'

function write(level: Level, message: string, fields: Record<string, unknown>): void {
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...fields })
  ;(level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`)
}

export const logger = {
  info: (message: string, fields: Record<string, unknown> = {}) => write('info', message, fields),
  warn: (message: string, fields: Record<string, unknown> = {}) => write('warn', message, fields),
  error: (message: string, fields: Record<string, unknown> = {}) => write('error', message, fields),
}

export function describeError(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { errorName: error.name, errorMessage: error.message, stack: error.stack } : { error: String(error) }
}
