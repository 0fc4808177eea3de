import { useRef } from 'react'
import Taro from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES, formatBytes } from '@shared/domain/attachments'
import type { AttachmentsState, ChosenFile } from '../hooks/use-attachments'
import './attachment-picker.css'

const DOCUMENT_EXTENSIONS = Object.values(ATTACHMENT_TYPES)
  .filter((t) => t.kind === 'document')
  .flatMap((t) => [...t.extensions])
const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,.heic,.heif'
const DOCUMENT_ACCEPT = DOCUMENT_EXTENSIONS.map((e) => `.${e}`).join(',')

const isCancel = (error: unknown): boolean => /cancel/i.test(String((error as { errMsg?: unknown } | null)?.errMsg ?? ''))
const nameOfPath = (path: string) => path.slice(path.lastIndexOf('/') + 1)

/** Photos from the album or camera (weapp). */
async function choosePhotos(count: number): Promise<ChosenFile[]> {
  try {
    const result = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['original', 'compressed'] })
    return result.tempFiles.map((f) => ({ name: nameOfPath(f.tempFilePath), size: f.size, path: f.tempFilePath }))
  } catch (error) {
    if (isCancel(error)) return []
    throw error
  }
}

/** Documents from a chat (weapp: WeChat has no general file browser). */
async function chooseDocuments(count: number): Promise<ChosenFile[]> {
  try {
    const result = await Taro.chooseMessageFile({ count, type: 'file', extension: DOCUMENT_EXTENSIONS })
    return result.tempFiles.map((f) => ({ name: f.name, size: f.size, path: f.path }))
  } catch (error) {
    if (isCancel(error)) return []
    throw error
  }
}

function fromInput(input: HTMLInputElement): ChosenFile[] {
  const files = Array.from(input.files ?? []).map((file) => ({ name: file.name, size: file.size, blob: file, path: URL.createObjectURL(file) }))
  input.value = ''
  return files
}

/**
 * 添加照片 / 添加文件 and the list of what is chosen: a thumbnail or a file row, upload progress,
 * 移除 before submitting, and the reason when a file cannot go (too big, wrong type, too many).
 * On h5 the buttons open a file input; in WeChat, chooseMedia and chooseMessageFile.
 */
export function AttachmentPicker(props: { state: AttachmentsState; idPrefix: string }) {
  const { state, idPrefix } = props
  const photoInput = useRef<HTMLInputElement | null>(null)
  const documentInput = useRef<HTMLInputElement | null>(null)
  const photosLeft = ATTACHMENT_LIMITS.image.maxCount - state.counts.images
  const documentsLeft = ATTACHMENT_LIMITS.document.maxCount - state.counts.documents

  const pick = (kind: 'image' | 'document') => {
    if (process.env.TARO_ENV === 'h5') {
      ;(kind === 'image' ? photoInput : documentInput).current?.click()
      return
    }
    const left = kind === 'image' ? photosLeft : documentsLeft
    const choose = kind === 'image' ? choosePhotos : chooseDocuments
    choose(Math.max(1, left))
      .then((chosen) => chosen.length > 0 && state.add(chosen))
      .catch(() => void Taro.showToast({ title: '无法打开文件，请稍后重试', icon: 'none' }))
  }

  return (
    <View className='attach'>
      <View className='attach-actions'>
        <Button id={`${idPrefix}-add-photo`} className='btn btn-outline btn-small' onClick={() => pick('image')}>
          添加照片（{state.counts.images}/{ATTACHMENT_LIMITS.image.maxCount}）
        </Button>
        <Button id={`${idPrefix}-add-document`} className='btn btn-outline btn-small' onClick={() => pick('document')}>
          添加文件（{state.counts.documents}/{ATTACHMENT_LIMITS.document.maxCount}）
        </Button>
      </View>
      {process.env.TARO_ENV === 'h5' ? (
        <>
          <input
            id={`${idPrefix}-photo-input`}
            ref={photoInput}
            type='file'
            accept={IMAGE_ACCEPT}
            multiple
            style={{ display: 'none' }}
            onChange={(e) => state.add(fromInput(e.currentTarget))}
          />
          <input
            id={`${idPrefix}-document-input`}
            ref={documentInput}
            type='file'
            accept={DOCUMENT_ACCEPT}
            multiple
            style={{ display: 'none' }}
            onChange={(e) => state.add(fromInput(e.currentTarget))}
          />
        </>
      ) : null}
      <Text className='muted small'>
        照片最多 {ATTACHMENT_LIMITS.image.maxCount} 张、每张不超过 10 MB；PDF、Word、Excel 文件最多 {ATTACHMENT_LIMITS.document.maxCount} 个、每个不超过 20 MB
      </Text>
      {state.error ? (
        <Text id={`${idPrefix}-attach-error`} className='field-error'>
          {state.error}
        </Text>
      ) : null}
      {state.files.map((file) => (
        <View key={file.key} className={`attach-row attach-${file.status}`} id={`${idPrefix}-file-${file.key}`}>
          {file.kind === 'image' && file.preview ? <Image className='attach-thumb' src={file.preview} mode='aspectFill' /> : <Text className='attach-icon'>文件</Text>}
          <View className='attach-info'>
            <Text className='attach-name'>{file.name}</Text>
            <Text className='muted small'>
              {formatBytes(file.size)}
              {file.status === 'uploading' ? ` · 上传中 ${file.progress}%` : file.status === 'done' ? ' · 已上传' : ` · ${file.error ?? '上传失败'}`}
            </Text>
            {file.status === 'uploading' ? (
              <View className='attach-progress'>
                <View className='attach-progress-bar' style={{ width: `${file.progress}%` }} />
              </View>
            ) : null}
          </View>
          <Text className='attach-remove' onClick={() => state.remove(file.key)}>
            移除
          </Text>
        </View>
      ))}
    </View>
  )
}
