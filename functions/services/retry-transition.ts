import type { Transition } from '@shared/domain/appeal-machine'
import { planTransition } from '@shared/domain/appeal-write-plan'
import type { WorkingCalendar } from '@shared/domain/calendar'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { getAppeal, WriteConflict } from '../store/appeal.store'
import type { TransactItems } from '../store/transact'
import { saveAppealPlan } from './appeal-writer'
import { currentWorkingCalendar } from './working-calendar'

const MAX_ATTEMPTS = 4

/**
 * A change the system makes to an appeal on someone's behalf (reassignment, a recounted deadline,
 * the sweep): read the appeal, decide, save on its version together with the notifications the
 * change causes; if someone acted on it meanwhile, read it again and decide afresh. Returns the
 * appeal before and the transition saved, or null when `decide` found nothing to do. `calendar`
 * (for the sweep's index) defaults to the current working calendar; `alsoWrite` adds items to the
 * appeal's transaction (a common problem's link).
 */
export async function applyWithRetry(
  appealId: string,
  decide: (appeal: Appeal) => Transition | null,
  calendar?: WorkingCalendar,
  alsoWrite: TransactItems = [],
): Promise<{ before: Appeal; transition: Transition } | null> {
  const workingCalendar = calendar ?? (await currentWorkingCalendar())
  for (let attempt = 1; ; attempt++) {
    const appeal = await getAppeal(appealId)
    const transition = appeal ? decide(appeal) : null
    if (!appeal || !transition) return null
    try {
      const written = await saveAppealPlan(planTransition(appeal, transition, workingCalendar), undefined, alsoWrite)
      return { before: appeal, transition: { ...transition, appeal: written } }
    } catch (error) {
      if (!(error instanceof WriteConflict) || attempt >= MAX_ATTEMPTS) throw error
    }
  }
}
