import type { AppealStatus } from '@shared/schemas/appeal.schema'
import { STATUS_LABEL } from '@shared/labels'

export type FilterKey = 'all' | 'assigned' | 'in_progress' | 'responded' | 'closed'

export interface InboxFilter {
  key: FilterKey
  label: string
  status?: AppealStatus[]
}

/** The officials' inbox tabs; each maps to the list's `status` query. */
export const INBOX_FILTERS: InboxFilter[] = [
  { key: 'all', label: '全部' },
  { key: 'assigned', label: STATUS_LABEL.assigned, status: ['assigned'] },
  { key: 'in_progress', label: STATUS_LABEL.in_progress, status: ['in_progress'] },
  { key: 'responded', label: STATUS_LABEL.responded, status: ['responded'] },
  { key: 'closed', label: STATUS_LABEL.closed, status: ['closed'] },
]
