import type { Appeal, AppealStatus } from '@shared/schemas/appeal.schema'
import { listAppeals } from '../services/api'
import { usePagedList, type PagedList } from './use-paged-list'

const PAGE_SIZE = 20

export type AppealList = PagedList<Appeal>

/**
 * Cursor-paginated appeals, newest first. `key` identifies who is asking and with which filter;
 * null means nobody is signed in. A new key starts again from the first page.
 */
export function useAppealList(key: string | null, status: readonly AppealStatus[] | undefined): AppealList {
  return usePagedList(key, (cursor) => listAppeals({ limit: PAGE_SIZE, status, cursor }))
}
