import { cardIdSchema } from '@shared/schemas/card.schema'
import { config } from '../lib/config'
import { fileResponse, httpHandler } from '../lib/http'
import { parseWith } from '../lib/validate'
import { wechatClient } from '../services/wechat'
import { h5UrlCodeProvider, wxaCodeProvider, type CardCodeProvider } from './card-code-provider'
import { cardCode } from './card-code.use-case'

const provider = (): CardCodeProvider =>
  config.CARD_CODE === 'h5-url' ? h5UrlCodeProvider(config.H5_BASE_URL) : wxaCodeProvider(wechatClient(), config.WXA_ENV_VERSION)

/** Public like the printed card itself: the image is what anyone holding the card already sees. */
export const handler = httpHandler(async (request) => {
  const id = parseWith(cardIdSchema, request.params.id, '联系卡编号')
  const image = await cardCode(id, provider(), request.now)
  return fileResponse({ contentType: image.contentType, content: image.body, maxAgeSeconds: 86_400 })
})
