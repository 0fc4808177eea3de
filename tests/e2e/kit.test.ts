import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { reportScopesSchema } from '@shared/schemas/report.schema'
import { isInForce } from '@shared/domain/policy-pack'
import { deflectionReportSchema, faqViewSchema, policyDocListSchema } from '@shared/schemas/policy.schema'
import { kitDemoData } from '../../scripts/lib/kit-demo-data'
import { apiClient } from '../support/api-client'
import { axeViolations } from '../support/accessibility'
import { browserSessions } from '../support/browser'

/**
 * The specialist's kit in the h5 build. Enterprise staff of en-0001 start an appeal, pick 招工用工
 * and type their question as they would say it; the form suggests the seeded FAQ entry, they read
 * its answer and press 已解决，不再提交: the city's deflection count for the category goes up by
 * one and no appeal is filed. The city office prints the pocket sheet of near-scale policies (A4,
 * three to a page, each with its code); xt-hitech's admin drafts an FAQ entry from a closed appeal,
 * removes the enterprise's name and publishes it.
 */
const { h5: H5, launch, close, signIn, screenshot, artifact } = browserSessions('kit')
const api = apiClient(inject('apiUrl'))

const DEMO = kitDemoData(new Date())
const HIRING_FAQ = DEMO.faq.find((f) => f.question === '招了应届大学生有什么补贴？')!

/**
 * The test stack holds the demo city without its kit: the city office writes and publishes the
 * demo kit's in-force policies and FAQ entries through the API, as an admin would. Returns the
 * new ids by demo id.
 */
async function publishDemoKit(token: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const publish = async (path: string, body: unknown, key: 'policy' | 'entry') => {
    const created = await api.call('POST', path, { token, body })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const item = created.body[key] as { id: string; version: number }
    const published = await api.call('POST', `${path}/${item.id}/actions`, { token, body: { type: 'publish', expectedVersion: item.version } })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    return item.id
  }
  for (const { policy } of DEMO.policies.filter((p) => isInForce(p.policy, new Date()))) {
    const { title, issuer, docNumber, categoryId, issuedOn, effectiveOn, expiresOn, appliesTo, keyPoints, howToApply, phone, phoneUnit, originalUrl } = policy
    const body = { title, issuer, docNumber, categoryId, issuedOn, effectiveOn, expiresOn, appliesTo, keyPoints, howToApply, phone, phoneUnit, originalUrl }
    ids.set(policy.id, await publish('/api/policies', body, 'policy'))
  }
  for (const entry of DEMO.faq) {
    const body = { question: entry.question, answer: entry.answer, categoryId: entry.categoryId, policyIds: entry.policyIds.flatMap((id) => (ids.has(id) ? [ids.get(id)!] : [])) }
    ids.set(entry.id, await publish('/api/faq', body, 'entry'))
  }
  return ids
}

let kitIds: Map<string, string>
beforeAll(async () => {
  await launch()
  kitIds = await publishDemoKit(await api.login('ad-city'))
})
afterAll(close)

async function hiringRow(token: string, month: string) {
  const reply = await api.call('GET', `/api/kit/deflections?month=${month}`, { token })
  expect(reply.status, JSON.stringify(reply.body)).toBe(200)
  return deflectionReportSchema.parse(reply.body).categories.find((c) => c.categoryId === 'hiring')!
}

describe('answers before filing', () => {
  it('suggests a seeded FAQ entry for a colloquial question; 已解决 counts it and files nothing', async () => {
    expect(HIRING_FAQ).toBeDefined()
    const city = await api.login('ad-city')
    const month = reportScopesSchema.parse((await api.call('GET', '/api/reports/scopes', { token: city })).body).currentMonth
    const before = await hiringRow(city, month)

    const staff = await signIn('staff:en-0001')
    await staff.locator('#new-appeal').click()
    await staff.locator('#category-hiring').click()
    await staff.locator('#title-input input').fill('今年招了几个应届生 有啥补贴没')
    const suggestion = staff.locator(`#suggestion-${kitIds.get(HIRING_FAQ.id)}`)
    await suggestion.waitFor({ timeout: 20_000 })
    expect(await suggestion.innerText()).toContain('应届')
    await screenshot(staff, 'suggestions')

    await suggestion.locator('.kit-suggestion-title').click()
    await expect.poll(() => staff.locator('#suggestion-answer').innerText(), { timeout: 15_000 }).toBe(HIRING_FAQ.answer)
    await screenshot(staff, 'suggestion-open')
    await staff.locator('#deflect-button').click()
    // The form is left: the user is back where they started.
    await staff.locator('#new-appeal').waitFor({ timeout: 15_000 })
    expect(await staff.locator('#title-input').count()).toBe(0)

    await expect.poll(async () => (await hiringRow(city, month)).deflected, { timeout: 15_000 }).toBe(before.deflected + 1)
    // No appeal was filed: the category's filed count this month is where it was.
    expect((await hiringRow(city, month)).filed).toBe(before.filed)
  })
})

describe('the pocket sheet (政策口袋书)', () => {
  it('lays out the near-scale policies in force with their codes, three to an A4 page', async () => {
    const city = await api.login('ad-city')
    const listed = policyDocListSchema.parse((await api.call('GET', '/api/policies?status=published', { token: city })).body).items
    // What the sheet must hold, counted here from the API: published, not expired, for near-scale firms (or for every scale).
    const expected = listed.filter((p) => !p.expired && (p.appliesTo.scales.length === 0 || p.appliesTo.scales.includes('near')))
    expect(expected.length).toBeGreaterThan(6)
    const perPage = 3
    const pages = Math.ceil(expected.length / perPage)

    const admin = await signIn('ad-city', { width: 1024, height: 900 })
    await admin.goto(`${H5}/#/packages/kit/list/index`)
    await admin.locator('#kit-open-sheet').click()
    await admin.locator('#sheet-scale-near').click()
    await admin.locator('#policy-sheet').waitFor({ timeout: 20_000 })
    await expect.poll(() => admin.locator('.policy-sheet-item').count(), { timeout: 15_000 }).toBe(expected.length)
    expect(await admin.locator('#sheet-summary').innerText()).toBe(`共 ${expected.length} 条政策，A4 纵向每页 ${perPage} 条，共 ${pages} 页`)
    const first = admin.locator(`#sheet-${expected[0]!.id}`)
    expect(await first.innerText()).toContain(expected[0]!.title)
    expect(await first.innerText()).toContain(`咨询电话 ${expected[0]!.phone}`)
    for (const policy of expected.filter((p) => p.docNumber).slice(0, 3)) expect(await admin.locator(`#sheet-${policy.id}`).innerText()).toContain(policy.docNumber)
    expect(await admin.locator(`#sheet-${expected[0]!.id} .policy-sheet-point`).count()).toBe(Math.min(3, expected[0]!.keyPoints.length))
    // Every code image is loaded, and each is the policy's own.
    type Img = { complete: boolean; naturalWidth: number; src: string }
    const images = admin.locator('#policy-sheet img')
    const loaded = () => images.evaluateAll((imgs) => (imgs as unknown as Img[]).filter((img) => img.complete && img.naturalWidth > 0).length)
    await expect.poll(loaded, { timeout: 30_000 }).toBe(expected.length)
    const sources = await images.evaluateAll((imgs) => (imgs as unknown as Img[]).map((img) => img.src))
    expect(sources.map((src) => src.split('/api/policies/')[1])).toEqual(expected.map((p) => `${p.id}/code`))
    await screenshot(admin, 'sheet-screen')
    expect(await axeViolations(admin)).toEqual([])

    // Printed as Chromium prints it: one A4 page per three policies, nothing spilling over.
    await admin.emulateMedia({ media: 'print' })
    const pdf = artifact('sheet', 'pdf')
    await admin.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true })
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/)
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(pages)
    await screenshot(admin, 'sheet-print')
  })
})

describe('an FAQ entry drafted from a closed appeal', () => {
  it('opens the draft for editing from the appeal; the admin removes the enterprise’s name and publishes it', async () => {
    // A closed appeal of en-0001 (xt-hitech), answered and evaluated, through the API.
    const staff = await api.login('staff:en-0001')
    const filed = await api.call<{ appeal: Appeal }>('POST', '/api/appeals', {
      token: staff,
      headers: { 'Idempotency-Key': `e2e-kit-${randomUUID()}` },
      body: { enterpriseId: 'en-0001', categoryId: 'hiring', title: '锦程汽车零部件招聘技工有没有培训补贴', description: '湖南锦程汽车零部件有限公司新招二十名技工，想了解岗前培训补贴。' },
    })
    expect(filed.status, JSON.stringify(filed.body)).toBe(201)
    let appeal = filed.body.appeal
    const act = async (token: string, body: Record<string, unknown>) => {
      const reply = await api.call<{ appeal: Appeal }>('POST', `/api/appeals/${appeal.id}/actions`, { token, body: { ...body, expectedVersion: appeal.version } })
      expect(reply.status, JSON.stringify(reply.body)).toBe(200)
      appeal = reply.body.appeal
    }
    const owner = await api.login(appeal.ownerId!)
    await act(owner, { type: 'accept' })
    await act(owner, { type: 'respond', outcome: 'resolved', message: '新员工岗前培训可申请补贴：开班前 5 个工作日报人社部门备案，结业后 30 日内申领，每人 500 元。已告知锦程公司人事部王经理。', openTaskReason: '人社局已答复' })
    await act(staff, { type: 'evaluate', rating: 'satisfied', comment: '很及时' })
    expect(appeal.status).toBe('closed')

    // The specialist sees no such button; the area's admin does.
    const specialist = await signIn(appeal.ownerId!)
    await specialist.goto(`${H5}/#/packages/appeal/detail/index?id=${appeal.id}`)
    await specialist.locator('#appeal-status').waitFor({ timeout: 20_000 })
    expect(await specialist.locator('#draft-faq').count()).toBe(0)

    const admin = await signIn('ad-xt-hitech')
    await admin.goto(`${H5}/#/packages/appeal/detail/index?id=${appeal.id}`)
    await admin.locator('#draft-faq').click()
    await admin.locator('#faq-edit-notice').waitFor({ timeout: 20_000 })
    expect(await admin.locator('#faq-edit-notice').innerText()).toContain(appeal.number)
    expect(await admin.locator('#faq-answer textarea').inputValue()).toContain('王经理')
    const entryId = new URL(admin.url().replace('#', '')).searchParams.get('id')!
    expect(entryId).toMatch(/^fq-/)
    await screenshot(admin, 'faq-draft')
    expect(await axeViolations(admin)).toEqual([])

    // Too short a question is refused on the form, before anything is sent.
    await admin.locator('#faq-question input').fill('培训')
    await admin.locator('#faq-publish').click()
    await expect.poll(() => admin.locator('.field-error').count()).toBeGreaterThan(0)
    await admin.locator('#faq-question input').fill('新招技工的岗前培训有补贴吗？')
    await admin.locator('#faq-answer textarea').fill('新员工岗前培训可申请补贴：开班前 5 个工作日报人社部门备案，结业后 30 日内申领，每人 500 元。')
    await admin.locator('#faq-publish').click()
    await expect.poll(() => admin.locator('#faq-edit-status').innerText(), { timeout: 15_000 }).toBe('已发布：企业可以看到')
    await screenshot(admin, 'faq-published')

    const entry = faqViewSchema.parse((await api.call('GET', `/api/faq/${entryId}`, { token: staff })).body.entry)
    expect(entry).toMatchObject({ status: 'published', question: '新招技工的岗前培训有补贴吗？', categoryId: 'hiring', fromAppeal: { id: appeal.id, number: appeal.number } })
    expect(entry.answer).not.toMatch(/锦程|王经理/)
    // A second draft from the same appeal is refused with a message, and the admin stays on the appeal.
    await admin.goto(`${H5}/#/packages/appeal/detail/index?id=${appeal.id}`)
    await admin.locator('#draft-faq').click()
    await admin.getByText('这条诉求已整理过问答').waitFor({ timeout: 10_000 })
    expect(await admin.locator('#appeal-status').count()).toBe(1)
  })
})
