import { privacyConsentRequestSchema } from '@shared/schemas/user.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { recordConsent } from './privacy.use-case'

/** POST /api/me/privacy-consent {version}: the caller agreed to the privacy guide in force. */
export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { version } = parseWith(privacyConsentRequestSchema, request.body)
  return ok({ user: await recordConsent(actor, version, request.now) })
})
