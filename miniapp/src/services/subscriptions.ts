import Taro from '@tarojs/taro'
import type { SubscribeResult, Subscriptions } from '@shared/schemas/notification.schema'
import { WECHAT_STAND_IN } from '../settings'
import { acceptAll, declinedIn, resultsFromAnswer, templatesToAsk } from '../utils/subscribe'
import { openAppeal } from './navigation'
import { fetchSubscriptions, reportSubscriptions } from './notifications-api'
import { getUser } from './session'

/*
 * Asking for WeChat subscribe messages at natural taps (DESIGN §9): each "accept" lets the server
 * push one message with that template, so the app asks again whenever the server's budget for a
 * template runs out — at taps the user makes anyway (submitting an appeal, opening one,
 * accepting a task), never out of the blue.
 *
 * weapp: Taro.requestSubscribeMessage works only inside the handler of a user's tap; an `await`
 * before it (say, fetching what to ask for) loses the gesture and WeChat refuses. So pages call
 * prepareSubscriptions() when they show, and the tap reads the prepared list synchronously.
 *
 * h5: browsers have no subscribe messages (Taro's h5 requestSubscribeMessage only says "not
 * supported"). A LOCAL h5 build — one built with TARO_APP_WECHAT_STAND_IN, i.e. talking to the
 * local WeChat stand-in (see services/wechat-login.ts) — plays the user who ticks every box and
 * reports "accept", so that the local loop really pushes messages (shown at /dev/wechat). A
 * production h5 build asks nothing and reports nothing: no fake consent ever reaches a real server.
 */
type Mode = 'wechat' | 'simulated' | 'off'

const MODE: Mode = process.env.TARO_ENV === 'weapp' ? 'wechat' : process.env.TARO_ENV === 'h5' && WECHAT_STAND_IN ? 'simulated' : 'off'

/** Whether this build can ask at all (the inbox shows its 开启提醒 banner only then). */
export const CAN_SUBSCRIBE = MODE !== 'off'

interface Known {
  userId: string
  subscriptions: Subscriptions
}

let known: Known | null = null
let fetching: Promise<Subscriptions | null> | null = null
/** Templates the user turned down in this session, per user: not asked again at ordinary taps. */
let declined: { userId: string; ids: Set<string> } | null = null

function remember(userId: string, subscriptions: Subscriptions): Subscriptions {
  known = { userId, subscriptions }
  return subscriptions
}

function declinedOf(userId: string): Set<string> {
  if (declined?.userId !== userId) declined = { userId, ids: new Set() }
  return declined.ids
}

/** Loads the caller's subscriptions and keeps them for the next tap; null when it cannot. */
export function loadSubscriptions(): Promise<Subscriptions | null> {
  const user = getUser()
  if (!CAN_SUBSCRIBE || !user) return Promise.resolve(null)
  fetching ??= fetchSubscriptions()
    .then((subscriptions) => (getUser()?.id === user.id ? remember(user.id, subscriptions) : null))
    .catch(() => null)
    .finally(() => {
      fetching = null
    })
  return fetching
}

/**
 * Call when a page with a natural tap shows: fetches what to ask for. Every time — a push sent
 * meanwhile may have spent the last of a template, and a stale "nothing to ask" would miss the tap.
 */
export function prepareSubscriptions(): void {
  void loadSubscriptions()
}

export interface Asking {
  /** The user has answered (or nothing was asked): the tap may go on, e.g. navigate. */
  answered: Promise<void>
  /** The answer reached the server: the caller's subscriptions as they now stand, or null. */
  reported: Promise<Subscriptions | null>
}

const NOTHING: Asking = { answered: Promise.resolve(), reported: Promise.resolve(null) }

function report(userId: string, results: Record<string, SubscribeResult>): Promise<Subscriptions | null> {
  if (Object.keys(results).length === 0) return Promise.resolve(null)
  for (const id of declinedIn(results)) declinedOf(userId).add(id)
  // A lost report costs only pushes (they wait in the inbox), never the user's action: swallow.
  return reportSubscriptions(results)
    .then((subscriptions) => remember(userId, subscriptions))
    .catch(() => null)
}

function ask(explicit: boolean): Asking {
  const user = getUser()
  if (!user || !known || known.userId !== user.id) return NOTHING
  const ids = templatesToAsk(known.subscriptions.askFor, declinedOf(user.id), explicit)
  if (ids.length === 0) return NOTHING
  // Not asked twice while the first answer is on its way; the server's answer replaces this.
  known = { userId: user.id, subscriptions: { ...known.subscriptions, askFor: known.subscriptions.askFor.filter((id) => ids.indexOf(id) < 0) } }

  if (MODE === 'wechat') {
    // Synchronously inside the tap: WeChat requires the user's gesture.
    const answer = Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option).then(
      (result) => resultsFromAnswer(result as unknown as Record<string, unknown>, ids),
      // 20004: the user switched subscribe messages off in settings; nothing to report.
      (): Record<string, SubscribeResult> => ({}),
    )
    return { answered: answer.then(() => undefined), reported: answer.then((results) => report(user.id, results)) }
  }
  if (MODE === 'simulated') return { answered: Promise.resolve(), reported: report(user.id, acceptAll(ids)) }
  return NOTHING
}

/**
 * At a natural tap: asks for the templates that have run out. Call it first thing in the tap
 * handler, before any await. Resolves (never rejects) once the user has answered.
 */
export function askAtTap(): Promise<void> {
  return ask(false).answered
}

/** The inbox's 开启提醒 button: asks for every template that has run out, and waits for the server. */
export function askForReminders(): Promise<Subscriptions | null> {
  return ask(true).reported
}

/** An official opens an appeal from a list (待办, 督办队列): a natural tap, so the ask comes first. */
export function openAppealAsking(id: string): void {
  void askAtTap().then(() => openAppeal(id))
}
