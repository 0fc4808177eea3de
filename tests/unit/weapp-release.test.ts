import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { allPages, DEV_ONLY_PAGES, MAIN_PACKAGE_BUDGET, packageSizes, releaseApiBaseProblem, releaseBuildProblems } from '../../scripts/lib/weapp'

const ROOT = resolve(__dirname, '..', '..')

describe('the release API base', () => {
  it('accepts an https domain, with or without a path', () => {
    expect(releaseApiBaseProblem('https://api.qinshang.example.cn')).toBeNull()
    expect(releaseApiBaseProblem('https://gov.example.cn/qinshang')).toBeNull()
  })

  it.each([
    [undefined, 'required'],
    ['', 'required'],
    ['api.example.cn', 'not a URL'],
    ['http://api.example.cn', 'https'],
    ['https://localhost:3000', 'this machine'],
    ['https://app.localhost', 'this machine'],
    ['https://127.0.0.1', 'IP address'],
    ['https://10.1.2.3:8443', 'IP address'],
    ['https://[::1]:3000', 'IP address'],
    ['https://api.example.cn/?stage=prod', 'plain origin'],
  ])('refuses %s', (apiBase, why) => {
    expect(releaseApiBaseProblem(apiBase)).toContain(why)
  })

  it('npm run build:weapp:release stops before building when the API base is local', () => {
    const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/build-weapp-release.ts'], {
      cwd: ROOT,
      env: { ...process.env, API_BASE: 'http://localhost:3000', TARO_APP_API_BASE: '' },
      encoding: 'utf8',
      timeout: 50_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('API_BASE must be https')
    expect(run.stdout).not.toContain('building')
  }, 60_000)
})

describe('a release build checked before upload', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qinshang-weapp-release-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }

  it('names a demo page, a local address, a missing API base and an overweight main package', () => {
    write('app.json', JSON.stringify({ pages: ['pages/index/index', ...DEV_ONLY_PAGES], subPackages: [{ root: 'packages/appeal/', pages: ['new/index'] }] }))
    write('pages/login/index.js', 'Page({})')
    write('common.js', 'var a="http://localhost:3000"')
    write('assets/big.png', Buffer.alloc(MAIN_PACKAGE_BUDGET))
    write('packages/appeal/new/index.js', 'x'.repeat(1000))
    expect(allPages(JSON.parse('{"pages":["a/b"],"subpackages":[{"root":"p/","pages":["c"]}]}'))).toEqual(['a/b', 'p/c'])
    expect(packageSizes(dir).subpackages).toEqual([{ root: 'packages/appeal', bytes: 1000 }])
    const problems = releaseBuildProblems(dir, 'https://api.example.cn')
    expect(problems).toEqual([
      'app.json lists the local-only page pages/login/index',
      'the build contains the local-only page pages/login/index.js',
      'common.js refers to a local address',
      'no script carries the API base https://api.example.cn',
      expect.stringContaining('over its 1 MB budget'),
    ])
  })

  it('finds nothing wrong with a clean one', () => {
    rmSync(dir, { recursive: true, force: true })
    write('app.json', JSON.stringify({ pages: ['pages/index/index'] }))
    write('common.js', 'var a="https://api.example.cn"')
    expect(releaseBuildProblems(dir, 'https://api.example.cn/')).toEqual([])
  })
})
