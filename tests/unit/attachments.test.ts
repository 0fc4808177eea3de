import ExcelJS from 'exceljs'
import { fileTypeFromBuffer } from 'file-type'
import { describe, expect, it } from 'vitest'
import { bytesMatch, contentTypeOfName, countProblem, fileProblem, formatBytes, withAttachments } from '@shared/domain/attachments'
import { attachmentIdsSchema, createUploadRequestSchema } from '@shared/schemas/attachment.schema'
import { checkPostPolicy, parseMultipart } from '../../scripts/lib/s3-post-policy'
import { buildAction, emptyDraft, panelFields } from '../../miniapp/src/utils/action-form'

const MB = 1024 * 1024

describe('which files an item may carry', () => {
  it('knows each type by its name’s extension, in any case', () => {
    expect(contentTypeOfName('现场.JPG')).toBe('image/jpeg')
    expect(contentTypeOfName('a.jpeg')).toBe('image/jpeg')
    expect(contentTypeOfName('a.heic')).toBe('image/heic')
    expect(contentTypeOfName('a.webp')).toBe('image/webp')
    expect(contentTypeOfName('申请.pdf')).toBe('application/pdf')
    expect(contentTypeOfName('清单.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(contentTypeOfName('旧表.xls')).toBe('application/vnd.ms-excel')
    expect(contentTypeOfName('函.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(contentTypeOfName('函.doc')).toBe('application/msword')
    expect(contentTypeOfName('脚本.exe')).toBeUndefined()
    expect(contentTypeOfName('没有扩展名')).toBeUndefined()
  })

  it('says in Chinese why a file cannot go: wrong type, too big, empty', () => {
    expect(fileProblem({ name: '病毒.exe', size: 10 })).toContain('格式不支持')
    expect(fileProblem({ name: '大图.png', size: 10 * MB })).toBeUndefined()
    expect(fileProblem({ name: '大图.png', size: 10 * MB + 1 })).toBe('「大图.png」太大：图片不能超过 10 MB')
    expect(fileProblem({ name: '报告.pdf', size: 20 * MB })).toBeUndefined()
    expect(fileProblem({ name: '报告.pdf', size: 20 * MB + 1 })).toBe('「报告.pdf」太大：文件不能超过 20 MB')
    expect(fileProblem({ name: '空.pdf', size: 0 })).toContain('空文件')
  })

  it('allows nine images and five documents on one item, not more', () => {
    expect(countProblem([...Array(9).fill('image'), ...Array(5).fill('document')])).toBeUndefined()
    expect(countProblem(Array(10).fill('image'))).toBe('最多上传 9 张图片')
    expect(countProblem(Array(6).fill('document'))).toBe('最多上传 5 个文件')
  })

  it('prints sizes as people read them', () => {
    expect([formatBytes(512), formatBytes(12_595), formatBytes(4.5 * MB)]).toEqual(['512 B', '12.3 KB', '4.5 MB'])
  })

  it('refuses a form request over the limit or of another type, and repeated ids', () => {
    const base = { target: { kind: 'new-appeal', enterpriseId: 'en-0001' }, fileName: '现场.png', contentType: 'image/png' }
    expect(createUploadRequestSchema.safeParse({ ...base, size: 1000 }).success).toBe(true)
    const big = createUploadRequestSchema.safeParse({ ...base, size: 11 * MB })
    expect(big.success).toBe(false)
    expect(big.error!.issues[0]!.message).toContain('图片不能超过 10 MB')
    expect(createUploadRequestSchema.safeParse({ ...base, size: 10, contentType: 'text/plain' }).error!.issues[0]!.message).toContain('仅支持')
    const id = 'up-01kbg0m3ewzvp6n4c4y3x0q1r2'
    expect(attachmentIdsSchema.safeParse([id, id]).error!.issues[0]!.message).toBe('附件有重复')
    expect(attachmentIdsSchema.safeParse(Array.from({ length: 15 }, (_, i) => `up-01kbg0m3ewzvp6n4c4y3x0q1${String(i).padStart(2, '0')}`)).success).toBe(false)
  })
})

describe('judging a file by its bytes', () => {
  it('recognises the image and PDF magic numbers and refuses a mismatch', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')
    expect(bytesMatch('image/png', (await fileTypeFromBuffer(png))?.mime)).toBe(true)
    expect(bytesMatch('image/jpeg', (await fileTypeFromBuffer(pdf))?.mime)).toBe(false)
    expect(bytesMatch('application/pdf', (await fileTypeFromBuffer(Buffer.from('plain text')))?.mime)).toBe(false)
  })

  it('tells an Excel workbook from a zip by its first entries', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('表').addRow(['企业', '诉求'])
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
    const sniffed = (await fileTypeFromBuffer(xlsx.subarray(0, 64 * 1024)))?.mime
    expect(bytesMatch('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sniffed)).toBe(true)
    expect(bytesMatch('application/vnd.openxmlformats-officedocument.wordprocessingml.document', sniffed)).toBe(false)
  })

  it('takes the old Office formats as compound files', () => {
    expect(bytesMatch('application/msword', 'application/x-cfb')).toBe(true)
    expect(bytesMatch('application/vnd.ms-excel', 'application/x-cfb')).toBe(true)
    expect(bytesMatch('image/png', 'application/x-cfb')).toBe(false)
  })
})

describe('an appeal change that brings files', () => {
  it('counts them on the appeal and says how many came with the event', () => {
    const plan = { appeal: { attachmentCount: 2 }, event: { data: { handler: 'department:power' } as Record<string, string | number> } }
    expect(withAttachments(plan, 3)).toEqual({ appeal: { attachmentCount: 5 }, event: { data: { handler: 'department:power', attachments: 3 } } })
    expect(withAttachments(plan, 0)).toBe(plan)
  })
})

describe('the local S3’s check of an upload form (as S3 checks POST policies)', () => {
  const form = (fields: Record<string, string>, file: Buffer) => {
    const boundary = 'xYzBoundary'
    const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    const body = Buffer.concat([
      Buffer.from(parts.join('')),
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.png"\r\ncontent-type: application/octet-stream\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    return parseMultipart(body, `multipart/form-data; boundary=${boundary}`)!
  }

  it('reads the fields and the file’s size from the form', () => {
    const parsed = form({ key: 'incoming/up-1', 'Content-Type': 'image/png' }, Buffer.alloc(100, 1))
    expect(parsed.fields).toEqual({ key: 'incoming/up-1', 'Content-Type': 'image/png' })
    expect(parsed.file).toEqual({ size: 100 })
  })

  it('refuses a form without a policy or with a forged signature', () => {
    expect(checkPostPolicy(form({ key: 'k' }, Buffer.alloc(1)), { secretAccessKey: 's', now: new Date() })?.code).toBe('AccessDenied')
    const forged = form({ key: 'k', Policy: Buffer.from('{}').toString('base64'), 'X-Amz-Credential': 'S3RVER/20261205/cn-northwest-1/s3/aws4_request', 'X-Amz-Signature': '00' }, Buffer.alloc(1))
    expect(checkPostPolicy(forged, { secretAccessKey: 's', now: new Date() })?.code).toBe('SignatureDoesNotMatch')
  })
})

describe('the action sheets of the mini-program', () => {
  const id = 'up-01kbg0m3ewzvp6n4c4y3x0q1r2'
  it('sends the uploaded files with a note, an answer, a reply and supplied material', () => {
    const built = buildAction({ ...emptyDraft('supply-material'), message: '负荷清单见附件', attachments: [id] }, 3)
    expect(built).toEqual({ ok: true, action: { type: 'supply-material', expectedVersion: 3, message: '负荷清单见附件', attachments: [id] } })
    expect(panelFields('note')).toContain('attachments')
  })

  it('sends none with an action that carries no files, and none when none were added', () => {
    const asked = buildAction({ ...emptyDraft('request-material'), message: '请补充负荷清单', attachments: [id] }, 3)
    expect(asked.ok && 'attachments' in asked.action).toBe(false)
    const note = buildAction({ ...emptyDraft('note'), message: '已到现场' }, 3)
    expect(note.ok && 'attachments' in note.action).toBe(false)
    expect(panelFields('request-material')).not.toContain('attachments')
  })
})
