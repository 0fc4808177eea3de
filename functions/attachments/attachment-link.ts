import { attachmentPathSchema } from '@shared/schemas/attachment.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { appealAttachmentLink } from './attachments.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id, attachmentId } = parseWith(attachmentPathSchema, request.params, '附件编号')
  return ok({ attachment: await appealAttachmentLink(actor, id, attachmentId) })
})
