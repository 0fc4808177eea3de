import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { ROSTER_FILE_MAX_BYTES, type RosterImportResult } from '@shared/schemas/roster.schema'
import { importRoster } from '../../../services/admin-api'
import { asApiError } from '../../../services/request'
import { onUnrequestedFile, pickFile, PickFileError, type PickedFile, type PickFileOptions } from '../../../utils/pick-file'
import { canApply, fileFieldError } from './roster-view'

const ROSTER_FILE: PickFileOptions = { extensions: ['xlsx', 'csv'], maxBytes: ROSTER_FILE_MAX_BYTES }

/**
 * idle → (file chosen) checking → preview → applying → applied. A chosen file is always checked
 * at once (dryRun); only a clean check may be applied, with the very same file content.
 */
export type RosterPhase = 'idle' | 'checking' | 'preview' | 'applying' | 'applied'

export interface RosterImport {
  phase: RosterPhase
  file: PickedFile | null
  /** The dry run of `file`. */
  preview: RosterImportResult | null
  /** The answer to 确认导入. */
  result: RosterImportResult | null
  /** Beside the file field: wrong type, too large, or the API's fileName/contentBase64. */
  fileError: string | null
  /** Anything else that went wrong, in a banner. */
  error: string | null
  /** Seconds since the current check or import started, for the progress line. */
  elapsed: number
  busy: boolean
  choose: () => void
  apply: () => Promise<void>
}

export function useRosterImport(): RosterImport {
  const [phase, setPhase] = useState<RosterPhase>('idle')
  const [file, setFile] = useState<PickedFile | null>(null)
  const [preview, setPreview] = useState<RosterImportResult | null>(null)
  const [result, setResult] = useState<RosterImportResult | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [elapsed, setElapsed] = useState(0)
  // Each chosen file bumps the generation: answers about an older file are dropped.
  const generation = useRef(0)
  const busy = phase === 'checking' || phase === 'applying'
  const busyRef = useRef(busy)
  busyRef.current = busy

  useEffect(() => {
    if (!busy) return
    setElapsed(0)
    const started = Date.now()
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000)
    return () => clearInterval(timer)
  }, [busy])

  const check = useCallback(async (picking: Promise<PickedFile | null>) => {
    let picked: PickedFile | null
    try {
      picked = await picking
    } catch (e) {
      setFileError(e instanceof PickFileError ? e.message : '读取文件失败，请重新选择')
      return
    }
    if (!picked) return
    if (busyRef.current) return
    const mine = ++generation.current
    setFile(picked)
    setPreview(null)
    setResult(null)
    setFileError(null)
    setError(null)
    setPhase('checking')
    try {
      const checked = await importRoster({ fileName: picked.name, contentBase64: picked.base64, dryRun: true })
      if (mine !== generation.current) return
      setPreview(checked)
      setPhase('preview')
    } catch (e) {
      if (mine !== generation.current) return
      const apiError = asApiError(e)
      const onFile = fileFieldError(apiError.fields)
      if (onFile) setFileError(onFile)
      else setError(apiError.message)
      setPhase('idle')
    }
  }, [])

  // h5: a file set on the hidden input without a waiting pick (see utils/pick-file.ts).
  useEffect(() => onUnrequestedFile(ROSTER_FILE, (picking) => void check(picking)), [check])

  const choose = useCallback(() => {
    if (busyRef.current) return
    // Called straight from the tap: the browser opens a file dialog only inside a user gesture.
    void check(pickFile(ROSTER_FILE))
  }, [check])

  const apply = useCallback(async () => {
    if (busyRef.current || !file || !canApply(preview)) return
    const mine = generation.current
    setError(null)
    setPhase('applying')
    try {
      const applied = await importRoster({ fileName: file.name, contentBase64: file.base64, dryRun: false })
      if (mine !== generation.current) return
      setResult(applied)
      setPhase('applied')
      if (applied.applied) void Taro.showToast({ title: '导入完成', icon: 'success' })
    } catch (e) {
      if (mine !== generation.current) return
      const apiError = asApiError(e)
      setError(fileFieldError(apiError.fields) ?? apiError.message)
      setPhase('preview')
    }
  }, [file, preview])

  return { phase, file, preview, result, fileError, error, elapsed, busy, choose, apply }
}
