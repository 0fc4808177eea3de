import type { Actor } from '../../shared/domain/actor'
import { allowedActions, applyAction, type ActionContext, type Transition } from '../../shared/domain/appeal-machine'
import type { WorkingCalendar } from '../../shared/domain/calendar'
import { sweepDueAt } from '../../shared/domain/deadlines'
import { withTally } from '../../shared/domain/report-tally'
import { sweepAppeal } from '../../shared/domain/sweep'
import type { Appeal, AppealAction, AppealEvent } from '../../shared/schemas/appeal.schema'
import { nextSweepRun } from './gen-time'

/** Far more sweep marks than one appeal can collect (overdue twice, a reminder per deadline, one auto-close). */
const MAX_SWEEPS_AT_ONCE = 20

/**
 * One appeal carried through its life by the domain code, as the server would have done it:
 * each action through `applyAction` (refused unless the actor may take it now), the scheduled
 * sweep (`sweepAppeal`) at the first 10-minute run after each of its due times, and the report
 * tally recorded after every change with `withTally` — exactly what the store applies on write.
 * Nothing happens after `now`: an appeal whose story reaches the present stays where it is.
 */
export class AppealLife {
  appeal: Appeal
  readonly events: AppealEvent[]
  /** When the last change happened. */
  at: Date
  /** A step fell after `now` (or was refused): the rest of the story did not happen. */
  ended = false

  constructor(
    submitted: Transition,
    private readonly calendar: WorkingCalendar,
    private readonly now: Date,
  ) {
    this.appeal = withTally(null, submitted.appeal, submitted.event, calendar.isWorkday)
    this.events = [submitted.event]
    this.at = new Date(submitted.event.at)
  }

  private record(transition: Transition): void {
    this.appeal = withTally(this.appeal, transition.appeal, transition.event, this.calendar.isWorkday)
    this.events.push(transition.event)
    this.at = new Date(transition.event.at)
  }

  /** Runs the sweep for everything it would have found due up to `until`. */
  sweepUntil(until: Date): void {
    for (let i = 0; i < MAX_SWEEPS_AT_ONCE; i++) {
      const due = sweepDueAt(this.appeal, this.calendar)
      if (due === null) return
      // The sweep reads the index only after the write that set this due time.
      const runAt = new Date(Math.max(nextSweepRun(new Date(due)).getTime(), nextSweepRun(this.at).getTime()))
      if (runAt.getTime() > until.getTime()) return
      const transition = sweepAppeal(this.appeal, runAt, this.calendar)
      if (!transition) return
      this.record(transition)
    }
  }

  /**
   * Takes one action at `at` (moved just after the previous change if earlier), after whatever
   * the sweep did before it. Returns false when `at` is still to come — the rest of the story has
   * not happened — or when the action is no longer allowed (the sweep may have closed or lifted
   * the appeal first): a required step then ends the story, an optional one is skipped.
   */
  act(
    at: Date,
    actor: Actor,
    action: AppealAction | ((appeal: Appeal) => AppealAction),
    options: { context?: Omit<ActionContext, 'calendar'>; optional?: boolean } = {},
  ): boolean {
    if (this.ended) return false
    const when = at.getTime() > this.at.getTime() ? at : new Date(this.at.getTime() + 60_000)
    if (when.getTime() > this.now.getTime()) {
      this.ended = true
      return false
    }
    this.sweepUntil(when)
    const chosen = typeof action === 'function' ? action(this.appeal) : action
    if (!allowedActions(this.appeal, actor).includes(chosen.type)) {
      if (!options.optional) this.ended = true
      return false
    }
    this.record(applyAction(this.appeal, chosen, actor, when, { calendar: this.calendar, ...options.context }))
    return true
  }

  /** The present: the sweep catches up to `now`. */
  finish(): { appeal: Appeal; events: AppealEvent[] } {
    this.sweepUntil(this.now)
    return { appeal: this.appeal, events: this.events }
  }
}
