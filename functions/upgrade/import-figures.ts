import { figureImportRequestSchema } from '@shared/schemas/upgrade-import.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { importFigures } from './import-figures.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await importFigures(actor, parseWith(figureImportRequestSchema, request.body, '导入文件'), request.now))
})
