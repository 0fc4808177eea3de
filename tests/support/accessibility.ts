import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/**
 * What the browser tests measure for accessibility (适老化): axe-core's violations on the page
 * shown, the rendered size of every visible piece of text, and the size of everything a finger
 * can tap.
 */
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** The thresholds, in CSS px as rendered on a 375-px-wide phone. */
export const THRESHOLDS = {
  normal: { body: 16, secondary: 14, tag: 12 },
  large: { body: 18, secondary: 16, tag: 14 },
  tap: 44,
} as const

export interface AxeFinding {
  id: string
  impact: string
  help: string
  targets: string[]
}

/*
 * The code run in the page is kept as text: this project's TypeScript has no DOM types, and these
 * functions only ever run in the browser.
 */
const AXE_RUN = `async () => {
  const run = await window.axe.run(document, { resultTypes: ['violations'] })
  return run.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }))
}`

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ path: AXE_SCRIPT })
  const results = (await page.evaluate(`(${AXE_RUN})()`)) as AxeFinding[]
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** Text kinds, by the classes the stylesheets give them: everything else is body text. */
export const TAG_SELECTOR = ['.status-tag', '.chip-static', '.tag-internal', '.bell-badge', '.counter', '.staff-status'].join(', ')
export const SECONDARY_SELECTOR = [
  // shared: meta lines, deadlines, messages under fields, list ends, the bell's and the tab bar's labels
  '.muted, .small, .deadline, .deadline-paused, .field-error, .list-foot, .bell-label, .weui-tabbar__label',
  // page labels that stand beside body text: a day in the inbox, a group of logins, a card's kicker
  '.inbox-day-label, .inbox-unread, .inbox-item-open, .login-group-title, .identity-role, .card-kicker, .card-privacy',
  // the report pages' figure labels and tables
  '.report-picker-key, .report-figure-label, .report-figure-aside, .report-figure-ratio, .report-figure-definition, .monthly-asof, .monthly-note, .rtable-cell',
].join(', ')

export interface TextSample {
  kind: 'body' | 'secondary' | 'tag'
  size: number
  text: string
  where: string
}

const DESCRIBE = `(el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '')`

const TEXT_SAMPLES = `({ tag, secondary }) => {
  const describe = ${DESCRIBE}
  const samples = []
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('[aria-hidden=true], .sr-only, script, style, canvas, svg')) continue
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent || '').join('').trim()
    if (!own) continue
    const box = el.getBoundingClientRect()
    const style = getComputedStyle(el)
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0) continue
    const kind = el.closest(tag) ? 'tag' : el.closest(secondary) ? 'secondary' : 'body'
    samples.push({ kind, size: parseFloat(style.fontSize), text: own.slice(0, 24), where: describe(el) })
  }
  return samples
}`

/** Every visible element with text of its own on the page shown, its computed font size and kind. */
export async function textSamples(page: Page): Promise<TextSample[]> {
  return (await page.evaluate(`(${TEXT_SAMPLES})(${JSON.stringify({ tag: TAG_SELECTOR, secondary: SECONDARY_SELECTOR })})`)) as TextSample[]
}

export interface TapTarget {
  width: number
  height: number
  text: string
  where: string
}

const TAP_TARGETS = `() => {
  const describe = ${DESCRIBE}
  const clickable = (el) => {
    const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'))
    return Boolean(key && el[key] && el[key].onClick)
  }
  const targets = []
  for (const el of document.querySelectorAll('body *')) {
    if (!el.matches('taro-button-core, a[href], .weui-tabbar__item, taro-input-core, taro-textarea-core') && !clickable(el)) continue
    const box = el.getBoundingClientRect()
    const style = getComputedStyle(el)
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue
    targets.push({ width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10, text: (el.textContent || '').trim().slice(0, 20), where: describe(el) })
  }
  return targets
}`

/**
 * Everything that can be tapped on the page shown — elements with a click handler (React's props
 * on the element), buttons, links, text boxes and the tab bar's items — with its size.
 */
export async function tapTargets(page: Page): Promise<TapTarget[]> {
  return (await page.evaluate(`(${TAP_TARGETS})()`)) as TapTarget[]
}

const VISIBLE = `(el) => {
  const box = el.getBoundingClientRect()
  const style = getComputedStyle(el)
  return box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
}`

/** The computed font size, in CSS px, of the first visible element matching `selector`. */
export async function fontSizeOf(page: Page, selector: string): Promise<number> {
  const size = await page.evaluate(`(() => {
    const el = Array.from(document.querySelectorAll(${JSON.stringify(selector)})).find(${VISIBLE})
    return el ? parseFloat(getComputedStyle(el).fontSize) : null
  })()`)
  if (typeof size !== 'number') throw new Error(`nothing visible matches ${selector}`)
  return size
}

/** The rendered heights of the visible elements matching `selector`. */
export async function heightsOf(page: Page, selector: string): Promise<number[]> {
  return (await page.evaluate(`Array.from(document.querySelectorAll(${JSON.stringify(selector)})).filter(${VISIBLE}).map((el) => el.getBoundingClientRect().height)`)) as number[]
}

/** The WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(foreground: string, background: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a)
  return (light! + 0.05) / (dark! + 0.05)
}

/** Waits until the page shown has finished loading: no spinner, and the network quiet. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
  await page.locator('.state-loading:visible').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined)
  await page.waitForTimeout(300)
}
