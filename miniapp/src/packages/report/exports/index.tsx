import { useMemo } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { ExportFormat, ExportJob } from '@shared/schemas/report.schema'
import { download, DownloadError } from '../../../utils/download'
import { formatShortDateTime } from '../../../utils/format'
import { ReportPicker } from '../components/report-picker'
import { reportGate } from '../components/report-gate'
import { EXPORT_FORMAT_LABEL, EXPORT_STATUS_LABEL, exportFileName, exportLine, exportProgress, weappCanOpen } from '../export-view'
import { parseTarget } from '../report-view'
import { useReportTarget } from '../use-report-target'
import { useExportJobs } from './use-export-jobs'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import '../report.css'

const IS_H5 = process.env.TARO_ENV === 'h5'
const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv']

/**
 * 导出月报: a scope's month as an Excel workbook (a sheet per breakdown and the appeals in
 * detail) or a CSV file, phone numbers masked. The file is made on the server; the page follows
 * its progress and offers it for download when done, with the caller's recent exports below.
 */
export default function ReportExportsPage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const initial = useMemo(() => parseTarget(params), [])
  const state = useReportTarget(initial)
  const exports = useExportJobs()
  const { target } = state

  const gate = reportGate(state)
  if (gate || !target) return gate

  return (
    <View className={`page report-page ${textClass}`}>
      <ReportPicker state={state} />
      <View className='card'>
        <Text className='section-title'>导出月报</Text>
        <Text className='muted small report-block'>文件包含主要指标、各分项统计（Excel 每个分项一张工作表）和诉求明细，联系电话已脱敏。</Text>
        <View className='report-links'>
          {FORMATS.map((format) => {
            const busy = exports.starting === format
            return (
              <Button
                key={format}
                id={`export-${format}`}
                className={`btn ${format === 'xlsx' ? 'btn-primary' : 'btn-outline'} btn-small${busy ? ' btn-busy' : ''}`}
                disabled={exports.starting !== null || undefined}
                onClick={() => void exports.start(target.scope, target.month, format)}
              >
                {busy ? '正在提交…' : `导出 ${EXPORT_FORMAT_LABEL[format]}`}
              </Button>
            )
          })}
        </View>
        {exports.startError ? <Text className='field-error'>{exports.startError.message}</Text> : null}
      </View>

      <View id='export-jobs' className='card'>
        <Text className='section-title'>最近的导出</Text>
        {exports.jobs.length > 0 ? (
          exports.jobs.map((job) => <ExportJobRow key={job.id} job={job} />)
        ) : exports.list.error ? (
          <View className='list-foot' onClick={() => void exports.list.reload()}>
            <Text className='field-error'>{exports.list.error.message}（点此重试）</Text>
          </View>
        ) : exports.list.loading ? (
          <Text className='muted'>加载中…</Text>
        ) : (
          <Text className='muted'>还没有导出过文件</Text>
        )}
      </View>
    </View>
  )
}

function ExportJobRow({ job }: { job: ExportJob }) {
  const progress = exportProgress(job)
  const fileName = exportFileName(job)
  return (
    <View id={`export-job-${job.id}`} className='export-job'>
      <View className='report-row-head'>
        <Text className='report-row-name'>{fileName}</Text>
        <Text id={`export-job-${job.id}-status`} className={`export-status export-status-${job.status}`}>
          {EXPORT_STATUS_LABEL[job.status]}
        </Text>
      </View>
      <Text className='muted small'>
        {exportLine(job)} · {formatShortDateTime(job.createdAt)}
      </Text>
      {job.status === 'done' ? null : (
        <View className='export-progress'>
          <View className='report-bar'>
            <View className={job.status === 'failed' ? 'report-bar-fill report-bar-failed' : 'report-bar-fill'} style={{ width: `${progress.percent}%` }} />
          </View>
          <Text id={`export-job-${job.id}-progress`} className='muted small'>
            {progress.text}
          </Text>
        </View>
      )}
      {job.status === 'failed' && job.error ? <Text className='field-error'>{job.error}</Text> : null}
      {job.status === 'done' && job.url ? <DownloadLink job={job} url={job.url} fileName={fileName} /> : null}
    </View>
  )
}

/**
 * h5: a real link with `download`, the browser saves the file. WeChat: the file is downloaded
 * and opened in WeChat's viewer (its menu forwards or saves it); a CSV it cannot open, so its
 * link is copied for a computer's browser.
 */
function DownloadLink({ job, url, fileName }: { job: ExportJob; url: string; fileName: string }) {
  if (IS_H5) {
    return (
      <a id={`export-job-${job.id}-download`} className='btn btn-outline btn-small export-download' href={url} download={fileName}>
        下载
      </a>
    )
  }
  if (!weappCanOpen(job.format)) {
    return (
      <Button
        id={`export-job-${job.id}-copy`}
        className='btn btn-outline btn-small export-download'
        onClick={() => void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: '链接已复制，请在电脑浏览器中打开', icon: 'none' }))}
      >
        复制下载链接
      </Button>
    )
  }
  const open = async () => {
    Taro.showLoading({ title: '正在下载…' })
    try {
      await download(url, fileName)
      Taro.hideLoading()
    } catch (error) {
      Taro.hideLoading()
      void Taro.showToast({ title: error instanceof DownloadError ? error.message : '下载失败，请稍后重试', icon: 'none' })
    }
  }
  return (
    <Button id={`export-job-${job.id}-download`} className='btn btn-outline btn-small export-download' onClick={() => void open()}>
      下载并打开
    </Button>
  )
}
