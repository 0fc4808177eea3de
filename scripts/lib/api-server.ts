import { dirname, join, resolve } from 'node:path'
import { assertPortFree, startProcess, waitFor } from './processes'

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..')

export interface ApiServerOptions {
  port: number
  lambdaPort: number
  dynamoEndpoint: string
  /** serverless-esbuild's build folder; give each concurrent server its own. */
  buildFolder?: string
  /** The WeChat server the API talks to (the local stand-in). */
  wechatApiBase: string
  /** Where the h5 mini-program is served: local card codes point at its card page. */
  h5BaseUrl: string
}

/**
 * Runs the HTTP API exactly as serverless.yml declares it, through the Serverless Framework's
 * offline mode (osls + serverless-offline + serverless-esbuild), on the local stage.
 */
export async function startApiServer(options: ApiServerOptions) {
  await assertPortFree(options.port, 'API')
  await assertPortFree(options.lambdaPort, 'offline Lambda endpoint')
  // Started directly, not through npx: killing npx would leave the server holding its ports.
  const child = startProcess(join(ROOT, 'node_modules', '.bin', 'osls'), ['offline', 'start', '--stage', 'local'], {
    name: 'api',
    cwd: ROOT,
    quiet: true,
    env: {
      ...process.env,
      API_PORT: String(options.port),
      LAMBDA_PORT: String(options.lambdaPort),
      DYNAMODB_ENDPOINT: options.dynamoEndpoint,
      WECHAT_API_BASE: options.wechatApiBase,
      H5_BASE_URL: options.h5BaseUrl,
      ...(options.buildFolder ? { ESBUILD_WORK_FOLDER: options.buildFolder } : {}),
      // The offline mode prints every request; keep the local terminal readable.
      SLS_TELEMETRY_DISABLED: '1',
    },
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)))
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)))
  const url = `http://127.0.0.1:${options.port}`
  try {
    await waitFor(
      'API (serverless offline)',
      async () => {
        try {
          return (await fetch(`${url}/api/openapi.json`)).ok
        } catch {
          return false
        }
      },
      // Offline compiles every route's handler before it answers; each feature adds routes, and a
      // busy machine (two stacks building at once) takes minutes.
      240_000,
      child,
    )
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- offline output ---\n${output}`)
  }
  return { child, url, output: () => output }
}
