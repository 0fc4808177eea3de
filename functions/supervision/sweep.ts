import { runSweep, type SweepCounts } from './sweep.use-case'

/** EventBridge schedule, every 10 minutes: no request to parse, nobody to authorise. */
export const handler = async (): Promise<SweepCounts> => runSweep(new Date())
