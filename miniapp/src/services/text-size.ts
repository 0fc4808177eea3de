import Taro from '@tarojs/taro'

/*
 * 长辈模式: larger type across the whole app, chosen in 我的 and kept on the device (it outlives
 * signing out). Pages carry LARGE_TEXT_CLASS on their root element while it is on (usePageClass);
 * app.css scales the type there through CSS variables. WeChat has no element above the pages to
 * put it on; the h5 build also puts it on <body>, for what the browser draws outside the pages
 * (the tab bar).
 */
export type TextSize = 'normal' | 'large'
type Listener = (size: TextSize) => void

const STORAGE_KEY = 'qs.textSize'
export const LARGE_TEXT_CLASS = 'text-large'

function read(): TextSize {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === 'large' ? 'large' : 'normal'
  } catch {
    return 'normal'
  }
}

let current: TextSize | undefined
const listeners: Listener[] = []

function markBody(size: TextSize): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined' || !document.body) return
  document.body.classList.toggle(LARGE_TEXT_CLASS, size === 'large')
}

export function textSizeNow(): TextSize {
  if (current === undefined) {
    current = read()
    markBody(current)
  }
  return current
}

export function setTextSize(size: TextSize): void {
  current = size
  try {
    Taro.setStorageSync(STORAGE_KEY, size)
  } catch {
    // Not remembered on a device whose storage is full; the choice still holds until restart.
  }
  markBody(size)
  for (const listener of listeners.slice()) listener(size)
}

/** The class a page root adds for the current size, read once (for what renders outside a hook). */
export function textSizeClass(): string {
  return textSizeNow() === 'large' ? LARGE_TEXT_CLASS : ''
}

/** Calls `listener` with each change; returns the unsubscribe. */
export function onTextSize(listener: Listener): () => void {
  listeners.push(listener)
  return () => {
    const at = listeners.indexOf(listener)
    if (at >= 0) listeners.splice(at, 1)
  }
}
