import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string
    /** Integration: one DynamoDB Local per worker (VITEST_POOL_ID 1, 2, …). */
    dynamoEndpoints: string[]
    s3Endpoint: string
    exportBucket: string
    apiUrl: string
    h5Url: string
    wechatUrl: string
    /** The weapp suite: the release build of the mini-program, built once per run. */
    weappDir: string
  }
}
