import * as z from 'zod'
import { fileResponse, httpHandler } from '../lib/http'
import { parseWith } from '../lib/validate'
import { buildFigureTemplate } from './figure-file'

const querySchema = z.object({ format: z.enum(['xlsx'], { message: '格式只能是 xlsx' }).default('xlsx') }).strict()

/** Public: the blank template of monthly figures, nothing more. */
export const handler = httpHandler(async (request) => {
  parseWith(querySchema, request.query, '查询条件')
  return fileResponse({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await buildFigureTemplate(), fileName: '升规入统月度数据模板.xlsx' })
})
