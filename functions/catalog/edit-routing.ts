import * as z from 'zod'
import { categoryRoutingSchema } from '@shared/schemas/catalog.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { editCategoryRouting } from './routing.use-case'

const categoryIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '诉求类别编号不正确')

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const categoryId = parseWith(categoryIdSchema, request.params.id, '诉求类别编号')
  const routing = parseWith(categoryRoutingSchema, request.body, '路由设置')
  return ok({ category: await editCategoryRouting(actor, categoryId, routing, request.now) })
})
