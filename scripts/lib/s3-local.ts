import { mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Readable } from 'node:stream'
import type { IncomingMessage } from 'node:http'
import { assertPortFree } from './processes'
import { checkPostPolicy, parseMultipart } from './s3-post-policy'

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
  /** s3rver is a Koa application: its middleware, composed when it starts listening. */
  middleware: KoaMiddleware[]
}
interface KoaContext {
  method: string
  path: string
  req: IncomingMessage
  status: number
  type: string
  body: unknown
  get(header: string): string
}
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>
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

/** The bucket of appeals' attachments locally (the functions' ATTACHMENT_BUCKET default). */
export const LOCAL_ATTACHMENT_BUCKET = 'qinshang-direct-attachments-local'

/** Pages post upload forms to the attachment bucket and fetch its links. */
const ATTACHMENT_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>Content-Disposition</ExposeHeader>
    <ExposeHeader>Content-Length</ExposeHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`

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
    configureBuckets: [
      { name: bucket, configs: [CORS] },
      { name: LOCAL_ATTACHMENT_BUCKET, configs: [ATTACHMENT_CORS] },
    ],
  })
  server.middleware.unshift(enforcePostPolicy)
  await server.run()
  return { endpoint: `http://127.0.0.1:${options.port}`, bucket, close: () => server.close() }
}

/**
 * The environment that points this process's function modules (the export worker runs in-process
 * under the local stream poller) and the offline API at the local S3. Set it before any function
 * module is imported: the configuration is read once.
 */
export const localS3Env = (s3: Pick<LocalS3, 'endpoint' | 'bucket'>) => ({ S3_ENDPOINT: s3.endpoint, EXPORT_BUCKET: s3.bucket, ATTACHMENT_BUCKET: LOCAL_ATTACHMENT_BUCKET })

/**
 * s3rver stores whatever a POST form brings and ignores its policy; S3 refuses a form whose
 * signed policy has expired, names another key, or whose file is outside the content-length-range.
 * This checks the policy as S3 does before s3rver sees the form, so that local uploads fail where
 * real ones would.
 */
const enforcePostPolicy: KoaMiddleware = async (ctx, next) => {
  const isForm = ctx.method === 'POST' && /^\/[^/]+\/?$/.test(ctx.path) && (ctx.get('content-type') ?? '').startsWith('multipart/form-data')
  if (!isForm) return next()
  const chunks: Buffer[] = []
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) chunks.push(chunk)
  const body = Buffer.concat(chunks)
  const form = parseMultipart(body, ctx.get('content-type'))
  const refusal = form ? checkPostPolicy(form, { secretAccessKey: 'S3RVER', now: new Date() }) : { code: 'MalformedPOSTRequest', message: 'The body of your POST request is not well-formed multipart/form-data.' }
  if (refusal) {
    ctx.status = refusal.code === 'EntityTooLarge' || refusal.code === 'EntityTooSmall' || refusal.code === 'MalformedPOSTRequest' ? 400 : 403
    ctx.type = 'application/xml'
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${refusal.message}</Message></Error>`
    return
  }
  // s3rver reads the form from the request stream: hand it the bytes again.
  const replay = Readable.from([body]) as unknown as IncomingMessage
  Object.assign(replay, { headers: ctx.req.headers, method: ctx.req.method, url: ctx.req.url })
  ctx.req = replay
  return next()
}
