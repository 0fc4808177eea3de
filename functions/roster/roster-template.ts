import * as z from 'zod'
import { fileResponse, httpHandler } from '../lib/http'
import { parseWith } from '../lib/validate'
import { getCatalogCached } from '../store/catalog.store'
import { buildRosterTemplate } from './roster-file'

const querySchema = z.object({ format: z.enum(['xlsx', 'csv'], { message: '格式只能是 xlsx 或 csv' }).default('xlsx') }).strict()

const CONTENT_TYPE = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const

/** Public: the blank template with the city's areas, nothing more. */
export const handler = httpHandler(async (request) => {
  const { format } = parseWith(querySchema, request.query, '查询条件')
  const { areas } = await getCatalogCached()
  const content = await buildRosterTemplate(format, areas)
  return fileResponse({ contentType: CONTENT_TYPE[format], content, fileName: `企业服务专员名册模板.${format}` })
})
