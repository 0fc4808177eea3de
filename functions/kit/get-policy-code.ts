import { policyDocPathSchema } from '@shared/schemas/policy.schema'
import { config } from '../lib/config'
import { fileResponse, httpHandler } from '../lib/http'
import { parseWith } from '../lib/validate'
import { wechatClient } from '../services/wechat'
import { h5PolicyCodeProvider, policyCode, wxaPolicyCodeProvider, type PolicyCodeProvider } from './policy-code.use-case'

const provider = (): PolicyCodeProvider =>
  config.CARD_CODE === 'h5-url' ? h5PolicyCodeProvider(config.H5_BASE_URL) : wxaPolicyCodeProvider(wechatClient(), config.WXA_ENV_VERSION)

/** Public like the printed policy sheet: the code only opens the policy's page, which asks for a sign-in. */
export const handler = httpHandler(async (request) => {
  const { id } = parseWith(policyDocPathSchema, request.params, '政策编号')
  const image = await policyCode(id, provider(), request.now)
  return fileResponse({ contentType: image.contentType, content: image.body, maxAgeSeconds: 86_400 })
})
