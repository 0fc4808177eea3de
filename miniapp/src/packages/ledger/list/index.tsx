import { useEffect, useMemo, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { mayPickLedgerArea, mayViewLedger } from '@shared/domain/policy'
import type { LedgerRow, LedgerScope } from '@shared/schemas/ledger.schema'
import type { ExportJob } from '@shared/schemas/report.schema'
import { AccessGate } from '../../../components/access-gate'
import { ChipGroup } from '../../../components/chip-group'
import { ListFoot } from '../../../components/list-foot'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { StatusTag } from '../../../components/status-tag'
import { useLoader } from '../../../hooks/use-loader'
import { usePagedList } from '../../../hooks/use-paged-list'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { fetchCatalog } from '../../../services/api'
import { fetchLedgerPage, requestLedgerExport } from '../../../services/ledger-api'
import { goToLogin, openAppeal } from '../../../services/navigation'
import { fetchExport } from '../../../services/report-api'
import { asApiError, type ApiError } from '../../../services/request'
import { download, DownloadError } from '../../../utils/download'
import { formatShortDate } from '../../../utils/format'
import {
  ALL,
  CHANNEL_CHIPS,
  exportBody,
  filtersKey,
  ledgerExportText,
  NO_FILTERS,
  pageQuery,
  PERIOD_CHIPS,
  rowHolder,
  rowMeasure,
  rowSource,
  STATUS_CHIPS,
  type LedgerFilters,
} from '../ledger-view'
import '../ledger.css'

const IS_H5 = process.env.TARO_ENV === 'h5'
const POLL_MS = 1500

/**
 * 问题台账: every problem of the caller's scope whatever its channel — filed by the enterprise,
 * found on a visit, raised at an exchange day or taken by phone — with its source, measure,
 * holder, deadline and status, narrowed by chips, paged; 导出台账 makes the same rows an Excel
 * workbook on the server and offers it when done. Area admins see their area, the city admin the
 * city or one area, a specialist the problems they hold.
 */
export default function LedgerPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const allowed = mayViewLedger(user)
  // The page's "this month" is read once, when it opens.
  const now = useMemo(() => new Date(), [])
  const [filters, setFilters] = useState<LedgerFilters>(NO_FILTERS)
  const [scope, setScope] = useState<LedgerScope | null>(null)
  const catalog = useLoader(allowed ? 'catalog' : null, fetchCatalog)
  const key = allowed ? filtersKey(filters, now) : null
  const list = usePagedList(key, async (cursor) => {
    const page = await fetchLedgerPage(pageQuery(filters, now), cursor)
    setScope(page.scope)
    return { items: page.items.map((row) => ({ ...row, id: row.appealId })), cursor: page.cursor }
  })

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!key) return stop()
    list.refresh().then(stop, stop)
  })
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.moreError) void list.loadMore()
  })

  if (!allowed) {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={{ kind: 'none', message: user ? '问题台账仅供管理员和企业服务专员使用' : '请先登录' }} signedIn={user !== null} />
      </View>
    )
  }

  const set = <K extends keyof LedgerFilters>(name: K) => (value: LedgerFilters[K]) => setFilters((current) => ({ ...current, [name]: value }))
  const areas = catalog.data?.areas ?? []
  const categories = catalog.data?.categories ?? []

  return (
    <View className={`page ${textClass}`}>
      <View id='ledger-filters' className='card ledger-filters'>
        <Text id='ledger-scope' className='section-title'>
          {scope ? `${scope.name} · 问题台账` : '问题台账'}
        </Text>
        {mayPickLedgerArea(user) && areas.length > 0 ? (
          <>
            <Text className='muted small ledger-filter-label'>属地</Text>
            <ChipGroup idPrefix='ledger-area' label='属地' options={[{ value: ALL, label: '全市' }, ...areas.map((a) => ({ value: a.id, label: a.name }))]} selected={filters.area} onSelect={set('area')} />
          </>
        ) : null}
        <Text className='muted small ledger-filter-label'>来源</Text>
        <ChipGroup idPrefix='ledger-channel' label='来源' options={CHANNEL_CHIPS} selected={filters.channel} onSelect={set('channel')} />
        <Text className='muted small ledger-filter-label'>状态</Text>
        <ChipGroup idPrefix='ledger-status' label='状态' options={STATUS_CHIPS} selected={filters.status} onSelect={set('status')} />
        <Text className='muted small ledger-filter-label'>提出时间</Text>
        <ChipGroup idPrefix='ledger-period' label='提出时间' options={PERIOD_CHIPS} selected={filters.period} onSelect={set('period')} />
        {categories.length > 0 ? (
          <>
            <Text className='muted small ledger-filter-label'>类别</Text>
            <ChipGroup idPrefix='ledger-category' label='类别' options={[{ value: ALL, label: '全部类别' }, ...categories.map((c) => ({ value: c.id, label: c.name }))]} selected={filters.category} onSelect={set('category')} />
          </>
        ) : null}
        <Text className='muted small ledger-filter-label'>超期</Text>
        <ChipGroup
          idPrefix='ledger-overdue'
          label='超期'
          options={[
            { value: 'any', label: '不限' },
            { value: 'overdue', label: '仅看超期' },
          ]}
          selected={filters.overdue ? 'overdue' : 'any'}
          onSelect={(value) => set('overdue')(value === 'overdue')}
        />
      </View>

      <LedgerExport filters={filters} now={now} />

      {list.loading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <EmptyState text={filtersKey(filters, now) === filtersKey(NO_FILTERS, now) ? '台账中还没有问题' : '没有符合条件的问题'} />
      ) : (
        <View id='ledger-list'>
          {list.items.map((row) => (
            <LedgerRowCard key={row.id} row={row} />
          ))}
          <ListFoot list={list} />
        </View>
      )}
    </View>
  )
}

function LedgerRowCard({ row }: { row: LedgerRow }) {
  return (
    <View id={`ledger-${row.appealId}`} className='card' onClick={() => openAppeal(row.appealId)}>
      <View className='ledger-row-head'>
        <Text className='ledger-row-title'>{row.title}</Text>
        <StatusTag status={row.status} />
      </View>
      <Text className='muted small ledger-row-sub'>
        <Text className='appeal-number'>{row.number}</Text> · {row.enterpriseName} · {row.areaName} · {row.categoryName}
      </Text>
      <View className='appeal-card-flags'>
        {row.onBehalf ? <Text className='chip-static chip-level'>专员代提</Text> : null}
        {row.overdue ? (
          <Text id={`ledger-${row.appealId}-overdue`} className='chip-static chip-overdue'>
            已超期
          </Text>
        ) : null}
      </View>
      <View className='kv'>
        <Text className='kv-key'>来源</Text>
        <Text className='kv-value'>{rowSource(row)}</Text>
      </View>
      <View className='kv'>
        <Text className='kv-key'>解决措施</Text>
        <Text className='kv-value'>{rowMeasure(row)}</Text>
      </View>
      <View className='kv'>
        <Text className='kv-key'>责任</Text>
        <Text className='kv-value'>{rowHolder(row)}</Text>
      </View>
      <View className='kv'>
        <Text className='kv-key'>{row.closedAt ? '办结' : '办理时限'}</Text>
        <Text className={row.overdue ? 'kv-value deadline-overdue' : 'kv-value'}>
          {row.closedAt ? `${formatShortDate(row.closedAt)} · ${row.satisfaction || '未评价'}` : `${formatShortDate(row.dueAt)}${row.overdue ? '（已过）' : ''}`}
        </Text>
      </View>
    </View>
  )
}

/**
 * 导出台账: the rows of the filters on screen as an Excel workbook, made on the server; its
 * progress is asked every 1.5 s until it is done (then a download) or failed (then the reason).
 */
function LedgerExport({ filters, now }: { filters: LedgerFilters; now: Date }) {
  const [job, setJob] = useState<ExportJob | null>(null)
  const [starting, setStarting] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const polling = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    if (!job || job.status === 'done' || job.status === 'failed') return undefined
    polling.current = setTimeout(() => {
      // A failed poll is tried again next round.
      fetchExport(job.id).then(setJob, () => setJob({ ...job }))
    }, POLL_MS)
    return () => {
      if (polling.current) clearTimeout(polling.current)
    }
  }, [job])

  const start = async () => {
    setStarting(true)
    setError(null)
    try {
      setJob(await requestLedgerExport(exportBody(filters, now)))
    } catch (e) {
      setError(asApiError(e))
    } finally {
      setStarting(false)
    }
  }

  const percent = !job ? 0 : job.status === 'done' ? 100 : job.status === 'running' ? 50 : 5
  return (
    <View id='ledger-export' className='card ledger-export'>
      <Text className='section-title'>导出台账</Text>
      <Text className='muted small'>按当前筛选条件导出 Excel（A4 横向打印，联系电话已脱敏）。</Text>
      <Button id='ledger-export-start' className={`btn btn-primary btn-small ledger-export-action${starting ? ' btn-busy' : ''}`} disabled={starting || undefined} onClick={() => void start()}>
        {starting ? '正在提交…' : '导出台账'}
      </Button>
      {error ? <Text className='field-error'>{error.message}</Text> : null}
      {job ? (
        <View id={`ledger-export-${job.id}`}>
          <Text className='muted small'>{job.fileName}</Text>
          {job.status === 'done' ? null : (
            <View className='ledger-export-bar'>
              <View className='ledger-export-bar-fill' style={{ width: `${percent}%` }} />
            </View>
          )}
          <Text id='ledger-export-status' className={job.status === 'failed' ? 'field-error' : 'muted small'}>
            {ledgerExportText(job)}
          </Text>
          {job.status === 'done' && job.url ? <DownloadButton job={job} url={job.url} /> : null}
        </View>
      ) : null}
    </View>
  )
}

/** h5: a link the browser saves. WeChat: downloaded and opened in WeChat's viewer. */
function DownloadButton({ job, url }: { job: ExportJob; url: string }) {
  if (IS_H5) {
    return (
      <a id='ledger-export-download' className='btn btn-outline btn-small ledger-export-action' href={url} download={job.fileName}>
        下载
      </a>
    )
  }
  const open = async () => {
    Taro.showLoading({ title: '正在下载…' })
    try {
      await download(url, job.fileName)
      Taro.hideLoading()
    } catch (error) {
      Taro.hideLoading()
      void Taro.showToast({ title: error instanceof DownloadError ? error.message : '下载失败，请稍后重试', icon: 'none' })
    }
  }
  return (
    <Button id='ledger-export-download' className='btn btn-outline btn-small ledger-export-action' onClick={() => void open()}>
      下载并打开
    </Button>
  )
}
