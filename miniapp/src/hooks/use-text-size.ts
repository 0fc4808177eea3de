import { useEffect, useState } from 'react'
import { LARGE_TEXT_CLASS, onTextSize, textSizeNow, type TextSize } from '../services/text-size'

/** The text size chosen in 我的 (长辈模式), kept current on every mounted page. */
export function useTextSize(): TextSize {
  const [size, setSize] = useState<TextSize>(textSizeNow)
  useEffect(() => {
    setSize(textSizeNow())
    return onTextSize(setSize)
  }, [])
  return size
}

/**
 * The class a page's root element adds for the text size ('' at the standard size): every page
 * carries it, so that 长辈模式 reaches each page in WeChat too, where nothing sits above the pages.
 */
export function useTextSizeClass(): string {
  return useTextSize() === 'large' ? LARGE_TEXT_CLASS : ''
}
