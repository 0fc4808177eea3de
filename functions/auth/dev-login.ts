import { NotFoundError } from '@shared/errors'
import { devLoginRequestSchema } from '@shared/schemas/user.schema'
import { config } from '../lib/config'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { devLogin, listDevIdentities } from './dev-login.use-case'

// Belt and braces: the route is only declared for the local stage, and the code refuses too.
const guard = () => {
  if (!config.DEV_LOGIN) throw new NotFoundError('接口不存在')
}

export const login = httpHandler(async (request) => {
  guard()
  const { as } = parseWith(devLoginRequestSchema, request.body)
  return ok(await devLogin(as, request.now))
})

export const identities = httpHandler(async () => {
  guard()
  return ok({ identities: await listDevIdentities() })
})
