import { exportPathSchema } from '@shared/schemas/report.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { getExport } from './export.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(exportPathSchema, request.params, '导出任务编号')
  return ok({ job: await getExport(actor, id, request.now) })
})
