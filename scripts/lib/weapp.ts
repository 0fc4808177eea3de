import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..')

/** Pages that exist only in local builds: the demo login, which a signed-out user is sent to. */
export const DEV_ONLY_PAGES = ['pages/login/index'] as const

/** WeChat's limit is 2 MB; the product promises 1 MB for the main package (what a first scan downloads). */
export const MAIN_PACKAGE_BUDGET = 1024 * 1024
export const WECHAT_MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024

export interface WeappBuildOptions {
  /** Output folder under miniapp/. */
  outputRoot: string
  apiBase: string
  /** A release build: no demo login page, no local-only code paths. */
  release: boolean
  onOutput?: (chunk: string) => void
}

/** Runs `taro build --type weapp`; resolves to the output folder, or rejects with the build's tail. */
export async function buildWeapp(options: WeappBuildOptions): Promise<string> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp', '--no-check'], {
    cwd: join(ROOT, 'miniapp'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      TARO_OUTPUT_ROOT: options.outputRoot,
      TARO_APP_API_BASE: options.apiBase,
      TARO_APP_DEV_LOGIN: options.release ? 'false' : 'true',
      TARO_APP_WECHAT_STAND_IN: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
    options.onOutput?.(chunk.toString())
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const code = await new Promise<number | null>((resolveExit) => {
    child.once('exit', resolveExit)
    child.once('error', () => resolveExit(null))
  })
  const dir = join(ROOT, 'miniapp', options.outputRoot)
  if (code !== 0 || !existsSync(join(dir, 'app.json'))) throw new Error(`weapp build failed (exit ${code}):\n${output}`)
  return dir
}

/** Why an API base cannot go into a release build (WeChat calls only https domains it has registered), or null. */
export function releaseApiBaseProblem(apiBase: string | undefined): string | null {
  if (!apiBase) return 'API_BASE is required, e.g. API_BASE=https://api.example.gov.cn'
  let url: URL
  try {
    url = new URL(apiBase)
  } catch {
    return `API_BASE is not a URL: ${apiBase}`
  }
  if (url.protocol !== 'https:') return `API_BASE must be https (WeChat refuses other schemes): ${apiBase}`
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return `API_BASE points at this machine: ${apiBase}`
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':')) return `API_BASE must be a domain name, not an IP address (WeChat registers domains): ${apiBase}`
  if (url.search || url.hash || url.username) return `API_BASE must be a plain origin and path: ${apiBase}`
  return null
}

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  sitemapLocation?: string
  lazyCodeLoading?: string
  [key: string]: unknown
}

export const readAppJson = (dir: string): AppJson => JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson

/** Every page path of the build: main package and subpackages. */
export function allPages(app: AppJson): string[] {
  const subpackages = app.subPackages ?? app.subpackages ?? []
  return [...app.pages, ...subpackages.flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/$/, '')}/${page}`))]
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

function folderSize(dir: string, skip: (path: string) => boolean = () => false): number {
  let total = 0
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (skip(path)) continue
    total += statSync(path).isDirectory() ? folderSize(path, skip) : statSync(path).size
  }
  return total
}

/** Bytes of the main package (everything outside the subpackage roots) and of each subpackage. */
export function packageSizes(dir: string): { main: number; subpackages: { root: string; bytes: number }[] } {
  const app = readAppJson(dir)
  const roots = (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/$/, ''))
  const rootPaths = roots.map((root) => join(dir, root))
  return {
    main: folderSize(dir, (path) => rootPaths.includes(path)),
    subpackages: roots.map((root) => ({ root, bytes: folderSize(join(dir, root)) })),
  }
}

/** What is wrong with a build meant for release: demo pages shipped, a local API baked in, the budget overrun. */
export function releaseBuildProblems(dir: string, apiBase: string): string[] {
  const problems: string[] = []
  const pages = allPages(readAppJson(dir))
  for (const page of DEV_ONLY_PAGES) if (pages.includes(page)) problems.push(`app.json lists the local-only page ${page}`)
  for (const page of DEV_ONLY_PAGES) if (existsSync(join(dir, `${page}.js`))) problems.push(`the build contains the local-only page ${page}.js`)
  const scripts = filesUnder(dir).filter((file) => file.endsWith('.js'))
  for (const file of scripts) {
    const code = readFileSync(file, 'utf8')
    if (/\/\/(localhost|127\.0\.0\.1)[:/]/.test(code)) problems.push(`${file.slice(dir.length + 1)} refers to a local address`)
  }
  if (!scripts.some((file) => readFileSync(file, 'utf8').includes(apiBase.replace(/\/+$/, '')))) problems.push(`no script carries the API base ${apiBase}`)
  const { main } = packageSizes(dir)
  if (main > MAIN_PACKAGE_BUDGET) problems.push(`the main package is ${(main / 1024).toFixed(1)} KB, over its 1 MB budget`)
  return problems
}
