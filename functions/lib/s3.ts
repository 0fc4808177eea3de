import { Transform, type Writable } from 'node:stream'
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import { createPresignedPost } from '@aws-sdk/s3-presigned-post'
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

export const ATTACHMENT_BUCKET = config.ATTACHMENT_BUCKET

/**
 * A form that uploads exactly one object: this key, this content type, exactly `size` bytes, until
 * `expiresSeconds` from now (S3 checks the signed policy; WeChat's uploadFile and a browser's
 * FormData both send such a form). Returns where to POST and the fields to send before the file.
 */
export function presignUploadForm(key: string, contentType: string, size: number, expiresSeconds: number): Promise<{ url: string; fields: Record<string, string> }> {
  return createPresignedPost(s3, {
    Bucket: ATTACHMENT_BUCKET,
    Key: key,
    Conditions: [['content-length-range', size, size], ['eq', '$Content-Type', contentType]],
    Fields: { 'Content-Type': contentType },
    Expires: expiresSeconds,
  })
}

/** An uploaded object's size and its first bytes (at most `length`); undefined when there is no such object. */
export async function readObjectStart(key: string, length: number): Promise<{ size: number; head: Buffer } | undefined> {
  try {
    const reply = await s3.send(new GetObjectCommand({ Bucket: ATTACHMENT_BUCKET, Key: key, Range: `bytes=0-${length - 1}` }))
    const head = Buffer.from(await reply.Body!.transformToByteArray())
    // "bytes 0-4099/123456": the object's whole size is after the slash (no Content-Range: the whole object came).
    const total = /\/(\d+)$/.exec(reply.ContentRange ?? '')?.[1]
    return { size: total ? Number(total) : head.length, head }
  } catch (error) {
    if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return undefined
    throw error
  }
}

/** Copies an uploaded object to where it is kept, with the type it was checked to be. */
export async function copyAttachmentObject(from: string, to: string, contentType: string): Promise<void> {
  await s3.send(
    new CopyObjectCommand({ Bucket: ATTACHMENT_BUCKET, Key: to, CopySource: `${ATTACHMENT_BUCKET}/${from}`, ContentType: contentType, MetadataDirective: 'REPLACE' }),
  )
}

export async function deleteAttachmentObject(key: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: ATTACHMENT_BUCKET, Key: key }))
}

/** A link to an attached file: images shown in place, documents saved under their own name. */
export function presignAttachment(key: string, fileName: string, inline: boolean, expiresSeconds = DOWNLOAD_LINK_SECONDS): Promise<string> {
  const disposition = inline ? 'inline' : attachmentDisposition(fileName, `attachment${fileName.slice(fileName.lastIndexOf('.')).replace(/[^.a-zA-Z0-9]/g, '')}`)
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: ATTACHMENT_BUCKET, Key: key, ResponseContentDisposition: disposition }), { expiresIn: expiresSeconds })
}
