import type { AppealStatus } from '../schemas/appeal.schema'

/** Statuses in which an appeal still waits for someone: the card's and the lists' "未办结". */
export const OPEN_STATUSES: readonly AppealStatus[] = ['submitted', 'assigned', 'in_progress', 'responded']

export const isOpen = (status: AppealStatus): boolean => OPEN_STATUSES.includes(status)

export interface CountDelta {
  open: number
  closed: number
}

/**
 * How one change of status moves an enterprise's public counters (open / closed appeals).
 * `from` is null for a new appeal. Withdrawn appeals leave "open" and are counted nowhere else.
 */
export function countDelta(from: AppealStatus | null, to: AppealStatus): CountDelta {
  const wasOpen = from !== null && isOpen(from)
  const wasClosed = from === 'closed'
  return {
    open: (isOpen(to) ? 1 : 0) - (wasOpen ? 1 : 0),
    closed: (to === 'closed' ? 1 : 0) - (wasClosed ? 1 : 0),
  }
}
