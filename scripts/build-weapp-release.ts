/**
 * `API_BASE=https://api.example.gov.cn npm run build:weapp:release`: the mini-program as it is
 * uploaded to WeChat. Refuses an API base WeChat would not call (http, localhost, an IP address),
 * leaves the local demo pages out, and checks the result before saying where it is:
 * no local-only page, no local address in the code, the main package within its 1 MB budget.
 * `npm run build:weapp` stays the local build (API at http://localhost:3000, demo login).
 */
import { relative } from 'node:path'
import { buildWeapp, MAIN_PACKAGE_BUDGET, packageSizes, releaseApiBaseProblem, releaseBuildProblems } from './lib/weapp'

async function main(): Promise<void> {
  const apiBase = (process.env.API_BASE ?? process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '')
  const problem = releaseApiBaseProblem(apiBase)
  if (problem) throw new Error(problem)
  const outputRoot = process.env.TARO_OUTPUT_ROOT ?? 'dist'
  process.stdout.write(`building the release mini-program against ${apiBase} into miniapp/${outputRoot} …\n`)
  const dir = await buildWeapp({ outputRoot, apiBase, release: true })
  const problems = releaseBuildProblems(dir, apiBase)
  if (problems.length) throw new Error(`the release build is not fit to upload:\n  ${problems.join('\n  ')}`)
  const { main: mainBytes } = packageSizes(dir)
  const host = new URL(apiBase).host
  process.stdout.write(
    [
      `release build ready: ${relative(process.cwd(), dir)} (main package ${(mainBytes / 1024).toFixed(1)} KB of ${MAIN_PACKAGE_BUDGET / 1024} KB)`,
      'register in the mini-program console (开发管理 → 开发设置 → 服务器域名):',
      `  request 合法域名:      https://${host}`,
      `  downloadFile 合法域名: https://${host}, the export and the attachment bucket's hosts (https://<ExportBucket>.s3.<region>.amazonaws.com.cn, https://<AttachmentBucket>.s3.<region>.amazonaws.com.cn)`,
      `  uploadFile 合法域名:   the attachment bucket's host (https://<AttachmentBucket>.s3.<region>.amazonaws.com.cn)`,
      'then upload it with WeChat DevTools.',
      '',
    ].join('\n'),
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`build:weapp:release failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
