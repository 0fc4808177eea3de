import { KIND_TEMPLATE } from '@shared/domain/notifications'
import type { DeliveryStatus } from '@shared/schemas/notification.schema'
import { describeError, logger } from '../lib/logger'
import type { NotificationRecord } from '../store/notification.store'
import { claimDelivery, getDelivery, getStanding, markRefused, markSent, releaseClaim, settleUnsent, type DeliveryRecord } from '../store/push.store'
import { mayPush, spendsBudget } from '@shared/domain/push-budget'
import { findOpenidOfUser } from '../store/user.store'
import { WeChatError, WECHAT_ERRCODE, type SubscribeMessage, type WeChatClient } from '../services/wechat-client'
import { checkTexts, ContentCheckUnavailable, type ContentVerdict } from './content-check'
import { isLongTerm, renderData, templateIdOf, userTexts } from '../services/subscribe-templates'
import type { Config } from '../lib/config'

/**
 * Pushes one notification as a WeChat subscribe message, at most once (DESIGN §9).
 *
 *   (none) ──claim + spend one of the budget──► sending ──WeChat ok──► sent
 *     │                                           ├─ 43101 ──► refused (budget set to 0)
 *     │                                           ├─ busy (−1, 5xx, timeout, after the client's
 *     │                                           │  own retries) ──► retry (budget given back;
 *     │                                           │  the stream hands the record over again)
 *     │                                           │  … MAX_ATTEMPTS tries ──► failed
 *     │                                           └─ any other refusal ──► failed (budget back)
 *     ├─ no openid ──► no_openid     ├─ no budget ──► no_budget
 *     ├─ risky content ──► flagged   └─ template not set up / WeChat not configured ──► failed
 *
 * A long-term template (长期订阅, WECHAT_LONG_TERM_TEMPLATES) needs no budget but an accept in
 * force: the claim spends nothing, nothing is given back, and 43101 ends the accept.
 *
 * The claim is a conditional write made BEFORE WeChat is called, in one transaction with spending
 * the budget: a record handed over twice, or two deliverers racing, find it claimed and do
 * nothing. A crash after the claim (before or after WeChat took the message) leaves it `sending`
 * for good, and no redelivery sends it again: this errs on the side of at most once, because a
 * second copy of a message cannot be taken back while a missed push loses nothing — the
 * notification is in the inbox either way.
 */
export const MAX_ATTEMPTS = 5

export interface DeliveryDeps {
  /** null when this deployment has no WeChat credentials: nothing can be pushed. */
  wechat: WeChatClient | null
  config: Pick<Config, 'WECHAT_TEMPLATE_TASK' | 'WECHAT_TEMPLATE_DEADLINE' | 'WECHAT_TEMPLATE_EVALUATION' | 'WECHAT_TEMPLATE_PROGRESS' | 'WECHAT_TEMPLATE_DIGEST' | 'WECHAT_MINIPROGRAM_STATE'> &
    Partial<Pick<Config, 'WECHAT_LONG_TERM_TEMPLATES'>>
  now?: () => Date
}

/** What became of one push: a final status, `retry` (hand the record over again), or `skipped` (settled before). */
export type DeliveryOutcome = DeliveryStatus | 'skipped'

export async function deliverNotification(notification: NotificationRecord, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const now = deps.now ?? (() => new Date())
  const existing = await getDelivery(notification.id)
  // Settled, or claimed by someone (maybe a deliverer that crashed): never touched again.
  if (existing && existing.status !== 'retry') return 'skipped'
  const previousAttempts = existing?.attempts ?? 0
  const templateId = templateIdOf(KIND_TEMPLATE[notification.kind], deps.config)
  // A long-term template (长期订阅) pushes while the user's accept is in force and spends nothing.
  const longTerm = isLongTerm(KIND_TEMPLATE[notification.kind], deps.config)
  const base = { notificationId: notification.id, userId: notification.userId, ...(templateId ? { templateId } : {}) }
  const settle = async (status: DeliveryStatus, extra: Partial<DeliveryRecord> = {}): Promise<DeliveryOutcome> => {
    const settled = await settleUnsent({ ...base, status, attempts: previousAttempts, updatedAt: now().toISOString(), ...extra }, previousAttempts)
    return settled ? status : 'skipped'
  }

  if (!templateId) return settle('failed', { errmsg: 'template not configured' })
  if (!deps.wechat) return settle('failed', { errmsg: 'WeChat not configured' })
  const openid = await findOpenidOfUser(notification.userId)
  if (!openid) return settle('no_openid')
  // Looked at before the content check, so that nobody's words are sent to WeChat for nothing.
  if (!mayPush(await getStanding(notification.userId, templateId), longTerm)) return settle('no_budget')

  let verdict: ContentVerdict = 'pass'
  const texts = userTexts(notification.kind, notification.facts)
  if (texts.length > 0) {
    try {
      const author = notification.facts.authorId ? await findOpenidOfUser(notification.facts.authorId) : undefined
      verdict = await checkTexts(texts, author ?? openid, deps.wechat, now())
    } catch (error) {
      if (!(error instanceof ContentCheckUnavailable)) throw error
      const attempts = previousAttempts + 1
      return settle(attempts >= MAX_ATTEMPTS ? 'failed' : 'retry', { attempts, errcode: error.wechatError.errcode, errmsg: `content check: ${error.wechatError.errmsg}` })
    }
    if (verdict === 'risky') return settle('flagged', { verdict })
  }

  const claim = await claimDelivery({ ...base, templateId, previousAttempts, at: now().toISOString(), spend: spendsBudget(longTerm), ...(texts.length > 0 ? { verdict } : {}) })
  if (claim === 'taken') return 'skipped'
  if (claim === 'no_budget') return settle('no_budget')
  const held = { notificationId: notification.id, userId: notification.userId, templateId, attempts: previousAttempts + 1, longTerm }

  const message: SubscribeMessage = {
    touser: openid,
    templateId,
    page: notification.page,
    data: renderData(notification.kind, notification.facts, { withhold: verdict !== 'pass' }),
    miniprogramState: deps.config.WECHAT_MINIPROGRAM_STATE,
  }
  try {
    await deps.wechat.sendSubscribeMessage(message)
  } catch (error) {
    // Anything but WeChat's own answer (a bug, a lost connection to the table) leaves the claim
    // `sending`: whether WeChat took the message is unknown, so it is not sent again.
    if (!(error instanceof WeChatError)) throw error
    const reason = { errcode: error.errcode, errmsg: error.errmsg }
    if (error.errcode === WECHAT_ERRCODE.notSubscribed) {
      await markRefused(held, reason, now().toISOString())
      return 'refused'
    }
    const status = error.errcode === WECHAT_ERRCODE.busy && held.attempts < MAX_ATTEMPTS ? 'retry' : 'failed'
    if (status === 'failed') logger.warn('push failed', { notificationId: notification.id, ...reason, attempts: held.attempts })
    await releaseClaim(held, status, reason, now().toISOString())
    return status
  }
  try {
    await markSent(held, now().toISOString())
  } catch (error) {
    // WeChat took it; only our record of that failed. It stays `sending`, which is never resent.
    logger.error('push sent but not marked', { notificationId: notification.id, ...describeError(error) })
  }
  return 'sent'
}
