import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string
    /** Integration: one DynamoDB Local per worker, each claimed by the file running on it. */
    dynamoEndpoints: string[]
    /** Integration: where a running file marks the DynamoDB Local it has claimed (fresh each run). */
    dynamoClaims: string
    s3Endpoint: string
    exportBucket: string
    apiUrl: string
    h5Url: string
    wechatUrl: string
    /** The weapp suite: the release build of the mini-program, built once per run. */
    weappDir: string
  }
}
