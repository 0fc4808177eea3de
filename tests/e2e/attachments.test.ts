import QRCode from 'qrcode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSessions } from '../support/browser'

/**
 * Attachments in the h5 build: an enterprise member files an appeal with two photos and a PDF
 * (uploaded straight to the local S3 from the browser), and the specialist opens them from the
 * timeline.
 */
const { launch, close, signIn, screenshot } = browserSessions('attachments')

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')

beforeAll(launch)
afterAll(close)

describe('photos and documents on an appeal', () => {
  it('files an appeal with two photos and a PDF, and the specialist opens them', async () => {
    const [photo1, photo2] = await Promise.all([QRCode.toBuffer('配电房现场', { type: 'png', width: 240 }), QRCode.toBuffer('跳闸记录', { type: 'png', width: 240 })])
    const title = `配电房跳闸 ${Date.now() % 100000}`

    const staff = await signIn('staff:en-0001')
    await staff.locator('#new-appeal').click()
    await staff.locator('#category-power').click()
    await staff.locator('#title-input input').fill(title)
    await staff.locator('#description-input textarea').fill('昨夜配电房跳闸，附现场照片和用电申请。')

    // Too big and wrong type are said at once, in Chinese, and nothing is sent.
    await staff.locator('#new-appeal-document-input').setInputFiles({ name: '安装包.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') })
    await expect.poll(() => staff.locator('#new-appeal-attach-error').innerText()).toContain('格式不支持')

    await staff.locator('#new-appeal-photo-input').setInputFiles([
      { name: '配电房.png', mimeType: 'image/png', buffer: photo1 },
      { name: '跳闸记录.png', mimeType: 'image/png', buffer: photo2 },
    ])
    await staff.locator('#new-appeal-document-input').setInputFiles({ name: '用电申请.pdf', mimeType: 'application/pdf', buffer: pdf })
    await expect.poll(() => staff.locator('.attach-done').count(), { timeout: 20_000 }).toBe(3)
    await screenshot(staff, 'staff-form-with-files')
    await staff.locator('#submit-appeal').click()
    await staff.locator('#appeal-status').waitFor()
    const appealId = new URL(staff.url().replace('#', '')).searchParams.get('id')
    expect(appealId).toMatch(/^ap-/)
    await expect.poll(() => staff.locator('.event-thumb-image').count(), { timeout: 15_000 }).toBe(2)

    const specialist = await signIn('sp-007')
    await specialist.locator(`#appeal-${appealId}`).click()
    await specialist.locator('#appeal-status').waitFor()
    await expect.poll(() => specialist.locator('.event-thumb-image img').count(), { timeout: 15_000 }).toBe(2)
    await specialist.locator('.event-file').scrollIntoViewIfNeeded()
    // The thumbnails are the photos themselves, loaded through their short-lived links.
    await expect
      .poll(() => specialist.locator('.event-thumb-image img').evaluateAll((imgs) => imgs.map((img) => (img as unknown as { naturalWidth: number }).naturalWidth)), { timeout: 15_000 })
      .toEqual([240, 240])
    const fileRow = specialist.locator('.event-file')
    expect(await fileRow.innerText()).toContain('用电申请.pdf')
    await screenshot(specialist, 'specialist-timeline-files')

    // The document opens through a fresh link in a new tab (in WeChat: downloadFile + openDocument):
    // the link the page opens is caught and fetched, as the browser's PDF viewer would.
    await specialist.evaluate(() => {
      const opened: string[] = []
      Object.assign(globalThis, { openedLinks: opened, open: (url: string) => (opened.push(url), null) })
    })
    await fileRow.click()
    await expect.poll(() => specialist.evaluate(() => (globalThis as unknown as { openedLinks: string[] }).openedLinks.length)).toBe(1)
    const link = await specialist.evaluate(() => (globalThis as unknown as { openedLinks: string[] }).openedLinks[0]!)
    const reply = await fetch(link)
    expect(reply.status).toBe(200)
    expect(Buffer.from(await reply.arrayBuffer())).toEqual(pdf)
  })
})
