import { exportRequestSchema } from '@shared/schemas/report.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { requestExport } from './export.use-case'

/** 202: the job is queued; the file is made in the background (GET /api/reports/exports/{id} follows it). */
export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const body = parseWith(exportRequestSchema, request.body ?? {}, '导出条件')
  return ok({ job: await requestExport(actor, body, request.now) }, 202)
})
