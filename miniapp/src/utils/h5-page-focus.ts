/**
 * h5 only: each page of Taro's router is a scrolling <div class="taro_page">, and Taro's buttons
 * and views are not keyboard-focusable, so a keyboard (or switch-access) user could not scroll a
 * long page. Making every page container focusable lets them (WCAG 2.1.1). WeChat scrolls pages
 * itself; nothing to do there.
 */
export function focusablePages(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
  const mark = () => {
    for (const page of Array.from(document.querySelectorAll('.taro_page:not([tabindex])'))) page.setAttribute('tabindex', '0')
  }
  mark()
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true })
}
