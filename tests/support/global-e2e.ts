import type { TestProject } from 'vitest/node'
import { buildH5, serveStatic } from '../../scripts/lib/h5'
import { TEST_PORTS, testBuildDir } from './ports'
import { startStack } from './stack'

/** Browser tests: the whole product as `npm start` runs it, with the h5 build pointed at it. */
export default async function setup(project: TestProject) {
  const [stack, dir] = await Promise.all([
    startStack(TEST_PORTS.e2e, testBuildDir('.esbuild-test-e2e')),
    buildH5({ apiBase: `http://localhost:${TEST_PORTS.e2e.api}`, wechatStandIn: `http://localhost:${TEST_PORTS.e2e.wechat}`, outputRoot: testBuildDir('dist-e2e') }),
  ])
  const h5 = await serveStatic(dir, TEST_PORTS.e2e.h5)
  project.provide('apiUrl', stack.apiUrl)
  project.provide('h5Url', h5.url)
  project.provide('wechatUrl', stack.wechatUrl)
  return async () => {
    h5.server.close()
    await stack.stop()
  }
}
