import { createHmac } from 'node:crypto'

/**
 * S3's checks of a browser-based upload (POST Object with a signed policy, Signature V4), for the
 * local S3: the fields of a multipart form, then the policy's signature, expiry and conditions.
 */
export interface PostForm {
  fields: Record<string, string>
  file: { size: number } | undefined
}

/** The parts of a multipart/form-data body: text fields, and the size of the part named `file`. */
export function parseMultipart(body: Buffer, contentType: string): PostForm | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  const mark = boundary?.[1] ?? boundary?.[2]
  if (!mark) return undefined
  const delimiter = Buffer.from(`--${mark}`)
  const fields: Record<string, string> = {}
  let file: PostForm['file']
  let start = body.indexOf(delimiter)
  if (start < 0) return undefined
  for (;;) {
    const partStart = start + delimiter.length
    if (body.subarray(partStart, partStart + 2).toString() === '--') break
    const next = body.indexOf(delimiter, partStart)
    if (next < 0) return undefined
    // CRLF after the delimiter, headers, a blank line, the content, CRLF before the next delimiter.
    const part = body.subarray(partStart + 2, next - 2)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd < 0) return undefined
    const headers = part.subarray(0, headerEnd).toString('utf8')
    const content = part.subarray(headerEnd + 4)
    const name = /name="([^"]*)"/i.exec(headers)?.[1]
    if (name === 'file') {
      file = { size: content.length }
      // S3 ignores everything after the file.
      break
    }
    if (name !== undefined) fields[name] = content.toString('utf8')
    start = next
  }
  return { fields, file }
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest()

/** Case-insensitive field lookup, as S3 treats form field names. */
const fieldOf = (fields: Record<string, string>, name: string): string | undefined => {
  const found = Object.keys(fields).find((key) => key.toLowerCase() === name.toLowerCase())
  return found === undefined ? undefined : fields[found]
}

type Condition = Record<string, string> | [string, string | number, string | number]

/** Why S3 would refuse the form (its error code and message), or undefined when it would take it. */
export function checkPostPolicy(form: PostForm, options: { secretAccessKey: string; now: Date }): { code: string; message: string } | undefined {
  const denied = (message: string) => ({ code: 'AccessDenied', message })
  const policyText = fieldOf(form.fields, 'policy')
  if (!policyText) return denied('Bucket POST must contain a field named policy.')
  if (!form.file) return { code: 'MalformedPOSTRequest', message: 'POST requires exactly one file upload per request.' }
  const credential = fieldOf(form.fields, 'x-amz-credential') ?? ''
  const [, date, region, service] = credential.split('/')
  if (!date || !region || !service) return denied('Invalid according to Policy: credential is malformed.')
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${options.secretAccessKey}`, date), region), service), 'aws4_request')
  if (hmac(signingKey, policyText).toString('hex') !== fieldOf(form.fields, 'x-amz-signature')) {
    return { code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' }
  }
  let policy: { expiration?: string; conditions?: Condition[] }
  try {
    policy = JSON.parse(Buffer.from(policyText, 'base64').toString('utf8'))
  } catch {
    return denied('Invalid Policy: Invalid JSON.')
  }
  if (!policy.expiration || Date.parse(policy.expiration) <= options.now.getTime()) return denied('Invalid according to Policy: Policy expired.')
  for (const condition of policy.conditions ?? []) {
    if (Array.isArray(condition)) {
      const [operator, left, right] = condition
      if (operator === 'content-length-range') {
        if (form.file.size > Number(right)) return { code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size' }
        if (form.file.size < Number(left)) return { code: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed size' }
        continue
      }
      const value = fieldOf(form.fields, String(left).replace(/^\$/, '')) ?? ''
      if (operator === 'eq' && value !== right) return denied(`Invalid according to Policy: Policy Condition failed: ["eq", "${left}", "${right}"]`)
      if (operator === 'starts-with' && !value.startsWith(String(right))) return denied(`Invalid according to Policy: Policy Condition failed: ["starts-with", "${left}", "${right}"]`)
    } else {
      for (const [name, expected] of Object.entries(condition)) {
        // The bucket is the URL's; every other named field must be sent with exactly this value.
        if (name === 'bucket') continue
        if (fieldOf(form.fields, name) !== expected) return denied(`Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${expected}"]`)
      }
    }
  }
  return undefined
}
