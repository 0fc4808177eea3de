import { startStreamPoller, type StreamPoller } from './stream-poller'

/**
 * Pushes notifications locally: the stream poller hands DynamoDB Local's stream to the very
 * handler that Lambda runs in production. The process's environment must already name the table
 * and the WeChat stand-in (see localWeChatEnv): the handler's modules read it on import.
 */
export async function startLocalOutbox(options: { endpoint: string; tableName: string; log?: (line: string) => void }): Promise<StreamPoller> {
  const { handler } = await import('../../functions/notifications/deliver')
  return startStreamPoller({ endpoint: options.endpoint, tableName: options.tableName, handler, log: options.log })
}
