import { useCallback, useEffect, useState } from 'react'
import type { ExportFormat, ExportJob } from '@shared/schemas/report.schema'
import { useLoader, type Loader } from '../../../hooks/use-loader'
import { asApiError, type ApiError } from '../../../services/request'
import { fetchExport, listExports, requestExport } from '../../../services/report-api'
import { EXPORT_POLL_MS, isExportFinished, upsertJob } from '../export-view'

export interface ExportJobs {
  list: Loader<ExportJob[]>
  /** The caller's recent exports with the latest state of each, newest first. */
  jobs: ExportJob[]
  /** The format being requested right now (the button shows it busy). */
  starting: ExportFormat | null
  startError: ApiError | null
  start: (scope: string, month: string, format: ExportFormat) => Promise<ExportJob | null>
}

/**
 * The export jobs of the page: the caller's recent ones, plus those started here. While any is
 * queued or running it is asked about every 1.5 s until it is done or failed.
 */
export function useExportJobs(): ExportJobs {
  const list = useLoader('report-exports', listExports)
  const [jobs, setJobs] = useState<ExportJob[]>([])
  const [starting, setStarting] = useState<ExportFormat | null>(null)
  const [startError, setStartError] = useState<ApiError | null>(null)
  const [round, setRound] = useState(0)

  useEffect(() => {
    if (list.data) setJobs((current) => list.data!.reduce(upsertJob, current))
  }, [list.data])

  const pending = jobs
    .filter((job) => !isExportFinished(job))
    .map((job) => job.id)
    .join(',')

  useEffect(() => {
    if (!pending) return undefined
    let cancelled = false
    const timer = setTimeout(() => {
      // A failed poll is tried again next round; the job's state on screen stays as it was.
      const polls = pending.split(',').map((id) => fetchExport(id).catch(() => null))
      void Promise.all(polls).then((answers) => {
        if (cancelled) return
        setJobs((current) => answers.reduce<ExportJob[]>((acc, job) => (job ? upsertJob(acc, job) : acc), current))
        setRound((n) => n + 1)
      })
    }, EXPORT_POLL_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [pending, round])

  const start = useCallback(async (scope: string, month: string, format: ExportFormat) => {
    setStarting(format)
    setStartError(null)
    try {
      const job = await requestExport(scope, month, format)
      setJobs((current) => upsertJob(current, job))
      return job
    } catch (error) {
      setStartError(asApiError(error))
      return null
    } finally {
      setStarting(null)
    }
  }, [])

  return { list, jobs, starting, startError, start }
}
