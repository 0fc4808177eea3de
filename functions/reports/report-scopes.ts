import { monthOf } from '@shared/domain/report-month'
import { ForbiddenError } from '@shared/errors'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { viewableScopes } from '../services/monthly-report'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const scopes = await viewableScopes(actor)
  if (scopes.length === 0) throw new ForbiddenError('只有管理员和专员可以查看报表')
  return ok({ scopes, defaultScope: scopes[0]!.key, currentMonth: monthOf(request.now) })
})
