import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { INTEGRATION_WORKERS } from './tests/support/ports'

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) }

/*
 * The projects run one after another (sequence.groupOrder), each with the workers it can use on
 * two cores: unit, weapp and integration files two at a time (each integration worker has a DynamoDB
 * Local of its own, tests/support/ports.ts INTEGRATION_WORKERS); the API, browser and start
 * suites one file at a time, because their files share one running stack.
 */

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', maxWorkers: 2, sequence: { groupOrder: 0 } } },
      {
        // The release weapp build, built once (a folder of its own per offset), checked as WeChat
        // would take it: schemas, WeChat's compilers, real pages in miniprogram-simulate.
        resolve: { alias },
        test: {
          name: 'weapp',
          include: ['tests/weapp/**/*.test.ts'],
          globalSetup: ['tests/support/global-weapp.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-dynamo.ts'],
          setupFiles: ['tests/support/integration-env.ts'],
          testTimeout: 30_000,
          // Each file creates its table and seeds the demo city: seconds when the machine is idle,
          // a minute or more while other builds share its two cores.
          hookTimeout: 180_000,
          maxWorkers: INTEGRATION_WORKERS,
          sequence: { groupOrder: 2 },
        },
      },
      {
        resolve: { alias },
        test: { name: 'api', include: ['tests/api/**/*.test.ts'], globalSetup: ['tests/support/global-api.ts'], testTimeout: 60_000, hookTimeout: 120_000, maxWorkers: 1, sequence: { groupOrder: 3 } },
      },
      {
        // `npm start` itself, interrupted at each stage of its start-up: a stack of its own (moved
        // ports) per run, one start at a time, kept apart from the suites that share a stack.
        resolve: { alias },
        test: { name: 'start', include: ['tests/start/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 60_000, maxWorkers: 1, sequence: { groupOrder: 5 } },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-e2e.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
          sequence: { groupOrder: 4 },
        },
      },
    ],
  },
})
