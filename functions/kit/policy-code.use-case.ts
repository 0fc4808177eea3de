import QRCode from 'qrcode'
import { RateLimitedError, UpstreamUnavailableError, NotFoundError } from '@shared/errors'
import { describeWeChatError, WeChatError, type WeChatClient } from '../services/wechat-client'
import { getPolicyCodeImage, getPolicyDoc, putPolicyCodeImage, type PolicyCodeImage } from '../store/policy-doc.store'

/** The page a policy's code opens, in both builds. */
export const POLICY_PAGE = 'packages/kit/policy/index'

/** The h5 address of a policy's page (hash routing): the local code and h5 deployments print it. */
export const policyPageUrl = (h5BaseUrl: string, policyId: string): string =>
  `${h5BaseUrl.replace(/\/+$/, '')}/#/${POLICY_PAGE}?scene=${encodeURIComponent(policyId)}`

export interface PolicyCodeProvider {
  readonly kind: string
  render(policyId: string): Promise<PolicyCodeImage>
}

/** Production: a mini-program code whose scene is the policy id (29 characters, within WeChat's 32). */
export function wxaPolicyCodeProvider(wechat: WeChatClient, envVersion: 'release' | 'trial' | 'develop'): PolicyCodeProvider {
  return {
    kind: `wxacode-${envVersion}`,
    async render(policyId) {
      try {
        const image = await wechat.getUnlimitedCode({ scene: policyId, page: POLICY_PAGE, width: 430, checkPath: false, envVersion })
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

/** Local runs and h5 deployments: a QR code of the policy page's URL. */
export function h5PolicyCodeProvider(h5BaseUrl: string): PolicyCodeProvider {
  return {
    kind: `h5-${Buffer.from(h5BaseUrl).toString('base64url')}`,
    async render(policyId) {
      const body = await QRCode.toBuffer(policyPageUrl(h5BaseUrl, policyId), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 430 })
      return { contentType: 'image/png', body }
    },
  }
}

/** A policy's code image: rendered once per kind of code, then served from the table. Any policy that exists has one (a withdrawn one's page says so). */
export async function policyCode(policyId: string, provider: PolicyCodeProvider, now: Date): Promise<PolicyCodeImage> {
  const cached = await getPolicyCodeImage(policyId, provider.kind)
  if (cached) return cached
  if (!(await getPolicyDoc(policyId))) throw new NotFoundError('未找到该政策')
  const image = await provider.render(policyId)
  await putPolicyCodeImage(policyId, provider.kind, image, now.toISOString())
  return image
}
