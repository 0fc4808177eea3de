import { useCallback, useEffect, useRef, useState } from 'react'
import { asApiError, type ApiError } from '../services/request'

export interface Loader<T> {
  data: T | null
  error: ApiError | null
  loading: boolean
  /** Loads again; keeps the current data on screen until the new data arrives. */
  reload: () => Promise<void>
}

/**
 * Runs `load` when `key` changes (null = do not load) and tracks loading/error state.
 * Answers to superseded calls are dropped, so a slow old response never overwrites a new one.
 */
export function useLoader<T>(key: string | null, load: () => Promise<T>): Loader<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(key !== null)
  const seq = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const run = useCallback(async () => {
    const mine = ++seq.current
    setLoading(true)
    setError(null)
    try {
      const result = await loadRef.current()
      if (mine === seq.current) setData(result)
    } catch (e) {
      if (mine === seq.current) setError(asApiError(e))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    if (key === null) {
      seq.current++
      setData(null)
      setLoading(false)
      return
    }
    setData(null)
    void run()
  }, [key, run])

  return { data, error, loading, reload: run }
}
