import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { formatBytes } from '@shared/domain/attachments'
import { ORIGINAL_CONTENT_TYPE, ORIGINAL_TYPE_MESSAGE } from '@shared/domain/policy-pack'
import type { PolicyDocDetail } from '@shared/schemas/policy.schema'
import { requestUpload, uploadWithTicket, type LocalFile } from '../../../services/attachments-api'
import { actOnPolicy } from '../../../services/kit-api'
import { asApiError } from '../../../services/request'

const isCancel = (error: unknown): boolean => /cancel/i.test(String((error as { errMsg?: unknown } | null)?.errMsg ?? ''))

/** A PDF from a chat (weapp: WeChat has no general file browser); null when the user cancels. */
async function choosePdf(): Promise<LocalFile | null> {
  try {
    const [file] = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] })).tempFiles
    return file ? { name: file.name, size: file.size, path: file.path, contentType: ORIGINAL_CONTENT_TYPE } : null
  } catch (error) {
    if (isCancel(error)) return null
    throw error
  }
}

/** Opens the PDF: a new tab in the browser, WeChat's document viewer in the mini-program. */
async function openPdf(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener')
    return
  }
  const { tempFilePath } = await Taro.downloadFile({ url })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true })
}

/**
 * 政策原文 (PDF): 查看原文 for everyone who reads the policy; 上传原文 / 更换原文 for the admins who
 * keep it, with the upload's progress; a new PDF replaces the old one, and the change is kept.
 */
export function PolicyOriginal(props: { detail: PolicyDocDetail; onChanged: () => Promise<void> }) {
  const { policy, original } = props.detail
  const mayAttach = policy.actions.includes('attach-original')
  const input = useRef<HTMLInputElement | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  if (!original && !mayAttach) return null

  const attach = async (file: LocalFile | null) => {
    if (!file) return
    if (!/\.pdf$/i.test(file.name)) {
      void Taro.showToast({ title: ORIGINAL_TYPE_MESSAGE, icon: 'none' })
      return
    }
    setProgress(0)
    try {
      const ticket = await requestUpload({ kind: 'policy', id: policy.id }, file)
      await uploadWithTicket(ticket, file, setProgress)
      await actOnPolicy(policy.id, { type: 'attach-original', expectedVersion: policy.version, uploadId: ticket.id })
      await props.onChanged()
      void Taro.showToast({ title: '原文已上传', icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: asApiError(error).message, icon: 'none' })
    } finally {
      setProgress(null)
    }
  }
  const pick = () => {
    if (process.env.TARO_ENV === 'h5') input.current?.click()
    else choosePdf().then(attach, () => void Taro.showToast({ title: '无法打开文件，请稍后重试', icon: 'none' }))
  }
  const fromInput = (element: HTMLInputElement) => {
    const file = element.files?.[0]
    element.value = ''
    void attach(file ? { name: file.name, size: file.size, blob: file, contentType: ORIGINAL_CONTENT_TYPE } : null)
  }

  return (
    <View id='policy-original' className='card'>
      <Text className='section-title'>政策原文（PDF）</Text>
      {original ? (
        <View id='policy-original-open' className='me-menu-item' onClick={() => void openPdf(original.url).catch(() => Taro.showToast({ title: '无法打开原文，请稍后重试', icon: 'none' }))}>
          <Text>
            {original.fileName}（{formatBytes(original.size)}）
          </Text>
          <Text className='kit-link'>查看原文</Text>
        </View>
      ) : (
        <Text className='muted small'>尚未上传原文</Text>
      )}
      {mayAttach ? (
        <Button id='policy-original-upload' className='btn btn-outline btn-small' disabled={progress !== null} onClick={pick}>
          {progress !== null ? `上传中 ${progress}%` : original ? '更换原文 PDF' : '上传原文 PDF'}
        </Button>
      ) : null}
      {process.env.TARO_ENV === 'h5' && mayAttach ? (
        <input
          ref={input}
          id='policy-original-input'
          type='file'
          accept='.pdf,application/pdf'
          aria-label='选择政策原文 PDF'
          style={{ display: 'none' }}
          onChange={(event) => fromInput(event.currentTarget)}
        />
      ) : null}
    </View>
  )
}
