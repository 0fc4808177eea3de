import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contrastRatio } from '../support/accessibility'

/**
 * The mini-program's stylesheets and pages, read as files: what the browser tests cannot see in
 * WeChat. Type sizes come from the type scale (never a raw small size), the scale and the palette
 * meet the accessibility thresholds, and every page carries the 长辈模式 class on its root.
 * Sizes are in the 750-px design width: 2 design px are 1 CSS px on a 375-px-wide phone.
 */
const SRC = resolve(__dirname, '..', '..', 'miniapp', 'src')

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : []
  })
}

/** The declarations of a stylesheet outside `@media print`, with their rule's selector. */
function screenDeclarations(css: string): { selector: string; property: string; value: string }[] {
  const found: { selector: string; property: string; value: string }[] = []
  const stack: string[] = []
  let buffer = ''
  for (const char of css.replace(/\/\*[\s\S]*?\*\//g, '')) {
    if (char === '{') {
      stack.push(buffer.trim())
      buffer = ''
    } else if (char === '}') {
      const selector = stack.pop() ?? ''
      if (!stack.some((s) => s.startsWith('@media print')) && !selector.startsWith('@media print')) {
        for (const line of buffer.split(';')) {
          const at = line.indexOf(':')
          if (at > 0) found.push({ selector, property: line.slice(0, at).trim(), value: line.slice(at + 1).trim() })
        }
      }
      buffer = ''
    } else if (char === ';' && stack.length === 0) {
      buffer = ''
    } else {
      buffer += char
    }
  }
  return found
}

const appCss = readFileSync(join(SRC, 'app.css'), 'utf8')
const declarations = screenDeclarations(appCss)
const variable = (selector: string, name: string): string => {
  const found = declarations.find((d) => d.selector.split(',').map((s) => s.trim()).includes(selector) && d.property === name)
  if (!found) throw new Error(`${selector} declares no ${name}`)
  return found.value
}
const px = (value: string) => Number(/^(\d+)px$/.exec(value)?.[1] ?? NaN)

describe('the type scale', () => {
  it('gives body text 16 px, secondary text 14 px, tags 12 px and taps 44 px at the standard size', () => {
    expect(px(variable('page', '--font-body')) / 2).toBeGreaterThanOrEqual(16)
    expect(px(variable('page', '--font-secondary')) / 2).toBeGreaterThanOrEqual(14)
    expect(px(variable('page', '--font-tag')) / 2).toBeGreaterThanOrEqual(12)
    expect(px(variable('page', '--tap')) / 2).toBeGreaterThanOrEqual(44)
  })

  it('raises each size in 长辈模式: body text 18 px', () => {
    for (const name of ['--font-title', '--font-heading', '--font-body', '--font-secondary', '--font-tag', '--tap']) {
      expect(px(variable('.text-large', name)), name).toBeGreaterThan(px(variable('page', name)))
    }
    expect(px(variable('.text-large', '--font-body')) / 2).toBeGreaterThanOrEqual(18)
  })

  it('is the only source of text sizes on screen: no stylesheet sets a raw size below the display sizes', () => {
    const raw = filesUnder(SRC, '.css').flatMap((file) =>
      screenDeclarations(readFileSync(file, 'utf8'))
        .filter((d) => d.property === 'font-size' && !d.value.startsWith('var(--font-') && !(px(d.value) >= 48))
        .map((d) => `${relative(SRC, file)} ${d.selector} { font-size: ${d.value} }`),
    )
    expect(raw).toEqual([])
  })
})

describe('the palette', () => {
  const muted = variable('page', '--muted')
  const accent = variable('page', '--accent')
  const accentSoft = variable('page', '--accent-soft')
  const danger = variable('page', '--danger')
  const dangerSoft = variable('page', '--danger-soft')
  const text = variable('page', '--text')
  const background = variable('page', '--bg')

  it.each([
    ['muted text on the page', muted, background],
    ['muted text on a card', muted, '#ffffff'],
    ['body text on the page', text, background],
    ['links on a card', accent, '#ffffff'],
    ['links on the page', accent, background],
    ['a primary button', '#ffffff', accent],
    ['the accent on its soft background (办理中, selected chips, info banners)', accent, accentSoft],
    ['danger on its soft background (已超期)', danger, dangerSoft],
    ['danger on a card', danger, '#ffffff'],
  ])('%s keeps 4.5:1', (_what, foreground, back) => {
    expect(contrastRatio(foreground, back)).toBeGreaterThanOrEqual(4.5)
  })

  it('every status tag and coloured chip of app.css keeps 4.5:1 between its text and its background', () => {
    const resolveColour = (value: string) => value.replace(/var\((--[\w-]+)\)/, (_m, name: string) => variable('page', name))
    const coloured = declarations.filter((d) => /^\.(status-|chip-|task-|tag-)/.test(d.selector))
    const selectors = [...new Set(coloured.map((d) => d.selector))]
    const pairs = selectors.flatMap((selector) => {
      const colour = coloured.find((d) => d.selector === selector && d.property === 'color')
      const back = coloured.find((d) => d.selector === selector && d.property === 'background')
      if (!colour || !back) return []
      const pair = { selector, colour: resolveColour(colour.value), back: resolveColour(back.value) }
      return /^#[0-9a-f]{6}$/i.test(pair.colour) && /^#[0-9a-f]{6}$/i.test(pair.back) ? [pair] : []
    })
    expect(pairs.length).toBeGreaterThanOrEqual(10)
    const weak = pairs.filter((p) => contrastRatio(p.colour, p.back) < 4.5).map((p) => `${p.selector} ${p.colour} on ${p.back}: ${contrastRatio(p.colour, p.back).toFixed(2)}`)
    expect(weak).toEqual([])
  })
})

describe('长辈模式 on every page', () => {
  // A page is a folder with index.config.ts; WeChat has no element above the pages, so each one
  // must put the class on its own root.
  const pages = filesUnder(SRC, 'index.config.ts').map((config) => config.replace(/index\.config\.ts$/, 'index.tsx'))

  it('every page reads the text size for its root', () => {
    expect(pages.length).toBeGreaterThan(20)
    const missing = pages.filter((page) => existsSync(page) && !/useTextSizeClass|textSizeClass/.test(readFileSync(page, 'utf8'))).map((page) => relative(SRC, page))
    expect(missing).toEqual([])
  })

  it('no page root is a bare .page: each carries the text-size class', () => {
    const bare = filesUnder(SRC, '.tsx').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => /className=['"]page(['" ])/.test(line))
        .map(({ index }) => `${relative(SRC, file)}:${index + 1}`),
    )
    expect(bare).toEqual([])
  })
})
