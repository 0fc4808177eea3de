import { mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { assertPortFree } from './processes'

/**
 * S3 on this machine: s3rver (an S3-compatible server in Node, from npm; nothing downloads),
 * run in this process with the export bucket made at start. The real SDK talks to it by path
 * (forcePathStyle), and its presigned GET links open in the browser as they would on S3: the
 * bucket answers CORS for the h5 build, which is served from another port.
 */
const require = createRequire(import.meta.url)

/** The part of s3rver's Node API used here (it ships no types). */
interface S3rverServer {
  run(): Promise<{ address: string; port: number }>
  close(): Promise<void>
}
type S3rverClass = new (options: {
  address: string
  port: number
  directory: string
  silent: boolean
  resetOnClose: boolean
  configureBuckets: { name: string; configs: string[] }[]
}) => S3rverServer

/** The bucket the functions write exports to locally (their EXPORT_BUCKET default). */
export const LOCAL_EXPORT_BUCKET = 'qinshang-direct-exports-local'

/** Any page may fetch an object it was given a link to; the download's file name is readable. */
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>Content-Disposition</ExposeHeader>
    <ExposeHeader>Content-Length</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`

export interface LocalS3Options {
  port: number
  /** Where s3rver keeps objects (it always uses a folder): under a git-ignored one. */
  directory: string
  /** Start empty and leave nothing behind (tests, and `npm start` without --persist). */
  fresh?: boolean
  bucket?: string
}

export interface LocalS3 {
  endpoint: string
  bucket: string
  close(): Promise<void>
}

export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  await assertPortFree(options.port, 'S3 (s3rver)')
  if (options.fresh) rmSync(options.directory, { recursive: true, force: true })
  mkdirSync(options.directory, { recursive: true })
  const bucket = options.bucket ?? LOCAL_EXPORT_BUCKET
  const S3rver = require('s3rver') as S3rverClass
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    directory: options.directory,
    silent: true,
    resetOnClose: options.fresh ?? false,
    configureBuckets: [{ name: bucket, configs: [CORS] }],
  })
  await server.run()
  return { endpoint: `http://127.0.0.1:${options.port}`, bucket, close: () => server.close() }
}

/**
 * The environment that points this process's function modules (the export worker runs in-process
 * under the local stream poller) and the offline API at the local S3. Set it before any function
 * module is imported: the configuration is read once.
 */
export const localS3Env = (s3: Pick<LocalS3, 'endpoint' | 'bucket'>) => ({ S3_ENDPOINT: s3.endpoint, EXPORT_BUCKET: s3.bucket })
