import Taro from '@tarojs/taro'
import { attachmentSchema, uploadTicketSchema, type Attachment, type UploadTarget, type UploadTicket } from '@shared/schemas/attachment.schema'
import type { AttachmentContentType } from '@shared/domain/attachments'
import * as z from 'zod'
import { ApiError, parseResponse, request } from './request'

/*
 * Attachments: the API hands out a form for one file; the file goes straight to storage with it
 * (WeChat's uploadFile, or the browser's FormData), never through the API.
 */

/** A file chosen on the phone: a temp path (weapp) or the browser's File (h5). */
export interface LocalFile {
  name: string
  size: number
  contentType: AttachmentContentType
  path?: string
  blob?: Blob
}

export async function requestUpload(target: UploadTarget, file: LocalFile): Promise<UploadTicket> {
  const data = await request('/api/attachments/uploads', { method: 'POST', body: { target, fileName: file.name, size: file.size, contentType: file.contentType } })
  return parseResponse(z.object({ upload: uploadTicketSchema }), data).upload
}

const uploadFailed = () => new ApiError(0, 'UPLOAD_FAILED', '上传失败，请检查网络后重试')

/** Sends the file with its form; `onProgress` gets 0–100. Resolves once storage has it. */
export function uploadWithTicket(ticket: UploadTicket, file: LocalFile, onProgress: (percent: number) => void): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve, reject) => {
      const form = new FormData()
      for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value)
      form.append('file', file.blob as Blob, file.name)
      const xhr = new XMLHttpRequest()
      xhr.open('POST', ticket.url)
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
      }
      xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(uploadFailed()))
      xhr.onerror = () => reject(uploadFailed())
      xhr.send(form)
    })
  }
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: ticket.url,
      filePath: file.path ?? '',
      name: 'file',
      formData: ticket.fields,
      success: (result) => (result.statusCode >= 200 && result.statusCode < 300 ? resolve() : reject(uploadFailed())),
      fail: () => reject(uploadFailed()),
    })
    task.onProgressUpdate((update) => onProgress(update.progress))
  })
}

/** A fresh link to one of an appeal's files (links last 15 minutes). */
export async function fetchAttachmentLink(appealId: string, attachmentId: string): Promise<Attachment> {
  const data = await request(`/api/appeals/${encodeURIComponent(appealId)}/attachments/${encodeURIComponent(attachmentId)}`)
  return parseResponse(z.object({ attachment: attachmentSchema }), data).attachment
}
