import { Transform, type Writable } from 'node:stream'
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { config } from './config'
import { attachmentDisposition } from './content-disposition'

/**
 * One S3 client per container. Locally it talks to s3rver (scripts/lib/s3-local.ts) by path
 * (http://127.0.0.1:4569/<bucket>/<key>), with s3rver's built-in account.
 *
 * Checksums only where S3 requires them: with the SDK's default ("when supported") a presigned
 * GET link carries an `x-amz-checksum-crc32` of an empty body, and s3rver knows no flexible
 * checksums. The bytes are ours, made a moment ago, and travel over TLS.
 */
export const s3 = new S3Client({
  region: config.AWS_REGION,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
  ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
})

export const EXPORT_BUCKET = config.EXPORT_BUCKET

/** How long a download link works: long enough to tap it, short enough not to be passed around. */
export const DOWNLOAD_LINK_SECONDS = 15 * 60

/** S3's smallest part: the upload holds at most QUEUE_SIZE of these in memory at a time. */
const PART_SIZE = 5 * 1024 * 1024
const QUEUE_SIZE = 2

/**
 * Streams what `write` produces into an object, never holding the whole file: parts of 5 MB go up
 * while the next ones are written (multipart when the file outgrows one part). `write` ends the
 * stream when it is done (or leaves it to be ended here). Either side failing fails both: the
 * writer's stream is destroyed, and a half-made multipart upload is aborted by the uploader.
 * Returns the object's size in bytes.
 */
export async function uploadStream(key: string, contentType: string, write: (sink: Writable) => Promise<void>): Promise<{ bytes: number }> {
  let bytes = 0
  // Passes every chunk on to the uploader, counting it on the way.
  const body = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      done(null, chunk)
    },
  })
  const upload = new Upload({ client: s3, params: { Bucket: EXPORT_BUCKET, Key: key, Body: body, ContentType: contentType }, partSize: PART_SIZE, queueSize: QUEUE_SIZE })
  const uploaded = upload.done()
  const written = write(body).then(() => {
    if (!body.writableEnded) body.end()
  })
  try {
    // Together: an upload that fails stops reading, and a writer waiting on it would wait forever.
    await Promise.all([written, uploaded])
  } catch (error) {
    body.destroy(error instanceof Error ? error : new Error(String(error)))
    await upload.abort().catch(() => undefined)
    throw error
  }
  return { bytes }
}

/** A link that downloads the object, saved as `fileName` (Chinese and all), for the next 15 minutes. */
export function presignDownload(key: string, fileName: string, asciiFallback: string): Promise<string> {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: EXPORT_BUCKET, Key: key, ResponseContentDisposition: attachmentDisposition(fileName, asciiFallback) }), {
    expiresIn: DOWNLOAD_LINK_SECONDS,
  })
}
