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
