import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { asApiError } from '../services/request'
import { download, DownloadError } from '../utils/download'
import { onUnrequestedFile, pickFile, PickFileError, type PickedFile, type PickFileOptions } from '../utils/pick-file'
import './xlsx-import.css'

/** One row of a check or an import as the page lists it. */
export interface XlsxImportRow {
  key: string
  label: string
  /** 新增, 更新, 重复, 有误… */
  status: string
  invalid: boolean
  lines: string[]
}

interface ImportResult {
  applied: boolean
  fileProblems: string[]
}

export interface XlsxImportProps<R extends ImportResult> {
  /** Prefixes the element ids, e.g. upgrade-import → upgrade-import-pick. */
  idPrefix: string
  file: PickFileOptions
  template: { url: string; fileName: string; label: string }
  /** What a row of the file holds, shown under 下载模板. */
  columnsHint: string
  run: (body: { fileName: string; contentBase64: string; dryRun: boolean }) => Promise<R>
  summary: (result: R) => string
  /** How many rows of a check the import would write. */
  writable: (preview: R) => number
  rows: (result: R) => XlsxImportRow[]
}

const ROWS_SHOWN = 300

type Phase = 'idle' | 'checking' | 'preview' | 'applying' | 'applied'

/**
 * An admin's XLSX import in three steps: download the template; choose a filled-in file (checked
 * at once, nothing written); review each row with its reason, then 确认导入 writes the valid rows.
 * In WeChat the file comes from a chat (there is no general file browser).
 */
export function XlsxImport<R extends ImportResult>(props: XlsxImportProps<R>) {
  const { idPrefix } = props
  const [phase, setPhase] = useState<Phase>('idle')
  const [file, setFile] = useState<PickedFile | null>(null)
  const [preview, setPreview] = useState<R | null>(null)
  const [result, setResult] = useState<R | null>(null)
  const [error, setError] = useState<string | null>(null)
  const busy = phase === 'checking' || phase === 'applying'
  const busyRef = useRef(busy)
  busyRef.current = busy
  const run = useRef(props.run)
  run.current = props.run
  const megabytes = Math.round(props.file.maxBytes / (1024 * 1024))

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
      setPreview(await run.current({ fileName: picked.name, contentBase64: picked.base64, dryRun: true }))
      setPhase('preview')
    } catch (e) {
      setError(asApiError(e).message)
      setPhase('idle')
    }
  }, [])

  useEffect(() => onUnrequestedFile(props.file, (picking) => void check(picking)), [props.file, check])

  const apply = async () => {
    if (busyRef.current || !file || !preview) return
    setError(null)
    setPhase('applying')
    try {
      const applied = await run.current({ fileName: file.name, contentBase64: file.base64, dryRun: false })
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
      await download(props.template.url, props.template.fileName)
    } catch (e) {
      void Taro.showToast({ title: e instanceof DownloadError ? e.message : '下载失败，请稍后重试', icon: 'none', duration: 3000 })
    }
  }

  const shown = result ?? preview
  const writable = preview ? props.writable(preview) : 0
  const rows = shown ? props.rows(shown) : []
  return (
    <View>
      <View className='card'>
        <Text className='section-title'>1. 下载模板</Text>
        <Text className='muted small xlsx-import-hint'>{props.columnsHint}</Text>
        <Button id={`${idPrefix}-template`} className='btn btn-outline btn-small' onClick={() => void fetchTemplate()}>
          {props.template.label}
        </Button>
      </View>
      <View className='card'>
        <Text className='section-title'>2. 选择文件</Text>
        {file ? <Text id={`${idPrefix}-file`}>{file.name}</Text> : null}
        <Text className='muted small xlsx-import-hint'>
          {process.env.TARO_ENV === 'h5'
            ? `仅支持 .xlsx，不超过 ${megabytes} MB。选择后立即校验，校验不写入任何数据。`
            : `请先把文件发到微信聊天中，再从聊天记录选择（.xlsx，不超过 ${megabytes} MB）。选择后立即校验，不写入任何数据。`}
        </Text>
        <Button id={`${idPrefix}-pick`} className='btn btn-primary btn-block' disabled={busy || undefined} onClick={() => void check(pickFile(props.file))}>
          {file ? '重新选择' : '选择文件'}
        </Button>
      </View>
      {busy ? <Text className='banner'>{phase === 'checking' ? '正在校验…' : '正在导入…'}</Text> : null}
      {error ? (
        <Text id={`${idPrefix}-error`} className='banner banner-error'>
          {error}
        </Text>
      ) : null}
      {shown ? (
        <View id={`${idPrefix}-summary`} className='card'>
          <Text className='section-title'>{result ? '3. 导入结果' : '3. 校验结果'}</Text>
          <Text>{props.summary(shown)}</Text>
          {shown.fileProblems.map((p) => (
            <Text key={p} className='muted small xlsx-import-hint'>
              {p}
            </Text>
          ))}
          {!result ? (
            <Button id={`${idPrefix}-apply`} className='btn btn-primary btn-block' disabled={busy || writable === 0 || undefined} onClick={() => void apply()}>
              {writable === 0 ? '没有可导入的行' : `确认导入 ${writable} 行`}
            </Button>
          ) : null}
        </View>
      ) : null}
      {shown ? (
        <View id={`${idPrefix}-rows`} className='card'>
          {rows.slice(0, ROWS_SHOWN).map((r) => (
            <View key={r.key} className='xlsx-import-row'>
              <View className='xlsx-import-row-head'>
                <Text className='xlsx-import-label'>{r.label}</Text>
                <Text className={r.invalid ? 'xlsx-import-status xlsx-import-invalid' : 'xlsx-import-status'}>{r.status}</Text>
              </View>
              {r.lines.map((line) => (
                <Text key={line} className='muted small'>
                  {line}
                </Text>
              ))}
            </View>
          ))}
          {rows.length > ROWS_SHOWN ? <Text className='muted small'>仅显示前 {ROWS_SHOWN} 行</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
