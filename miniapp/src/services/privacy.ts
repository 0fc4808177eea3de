import Taro from '@tarojs/taro'
import { PRIVACY_VERSION, consentNeeded, type PrivacyConsent } from '@shared/domain/privacy'
import type { User } from '@shared/schemas/user.schema'
import { recordPrivacyConsent } from './privacy-api'
import { getUser, updateUser } from './session'
import { ROUTES } from '../settings'

/*
 * Consent to the privacy guide (用户隐私保护指引, shared/domain/privacy.ts) before anything that
 * needs it: signing in with WeChat (wx.login), and in weapp every privacy API WeChat guards
 * (wx.onNeedPrivacyAuthorization: choosing images or files…). One sheet (components/privacy-sheet)
 * asks; its 同意 is WeChat's agreePrivacyAuthorization button in weapp. The answer is kept on the
 * phone (so the next sign-in does not ask again) and, once signed in, on the server with its time.
 * A user who declines stays signed out and can still read the card page.
 */

const CONSENT_KEY = 'qs.privacy.consent'

/** Why the sheet is shown: before signing in, for a WeChat API, or because the guide changed. */
export type AskReason = 'sign-in' | 'wechat' | 'updated'

export interface PrivacyAsk {
  reason: AskReason
}

type Listener = (ask: PrivacyAsk | null) => void

let pending: { ask: PrivacyAsk; answered: Promise<boolean>; resolve: (agreed: boolean) => void } | null = null
const listeners = new Set<Listener>()

function notify(): void {
  for (const listener of listeners) listener(pending?.ask ?? null)
}

/** The sheet follows what is being asked; returns the unsubscribe. */
export function observePrivacyAsk(listener: Listener): () => void {
  listeners.add(listener)
  listener(pending?.ask ?? null)
  return () => listeners.delete(listener)
}

/** What this phone agreed to, if anything. */
export function localConsent(): PrivacyConsent | null {
  try {
    const stored: unknown = Taro.getStorageSync(CONSENT_KEY)
    if (stored && typeof stored === 'object' && typeof (stored as PrivacyConsent).version === 'string') return stored as PrivacyConsent
  } catch {
    // Unreadable storage: ask again.
  }
  return null
}

/** Shows the sheet (or joins the one showing) and resolves with the user's answer. */
export function askPrivacyConsent(reason: AskReason): Promise<boolean> {
  if (pending) return pending.answered
  let resolve: (agreed: boolean) => void = () => undefined
  const answered = new Promise<boolean>((r) => (resolve = r))
  pending = { ask: { reason }, answered, resolve }
  notify()
  // A page without the sheet (WeChat may ask on any page that uses a privacy API): the guide's
  // page shows it, and goes back once answered.
  if (listeners.size === 0) void Taro.navigateTo({ url: `${ROUTES.privacy}?ask=1` })
  return answered
}

/** The sheet's buttons. */
export function answerPrivacy(agreed: boolean): void {
  if (!pending) return
  if (agreed) Taro.setStorageSync(CONSENT_KEY, { version: PRIVACY_VERSION, at: new Date().toISOString() } satisfies PrivacyConsent)
  const { resolve } = pending
  pending = null
  notify()
  resolve(agreed)
}

/** Before signing in with WeChat: true when this phone agreed to the guide in force, asking first if needed. */
export function ensurePrivacyConsent(): Promise<boolean> {
  return consentNeeded(localConsent()) ? askPrivacyConsent('sign-in') : Promise.resolve(true)
}

/**
 * Once signed in: the server keeps the agreement given on this phone, with its time. Recorded when
 * its copy is missing or of another version; a lost request is tried again at the next sign-in.
 */
export async function syncPrivacyConsent(user: User): Promise<void> {
  if (consentNeeded(localConsent()) || !consentNeeded(user.privacyConsent)) return
  try {
    const updated = await recordPrivacyConsent(PRIVACY_VERSION)
    if (getUser()?.id === updated.id) updateUser(updated)
  } catch {
    // Kept on the phone; recorded at the next sign-in.
  }
}

/**
 * When a page shows: a user of this phone who agreed to an earlier guide is asked again, and the
 * server's copy is brought up to date. Someone who never agreed here (a demo identity) is not asked.
 */
export async function recheckPrivacy(): Promise<void> {
  const user = getUser()
  const local = localConsent()
  if (!user || !local) return
  if (consentNeeded(local) && !(await askPrivacyConsent('updated'))) return
  await syncPrivacyConsent(user)
}

/**
 * weapp: WeChat calls this before an API that needs the user's consent (wx.login, choosing
 * images or files…) when the user has not agreed to the guide in force; the same sheet answers.
 */
export function listenForWeChatPrivacyChecks(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // Tells WeChat the guide is being shown, as it asks.
    resolve({ event: 'exposureAuthorization' })
    void askPrivacyConsent('wechat').then((agreed) => resolve(agreed ? { buttonId: 'privacy-agree', event: 'agree' } : { event: 'disagree' }))
  })
}
