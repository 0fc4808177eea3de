import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { inject } from 'vitest'

/** A real Chromium (Debian's) driving the h5 build, with phone-sized sessions and screenshots. */
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'e2e')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export function browserSessions(prefix: string) {
  const h5 = inject('h5Url')
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  let shot = 0

  async function launch(): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  }

  async function close(): Promise<void> {
    for (const context of contexts) await context.close()
    await browser?.close()
  }

  /** A fresh phone: its own storage, so a new WeChat user on the local stand-in. */
  async function newPhone(label: string, size = { width: 390, height: 844 }): Promise<Page> {
    if (!browser) throw new Error('launch() first')
    const context = await browser.newContext({ viewport: size, deviceScaleFactor: 2, locale: 'zh-CN', hasTouch: true, acceptDownloads: true })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (error) => process.stderr.write(`[browser ${label}] ${error.message}\n`))
    return page
  }

  /** A phone signed in as one demo identity through the login page. */
  async function signIn(as: string, size?: { width: number; height: number }): Promise<Page> {
    const page = await newPhone(as, size)
    await page.goto(`${h5}/#/pages/login/index`)
    await page.locator(`#identity-${as.replace(':', '-')}`).click()
    await page.locator('#new-appeal, .appeal-card, .state-empty').first().waitFor()
    return page
  }

  /** Where a test artefact (screenshot, PDF, download) of this suite is written. */
  const artifact = (name: string, extension = 'png') => join(ARTIFACTS, `${prefix}-${String(++shot).padStart(2, '0')}-${name}.${extension}`)

  async function screenshot(page: Page, name: string): Promise<string> {
    const path = artifact(name)
    await page.screenshot({ path, fullPage: true })
    return path
  }

  return { h5, launch, close, newPhone, signIn, screenshot, artifact }
}
