import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'

/*
 * WeChat's own template and style compilers, wcc (WXML) and wcsc (WXSS), as the npm package
 * `miniprogram-compiler` ships them: native executables for Linux x64, macOS and Windows — the
 * compilers WeChat DevTools runs. Called directly so that every failure carries the compiler's
 * own message (the package's wrapper returns wcsc's failures instead of throwing them).
 */

const require = createRequire(import.meta.url)
const packageDir = dirname(require.resolve('miniprogram-compiler/package.json'))
const platformDir = process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'windows' : 'linux'

function compilerPath(name: 'wcc' | 'wcsc'): string {
  const path = join(packageDir, 'bin', platformDir, process.platform === 'win32' ? `${name}.exe` : name)
  if (process.platform === 'linux' && process.arch !== 'x64') throw new Error(`WeChat's ${name} exists for Linux x64 only, not ${process.arch}`)
  // npm unpacks it without the executable bit.
  chmodSync(path, 0o755)
  return path
}

export function filesWithExtension(root: string, extension: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return filesWithExtension(root, extension, path)
    return name.endsWith(extension) ? [relative(root, path).split('\\').join('/')] : []
  })
}

export interface CompileResult {
  ok: boolean
  /** The compiler's message on failure (file:line:column: …). */
  message: string
  output: string
  version: string
}

/** Compiles every WXML and WXS file under `root` as DevTools does (custom components declared by each file's JSON). */
export function compileWxml(root: string): CompileResult {
  const wxml = filesWithExtension(root, '.wxml')
  const wxs = filesWithExtension(root, '.wxs')
  const components: string[] = []
  let withComponents = 0
  for (const file of wxml) {
    const json = join(root, file.replace(/\.wxml$/, '.json'))
    if (!existsSync(json)) continue
    const using = (require(json) as { usingComponents?: Record<string, string> }).usingComponents ?? {}
    if (!Object.keys(using).length) continue
    withComponents += 1
    components.push(file, String(Object.keys(using).length), ...Object.keys(using))
  }
  const run = spawnSync(compilerPath('wcc'), ['-d', '-cc', [withComponents, ...components].join(' '), ...wxml, ...wxs, '-gn', '$gwx'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  })
  if (run.error) throw run.error
  const output = run.stdout
  return { ok: run.status === 0, message: run.stderr.trim(), output, version: /__wcc_version__='([^']+)'/.exec(output)?.[1] ?? '' }
}

/** Compiles and lints every WXSS file under `root`; page and component styles (those with a JSON) first, as DevTools passes them. */
export function compileWxss(root: string): CompileResult {
  const files = filesWithExtension(root, '.wxss')
  const pageFiles = files.filter((file) => existsSync(join(root, file.replace(/\.wxss$/, '.json'))))
  const others = files.filter((file) => !pageFiles.includes(file))
  const run = spawnSync(compilerPath('wcsc'), ['-db', '-lc', '-pc', String(pageFiles.length), ...pageFiles, ...others], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  })
  if (run.error) throw run.error
  const output = run.stdout
  return { ok: run.status === 0, message: run.stderr.trim(), output, version: /^version=([^=]+)=/.exec(output)?.[1] ?? '' }
}

/** The style files wcsc compiled, from its `name=code=name=code…` output. */
export function compiledStyleFiles(output: string): string[] {
  return output.split('=').filter((part) => /\.wxss$/.test(part)).map((part) => part.replace(/^\.\//, ''))
}
