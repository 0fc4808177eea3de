import { policyImportRequestSchema } from '@shared/schemas/policy-import.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { importPolicies } from './import-policies.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await importPolicies(actor, parseWith(policyImportRequestSchema, request.body, '导入文件'), request.now))
})
