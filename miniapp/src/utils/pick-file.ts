import Taro from '@tarojs/taro'

/** A local file read into memory, ready to travel as base64 in a JSON body. */
export interface PickedFile {
  name: string
  /** Bare base64, without a `data:` prefix. */
  base64: string
  size: number
}

export interface PickFileOptions {
  /** Lower-case extensions without the dot, e.g. ['xlsx', 'csv']. */
  extensions: readonly string[]
  maxBytes: number
}

/** A file the user chose but that cannot be used; the message is for people. */
export class PickFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PickFileError'
    // The weapp build compiles classes to ES5, where subclassing Error loses the prototype.
    Object.setPrototypeOf(this, PickFileError.prototype)
  }
}

const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/** Refuses what the server would refuse anyway, before spending time reading the file. */
export function checkPickedFile(file: { name: string; size: number }, options: PickFileOptions): void {
  if (options.extensions.indexOf(extensionOf(file.name)) < 0) {
    throw new PickFileError(`只支持 ${options.extensions.map((e) => `.${e}`).join(' 或 ')} 文件`)
  }
  if (file.size === 0) throw new PickFileError('文件是空的，请重新选择')
  if (file.size > options.maxBytes) {
    throw new PickFileError(`文件大小 ${megabytes(file.size)}，超过 ${megabytes(options.maxBytes)} 的上限，请拆分后分批导入`)
  }
}

/** `data:<type>;base64,<payload>` → `<payload>`. */
export function base64FromDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',')
  return comma >= 0 ? dataUrl.slice(comma + 1) : ''
}

const isCancel = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && /cancel/i.test(String((error as { errMsg?: unknown }).errMsg ?? ''))

/* ------------------------------------------------------------------------------------------ */
/* weapp: a file from a chat (WeChat has no general file browser), read by the file system.   */

function readWeappFile(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (result) => {
        if (typeof result.data === 'string') resolve(result.data)
        else reject(new PickFileError('读取文件失败，请重新选择'))
      },
      fail: () => reject(new PickFileError('读取文件失败，请重新选择')),
    })
  })
}

async function pickWeapp(options: PickFileOptions): Promise<PickedFile | null> {
  let chosen: Taro.chooseMessageFile.ChooseFile | undefined
  try {
    const result = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...options.extensions] })
    chosen = result.tempFiles[0]
  } catch (error) {
    if (isCancel(error)) return null
    throw new PickFileError('无法打开聊天文件，请稍后重试')
  }
  if (!chosen) return null
  checkPickedFile(chosen, options)
  return { name: chosen.name, size: chosen.size, base64: await readWeappFile(chosen.path) }
}

/* ------------------------------------------------------------------------------------------ */
/* h5: one hidden <input type="file">, created on first use and kept in the document.        */
/*                                                                                            */
/* It stays attached on purpose. A headless browser (and so the end-to-end test) answers the  */
/* file dialog with an immediate `cancel`, then sets the files on the input itself            */
/* (Playwright's setInputFiles on `input[type=file]`). That `change` arrives after the pick   */
/* has already resolved null, so it goes to the listener registered with                      */
/* `onUnrequestedFile` — the roster page handles both paths the same way.                     */

type PickedListener = (file: Promise<PickedFile>) => void

let input: HTMLInputElement | null = null
let pending: { resolve: (file: Promise<PickedFile> | null) => void; options: PickFileOptions } | null = null
let unrequested: { listener: PickedListener; options: PickFileOptions } | null = null

function readBrowserFile(file: File, options: PickFileOptions): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    checkPickedFile(file, options)
    const reader = new FileReader()
    reader.onload = () => {
      const base64 = base64FromDataUrl(typeof reader.result === 'string' ? reader.result : '')
      if (base64) resolve({ name: file.name, size: file.size, base64 })
      else reject(new PickFileError('读取文件失败，请重新选择'))
    }
    reader.onerror = () => reject(new PickFileError('读取文件失败，请重新选择'))
    reader.readAsDataURL(file)
  })
}

function settle(file: File | null): void {
  const waiting = pending
  pending = null
  if (waiting) {
    waiting.resolve(file ? readBrowserFile(file, waiting.options) : null)
    return
  }
  if (file && unrequested) unrequested.listener(readBrowserFile(file, unrequested.options))
}

function ensureInput(options: PickFileOptions): HTMLInputElement {
  if (!input) {
    const element = document.createElement('input')
    element.type = 'file'
    element.setAttribute('aria-hidden', 'true')
    element.tabIndex = -1
    element.style.display = 'none'
    element.addEventListener('change', () => {
      const file = element.files?.[0] ?? null
      // Clearing lets the same file be chosen again after it has been fixed on disk.
      element.value = ''
      settle(file)
    })
    element.addEventListener('cancel', () => settle(null))
    document.body.appendChild(element)
    input = element
  }
  input.accept = options.extensions.map((e) => `.${e}`).join(',')
  return input
}

function pickH5(options: PickFileOptions): Promise<PickedFile | null> {
  const element = ensureInput(options)
  // A pick still open (its dialog never reported back) ends as a cancel.
  pending?.resolve(null)
  return new Promise<PickedFile | null>((resolve) => {
    pending = { resolve, options }
    element.click()
  })
}

/**
 * Asks the user for one local file and reads it as base64. Resolves null when the user cancels;
 * rejects with PickFileError (Chinese message) for a wrong type, an empty or oversized file.
 */
export function pickFile(options: PickFileOptions): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') return pickH5(options)
  return pickWeapp(options)
}

/**
 * h5 only: files set on the hidden input when no pick is waiting (see above). Creates the input
 * at once, so that it is in the document from the moment the page mounts. Returns the
 * unsubscribe function; the weapp build has nothing to listen to.
 */
export function onUnrequestedFile(options: PickFileOptions, listener: PickedListener): () => void {
  if (process.env.TARO_ENV !== 'h5') return () => undefined
  ensureInput(options)
  const mine = { listener, options }
  unrequested = mine
  return () => {
    if (unrequested === mine) unrequested = null
  }
}
