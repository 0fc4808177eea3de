import { startStreamPoller, type StreamPoller } from './stream-poller'

/**
 * Makes report exports locally: a stream poller of its own hands DynamoDB Local's stream to the
 * export worker that Lambda runs in production — a second reader of the stream, as the worker is
 * a second Lambda on it there, so that a long export never holds up the notifications. The
 * process's environment must already name the table and the local S3 (see localS3Env).
 */
export async function startLocalExports(options: { endpoint: string; tableName: string; log?: (line: string) => void }): Promise<StreamPoller> {
  const { handler } = await import('../../functions/exports/export-worker')
  return startStreamPoller({ endpoint: options.endpoint, tableName: options.tableName, handler, log: options.log })
}
