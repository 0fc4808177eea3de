import type { Appeal, Rating } from '../schemas/appeal.schema'

/** Unsatisfied evaluations reopen an appeal this many times, no more (DESIGN §4). */
export const MAX_REOPENS = 1

/**
 * 不满意 sends the appeal back to work one level up (or closes it for good after the one
 * reopening), so the enterprise says why: its reason is what the specialist and the supervisor
 * work from next. A word or two is not a reason.
 */
export const UNSATISFIED_REASON_MIN = 4

/** What is wrong with an evaluation's comment for its rating, in Chinese; null when nothing is. */
export function evaluationCommentProblem(rating: Rating, comment: string): string | null {
  if (rating !== 'unsatisfied') return null
  const length = Array.from(comment.trim()).length
  if (length === 0) return '请填写不满意的原因'
  if (length < UNSATISFIED_REASON_MIN) return `不满意的原因至少 ${UNSATISFIED_REASON_MIN} 个字`
  return null
}

/** Whether this rating reopens the appeal (`unsatisfied`, while it has not been reopened yet) or closes it. */
export const reopensOnEvaluation = (appeal: Pick<Appeal, 'reopenCount'>, rating: Rating): boolean =>
  rating === 'unsatisfied' && appeal.reopenCount < MAX_REOPENS
