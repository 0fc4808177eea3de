import type { ExportFormat, ExportJob } from '@shared/schemas/report.schema'
import { exportFileName as sharedExportFileName } from '@shared/domain/export-file-name'
import { monthLabel } from '@shared/domain/report-month'

/** Pure helpers of the export page (导出): progress, labels, the list of jobs. */

export const EXPORT_FORMAT_LABEL: Record<ExportFormat, string> = { xlsx: 'Excel', csv: 'CSV' }

export const EXPORT_STATUS_LABEL: Record<ExportJob['status'], string> = { queued: '排队中', running: '生成中', done: '已完成', failed: '导出失败' }

/** How often a running job is asked about. */
export const EXPORT_POLL_MS = 1500

export const isExportFinished = (job: Pick<ExportJob, 'status'>): boolean => job.status === 'done' || job.status === 'failed'

/**
 * The progress bar: a done job is full; a running one shows done ÷ total but never a full bar
 * before the file exists (the last step, writing it, comes after the rows).
 */
export function exportProgress(job: Pick<ExportJob, 'status' | 'progress'>): { percent: number; text: string } {
  const { done, total } = job.progress
  if (job.status === 'done') return { percent: 100, text: EXPORT_STATUS_LABEL.done }
  if (job.status === 'failed') return { percent: total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0, text: EXPORT_STATUS_LABEL.failed }
  if (job.status === 'queued' || total <= 0) return { percent: 0, text: EXPORT_STATUS_LABEL[job.status] }
  return { percent: Math.min(99, Math.floor((done / total) * 100)), text: `${EXPORT_STATUS_LABEL.running} ${Math.min(done, total)}/${total}` }
}

/**
 * The file's name, the same from queued to done: the server's, or — from a server that did not
 * send one yet — the very name it will give the file (one rule, in shared/).
 */
export function exportFileName(job: Pick<ExportJob, 'scopeName' | 'month' | 'format'> & { fileName?: string }): string {
  return job.fileName ?? sharedExportFileName(job.scopeName, job.month, job.format)
}

/** 12.3 KB */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The list with `job` in it (replacing its older state), newest first. */
export function upsertJob(jobs: readonly ExportJob[], job: ExportJob): ExportJob[] {
  return [job, ...jobs.filter((j) => j.id !== job.id)].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
}

/** One line under a job: 湘潭市 · 2026年11月 · Excel · 12.3 KB */
export function exportLine(job: ExportJob): string {
  return [job.scopeName, monthLabel(job.month), EXPORT_FORMAT_LABEL[job.format], job.status === 'done' ? formatBytes(job.bytes) : ''].filter(Boolean).join(' · ')
}

/** WeChat opens spreadsheets in its viewer; a CSV it cannot open, so the page offers the link instead. */
export const weappCanOpen = (format: ExportFormat): boolean => format === 'xlsx'
