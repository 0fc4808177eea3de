import { logger } from '../lib/logger'
import { makeWeeklyDigests, type DigestRun } from './digest.use-case'

/**
 * EventBridge schedule, Mondays 09:00 Shanghai. Builds for the week of the invocation whatever
 * the minute: a retried or late invocation finds the records made and keeps them.
 */
export const handler = async (): Promise<DigestRun> => {
  const run = await makeWeeklyDigests(new Date())
  logger.info('weekly digests', { week: run.week, created: run.created.length, kept: run.kept.length })
  return run
}
