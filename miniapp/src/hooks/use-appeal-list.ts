import { useCallback, useEffect, useRef, useState } from 'react'
import type { Appeal, AppealStatus } from '@shared/schemas/appeal.schema'
import { listAppeals } from '../services/api'
import { asApiError, type ApiError } from '../services/request'

const PAGE_SIZE = 20

export interface AppealList {
  items: Appeal[]
  /** True until the first page has arrived (or failed). */
  loading: boolean
  refreshing: boolean
  loadingMore: boolean
  /** Failure of the first page: the page shows its error state. */
  error: ApiError | null
  /** Failure of a later page: shown under the list, the items stay. */
  moreError: ApiError | null
  hasMore: boolean
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
}

/**
 * Cursor-paginated appeals, newest first. `key` identifies who is asking and with which filter;
 * null means nobody is signed in. A new key starts again from the first page.
 */
export function useAppealList(key: string | null, status: readonly AppealStatus[] | undefined): AppealList {
  const [items, setItems] = useState<Appeal[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(key !== null)
  const [refreshing, setRefreshing] = useState(false)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [moreError, setMoreError] = useState<ApiError | null>(null)
  // Each first-page load bumps the generation; pages of an older generation are dropped.
  const generation = useRef(0)
  const statusRef = useRef(status)
  statusRef.current = status

  const loadFirst = useCallback(async (mode: 'initial' | 'refresh') => {
    const mine = ++generation.current
    if (mode === 'initial') setLoading(true)
    else setRefreshing(true)
    setError(null)
    setMoreError(null)
    try {
      const page = await listAppeals({ limit: PAGE_SIZE, status: statusRef.current })
      if (mine !== generation.current) return
      setItems(page.items)
      setCursor(page.cursor)
    } catch (e) {
      if (mine !== generation.current) return
      setError(asApiError(e))
    } finally {
      if (mine === generation.current) {
        setLoading(false)
        setRefreshing(false)
        setLoadingMore(false)
      }
    }
  }, [])

  useEffect(() => {
    setItems([])
    setCursor(null)
    if (key === null) {
      generation.current++
      setLoading(false)
      return
    }
    void loadFirst('initial')
  }, [key, loadFirst])

  const refresh = useCallback(() => loadFirst('refresh'), [loadFirst])

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore || loading || refreshing) return
    const mine = generation.current
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await listAppeals({ limit: PAGE_SIZE, status: statusRef.current, cursor })
      if (mine !== generation.current) return
      // Appeals filed meanwhile can shift pages; never show one twice.
      setItems((current) => {
        const seen = new Set(current.map((a) => a.id))
        return current.concat(page.items.filter((a) => !seen.has(a.id)))
      })
      setCursor(page.cursor)
    } catch (e) {
      if (mine === generation.current) setMoreError(asApiError(e))
    } finally {
      if (mine === generation.current) setLoadingMore(false)
    }
  }, [cursor, loadingMore, loading, refreshing])

  return { items, loading, refreshing, loadingMore, error, moreError, hasMore: cursor !== null, refresh, loadMore }
}
