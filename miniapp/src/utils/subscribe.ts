import type { SubscribeResult, Subscriptions } from '@shared/schemas/notification.schema'

/*
 * The pure half of asking for WeChat subscribe messages (services/subscriptions.ts does the
 * asking). No Taro, no network: unit-tested in tests/unit/miniapp-logic.test.ts.
 */

const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter'] satisfies readonly SubscribeResult[]

const isAnswer = (value: unknown): value is SubscribeResult => typeof value === 'string' && ANSWERS.indexOf(value) >= 0

/**
 * The templates to ask for at a tap: those the server says have no budget left. At an ordinary
 * tap (opening an appeal, submitting) the ones the user turned down earlier in this session are
 * left out, so that a "no" is not met by the same dialog at every tap; a tap on the inbox's
 * 开启提醒 button asks for all of them.
 */
export function templatesToAsk(askFor: readonly string[], declined: ReadonlySet<string>, explicit: boolean): string[] {
  return explicit ? [...askFor] : askFor.filter((id) => !declined.has(id))
}

/**
 * WeChat's answer to requestSubscribeMessage, as the server wants it: the asked templates only
 * (the answer also carries errMsg), and only the four known answers.
 */
export function resultsFromAnswer(answer: Readonly<Record<string, unknown>>, asked: readonly string[]): Record<string, SubscribeResult> {
  const results: Record<string, SubscribeResult> = {}
  for (const id of asked) {
    const value = answer[id]
    if (isAnswer(value)) results[id] = value
  }
  return results
}

/** The local h5 build's stand-in user, who ticks every box (see services/subscriptions.ts). */
export function acceptAll(asked: readonly string[]): Record<string, SubscribeResult> {
  const results: Record<string, SubscribeResult> = {}
  for (const id of asked) results[id] = 'accept'
  return results
}

/** The templates the user said no to this time: not asked again at ordinary taps this session. */
export const declinedIn = (results: Readonly<Record<string, SubscribeResult>>): string[] =>
  Object.keys(results).filter((id) => results[id] !== 'accept')

/**
 * Reminders are off when the most important template of the role has nothing left: new work
 * (or, for staff, progress) would reach only the in-app inbox. The same rule as the server's
 * 「未开启提醒」 mark in 专员名册.
 */
export function remindersOff(subscriptions: Pick<Subscriptions, 'templates'> | null): boolean {
  const first = subscriptions?.templates[0]
  if (first === undefined) return false
  // `ready` also knows long-term templates (长期订阅), which push without a budget.
  return first.ready === undefined ? first.budget <= 0 : !first.ready
}
