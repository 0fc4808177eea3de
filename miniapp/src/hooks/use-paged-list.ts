import { useCallback, useEffect, useRef, useState } from 'react'
import { asApiError, type ApiError } from '../services/request'

export interface Page<T> {
  items: T[]
  cursor: string | null
}

export interface PagedList<T> {
  items: T[]
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
 * A cursor-paginated list. `key` names the query (area, filters); null means nothing to load
 * yet. A new key starts again from the first page; pages of an older key are dropped.
 */
export function usePagedList<T extends { id: string }>(
  key: string | null,
  loadPage: (cursor: string | null) => Promise<Page<T>>,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(key !== null)
  const [refreshing, setRefreshing] = useState(false)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [moreError, setMoreError] = useState<ApiError | null>(null)
  const generation = useRef(0)
  const loadRef = useRef(loadPage)
  loadRef.current = loadPage

  const loadFirst = useCallback(async (mode: 'initial' | 'refresh') => {
    const mine = ++generation.current
    if (mode === 'initial') setLoading(true)
    else setRefreshing(true)
    setError(null)
    setMoreError(null)
    try {
      const page = await loadRef.current(null)
      if (mine !== generation.current) return
      setItems(page.items)
      setCursor(page.cursor)
    } catch (e) {
      if (mine === generation.current) setError(asApiError(e))
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
      setError(null)
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
      const page = await loadRef.current(cursor)
      if (mine !== generation.current) return
      // Writes meanwhile can shift pages; never show an item twice.
      setItems((current) => {
        const seen = new Set(current.map((item) => item.id))
        return current.concat(page.items.filter((item) => !seen.has(item.id)))
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
