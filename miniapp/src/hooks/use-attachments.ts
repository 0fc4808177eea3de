import { useCallback, useRef, useState } from 'react'
import { contentTypeOfName, countProblem, fileProblem, kindOf, type AttachmentKind } from '@shared/domain/attachments'
import type { UploadTarget } from '@shared/schemas/attachment.schema'
import { requestUpload, uploadWithTicket, type LocalFile } from '../services/attachments-api'
import { asApiError } from '../services/request'

/** One file in a form: being uploaded, up, or failed (with why). */
export interface PendingFile {
  key: string
  name: string
  size: number
  kind: AttachmentKind
  /** A local path or object URL to show a photo's thumbnail before it is sent. */
  preview?: string
  status: 'uploading' | 'done' | 'failed'
  progress: number
  uploadId?: string
  error?: string
}

export interface ChosenFile {
  name: string
  size: number
  path?: string
  blob?: Blob
}

let counter = 0

/**
 * The files of one form (a new appeal, an action): each chosen file is checked against the
 * shared limits, sent straight to storage with its own upload form, and may be removed before
 * the form is submitted. `ids` are what the form sends; `busy` while something is still uploading.
 */
export function useAttachments(target: UploadTarget | null) {
  const [files, setFiles] = useState<PendingFile[]>([])
  const [error, setError] = useState('')
  const current = useRef<PendingFile[]>([])
  current.current = files

  const patch = (key: string, change: Partial<PendingFile>) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)))

  const add = useCallback(
    (chosen: readonly ChosenFile[]) => {
      setError('')
      if (!target) {
        setError('请先选择企业，再添加附件')
        return
      }
      const problems: string[] = []
      const accepted: Array<ChosenFile & { file: LocalFile; kind: AttachmentKind }> = []
      for (const c of chosen) {
        const contentType = contentTypeOfName(c.name)
        const problem = fileProblem(c, contentType)
        if (problem || !contentType) {
          problems.push(problem ?? '格式不支持')
          continue
        }
        accepted.push({ ...c, kind: kindOf(contentType), file: { name: c.name, size: c.size, contentType, path: c.path, blob: c.blob } })
      }
      const kept = current.current.filter((f) => f.status !== 'failed')
      const tooMany = countProblem([...kept.map((f) => f.kind), ...accepted.map((a) => a.kind)])
      if (tooMany) {
        setError(tooMany)
        return
      }
      if (problems.length > 0) setError(problems.join('；'))
      const added: PendingFile[] = accepted.map((a) => ({
        key: `f${++counter}`,
        name: a.name,
        size: a.size,
        kind: a.kind,
        ...(a.kind === 'image' && a.path ? { preview: a.path } : {}),
        status: 'uploading',
        progress: 0,
      }))
      setFiles((list) => [...list, ...added])
      added.forEach((pending, index) => {
        const file = accepted[index]!.file
        requestUpload(target, file)
          .then((ticket) => uploadWithTicket(ticket, file, (progress) => patch(pending.key, { progress })).then(() => ticket.id))
          .then((uploadId) => patch(pending.key, { status: 'done', progress: 100, uploadId }))
          .catch((e: unknown) => patch(pending.key, { status: 'failed', error: asApiError(e).message }))
      })
    },
    [target],
  )

  const remove = useCallback((key: string) => {
    setFiles((list) => list.filter((f) => f.key !== key))
    setError('')
  }, [])

  const reset = useCallback(() => {
    setFiles([])
    setError('')
  }, [])

  return {
    files,
    error,
    add,
    remove,
    reset,
    busy: files.some((f) => f.status === 'uploading'),
    ids: files.filter((f) => f.status === 'done' && f.uploadId).map((f) => f.uploadId as string),
    failed: files.some((f) => f.status === 'failed'),
    counts: { images: files.filter((f) => f.kind === 'image').length, documents: files.filter((f) => f.kind === 'document').length },
  }
}

export type AttachmentsState = ReturnType<typeof useAttachments>
