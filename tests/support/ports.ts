/** Ports of the test stacks: apart from `npm start` (8000/3000/3002/10086) and from each other. */
export const TEST_PORTS = {
  integration: { dynamo: 8300 },
  api: { dynamo: 8310, api: 3310, lambda: 3312, wechat: 3314, h5: 10310 },
  e2e: { dynamo: 8320, api: 3320, lambda: 3322, wechat: 3324, h5: 10320 },
} as const

export const TEST_TOKEN_SECRET = 'local-only-secret-qinshang-direct-0123456789'
export const STACK_TABLE = 'qinshang-direct-local'
