import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { RosterImportResult, RosterRowResult } from '@shared/schemas/roster.schema'
import { ChipGroup } from '../../../components/chip-group'
import { FormField } from '../../../components/form-field'
import { useSessionUser } from '../../../hooks/use-session-user'
import { rosterTemplateUrl, type RosterTemplateFormat } from '../../../services/admin-api'
import { goToLogin } from '../../../services/navigation'
import { download, DownloadError } from '../../../utils/download'
import { adminScope } from '../admin-scope'
import { AccessGate } from '../../../components/access-gate'
import {
  applyBlockedReason,
  canApply,
  filterRows,
  formatBytes,
  importResultMessage,
  ROW_ACTION_LABEL,
  rowErrorLines,
  rowFilterOptions,
  sideEffectsText,
  summaryItems,
  type RowFilter,
} from './roster-view'
import { useRosterImport, type RosterImport } from './use-roster-import'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import '../components/admin.css'
import './index.css'

/** Rows rendered at a time: a city-wide roster has thousands, and a weapp page must stay light. */
const ROWS_STEP = 200

const TEMPLATE_NAME: Record<RosterTemplateFormat, string> = {
  xlsx: '企业名册模板.xlsx',
  csv: '企业名册模板.csv',
}

/**
 * 名册导入: download a template, choose a filled-in file (checked at once, nothing written),
 * review every row, then 确认导入 — possible only when no row is wrong.
 *
 * On h5 the file input is a hidden `<input type="file">` that utils/pick-file.ts adds to the
 * document when this page mounts and keeps attached: 选择名册文件 clicks it, and a file set on it
 * directly (Playwright's setInputFiles in the end-to-end test) is checked the same way.
 */
export default function RosterPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const scope = adminScope(user)
  const roster = useRosterImport()

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])

  if (scope.kind === 'none') {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={scope} signedIn={user !== null} />
      </View>
    )
  }

  const shown = roster.result ?? roster.preview
  return (
    <View className={`page ${textClass}`}>
      <TemplateCard />
      <PickCard roster={roster} />
      {roster.busy ? <ProgressCard roster={roster} /> : null}
      {roster.error ? <Text className='banner banner-error'>{roster.error}</Text> : null}
      {roster.result ? <ResultCard result={roster.result} roster={roster} /> : null}
      {shown ? <SummaryCard result={shown} roster={roster} /> : null}
      {shown ? <RowTable key={roster.result ? 'result' : 'preview'} result={shown} /> : null}
    </View>
  )
}

function TemplateCard() {
  const [downloading, setDownloading] = useState<RosterTemplateFormat | null>(null)
  const fetchTemplate = async (format: RosterTemplateFormat) => {
    if (downloading) return
    setDownloading(format)
    try {
      await download(rosterTemplateUrl(format), TEMPLATE_NAME[format])
    } catch (e) {
      const message = e instanceof DownloadError ? e.message : '下载失败，请稍后重试'
      void Taro.showToast({ title: message, icon: 'none', duration: 3000 })
    } finally {
      setDownloading(null)
    }
  }
  const button = (format: RosterTemplateFormat, label: string) => (
    <Button
      id={`roster-template-${format}`}
      className={downloading ? 'btn btn-outline btn-small btn-busy' : 'btn btn-outline btn-small'}
      disabled={downloading !== null || undefined}
      onClick={() => void fetchTemplate(format)}
    >
      {downloading === format ? '下载中…' : label}
    </Button>
  )
  return (
    <View className='card'>
      <Text className='section-title'>1. 下载名册模板</Text>
      <Text className='muted small roster-hint'>按模板每行填写一家企业及其服务专员；统一社会信用代码已存在的企业将被更新。</Text>
      <View className='roster-buttons'>
        {button('xlsx', 'Excel 模板（.xlsx）')}
        {button('csv', 'CSV 模板（.csv）')}
      </View>
    </View>
  )
}

function PickCard({ roster }: { roster: RosterImport }) {
  const hint =
    process.env.TARO_ENV === 'h5'
      ? '支持 .xlsx 或 .csv 文件，不超过 4 MB。选择后立即校验，校验不会写入任何数据。'
      : '请先把名册文件发到微信聊天中，再从聊天记录选择（.xlsx 或 .csv，不超过 4 MB）。选择后立即校验，不会写入任何数据。'
  return (
    <View className='card'>
      <Text className='section-title'>2. 选择名册文件</Text>
      <FormField label='名册文件' error={roster.fileError ?? undefined}>
        {roster.file ? (
          <View id='roster-file' className='roster-file'>
            <Text className='roster-file-name'>{roster.file.name}</Text>
            <Text className='muted small'>{formatBytes(roster.file.size)}</Text>
          </View>
        ) : null}
        <Text className='muted small roster-hint'>{hint}</Text>
      </FormField>
      <Button
        id='roster-pick'
        className={roster.busy ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'}
        disabled={roster.busy || undefined}
        onClick={roster.choose}
      >
        {roster.file ? '重新选择' : '选择名册文件'}
      </Button>
    </View>
  )
}

function ProgressCard({ roster }: { roster: RosterImport }) {
  const checking = roster.phase === 'checking'
  const rows = roster.preview ? roster.preview.summary.create + roster.preview.summary.update : 0
  return (
    <View id='roster-progress' className='card roster-progress'>
      <View className='row'>
        <View className='spinner roster-spinner' />
        <View className='roster-progress-text'>
          <Text className='roster-progress-title'>
            {checking ? `正在校验「${roster.file?.name ?? ''}」…` : `正在导入 ${rows} 家企业…`}
          </Text>
          <Text className='muted small'>
            {checking ? '逐行核对企业和专员信息，文件较大时需要一些时间' : '请勿离开本页'}
            {roster.elapsed > 0 ? `（已用时 ${roster.elapsed} 秒）` : ''}
          </Text>
        </View>
      </View>
      <View className='roster-progress-bar'>
        <View className='roster-progress-bar-fill' />
      </View>
    </View>
  )
}

function SummaryCard({ result, roster }: { result: RosterImportResult; roster: RosterImport }) {
  const blocked = result.dryRun ? applyBlockedReason(result) : null
  const effects = sideEffectsText(result)
  const applying = roster.phase === 'applying'
  const enabled = result.dryRun && canApply(result) && !roster.busy
  return (
    <View id='roster-summary' className='card'>
      <Text className='section-title'>{result.dryRun ? '3. 校验结果' : '导入结果'}</Text>
      <View className='roster-counts'>
        {summaryItems(result).map((item) => (
          <View key={item.action} id={`roster-count-${item.action}`} className={`roster-count roster-count-${item.action}`}>
            <Text className='roster-count-value'>{item.count}</Text>
            <Text className='roster-count-label'>{item.label}</Text>
          </View>
        ))}
      </View>
      {result.fileProblems.length > 0 ? (
        <View className='roster-problems'>
          {result.fileProblems.map((problem, i) => (
            <Text key={i} className='roster-error'>
              {problem}
            </Text>
          ))}
        </View>
      ) : null}
      {effects ? <Text className='muted small roster-hint'>{result.dryRun ? `导入后将${effects}` : effects}</Text> : null}
      {result.dryRun ? (
        <View className='roster-apply'>
          {blocked ? <Text className='roster-blocked'>{blocked}</Text> : null}
          <Button
            id='roster-apply'
            className={`btn btn-primary btn-block${enabled ? '' : ' btn-busy'}`}
            disabled={!enabled || undefined}
            // Taro's h5 button is a custom element, where only aria-disabled reads as disabled.
            aria-disabled={enabled ? 'false' : 'true'}
            onClick={() => void roster.apply()}
          >
            {applying ? '导入中…' : '确认导入'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function ResultCard({ result, roster }: { result: RosterImportResult; roster: RosterImport }) {
  const message = importResultMessage(result)
  return (
    <View id='roster-result' className={message.ok ? 'card roster-result roster-result-ok' : 'card roster-result roster-result-failed'}>
      <Text className='roster-result-title'>{message.title}</Text>
      <Text className='paragraph'>{message.detail}</Text>
      <Button id='roster-repick' className='btn btn-outline btn-small roster-repick' onClick={roster.choose}>
        重新选择
      </Button>
    </View>
  )
}

function RowTable({ result }: { result: RosterImportResult }) {
  const [filter, setFilter] = useState<RowFilter>('all')
  const [limit, setLimit] = useState(ROWS_STEP)
  const rows = filterRows(result.rows, filter)
  if (result.rows.length === 0) return null
  return (
    <View id='roster-rows' className='card'>
      <Text className='section-title'>逐行明细</Text>
      <ChipGroup
        idPrefix='roster-filter'
        options={rowFilterOptions(result)}
        selected={filter}
        onSelect={(value) => {
          setFilter(value)
          setLimit(ROWS_STEP)
        }}
      />
      <View className='roster-table'>
        <View className='roster-tr roster-th'>
          <Text className='roster-td-no'>行号</Text>
          <Text className='roster-td-main'>企业</Text>
          <Text className='roster-td-action'>操作</Text>
        </View>
        {rows.slice(0, limit).map((row) => (
          <RosterRow key={row.row} row={row} />
        ))}
      </View>
      {rows.length > limit ? (
        <View className='list-foot'>
          <Button className='btn btn-outline btn-small admin-load-more' onClick={() => setLimit(limit + ROWS_STEP)}>
            显示更多（还有 {rows.length - limit} 行）
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function RosterRow({ row }: { row: RosterRowResult }) {
  return (
    <View id={`roster-row-${row.row}`} className={`roster-tr roster-tr-${row.action}`}>
      <Text className='roster-td-no'>{row.row}</Text>
      <View className='roster-td-main'>
        <Text className='roster-row-name'>{row.enterpriseName || '（未填写企业名称）'}</Text>
        {row.creditCode ? <Text className='muted small'>{row.creditCode}</Text> : null}
        {row.changes.map((change, i) => (
          <Text key={`c${i}`} className='roster-change'>
            {change}
          </Text>
        ))}
        {rowErrorLines(row).map((line, i) => (
          <Text key={`e${i}`} className='roster-error'>
            {line}
          </Text>
        ))}
      </View>
      <View className='roster-td-action'>
        <Text className={`roster-tag roster-tag-${row.action}`}>{ROW_ACTION_LABEL[row.action]}</Text>
      </View>
    </View>
  )
}
