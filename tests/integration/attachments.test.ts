import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { NotFoundError, ValidationError, ConflictError } from '@shared/errors'
import type { UploadTarget, UploadTicket } from '@shared/schemas/attachment.schema'
import type { AttachmentContentType } from '@shared/domain/attachments'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { appealAttachmentLink, createUpload } from '../../functions/attachments/attachments.use-case'
import { handlePushedEvent, verifyPushSignature } from '../../functions/attachments/wechat-events.use-case'
import { createHttpWeChatClient } from '../../functions/services/wechat-client'
import { startWeChatStandIn } from '../../scripts/lib/wechat-stand-in'
import { RISKY_IMAGE_MARKER } from '../../scripts/lib/wechat-stand-in/routes'
import { ATTACHMENT_BUCKET, s3 } from '../../functions/lib/s3'
import { detailRowOf } from '../../functions/exports/export-rows'
import { issueUpload } from '../../functions/services/attachments'
import { getAppeal } from '../../functions/store/appeal.store'
import { incomingObjectKey, listAttachments, recordMediaCheckStarted } from '../../functions/store/attachment.store'
import { listAppeals } from '../../functions/store/appeal-lists.store'
import { staffOf } from '../support/filing'
import { areaAdmin, cityAdmin, otherStaff, owner, powerHandler, staff } from '../support/fixtures'

/*
 * Attachments against s3rver (with S3's POST-policy checks) and DynamoDB Local: upload forms,
 * the check of what was uploaded, the attach in the owner's transaction, links and who gets them.
 */

const NOW = new Date('2026-11-23T02:00:00.000Z')
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)

/** Files whose first bytes are what their names say (or, on purpose, not). */
const BYTES = {
  png: (extra = 0) => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), Buffer.alloc(64 + extra, 7)]),
  jpeg: () => Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(200, 3), Buffer.from('ffd9', 'hex')]),
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  text: () => Buffer.from('这只是一段文字，不是 PDF。\n'),
}

interface Sent {
  ticket: UploadTicket
  status: number
  body: string
}

/** Asks for a form as `actor`, then posts `bytes` with it as a browser or WeChat's uploadFile would. */
async function upload(actor: Actor, target: UploadTarget, fileName: string, contentType: AttachmentContentType, bytes: Buffer, declaredSize = bytes.length): Promise<Sent> {
  const ticket = await createUpload(actor, { target, fileName, size: declaredSize, contentType }, NOW)
  return post(ticket, bytes, fileName)
}

async function post(ticket: UploadTicket, bytes: Buffer, fileName: string): Promise<Sent> {
  const form = new FormData()
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value)
  form.append('file', new Blob([bytes]), fileName)
  const reply = await fetch(ticket.url, { method: 'POST', body: form })
  return { ticket, status: reply.status, body: await reply.text() }
}

const forNew = (enterpriseId = 'en-0001'): UploadTarget => ({ kind: 'new-appeal', enterpriseId })
const file = (actor: Actor, attachments: string[], enterpriseId = 'en-0001', at = NOW) =>
  submitAppeal(actor, `att-${randomUUID()}`, { enterpriseId, categoryId: 'power', title: '厂区停电', description: '昨夜起厂区配电房跳闸，附现场照片', attachments }, at)

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  expect((error as ValidationError).code).toBe('INVALID_ATTACHMENT')
  return error as ValidationError
}

async function appealsOf(enterpriseId: string): Promise<number> {
  return (await listAppeals([{ kind: 'enterprise', enterpriseId }], { limit: 50 })).items.length
}

describe('filing with photos and a document', () => {
  it('checks each upload, attaches them with the appeal and hands out links that open them', async () => {
    const photo1 = await upload(staff, forNew(), '配电房.png', 'image/png', BYTES.png())
    const photo2 = await upload(staff, forNew(), '跳闸记录.jpg', 'image/jpeg', BYTES.jpeg())
    const pdf = await upload(staff, forNew(), '用电申请.pdf', 'application/pdf', BYTES.pdf())
    expect([photo1.status, photo2.status, pdf.status]).toEqual([204, 204, 204])

    const { appeal } = await file(staff, [photo1.ticket.id, photo2.ticket.id, pdf.ticket.id])
    expect(appeal.attachmentCount).toBe(3)

    const detail = await getAppealDetail(owner, appeal.id)
    expect(detail.events[0]!.data?.attachments).toBe(3)
    expect(detail.attachments!.map((a) => [a.fileName, a.kind, a.size, a.eventSeq])).toEqual([
      ['配电房.png', 'image', BYTES.png().length, 1],
      ['跳闸记录.jpg', 'image', BYTES.jpeg().length, 1],
      ['用电申请.pdf', 'document', BYTES.pdf().length, 1],
    ])
    const opened = await fetch(detail.attachments![2]!.url!)
    expect(opened.status).toBe(200)
    expect(Buffer.from(await opened.arrayBuffer())).toEqual(BYTES.pdf())
    expect(opened.headers.get('content-disposition')).toContain("filename*=UTF-8''%E7%94%A8%E7%94%B5")
    // Without WeChat configured here, images are shown unchecked rather than held back.
    expect(detail.attachments![0]!.check).toBe('unchecked')

    // The uploaded originals are gone from incoming/: only the attached copies remain.
    const leftover = await fetch(`${process.env.S3_ENDPOINT}/${ATTACHMENT_BUCKET}/${incomingObjectKey(photo1.ticket.id)}`)
    expect(leftover.status).not.toBe(200)
  })

  it('takes the most one item may carry — nine photos and five documents — in the filing’s one transaction', async () => {
    const photos = await Promise.all(Array.from({ length: 9 }, (_, i) => upload(staff, forNew(), `照片${i + 1}.png`, 'image/png', BYTES.png(i))))
    const documents = await Promise.all(Array.from({ length: 5 }, (_, i) => upload(staff, forNew(), `材料${i + 1}.pdf`, 'application/pdf', BYTES.pdf())))
    const { appeal } = await file(staff, [...photos, ...documents].map((u) => u.ticket.id))
    expect(appeal.attachmentCount).toBe(14)
    expect(detailRowOf(appeal, { areaName: () => '湘潭高新区', phoneOf: () => undefined }).attachments).toBe(14)
    expect((await getAppealDetail(areaAdmin, appeal.id)).attachments).toHaveLength(14)
  })

  it('gives no link to a caller who may not see the appeal', async () => {
    const photo = await upload(staff, forNew(), '现场.png', 'image/png', BYTES.png())
    const { appeal } = await file(staff, [photo.ticket.id])
    await expect(appealAttachmentLink(otherStaff, appeal.id, photo.ticket.id)).rejects.toBeInstanceOf(NotFoundError)
    expect((await getAppealDetail(powerHandler, appeal.id)).attachments).toHaveLength(1)
    const link = await appealAttachmentLink(staff, appeal.id, photo.ticket.id)
    expect((await fetch(link.url!)).status).toBe(200)
  })
})

describe('what S3 refuses at upload', () => {
  it('refuses a file of another size than the form was issued for, and the appeal cannot name it', async () => {
    const before = await appealsOf('en-0001')
    const bigger = await upload(staff, forNew(), '照片.png', 'image/png', BYTES.png(10), BYTES.png().length)
    expect(bigger.status).toBe(400)
    expect(bigger.body).toContain('EntityTooLarge')
    const error = await refusal(file(staff, [bigger.ticket.id]))
    expect(error.fields.attachments).toContain('尚未上传完成')
    expect(await appealsOf('en-0001')).toBe(before)
  })

  it('refuses a form used after it expired', async () => {
    const ticket = await issueUpload(staff, { target: forNew(), fileName: '照片.png', size: BYTES.png().length, contentType: 'image/png' }, NOW, 1)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const sent = await post(ticket, BYTES.png(), '照片.png')
    expect(sent.status).toBe(403)
    expect(sent.body).toContain('Policy expired')
  })
})

describe('what the attach refuses', () => {
  it('refuses an object of another size than declared, even if it reached the bucket some other way', async () => {
    const ticket = await createUpload(staff, { target: forNew(), fileName: '照片.png', size: 10_000, contentType: 'image/png' }, NOW)
    await s3.send(new PutObjectCommand({ Bucket: ATTACHMENT_BUCKET, Key: incomingObjectKey(ticket.id), Body: BYTES.png(), ContentType: 'image/png' }))
    const error = await refusal(file(staff, [ticket.id]))
    expect(error.fields.attachments).toContain('大小与声明不符')
  })

  it('judges a file by its bytes, not its name: a PDF named .jpg, plain text named .pdf', async () => {
    const disguised = await upload(staff, forNew(), '照片.jpg', 'image/jpeg', BYTES.pdf())
    expect(disguised.status).toBe(204)
    expect((await refusal(file(staff, [disguised.ticket.id]))).fields.attachments).toContain('内容与文件类型不符')
    const text = await upload(staff, forNew(), '说明.pdf', 'application/pdf', BYTES.text())
    expect((await refusal(file(staff, [text.ticket.id]))).fields.attachments).toContain('内容与文件类型不符')
  })

  it('refuses an upload whose day to be attached has passed', async () => {
    const photo = await upload(staff, forNew(), '照片.png', 'image/png', BYTES.png())
    expect((await refusal(file(staff, [photo.ticket.id], 'en-0001', later(25 * 60)))).fields.attachments).toContain('已过期')
  })

  it('refuses more than nine photos on one item', async () => {
    const photos = await Promise.all(Array.from({ length: 10 }, (_, i) => upload(staff, forNew(), `照片${i + 1}.png`, 'image/png', BYTES.png(i))))
    expect((await refusal(file(staff, photos.map((p) => p.ticket.id)))).fields.attachments).toBe('最多上传 9 张图片')
  })

  it('refuses another appeal’s upload, another person’s, and one already attached', async () => {
    const { appeal: first } = await file(staff, [])
    const { appeal: second } = await file(staff, [])
    const forFirst = await upload(staff, { kind: 'appeal', id: first.id }, '补充.pdf', 'application/pdf', BYTES.pdf())
    await refusal(actOnAppeal(staff, second.id, { type: 'note', message: '补充现场照片', attachments: [forFirst.ticket.id] }, later(5)))

    const colleague = staffOf('en-0001')
    const theirs = await upload({ ...colleague, id: 'staff-colleague' }, forNew(), '他人.png', 'image/png', BYTES.png())
    await refusal(file(staff, [theirs.ticket.id]))

    const attached = await actOnAppeal(staff, first.id, { type: 'note', message: '补充材料说明', attachments: [forFirst.ticket.id] }, later(5))
    expect(attached.attachmentCount).toBe(1)
    await refusal(actOnAppeal(staff, first.id, { type: 'note', message: '再附一次', attachments: [forFirst.ticket.id] }, later(6)))
  })

  it('gives no upload form for an appeal the caller cannot see, nor for an enterprise they do not belong to', async () => {
    const { appeal } = await file(staff, [])
    await expect(createUpload(otherStaff, { target: { kind: 'appeal', id: appeal.id }, fileName: 'a.png', size: 10, contentType: 'image/png' }, NOW)).rejects.toBeInstanceOf(NotFoundError)
    await expect(createUpload(otherStaff, { target: forNew('en-0001'), fileName: 'a.png', size: 10, contentType: 'image/png' }, NOW)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('writes nothing when one file of several is refused, and the good upload stays usable', async () => {
    const before = await appealsOf('en-0001')
    const good = await upload(staff, forNew(), '好的.png', 'image/png', BYTES.png())
    const bad = await upload(staff, forNew(), '坏的.pdf', 'application/pdf', BYTES.text())
    await refusal(file(staff, [good.ticket.id, bad.ticket.id]))
    expect(await appealsOf('en-0001')).toBe(before)
    const { appeal } = await file(staff, [good.ticket.id])
    expect(appeal.attachmentCount).toBe(1)
  })

  it('writes nothing when the action loses a race (409): no attachment, the upload still usable', async () => {
    const { appeal } = await file(staff, [])
    const photo = await upload(owner, { kind: 'appeal', id: appeal.id }, '进展.png', 'image/png', BYTES.png())
    await actOnAppeal(owner, appeal.id, { type: 'accept' }, later(10))
    const stale = actOnAppeal(owner, appeal.id, { type: 'note', message: '已到现场查看', expectedVersion: 1, attachments: [photo.ticket.id] }, later(20))
    await expect(stale).rejects.toBeInstanceOf(ConflictError)
    expect(await listAttachments({ kind: 'appeal', id: appeal.id })).toEqual([])
    expect((await getAppeal(appeal.id))!.attachmentCount).toBeUndefined()
    const noted = await actOnAppeal(owner, appeal.id, { type: 'note', message: '已到现场查看', attachments: [photo.ticket.id] }, later(21))
    expect(noted.attachmentCount).toBe(1)
  })
})

describe('WeChat’s verdict on an image', () => {
  it('hides a risky image from everyone but admins, who see it marked', async () => {
    const photo = await upload(staff, forNew(), '现场.png', 'image/png', BYTES.png())
    const pdf = await upload(staff, forNew(), '说明.pdf', 'application/pdf', BYTES.pdf())
    const { appeal } = await file(staff, [photo.ticket.id, pdf.ticket.id])
    const traceId = `trace-${randomUUID()}`
    await recordMediaCheckStarted({ kind: 'appeal', id: appeal.id }, photo.ticket.id, 'pending', traceId)
    expect(await handlePushedEvent({ Event: 'wxa_media_check', trace_id: traceId, errcode: 0, result: { suggest: 'risky', label: 20002 } }, later(1))).toBe('recorded')
    expect(await handlePushedEvent({ Event: 'wxa_media_check', trace_id: 'trace-unknown', result: { suggest: 'pass' } }, later(1))).toBe('ignored')

    for (const viewer of [staff, owner, powerHandler]) {
      expect((await getAppealDetail(viewer, appeal.id)).attachments!.map((a) => a.fileName)).toEqual(['说明.pdf'])
    }
    await expect(appealAttachmentLink(owner, appeal.id, photo.ticket.id)).rejects.toBeInstanceOf(NotFoundError)
    for (const admin of [areaAdmin, cityAdmin]) {
      const seen = (await getAppealDetail(admin, appeal.id)).attachments!
      expect(seen.map((a) => [a.fileName, a.flagged ?? false])).toEqual([
        ['现场.png', true],
        ['说明.pdf', false],
      ])
    }
  })

  it('keeps the files of an internal note from the enterprise', async () => {
    const { appeal } = await file(staff, [])
    const memo = await upload(owner, { kind: 'appeal', id: appeal.id }, '内部研判.pdf', 'application/pdf', BYTES.pdf())
    await actOnAppeal(owner, appeal.id, { type: 'note', message: '内部研判意见', internal: true, attachments: [memo.ticket.id] }, later(5))
    expect((await getAppealDetail(staff, appeal.id)).attachments).toEqual([])
    expect((await getAppealDetail(areaAdmin, appeal.id)).attachments!.map((a) => a.fileName)).toEqual(['内部研判.pdf'])
  })
})

describe('mediaCheckAsync through the real client and the WeChat stand-in', () => {
  it('takes an image, fetches it by its link, and pushes a signed verdict to the message-push URL', async () => {
    const pushed: Array<{ query: URLSearchParams; body: { trace_id: string; result: { suggest: string } } }> = []
    const receiver = createServer((req, res) => {
      let text = ''
      req.on('data', (chunk: Buffer) => (text += chunk.toString()))
      req.on('end', () => {
        pushed.push({ query: new URL(req.url ?? '/', 'http://x').searchParams, body: JSON.parse(text) })
        res.end('success')
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const standIn = await startWeChatStandIn({ appId: 'wx-test', appSecret: 'secret-test', pushToken: 'push-token-test', pushUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/wechat/events` })
    try {
      const client = createHttpWeChatClient({ baseUrl: standIn.url, appId: 'wx-test', appSecret: 'secret-test' })
      const clean = await upload(staff, forNew(), '干净.png', 'image/png', BYTES.png())
      const risky = await upload(staff, forNew(), '违规.png', 'image/png', Buffer.concat([BYTES.png(), Buffer.from(RISKY_IMAGE_MARKER)]))
      const { appeal } = await file(staff, [clean.ticket.id, risky.ticket.id])
      const links = (await getAppealDetail(areaAdmin, appeal.id)).attachments!.map((a) => a.url!)
      const openid = `o${'x'.repeat(27)}`
      const traces = [await client.checkMediaAsync({ mediaUrl: links[0]!, openid, scene: 1 }), await client.checkMediaAsync({ mediaUrl: links[1]!, openid, scene: 1 })]
      await standIn.mediaChecks()
      expect(pushed.map((p) => [p.body.trace_id, p.body.result.suggest])).toEqual([
        [traces[0]!.traceId, 'pass'],
        [traces[1]!.traceId, 'risky'],
      ])
      const query = Object.fromEntries(pushed[0]!.query) as { signature: string; timestamp: string; nonce: string }
      expect(() => verifyPushSignature(query, 'push-token-test')).not.toThrow()
      expect(() => verifyPushSignature(query, 'another-token')).toThrow()
      await expect(client.checkMediaAsync({ mediaUrl: links[0]!, openid: 'not-an-openid', scene: 1 })).rejects.toMatchObject({ errcode: 40003 })
    } finally {
      await standIn.close()
      receiver.close()
    }
  })
})
