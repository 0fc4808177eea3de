import { createHash } from 'node:crypto'
import { getTextVerdict, putTextVerdict } from '../store/push.store'
import { WeChatError, WECHAT_ERRCODE, type TextVerdict, type WeChatClient } from '../services/wechat-client'

/**
 * What the enterprise wrote (an appeal's title, an evaluation's comment) passes WeChat's
 * msgSecCheck before it goes out in a subscribe message. `unchecked`: WeChat refused to check it
 * (an openid it does not know as recently active, say), so it is treated like `review`: the
 * message goes out with the words withheld, and the app shows them.
 */
export type ContentVerdict = TextVerdict | 'unchecked'

/** WeChat was busy: the check, and so the push, should be tried again later. */
export class ContentCheckUnavailable extends Error {
  constructor(readonly wechatError: WeChatError) {
    super(`content check unavailable: ${wechatError.message}`)
    this.name = 'ContentCheckUnavailable'
  }
}

const SEVERITY: Record<ContentVerdict, number> = { pass: 0, unchecked: 1, review: 1, risky: 2 }
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * The worst verdict over the texts. Each text is checked once: the verdict is kept by the text's
 * hash, so the title of an appeal that produces ten notifications costs one call.
 */
export async function checkTexts(texts: readonly string[], openid: string, wechat: WeChatClient, now: Date): Promise<ContentVerdict> {
  let worst: ContentVerdict = 'pass'
  for (const text of new Set(texts)) {
    const verdict = await checkOne(text, openid, wechat, now)
    if (SEVERITY[verdict] > SEVERITY[worst]) worst = verdict
  }
  return worst
}

async function checkOne(text: string, openid: string, wechat: WeChatClient, now: Date): Promise<ContentVerdict> {
  const hash = hashOf(text)
  const known = await getTextVerdict(hash)
  if (known) return known.suggest
  try {
    const { suggest, label } = await wechat.checkText({ content: text, openid, scene: 1 })
    await putTextVerdict(hash, { suggest, label, checkedAt: now.toISOString() })
    return suggest
  } catch (error) {
    if (!(error instanceof WeChatError)) throw error
    if (error.errcode === WECHAT_ERRCODE.busy) throw new ContentCheckUnavailable(error)
    return 'unchecked'
  }
}
