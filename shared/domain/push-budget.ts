import type { SubscribeResult, TemplateKey } from '../schemas/notification.schema'

/**
 * The send budget (DESIGN §9): WeChat lets a mini-program send one subscribe message per "accept"
 * the user gave for that template, so the server counts accepts per user and template, spends one
 * per send, and asks for more at the user's next natural tap when a count reaches zero.
 * `templates` is always a role's templates (templatesOfRole, shared/domain/policy), most important first.
 */

/** requestSubscribeMessage shows at most this many templates at once. */
export const ASK_AT_ONCE = 3

/** The templates to ask for at the next tap: those with nothing left, most important first. */
export function templatesToAsk(templates: readonly TemplateKey[], budget: (key: TemplateKey) => number): TemplateKey[] {
  return templates.filter((key) => budget(key) <= 0).slice(0, ASK_AT_ONCE)
}

/** What one answer adds to a template's budget: one per accept, nothing for reject, ban or filter. */
export const addedBy = (result: SubscribeResult): number => (result === 'accept' ? 1 : 0)

/** Nothing left of the most important template: new work would reach the inbox, not the phone. */
export function budgetEmpty(templates: readonly TemplateKey[], budget: (key: TemplateKey) => number): boolean {
  const first = templates[0]
  return first !== undefined && budget(first) <= 0
}

/*
 * Long-term subscriptions (长期订阅): WeChat grants them to mini-programs of 政务民生 categories for
 * chosen templates. One accept then lets the server send with the template until the user turns it
 * off in WeChat's settings (a send is then refused with 43101): nothing is counted or spent, and
 * the app asks only until the user has accepted once. Which templates are long-term is the
 * deployment's configuration (WECHAT_LONG_TERM_TEMPLATES).
 */

/** Where one user stands with one template: the one-time messages left and their last answer. */
export interface TemplateStanding {
  count: number
  lastResult?: SubscribeResult
}

/** Whether a message may be pushed with the template now: one left (one-time), or an accept in force (long-term). */
export const mayPush = (standing: TemplateStanding, longTerm: boolean): boolean => (longTerm ? standing.lastResult === 'accept' : standing.count > 0)

/** Whether a push spends one of the user's messages: only a one-time template's. */
export const spendsBudget = (longTerm: boolean): boolean => !longTerm

/**
 * The budget the asking rules (templatesToAsk, budgetEmpty) read: a one-time template's count; for
 * a long-term one, 1 while the accept is in force and 0 until then, so that the app asks for it
 * only until it is given.
 */
export const askingBudget = (standing: TemplateStanding, longTerm: boolean): number =>
  longTerm ? (mayPush(standing, true) ? 1 : 0) : Math.max(0, standing.count)
