import type { TestProject } from 'vitest/node'
import { buildWeapp } from '../../scripts/lib/weapp'
import { testBuildDir } from './ports'

/** The API base the weapp suite's build carries: a registered-looking https domain, never called. */
export const WEAPP_TEST_API_BASE = 'https://api.qinshang.example.cn'

/** The weapp suite: one release build of the mini-program (as `npm run build:weapp:release` makes it), in a folder of its own. */
export default async function setup(project: TestProject) {
  const dir = await buildWeapp({ outputRoot: testBuildDir('dist-test-weapp'), apiBase: WEAPP_TEST_API_BASE, release: true })
  project.provide('weappDir', dir)
}
