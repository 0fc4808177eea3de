import { createUploadRequestSchema } from '@shared/schemas/attachment.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { createUpload } from './attachments.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const body = parseWith(createUploadRequestSchema, request.body)
  return ok({ upload: await createUpload(actor, body, request.now) }, 201)
})
