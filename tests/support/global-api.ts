import type { TestProject } from 'vitest/node'
import { TEST_PORTS, testBuildDir } from './ports'
import { startStack } from './stack'

export default async function setup(project: TestProject) {
  const stack = await startStack(TEST_PORTS.api, testBuildDir('.esbuild-test-api'))
  project.provide('apiUrl', stack.apiUrl)
  project.provide('dynamoEndpoint', stack.dynamoEndpoint)
  project.provide('wechatUrl', stack.wechatUrl)
  return stack.stop
}
