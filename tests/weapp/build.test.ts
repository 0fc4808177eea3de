import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import Ajv from 'ajv'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { allPages, DEV_ONLY_PAGES, MAIN_PACKAGE_BUDGET, packageSizes, readAppJson, releaseBuildProblems, WECHAT_MAIN_PACKAGE_LIMIT } from '../../scripts/lib/weapp'
import { WEAPP_TEST_API_BASE } from '../support/global-weapp'
import { compiledStyleFiles, compileWxml, compileWxss, filesWithExtension } from './support/wechat-compilers'

/*
 * The release build as WeChat DevTools would take it, checked without WeChat: app.json, every
 * page's JSON and sitemap.json against the JSON schemas of WeChat's miniprogram-ci
 * (tests/weapp/schemas), every WXML and WXSS file through WeChat's own compilers, every script
 * parsed as ES5 (the project uploads with es6: false), the package sizes against their budgets.
 */

const require = createRequire(import.meta.url)
const dir = inject('weappDir')
const app = readAppJson(dir)
const readJson = (path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<string, unknown>

const ajv = new Ajv({ strict: false, allErrors: true })
const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(join(__dirname, 'schemas', `${name}.schema.json`), 'utf8')) as object)
const appSchema = schema('app')
const pageSchema = schema('page')
const sitemapSchema = schema('sitemap')

describe('app.json and page JSON against WeChat’s schemas', () => {
  it('app.json is valid (unknown keys included: WeChat ignores them silently)', () => {
    expect(appSchema(app), JSON.stringify(appSchema.errors)).toBe(true)
  })

  it('the schemas do refuse what WeChat refuses (the check can fail)', () => {
    expect(appSchema({ ...app, lazyCodeLoading: 1 })).toBe(false)
    expect(appSchema({ ...app, windowz: {} })).toBe(false)
    expect(pageSchema({ navigationBarTitleText: 1 })).toBe(false)
    expect(sitemapSchema({ rules: [{ action: 'index', page: '*' }] })).toBe(false)
  })

  it('every page and component JSON is valid', () => {
    const jsonFiles = filesWithExtension(dir, '.json').filter((file) => !['app.json', 'project.config.json', 'sitemap.json'].includes(file))
    expect(jsonFiles.length).toBeGreaterThan(allPages(app).length)
    for (const file of jsonFiles) expect(pageSchema(readJson(file)), `${file}: ${JSON.stringify(pageSchema.errors)}`).toBe(true)
  })

  it('every page has its four files and every used component resolves', () => {
    for (const page of allPages(app)) {
      for (const extension of ['js', 'json', 'wxml', 'wxss']) expect(existsSync(join(dir, `${page}.${extension}`)), `${page}.${extension}`).toBe(true)
      const using = (readJson(`${page}.json`).usingComponents ?? {}) as Record<string, string>
      for (const [name, path] of Object.entries(using)) {
        const target = path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(page), path)
        expect(existsSync(join(dir, `${target}.js`)) && existsSync(join(dir, `${target}.json`)), `${page} uses ${name} → ${target}`).toBe(true)
      }
    }
  })

  it('tab pages are in the main package; only the card page and the tabs sit there', () => {
    const tabs = ((app.tabBar as { list: { pagePath: string }[] }).list ?? []).map((tab) => tab.pagePath)
    for (const tab of tabs) expect(app.pages).toContain(tab)
    expect([...app.pages].sort()).toEqual(['pages/card/index', 'pages/index/index', 'pages/me/index'])
  })

  it('lazy component injection and a sitemap that indexes the public pages alone', () => {
    expect(app.lazyCodeLoading).toBe('requiredComponents')
    expect(app.sitemapLocation).toBe('sitemap.json')
    const sitemap = readJson('sitemap.json')
    expect(sitemapSchema(sitemap), JSON.stringify(sitemapSchema.errors)).toBe(true)
    expect(sitemap.rules).toEqual([
      { action: 'allow', page: 'pages/card/index' },
      { action: 'allow', page: 'packages/account/privacy/index' },
      { action: 'disallow', page: '*' },
    ])
    for (const rule of sitemap.rules as { action: string; page: string }[]) if (rule.page !== '*') expect(allPages(app)).toContain(rule.page)
  })
})

describe('the release build', () => {
  it('carries no demo page, no local address, and the API base it was given', () => {
    for (const page of DEV_ONLY_PAGES) expect(allPages(app)).not.toContain(page)
    expect(releaseBuildProblems(dir, WEAPP_TEST_API_BASE)).toEqual([])
  })

  it('keeps the main package within 1 MB and each subpackage within WeChat’s 2 MB', () => {
    const sizes = packageSizes(dir)
    expect(sizes.main).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET)
    for (const sub of sizes.subpackages) expect(sub.bytes, sub.root).toBeLessThanOrEqual(WECHAT_MAIN_PACKAGE_LIMIT)
    expect(sizes.main + sizes.subpackages.reduce((sum, sub) => sum + sub.bytes, 0)).toBeLessThanOrEqual(20 * 1024 * 1024)
  })

  it('every script is ES5, as WeChat runs it with es6 off', () => {
    const acorn = require('acorn') as { parse: (code: string, options: { ecmaVersion: 5 }) => unknown }
    const scripts = filesWithExtension(dir, '.js')
    expect(scripts.length).toBeGreaterThan(allPages(app).length)
    for (const file of scripts) expect(() => acorn.parse(readFileSync(join(dir, file), 'utf8'), { ecmaVersion: 5 }), file).not.toThrow()
    expect(() => acorn.parse('var f = () => 1', { ecmaVersion: 5 })).toThrow()
  })
})

describe('WeChat’s compilers (wcc, wcsc from miniprogram-compiler)', () => {
  const broken = mkdtempSync(join(tmpdir(), 'qinshang-weapp-broken-'))
  afterAll(() => rmSync(broken, { recursive: true, force: true }))

  it('compile every WXML and WXS file of the build', () => {
    const result = compileWxml(dir)
    expect(result.message).toBe('')
    expect(result.ok).toBe(true)
    expect(result.version).toMatch(/^v0\./)
    // Every page's template is in the compiled bundle.
    for (const page of allPages(app)) expect(result.output, page).toContain(`${page}.wxml`)
  })

  it('compile and lint every WXSS file of the build', () => {
    const result = compileWxss(dir)
    expect(result.message).toBe('')
    expect(result.ok).toBe(true)
    const compiled = compiledStyleFiles(result.output)
    for (const page of allPages(app)) expect(compiled, page).toContain(`${page}.wxss`)
    expect(compiled).toContain('app.wxss')
  })

  it('refuse a broken template and a broken style sheet (the check can fail)', () => {
    cpSync(dir, broken, { recursive: true })
    const card = join(broken, 'pages', 'card', 'index')
    writeFileSync(`${card}.wxml`, '<view><text>{{x}</view>')
    expect(compileWxml(broken).ok).toBe(false)
    copyFileSync(join(dir, 'pages', 'card', 'index.wxml'), `${card}.wxml`)
    expect(compileWxml(broken).ok).toBe(true)
    writeFileSync(`${card}.wxss`, '.card { color: red')
    const styles = compileWxss(broken)
    expect(styles.ok).toBe(false)
    expect(styles.message).toContain('pages/card/index.wxss')
  })
})
