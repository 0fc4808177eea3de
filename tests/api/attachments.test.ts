import { createHash, randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { appealDetailSchema, appealResponseSchema } from '@shared/schemas/appeal.schema'
import { attachmentSchema, uploadTicketSchema, type UploadTicket } from '@shared/schemas/attachment.schema'
import { RISKY_IMAGE_MARKER } from '../../scripts/lib/wechat-stand-in/routes'
import { LOCAL_PUSH_TOKEN } from '../../scripts/lib/local-wechat'
import { apiClient } from '../support/api-client'
import { expectError } from '../support/expect-error'

/*
 * Attachments over HTTP on the running stack: the upload form, the upload straight to the local
 * S3, filing with the files, links for those who may see them, and WeChat's media check pushed
 * back by the stand-in to the message-push route.
 */

const api = apiClient(inject('apiUrl'))
const wechatUrl = inject('wechatUrl')

const png = (marker = '') => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), Buffer.alloc(64, 9), Buffer.from(marker)])
const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')

let staff: string
let otherStaff: string
let specialist: string
let admin: string

beforeAll(async () => {
  ;[staff, otherStaff, specialist, admin] = (await Promise.all(['staff:en-0001', 'staff:en-0002', 'sp-007', 'ad-xt-hitech'].map((as) => api.login(as)))) as [string, string, string, string]
})

async function uploadFile(token: string, target: object, fileName: string, contentType: string, bytes: Buffer): Promise<UploadTicket> {
  const reply = await api.call('POST', '/api/attachments/uploads', { token, body: { target, fileName, size: bytes.length, contentType } })
  expect(reply.status).toBe(201)
  const ticket = uploadTicketSchema.parse(reply.body.upload)
  const form = new FormData()
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value)
  form.append('file', new Blob([bytes]), fileName)
  expect((await fetch(ticket.url, { method: 'POST', body: form })).status).toBe(204)
  return ticket
}

async function fileWith(attachments: string[]) {
  return api.call('POST', '/api/appeals', {
    token: staff,
    headers: { 'Idempotency-Key': `att-${randomUUID()}` },
    body: { enterpriseId: 'en-0001', categoryId: 'power', title: '配电房跳闸', description: '昨夜配电房跳闸，附现场照片和申请', attachments },
  })
}

// WeChat signs a push with the time it sends it, and the API weighs that against its own clock:
// the running stack's clock, which is this process's (faked alike under faketime), not a test's `now`.
const signed = (query: Record<string, string>, token = LOCAL_PUSH_TOKEN) => {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomUUID().slice(0, 8)
  const signature = createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')
  return new URLSearchParams({ ...query, signature, timestamp, nonce }).toString()
}

async function mediaChecks(): Promise<Array<{ suggest: string; status: number }>> {
  return ((await (await fetch(`${wechatUrl}/dev/media-checks`)).json()) as { pushed: Array<{ suggest: string; status: number }> }).pushed
}

describe('filing with attachments', () => {
  let appealId: string
  let photoId: string
  let riskyId: string
  /** Verdicts pushed before this appeal's images: other files on the same stack attach images too. */
  let pushedBefore = 0

  it('uploads straight to S3 and files the appeal with its files', async () => {
    pushedBefore = (await mediaChecks()).length
    const target = { kind: 'new-appeal', enterpriseId: 'en-0001' }
    const photo = await uploadFile(staff, target, '配电房.png', 'image/png', png())
    const risky = await uploadFile(staff, target, '另一张.png', 'image/png', png(RISKY_IMAGE_MARKER))
    const doc = await uploadFile(staff, target, '用电申请.pdf', 'application/pdf', pdf)
    const reply = await fileWith([photo.id, risky.id, doc.id])
    expect(reply.status).toBe(201)
    const { appeal } = appealResponseSchema.parse(reply.body)
    expect(appeal.attachmentCount).toBe(3)
    ;[appealId, photoId, riskyId] = [appeal.id, photo.id, risky.id]

    // An admin sees every file whatever WeChat has said of it by now (the verdicts come quickly here).
    const detail = appealDetailSchema.parse((await api.call('GET', `/api/appeals/${appealId}`, { token: admin })).body)
    expect(detail.attachments!.map((a) => a.fileName)).toEqual(['配电房.png', '另一张.png', '用电申请.pdf'])
    const opened = await fetch(detail.attachments![2]!.url!)
    expect(Buffer.from(await opened.arrayBuffer())).toEqual(pdf)
  })

  it('has WeChat check the images and hides the one it flags from all but admins', async () => {
    // The stand-in fetches each image through its link and pushes its verdict to /api/wechat/events.
    let pushed: Array<{ suggest: string; status: number }> = []
    for (let i = 0; i < 50 && pushed.length < 2; i++) {
      pushed = (await mediaChecks()).slice(pushedBefore)
      if (pushed.length < 2) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(pushed.map((p) => [p.suggest, p.status]).sort()).toEqual([
      ['pass', 200],
      ['risky', 200],
    ])
    const forStaff = appealDetailSchema.parse((await api.call('GET', `/api/appeals/${appealId}`, { token: staff })).body)
    const forOwner = appealDetailSchema.parse((await api.call('GET', `/api/appeals/${appealId}`, { token: specialist })).body)
    expect(forOwner.attachments!.map((a) => a.fileName)).toEqual(['配电房.png', '用电申请.pdf'])
    expect(forStaff.attachments!.map((a) => [a.fileName, a.check])).toEqual([
      ['配电房.png', 'pass'],
      ['用电申请.pdf', 'none'],
    ])
    const forAdmin = appealDetailSchema.parse((await api.call('GET', `/api/appeals/${appealId}`, { token: admin })).body)
    expect(forAdmin.attachments!.find((a) => a.id === riskyId)).toMatchObject({ check: 'risky', flagged: true })
    expect((await api.call('GET', `/api/appeals/${appealId}/attachments/${riskyId}`, { token: staff })).status).toBe(404)
  })

  it('gives a fresh link to those who see the appeal and none to anyone else', async () => {
    const mine = await api.call('GET', `/api/appeals/${appealId}/attachments/${photoId}`, { token: staff })
    expect(mine.status).toBe(200)
    const attachment = attachmentSchema.parse(mine.body.attachment)
    expect((await fetch(attachment.url!)).status).toBe(200)
    expectError(await api.call('GET', `/api/appeals/${appealId}/attachments/${photoId}`, { token: otherStaff }), 404, 'NOT_FOUND')
    expectError(await api.call('GET', `/api/appeals/${appealId}/attachments/${photoId}`), 401, 'UNAUTHENTICATED')
    expectError(await api.call('GET', `/api/appeals/${appealId}/attachments/not-an-id`, { token: staff }), 400, 'VALIDATION_FAILED')
  })

  it('gives no upload form for an appeal the caller cannot see', async () => {
    const reply = await api.call('POST', '/api/attachments/uploads', { token: otherStaff, body: { target: { kind: 'appeal', id: appealId }, fileName: 'a.png', size: 100, contentType: 'image/png' } })
    expectError(reply, 404, 'NOT_FOUND')
  })
})

describe('refusals', () => {
  it('refuses a file over the limit or of a type not taken, with the reason in Chinese', async () => {
    const target = { kind: 'new-appeal', enterpriseId: 'en-0001' }
    const big = expectError(await api.call('POST', '/api/attachments/uploads', { token: staff, body: { target, fileName: '大图.png', size: 11 * 1024 * 1024, contentType: 'image/png' } }), 400, 'VALIDATION_FAILED')
    expect(big.fields?.size).toContain('图片不能超过 10 MB')
    const exe = expectError(await api.call('POST', '/api/attachments/uploads', { token: staff, body: { target, fileName: 'a.exe', size: 10, contentType: 'application/x-msdownload' } }), 400, 'VALIDATION_FAILED')
    expect(exe.fields?.contentType).toContain('仅支持')
  })

  it('refuses to file with a file whose bytes are not what it claims, and files nothing', async () => {
    const fake = await uploadFile(staff, { kind: 'new-appeal', enterpriseId: 'en-0001' }, '照片.jpg', 'image/jpeg', pdf)
    const error = expectError(await fileWith([fake.id]), 400, 'INVALID_ATTACHMENT')
    expect(error.fields?.attachments).toContain('内容与文件类型不符')
  })
})

describe('the message-push route', () => {
  it('answers WeChat’s URL check with its echostr, and refuses what is not signed with the Token', async () => {
    const check = await fetch(`${inject('apiUrl')}/api/wechat/events?${signed({ echostr: 'hello-wechat' })}`)
    expect(check.status).toBe(200)
    expect(await check.text()).toBe('hello-wechat')
    const forged = await fetch(`${inject('apiUrl')}/api/wechat/events?${signed({}, 'wrong-token')}`, { method: 'POST', body: JSON.stringify({ Event: 'wxa_media_check', trace_id: 'x' }) })
    expect(forged.status).toBe(401)
  })
})
