import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string
    s3Endpoint: string
    exportBucket: string
    apiUrl: string
    h5Url: string
    wechatUrl: string
  }
}
