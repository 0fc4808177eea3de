import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { dirname, join, resolve } from 'node:path'
import sirv from 'sirv'
import { assertPortFree, startProcess } from './processes'

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..')

export interface H5BuildOptions {
  apiBase: string
  /** The local WeChat stand-in, which replaces wx.login in the browser build. */
  wechatStandIn: string
  /** Output folder under miniapp/ (tests build into their own). */
  outputRoot?: string
  onProgress?: (line: string) => void
}

/** Builds the h5 mini-program with the API base baked in; resolves to the output folder. */
export async function buildH5(options: H5BuildOptions): Promise<string> {
  const outputRoot = options.outputRoot ?? 'dist'
  // A tracked child in a group of its own (see processes.ts): Ctrl-C during the build stops it and its workers.
  const child = startProcess(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5', '--no-check'], {
    name: 'h5 build',
    cwd: join(ROOT, 'miniapp'),
    env: { ...process.env, NODE_ENV: 'production', TARO_APP_API_BASE: options.apiBase, TARO_APP_WECHAT_STAND_IN: options.wechatStandIn, TARO_OUTPUT_ROOT: outputRoot },
    quiet: true,
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
    for (const line of chunk.toString().split('\n')) if (line.trim()) options.onProgress?.(line.trim())
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const code = await new Promise<number | null>((resolveExit) => {
    child.once('exit', resolveExit)
    child.once('error', () => resolveExit(null))
  })
  const dir = join(ROOT, 'miniapp', outputRoot)
  if (code !== 0 || !existsSync(join(dir, 'index.html'))) throw new Error(`h5 build failed (exit ${code}):\n${output}`)
  return dir
}

/** Serves a built h5 folder; the app routes by hash, so every path is a static file. */
export async function serveStatic(dir: string, port: number): Promise<{ server: Server; url: string }> {
  await assertPortFree(port, 'h5 mini-program')
  const assets = sirv(dir, {
    single: true,
    dev: false,
    etag: true,
    gzip: false,
    // sirv's type table has no .ico: name the site icon's type rather than send none.
    setHeaders: (res, pathname) => {
      if (pathname.endsWith('.ico')) res.setHeader('Content-Type', 'image/x-icon')
    },
  })
  const server = createServer((req, res) => assets(req, res))
  await new Promise<void>((resolveListen) => server.listen(port, '127.0.0.1', resolveListen))
  return { server, url: `http://localhost:${port}` }
}
