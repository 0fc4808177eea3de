import { appealForViewer } from '@shared/domain/co-tasks'
import { appealActionSchema, appealPathSchema } from '@shared/schemas/appeal.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { actOnAppeal } from './act-on-appeal.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(appealPathSchema, request.params, '诉求编号')
  const action = parseWith(appealActionSchema, request.body)
  const appeal = await actOnAppeal(actor, id, action, request.now)
  return ok({ appeal: appealForViewer(appeal, actor) })
})
