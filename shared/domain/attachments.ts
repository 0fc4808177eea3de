/*
 * Attachments (附件): which files an appeal may carry and how many, decided here for the server
 * and the mini-program alike. Pure.
 */

export type AttachmentKind = 'image' | 'document'

/** Per item (a new appeal, a note, an answer, supplied material, a co-handler's reply). */
export const ATTACHMENT_LIMITS: Record<AttachmentKind, { maxCount: number; maxBytes: number }> = {
  image: { maxCount: 9, maxBytes: 10 * 1024 * 1024 },
  document: { maxCount: 5, maxBytes: 20 * 1024 * 1024 },
}

/** Every file an item can carry: at most 9 images and 5 documents. */
export const ATTACHMENTS_PER_ITEM = ATTACHMENT_LIMITS.image.maxCount + ATTACHMENT_LIMITS.document.maxCount

interface FileType {
  kind: AttachmentKind
  extensions: readonly string[]
  /**
   * What the file's first bytes are recognised as (file-type's mime). The old Office formats are
   * OLE compound files: their bytes say "compound file", not which program wrote them.
   */
  sniffedAs: readonly string[]
}

export const ATTACHMENT_TYPES = {
  'image/jpeg': { kind: 'image', extensions: ['jpg', 'jpeg'], sniffedAs: ['image/jpeg'] },
  'image/png': { kind: 'image', extensions: ['png'], sniffedAs: ['image/png'] },
  'image/webp': { kind: 'image', extensions: ['webp'], sniffedAs: ['image/webp'] },
  'image/heic': { kind: 'image', extensions: ['heic', 'heif'], sniffedAs: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'] },
  'application/pdf': { kind: 'document', extensions: ['pdf'], sniffedAs: ['application/pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    kind: 'document',
    extensions: ['docx'],
    sniffedAs: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    kind: 'document',
    extensions: ['xlsx'],
    sniffedAs: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  },
  'application/msword': { kind: 'document', extensions: ['doc'], sniffedAs: ['application/x-cfb'] },
  'application/vnd.ms-excel': { kind: 'document', extensions: ['xls'], sniffedAs: ['application/x-cfb'] },
} as const satisfies Record<string, FileType>

export type AttachmentContentType = keyof typeof ATTACHMENT_TYPES
export const ATTACHMENT_CONTENT_TYPES = Object.keys(ATTACHMENT_TYPES) as [AttachmentContentType, ...AttachmentContentType[]]

export const WRONG_TYPE_MESSAGE = '仅支持 JPG、PNG、WEBP、HEIC 图片，以及 PDF、Word、Excel 文件'

export const kindOf = (contentType: AttachmentContentType): AttachmentKind => ATTACHMENT_TYPES[contentType].kind

const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

/** The type a file claims by its name's extension; undefined for any other file. */
export function contentTypeOfName(fileName: string): AttachmentContentType | undefined {
  const extension = extensionOf(fileName)
  return ATTACHMENT_CONTENT_TYPES.find((type) => (ATTACHMENT_TYPES[type].extensions as readonly string[]).includes(extension))
}

/** Whether a file's first bytes (as file-type recognised them, or nothing) are what it claims to be. */
export const bytesMatch = (declared: AttachmentContentType, sniffed: string | undefined): boolean =>
  sniffed !== undefined && (ATTACHMENT_TYPES[declared].sniffedAs as readonly string[]).includes(sniffed)

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`

/** Why one file cannot be attached (its type or size), in words for the person choosing it; undefined when it can. */
export function fileProblem(file: { name: string; size: number }, contentType: AttachmentContentType | undefined = contentTypeOfName(file.name)): string | undefined {
  if (!contentType) return `「${file.name}」的格式不支持：${WRONG_TYPE_MESSAGE}`
  const kind = kindOf(contentType)
  if (file.size <= 0) return `「${file.name}」是空文件`
  const { maxBytes } = ATTACHMENT_LIMITS[kind]
  if (file.size > maxBytes) return `「${file.name}」太大：${kind === 'image' ? '图片' : '文件'}不能超过 ${megabytes(maxBytes)}`
  return undefined
}

/** Why these files together are too many for one item; undefined when they fit. */
export function countProblem(kinds: readonly AttachmentKind[]): string | undefined {
  const images = kinds.filter((k) => k === 'image').length
  const documents = kinds.length - images
  if (images > ATTACHMENT_LIMITS.image.maxCount) return `最多上传 ${ATTACHMENT_LIMITS.image.maxCount} 张图片`
  if (documents > ATTACHMENT_LIMITS.document.maxCount) return `最多上传 ${ATTACHMENT_LIMITS.document.maxCount} 个文件`
  return undefined
}

/** A file's size as people read it: 512 B, 12.3 KB, 4.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/**
 * A planned change of an appeal that brings `count` files: the appeal counts them (附件数, for
 * the exports) and the event says how many came with it.
 */
export function withAttachments<P extends { appeal: { attachmentCount?: number }; event: { data?: Record<string, string | number | boolean | null> } }>(plan: P, count: number): P {
  if (count === 0) return plan
  return {
    ...plan,
    appeal: { ...plan.appeal, attachmentCount: (plan.appeal.attachmentCount ?? 0) + count },
    event: { ...plan.event, data: { ...plan.event.data, attachments: count } },
  }
}
