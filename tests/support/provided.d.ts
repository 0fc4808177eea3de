import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string
    apiUrl: string
    h5Url: string
    wechatUrl: string
  }
}
