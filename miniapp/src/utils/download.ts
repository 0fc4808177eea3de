import Taro from '@tarojs/taro'

/** A download that could not be completed; the message is for people. */
export class DownloadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DownloadError'
    // The weapp build compiles classes to ES5, where subclassing Error loses the prototype.
    Object.setPrototypeOf(this, DownloadError.prototype)
  }
}

/** What the weapp does with a downloaded file, by its extension. */
export type WeappHandling = 'document' | 'image' | 'unsupported'

const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'] as const
type DocumentType = (typeof DOCUMENT_TYPES)[number]

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : ''
}

const isDocumentType = (extension: string): extension is DocumentType =>
  (DOCUMENT_TYPES as readonly string[]).indexOf(extension) >= 0

/** WeChat opens office documents and PDF in its viewer and saves images to the album; nothing else. */
export function weappHandling(fileName: string): WeappHandling {
  const extension = extensionOf(fileName)
  if (isDocumentType(extension)) return 'document'
  if (extension === 'png' || extension === 'jpg' || extension === 'jpeg') return 'image'
  return 'unsupported'
}

/**
 * h5: an anchor with `download`. The browser honours the file name for data:, blob: and
 * same-origin URLs; a cross-origin URL (the API) downloads by its Content-Disposition header.
 */
function downloadH5(url: string, fileName: string): void {
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  anchor.rel = 'noopener'
  anchor.style.display = 'none'
  document.body.appendChild(anchor)
  anchor.click()
  document.body.removeChild(anchor)
}

async function downloadWeapp(url: string, fileName: string): Promise<void> {
  const handling = weappHandling(fileName)
  if (handling === 'unsupported') throw new DownloadError('微信中无法打开此类文件，请在电脑浏览器中下载')
  let tempFilePath: string
  try {
    const result = await Taro.downloadFile({ url })
    if (result.statusCode < 200 || result.statusCode >= 300) throw new DownloadError(`下载失败（${result.statusCode}）`)
    tempFilePath = result.tempFilePath
  } catch (error) {
    if (error instanceof DownloadError) throw error
    throw new DownloadError('下载失败，请检查网络后重试')
  }
  const extension = extensionOf(fileName)
  try {
    if (isDocumentType(extension)) {
      await Taro.openDocument({ filePath: tempFilePath, fileType: extension, showMenu: true })
    } else {
      await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
    }
  } catch {
    throw new DownloadError(handling === 'image' ? '保存失败，请在设置中允许保存到相册' : '无法打开文件，请稍后重试')
  }
}

/**
 * Saves `url` (http(s) or, on h5, a data: URL) as `fileName`. On weapp an office document opens
 * in WeChat's viewer (its menu can forward or save it) and an image goes to the photo album.
 * Rejects with DownloadError.
 */
export async function download(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    downloadH5(url, fileName)
    return
  }
  if (url.indexOf('data:') === 0) throw new DownloadError('当前环境不支持保存该文件')
  await downloadWeapp(url, fileName)
}
