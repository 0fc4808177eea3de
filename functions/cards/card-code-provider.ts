import QRCode from 'qrcode'
import { UpstreamUnavailableError, RateLimitedError } from '@shared/errors'
import { describeWeChatError, WeChatError, type WeChatClient } from '../services/wechat-client'
import type { CodeImage } from '../store/card.store'

/** The page a card's code opens, in both builds. */
export const CARD_PAGE = 'pages/card/index'

/** Renders the code printed on a card. `kind` names the rendering, for caching it. */
export interface CardCodeProvider {
  readonly kind: string
  render(cardId: string): Promise<CodeImage>
}

/** Production: a WeChat mini-program code whose scene is the card id (wxacode.getUnlimited). */
export function wxaCodeProvider(wechat: WeChatClient, envVersion: 'release' | 'trial' | 'develop'): CardCodeProvider {
  return {
    kind: `wxacode-${envVersion}`,
    async render(cardId) {
      try {
        // check_path off: a code for a page of a version not yet released is still printable.
        const image = await wechat.getUnlimitedCode({ scene: cardId, page: CARD_PAGE, width: 430, checkPath: false, envVersion })
        return { contentType: image.contentType, body: image.body }
      } catch (error) {
        if (!(error instanceof WeChatError)) throw error
        const { kind, message } = describeWeChatError(error)
        if (kind === 'rate-limited') throw new RateLimitedError(message)
        throw new UpstreamUnavailableError(message)
      }
    },
  }
}

/** The h5 address of a card's page (hash routing), which the local code and h5 deployments use. */
export const cardPageUrl = (h5BaseUrl: string, cardId: string): string =>
  `${h5BaseUrl.replace(/\/+$/, '')}/#/${CARD_PAGE}?scene=${encodeURIComponent(cardId)}`

/** Local runs and h5 deployments: a plain QR code of the card page's URL. */
export function h5UrlCodeProvider(h5BaseUrl: string): CardCodeProvider {
  return {
    kind: `h5-${Buffer.from(h5BaseUrl).toString('base64url')}`,
    async render(cardId) {
      const body = await QRCode.toBuffer(cardPageUrl(h5BaseUrl, cardId), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 430 })
      return { contentType: 'image/png', body }
    },
  }
}
