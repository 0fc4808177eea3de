import * as z from 'zod'
import { fileResponse, httpHandler } from '../lib/http'
import { parseWith } from '../lib/validate'
import { buildPolicyTemplate } from './policy-file'

const querySchema = z.object({ format: z.enum(['xlsx'], { message: '格式只能是 xlsx' }).default('xlsx') }).strict()

/** Public: the blank template of the policies file, nothing more. */
export const handler = httpHandler(async (request) => {
  parseWith(querySchema, request.query, '查询条件')
  return fileResponse({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await buildPolicyTemplate(), fileName: '政策批量导入模板.xlsx' })
})
