import type { Transition } from '@shared/domain/appeal-machine'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { getAppeal, saveTransition, WriteConflict } from '../store/appeal.store'

const MAX_ATTEMPTS = 4

/**
 * A change the system makes to an appeal on someone's behalf (reassignment, a recounted deadline):
 * read the appeal, decide, save on its version; if someone acted on it meanwhile, read it again
 * and decide afresh. Returns the appeal before and the transition saved, or null when `decide`
 * found nothing to do.
 */
export async function applyWithRetry(
  appealId: string,
  decide: (appeal: Appeal) => Transition | null,
): Promise<{ before: Appeal; transition: Transition } | null> {
  for (let attempt = 1; ; attempt++) {
    const appeal = await getAppeal(appealId)
    const transition = appeal ? decide(appeal) : null
    if (!appeal || !transition) return null
    try {
      await saveTransition(appeal, transition.appeal, transition.event)
      return { before: appeal, transition }
    } catch (error) {
      if (!(error instanceof WriteConflict) || attempt >= MAX_ATTEMPTS) throw error
    }
  }
}
