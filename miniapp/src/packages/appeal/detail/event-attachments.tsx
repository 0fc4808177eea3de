import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { formatBytes } from '@shared/domain/attachments'
import type { Attachment } from '@shared/schemas/attachment.schema'
import { fetchAttachmentLink } from '../../../services/attachments-api'
import { asApiError } from '../../../services/request'

/** A document opens with a fresh link: the page's links last 15 minutes. */
async function openDocument(appealId: string, attachment: Attachment): Promise<void> {
  try {
    const { url } = await fetchAttachmentLink(appealId, attachment.id)
    if (!url) return
    if (process.env.TARO_ENV === 'h5') {
      window.open(url, '_blank')
      return
    }
    Taro.showLoading({ title: '正在打开…' })
    const file = await Taro.downloadFile({ url })
    await Taro.openDocument({ filePath: file.tempFilePath, showMenu: true })
  } catch (error) {
    void Taro.showToast({ title: asApiError(error).message === '出错了，请稍后重试' ? '文件打开失败，请稍后重试' : asApiError(error).message, icon: 'none' })
  } finally {
    if (process.env.TARO_ENV !== 'h5') Taro.hideLoading()
  }
}

/** The files that came with one timeline event: photo thumbnails (tap to preview) and document rows. */
export function EventAttachments({ appealId, attachments }: { appealId: string; attachments: Attachment[] }) {
  if (attachments.length === 0) return null
  const images = attachments.filter((a) => a.kind === 'image' && a.url)
  const documents = attachments.filter((a) => a.kind === 'document')
  return (
    <View className='event-attachments'>
      {images.length > 0 ? (
        <View className='event-thumbs'>
          {images.map((image) => (
            <View key={image.id} className={image.flagged ? 'event-thumb event-thumb-flagged' : 'event-thumb'}>
              <Image
                className='event-thumb-image'
                src={image.url!}
                mode='aspectFill'
                ariaLabel={image.fileName}
                onClick={() => void Taro.previewImage({ urls: images.map((i) => i.url!), current: image.url! })}
              />
              {image.flagged ? <Text className='event-thumb-flag'>违规图片 仅管理员可见</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
      {documents.map((doc) => (
        <View key={doc.id} className='event-file' onClick={() => void openDocument(appealId, doc)}>
          <Text className='event-file-icon'>{doc.fileName.slice(doc.fileName.lastIndexOf('.') + 1).toUpperCase()}</Text>
          <Text className='event-file-name'>{doc.fileName}</Text>
          <Text className='muted small'>{formatBytes(doc.size)}</Text>
        </View>
      ))}
    </View>
  )
}
