import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { mayImportUpgradeFigures } from '@shared/domain/policy'
import { FIGURE_FILE_MAX_BYTES, type FigureImportResult } from '@shared/schemas/upgrade-import.schema'
import { AccessGate } from '../../../components/access-gate'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { goToLogin } from '../../../services/navigation'
import { asApiError } from '../../../services/request'
import { importUpgradeFigures, upgradeTemplateUrl } from '../../../services/upgrade-api'
import { download, DownloadError } from '../../../utils/download'
import { onUnrequestedFile, pickFile, PickFileError, type PickedFile, type PickFileOptions } from '../../../utils/pick-file'
import { IMPORT_ACTION_LABEL, importSummaryText } from '../upgrade-view'
import '../upgrade.css'

const FIGURE_FILE: PickFileOptions = { extensions: ['xlsx'], maxBytes: FIGURE_FILE_MAX_BYTES }
const ROWS_SHOWN = 300

type Phase = 'idle' | 'checking' | 'preview' | 'applying' | 'applied'

/**
 * 导入月度数据: an admin downloads the template, chooses a filled-in XLSX (checked at once, nothing
 * written), reviews each row (新增 / 更新 / 不变 / 有误 with the reason), then 确认导入 writes the
 * valid rows; rows with errors are left out.
 */
export default function UpgradeImportPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const allowed = user !== null && mayImportUpgradeFigures(user)
  const [phase, setPhase] = useState<Phase>('idle')
  const [file, setFile] = useState<PickedFile | null>(null)
  const [preview, setPreview] = useState<FigureImportResult | null>(null)
  const [result, setResult] = useState<FigureImportResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const busy = phase === 'checking' || phase === 'applying'
  const busyRef = useRef(busy)
  busyRef.current = busy

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])

  const check = useCallback(async (picking: Promise<PickedFile | null>) => {
    let picked: PickedFile | null
    try {
      picked = await picking
    } catch (e) {
      setError(e instanceof PickFileError ? e.message : '读取文件失败，请重新选择')
      return
    }
    if (!picked || busyRef.current) return
    setFile(picked)
    setPreview(null)
    setResult(null)
    setError(null)
    setPhase('checking')
    try {
      setPreview(await importUpgradeFigures({ fileName: picked.name, contentBase64: picked.base64, dryRun: true }))
      setPhase('preview')
    } catch (e) {
      setError(asApiError(e).message)
      setPhase('idle')
    }
  }, [])

  useEffect(() => (allowed ? onUnrequestedFile(FIGURE_FILE, (picking) => void check(picking)) : undefined), [allowed, check])

  const apply = async () => {
    if (busyRef.current || !file || !preview) return
    setError(null)
    setPhase('applying')
    try {
      const applied = await importUpgradeFigures({ fileName: file.name, contentBase64: file.base64, dryRun: false })
      setResult(applied)
      setPhase('applied')
      if (applied.applied) void Taro.showToast({ title: '导入完成', icon: 'success' })
    } catch (e) {
      setError(asApiError(e).message)
      setPhase('preview')
    }
  }

  const fetchTemplate = async () => {
    try {
      await download(upgradeTemplateUrl(), '升规入统月度数据模板.xlsx')
    } catch (e) {
      void Taro.showToast({ title: e instanceof DownloadError ? e.message : '下载失败，请稍后重试', icon: 'none', duration: 3000 })
    }
  }

  if (!allowed) {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={{ kind: 'none', message: user ? '导入月度数据仅供属地和市级管理员使用' : '请先登录' }} signedIn={user !== null} />
      </View>
    )
  }
  const shown = result ?? preview
  const writable = preview ? preview.summary.create + preview.summary.update : 0
  return (
    <View className={`page ${textClass}`}>
      <View className='card'>
        <Text className='section-title'>1. 下载模板</Text>
        <Text className='muted small upgrade-method'>每行一家企业一个月份：统一社会信用代码（或企业编号）、月份、本年累计营业收入（万元）、上年营业收入（万元，可空）、从业人员。</Text>
        <Button id='upgrade-import-template' className='btn btn-outline btn-small' onClick={() => void fetchTemplate()}>
          Excel 模板（.xlsx）
        </Button>
      </View>
      <View className='card'>
        <Text className='section-title'>2. 选择数据文件</Text>
        {file ? <Text id='upgrade-import-file'>{file.name}</Text> : null}
        <Text className='muted small upgrade-method'>
          {process.env.TARO_ENV === 'h5' ? '仅支持 .xlsx，不超过 4 MB。选择后立即校验，校验不写入任何数据。' : '请先把文件发到微信聊天中，再从聊天记录选择（.xlsx，不超过 4 MB）。选择后立即校验，不写入任何数据。'}
        </Text>
        <Button id='upgrade-import-pick' className='btn btn-primary btn-block' disabled={busy || undefined} onClick={() => void check(pickFile(FIGURE_FILE))}>
          {file ? '重新选择' : '选择数据文件'}
        </Button>
      </View>
      {busy ? <Text className='banner'>{phase === 'checking' ? '正在校验…' : '正在导入…'}</Text> : null}
      {error ? <Text id='upgrade-import-error' className='banner banner-error'>{error}</Text> : null}
      {shown ? (
        <View id='upgrade-import-summary' className='card'>
          <Text className='section-title'>{result ? '3. 导入结果' : '3. 校验结果'}</Text>
          <Text>{importSummaryText(shown)}</Text>
          {shown.fileProblems.map((p) => (
            <Text key={p} className='muted small upgrade-method'>
              {p}
            </Text>
          ))}
          {!result ? (
            <Button id='upgrade-import-apply' className='btn btn-primary btn-block' disabled={busy || writable === 0 || undefined} onClick={() => void apply()}>
              {writable === 0 ? '没有可导入的行' : `确认导入 ${writable} 行`}
            </Button>
          ) : null}
        </View>
      ) : null}
      {shown ? (
        <View id='upgrade-import-rows' className='card'>
          {shown.rows.slice(0, ROWS_SHOWN).map((r) => (
            <View key={r.row} className='upgrade-line'>
              <View className='upgrade-row-head'>
                <Text className='upgrade-name'>
                  第 {r.row} 行 · {r.enterpriseName ?? '—'} · {r.month}
                </Text>
                <Text className={r.action === 'invalid' ? 'upgrade-stage upgrade-invalid' : 'upgrade-stage'}>{IMPORT_ACTION_LABEL[r.action]}</Text>
              </View>
              {[...r.changes, ...r.errors.map((e) => e.message)].map((line) => (
                <Text key={line} className='muted small'>
                  {line}
                </Text>
              ))}
            </View>
          ))}
          {shown.rows.length > ROWS_SHOWN ? <Text className='muted small'>仅显示前 {ROWS_SHOWN} 行</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
