import { config } from '../lib/config'
import { httpHandler, ok } from '../lib/http'
import { buildOpenApiDocument } from './openapi-document'

// Generated once per container: the schemas do not change while it runs.
const document = buildOpenApiDocument({ devLogin: config.DEV_LOGIN })

export const handler = httpHandler(async () => ok(document))
