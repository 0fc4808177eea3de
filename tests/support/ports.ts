/** Ports of the test stacks: apart from `npm start` (8000/3000/3002/3005/4569/10086) and from each other. */
/**
 * `TEST_PORT_OFFSET` moves every test port (and the test build folders) so that two test runs
 * can share a machine, e.g. a run of one suite while another suite is already running.
 */
export const TEST_PORT_OFFSET = Number(process.env.TEST_PORT_OFFSET ?? 0)
const at = (port: number) => port + TEST_PORT_OFFSET

export const TEST_PORTS = {
  /** DynamoDB Local on `dynamo` + worker index (0 … INTEGRATION_WORKERS − 1). */
  integration: { dynamo: at(8300), s3: at(8306) },
  api: { dynamo: at(8310), api: at(3310), lambda: at(3312), wechat: at(3314), s3: at(3316), h5: at(10310) },
  e2e: { dynamo: at(8320), api: at(3320), lambda: at(3322), wechat: at(3324), s3: at(3326), h5: at(10320) },
  /** `npm start` itself, moved by START_PORT_OFFSET: DynamoDB on 9000, the API on 4000, h5 on 11086 (plus TEST_PORT_OFFSET). */
  start: { offset: at(1000) },
}

/** Integration test files run two at a time, each worker with a DynamoDB Local of its own. */
export const INTEGRATION_WORKERS = 2

/** A build folder of its own for each offset, so parallel runs do not overwrite each other. */
export const testBuildDir = (name: string) => (TEST_PORT_OFFSET ? `${name}-${TEST_PORT_OFFSET}` : name)

export const TEST_TOKEN_SECRET = 'local-only-secret-qinshang-direct-0123456789'
export const STACK_TABLE = 'qinshang-direct-local'
