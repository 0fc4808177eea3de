import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { appealDetailSchema, type Appeal } from '@shared/schemas/appeal.schema'
import { apiClient } from '../support/api-client'
import { axeViolations, settle } from '../support/accessibility'
import { browserSessions } from '../support/browser'

/**
 * A common problem in the h5 build: three enterprises of one specialist (sp-003: en-0007, en-0008,
 * en-0013 of 湘潭高新区; no other browser test uses sp-003's enterprises) report the same water
 * cut. The specialist opens one, 查找相似诉求, ticks the other two, 合并为共性问题, records progress,
 * sets the measure and answers them all once with 统一答复; each appeal is then answered with that
 * message and carries the link in its timeline, and one enterprise's staff see their own appeal
 * answered and evaluate it. A second problem (en-0019, en-0020, en-0040) gains an appeal through
 * 追加诉求, and its answer skips the appeal whose co-handling department has not replied, saying why.
 */
const { h5: H5, launch, close, newPhone, screenshot } = browserSessions('common-problems')
const api = apiClient(inject('apiUrl'))
const SPECIALIST = 'sp-003'
const ENTERPRISES = ['en-0007', 'en-0008', 'en-0013'] as const
const run = randomUUID().slice(0, 4)
const ANSWER = '市水务局已完成高新区东片区主供水管抢修，并增设一路备用管线，工业用水已恢复稳定。'

const TEXTS = [
  { title: `东片区工业用水频繁停水 ${run}`, description: '高新区东片区本月已停水四次，每次停水半天以上，窑炉冷却用水中断，生产线被迫停机。' },
  { title: `东片区频繁停水影响生产 ${run}`, description: '东片区工业用水近一个月频繁停水，没有提前通知，施工现场和搅拌站无法正常作业。' },
  { title: `东片区工业用水停水频繁 ${run}`, description: '公司机房空调冷却依赖工业用水，东片区频繁停水导致机房多次高温告警，希望尽快解决。' },
]

let appeals: Appeal[] = []

/** A phone signed in as `as`, its session put where the app keeps it (Taro's storage). */
async function phoneAs(as: string): Promise<Page> {
  const reply = await api.call('POST', '/api/auth/dev-login', { body: { as } })
  expect(reply.status).toBe(200)
  const page = await newPhone(as)
  const stored = { 'qs.session.token': reply.body.token, 'qs.session.refresh': reply.body.refreshToken, 'qs.session.user': reply.body.user }
  await page.goto(`${H5}/#/pages/me/index`)
  await page.evaluate((items) => {
    const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage
    for (const [key, value] of Object.entries(items)) storage.setItem(key, JSON.stringify({ data: value }))
  }, stored)
  return page
}

async function open(page: Page, route: string, ready: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${H5}/#${route}`)
  await page.locator(ready).first().waitFor({ timeout: 20_000 })
}

const appealRoute = (id: string) => `/packages/appeal/detail/index?id=${id}`

async function appealDetail(id: string, token: string) {
  const reply = await api.call('GET', `/api/appeals/${id}`, { token })
  expect(reply.status, JSON.stringify(reply.body)).toBe(200)
  return appealDetailSchema.parse(reply.body)
}

beforeAll(async () => {
  await launch()
  const specialist = await api.login(SPECIALIST)
  const waterCompany = await api.login('dh-002')
  appeals = []
  for (const [i, enterpriseId] of ENTERPRISES.entries()) {
    const staff = await api.login(`staff:${enterpriseId}`)
    const filed = await api.call<{ appeal: Appeal }>('POST', '/api/appeals', {
      token: staff,
      headers: { 'Idempotency-Key': `e2e-common-${run}-${i}` },
      body: { enterpriseId, categoryId: 'water', ...TEXTS[i] },
    })
    expect(filed.status, JSON.stringify(filed.body)).toBe(201)
    expect(filed.body.appeal.ownerId).toBe(SPECIALIST)
    // Accepted, and the water company (co-handling from the start) has replied: ready to answer.
    let appeal = filed.body.appeal
    expect(appeal.coHandlers.map((c) => c.id)).toEqual(['water'])
    for (const [as, action] of [
      [specialist, { type: 'accept' }],
      [waterCompany, { type: 'accept-task' }],
      [waterCompany, { type: 'reply-task', message: '东片区主供水管正在抢修，本周内恢复稳定供水。' }],
    ] as const) {
      const reply = await api.call<{ appeal: Appeal }>('POST', `/api/appeals/${appeal.id}/actions`, { token: as, body: { ...action, expectedVersion: appeal.version } })
      expect(reply.status, JSON.stringify(reply.body)).toBe(200)
      appeal = reply.body.appeal
    }
    appeals.push(appeal)
  }
})
afterAll(close)

describe('a common problem in the h5 mini-program', () => {
  it('the specialist merges three similar appeals into one common problem and answers them all once', async () => {
    const [first, second, third] = appeals as [Appeal, Appeal, Appeal]
    const specialist = await phoneAs(SPECIALIST)

    // 1. The appeal of en-0007: 查找相似诉求 offers the other two; tick them.
    await open(specialist, appealRoute(first.id), '#find-similar')
    await specialist.locator('#find-similar').click()
    await specialist.locator(`#similar-${second.id}`).waitFor({ timeout: 20_000 })
    await specialist.locator(`#similar-${third.id}`).waitFor()
    expect(await specialist.locator(`#similar-${first.id}`).count()).toBe(0)
    await specialist.locator(`#similar-${second.id}`).click()
    await specialist.locator(`#similar-${third.id}`).click()
    expect(await specialist.locator(`#similar-${second.id}`).getAttribute('aria-checked')).toBe('true')
    expect(await specialist.locator('#merge-title input').inputValue()).toBe(first.title)

    // Without a responsible unit the form says so beside the field and creates nothing.
    await specialist.locator('#merge-submit').click()
    await expect.poll(() => specialist.locator('#merge-form .field-error').first().innerText()).toContain('责任单位')
    await specialist.locator('#merge-title input').fill(`东片区工业用水频繁停水 ${run}`)
    await specialist.locator('#merge-unit input').fill('湘潭市水务局')
    await screenshot(specialist, 'similar-ticked')
    expect(await axeViolations(specialist)).toEqual([])
    await specialist.locator('#merge-submit').click()

    // 2. The common problem's page: three enterprises, three appeals, each with its status.
    await specialist.locator('#cp-title').waitFor({ timeout: 20_000 })
    expect(await specialist.locator('#cp-title').innerText()).toBe(`东片区工业用水频繁停水 ${run}`)
    expect(await specialist.locator('#cp-reach').innerText()).toBe('涉及企业 3 家 / 诉求 3 件')
    expect(await specialist.locator('#cp-status').innerText()).toBe('未答复')
    for (const appeal of appeals) expect(await specialist.locator(`#cp-appeal-${appeal.id} .status-tag`).innerText()).toBe('办理中')
    const problemId = new URL(specialist.url().replace('#', '')).searchParams.get('id')!
    expect(problemId).toMatch(/^cp-/)

    // 3. 记录进展 once: written to each appeal's timeline.
    await specialist.locator('#cp-action-note').click()
    await specialist.locator('#cp-panel-note').waitFor()
    await specialist.locator('#cp-message textarea').fill('已约市水务局现场踏勘东片区主供水管。')
    await specialist.locator('#cp-submit').click()
    await expect.poll(() => specialist.locator('#cp-result-headline').innerText(), { timeout: 20_000 }).toBe('已记录到 3 件诉求')

    // 4. 设定措施: what, by which unit, by when (the date wheel's first offer), on each appeal too.
    await specialist.locator('#cp-action-set-measure').click()
    await specialist.locator('#cp-panel-set-measure').waitFor()
    await specialist.locator('#cp-measure-text textarea').fill('抢修东片区主供水管并增设一路备用管线')
    await specialist.locator('#cp-measure-unit input').fill('湘潭市水务集团')
    await specialist.locator('#cp-measure-due').click()
    await specialist.locator('.weui-picker__action', { hasText: '确定' }).click()
    await expect.poll(() => specialist.locator('#cp-measure-due').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await specialist.locator('#cp-submit').click()
    await expect.poll(() => specialist.locator('#cp-result-headline').innerText(), { timeout: 20_000 }).toBe('已为 3 件诉求设定措施')
    expect(await specialist.locator('#cp-measure').innerText()).toContain('抢修东片区主供水管并增设一路备用管线')

    // 5. 统一答复 once: an outcome and a message, written to all three.
    await specialist.locator('#cp-action-respond').click()
    await specialist.locator('#cp-panel-respond').waitFor()
    await specialist.locator('#cp-submit').click()
    await expect.poll(() => specialist.locator('#cp-panel-respond .field-error').first().innerText()).toBe('请选择办理结果')
    await specialist.locator('#cp-outcome-resolved').click()
    await specialist.locator('#cp-message textarea').fill(ANSWER)
    expect(await axeViolations(specialist)).toEqual([])
    await specialist.locator('#cp-submit').click()
    await specialist.locator('#cp-result').waitFor({ timeout: 20_000 })
    const result = await specialist.locator('#cp-result').innerText()
    expect(await specialist.locator('#cp-result-headline').innerText(), result).toBe('已答复 3 件')
    expect(await specialist.locator('#cp-skipped').count()).toBe(0)
    expect(await specialist.locator('#cp-status').innerText()).toBe('已答复')
    expect(await specialist.locator('#cp-answer').innerText()).toContain(ANSWER)
    for (const appeal of appeals) expect(await specialist.locator(`#cp-appeal-${appeal.id} .status-tag`).innerText()).toBe('已答复')
    await screenshot(specialist, 'answered')
    expect(await axeViolations(specialist)).toEqual([])

    // 6. Through the API: each appeal answered with that message, the link in its timeline.
    const token = await api.login(SPECIALIST)
    for (const appeal of appeals) {
      const detail = await appealDetail(appeal.id, token)
      expect(detail.appeal.status, appeal.id).toBe('responded')
      expect(detail.appeal.response?.message).toBe(ANSWER)
      expect(detail.appeal.response?.outcome).toBe('resolved')
      expect(detail.appeal.commonProblem?.id).toBe(problemId)
      expect(detail.appeal.measure).toMatchObject({ text: '抢修东片区主供水管并增设一路备用管线', unit: '湘潭市水务集团' })
      expect(detail.events.filter((e) => e.type === 'common_linked')).toHaveLength(1)
      expect(detail.events.some((e) => e.type === 'note' && e.message?.includes('已约市水务局现场踏勘东片区主供水管。'))).toBe(true)
    }

    // 7. The appeal page now names its common problem and leads to it; 我的 → 共性问题 lists it as answered.
    await open(specialist, appealRoute(second.id), '#appeal-common-problem')
    expect(await specialist.locator('#appeal-common-problem').innerText()).toContain(`东片区工业用水频繁停水 ${run}`)
    expect(await specialist.locator('#similar-appeals').count()).toBe(0)
    await specialist.locator('#appeal-common-problem').click()
    await specialist.locator('#cp-title').waitFor({ timeout: 20_000 })
    await open(specialist, '/pages/me/index', '#menu-common-problems')
    await specialist.locator('#menu-common-problems').click()
    await specialist.locator('#common-tab-answered').click()
    await specialist.locator(`#common-${problemId}`).waitFor({ timeout: 20_000 })
    expect(await specialist.locator(`#common-${problemId}`).innerText()).toContain('涉及企业 3 家 / 诉求 3 件')
    await settle(specialist)
    expect(await axeViolations(specialist)).toEqual([])
  })

  it('an enterprise sees its own appeal answered and evaluates it; the other two stay answered', async () => {
    const [, second, third] = appeals as [Appeal, Appeal, Appeal]
    const staff = await phoneAs('staff:en-0008')
    await open(staff, appealRoute(second.id), '#appeal-status')
    await expect.poll(() => staff.locator('#appeal-status').innerText(), { timeout: 15_000 }).toBe('已答复')
    expect(await staff.locator('#appeal-response').innerText()).toContain(ANSWER)
    // Staff never see the common problem nor suggestions of other enterprises' appeals.
    expect(await staff.locator('#appeal-common-problem, #similar-appeals').count()).toBe(0)
    await staff.locator('#action-evaluate').click()
    await staff.locator('#panel-evaluate').waitFor()
    await staff.locator('#rating-satisfied').click()
    await staff.locator('#action-submit').click()
    await expect.poll(() => staff.locator('#appeal-status').innerText(), { timeout: 15_000 }).toBe('已办结')
    await screenshot(staff, 'staff-evaluated')

    const token = await api.login(SPECIALIST)
    expect((await appealDetail(second.id, token)).appeal.evaluation?.rating).toBe('satisfied')
    expect((await appealDetail(third.id, token)).appeal.status).toBe('responded')
    const other = await api.login('staff:en-0013')
    expect((await api.call('GET', `/api/appeals/${second.id}`, { token: other })).status).toBeGreaterThanOrEqual(403)
  })

  it('追加诉求; 统一答复 names the appeal it could not answer and why; 移出 lets it go', async () => {
    // Three more water appeals of sp-003's enterprises; the water company has replied on two.
    const specialist = await api.login(SPECIALIST)
    const waterCompany = await api.login('dh-002')
    const three: Appeal[] = []
    for (const [i, enterpriseId] of (['en-0019', 'en-0020', 'en-0040'] as const).entries()) {
      const filed = await api.call<{ appeal: Appeal }>('POST', '/api/appeals', {
        token: await api.login(`staff:${enterpriseId}`),
        headers: { 'Idempotency-Key': `e2e-common-pair-${run}-${i}` },
        body: { enterpriseId, categoryId: 'water', title: `西片区水压不足 ${run}`, description: '西片区工业用水水压长期不足，高峰时段设备无法正常运行。' },
      })
      expect(filed.status, JSON.stringify(filed.body)).toBe(201)
      let appeal = filed.body.appeal
      const replies = [[waterCompany, { type: 'accept-task' }], [waterCompany, { type: 'reply-task', message: '已调高西片区加压站出水压力。' }]] as const
      const steps = i === 1 ? [[specialist, { type: 'accept' }] as const] : [[specialist, { type: 'accept' }] as const, ...replies]
      for (const [as, action] of steps) {
        const reply = await api.call<{ appeal: Appeal }>('POST', `/api/appeals/${appeal.id}/actions`, { token: as, body: { ...action, expectedVersion: appeal.version } })
        expect(reply.status, JSON.stringify(reply.body)).toBe(200)
        appeal = reply.body.appeal
      }
      three.push(appeal)
    }
    const [replied, waiting, later] = three as [Appeal, Appeal, Appeal]
    const created = await api.call('POST', '/api/common-problems', {
      token: specialist,
      body: { title: `西片区水压不足 ${run}`, responsibleUnit: '湘潭市水务局', appealIds: [replied.id, waiting.id] },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const problemId: string = created.body.problem.id

    const page = await phoneAs(SPECIALIST)
    await open(page, `/packages/common/detail/index?id=${problemId}`, '#cp-action-respond')

    // 追加诉求: the third, offered among the first appeal's similar ones.
    await page.locator('#cp-action-link').click()
    await page.locator(`#cp-similar-${later.id}`).waitFor({ timeout: 20_000 })
    expect(await page.locator(`#cp-similar-${replied.id}, #cp-similar-${waiting.id}`).count()).toBe(0)
    await page.locator(`#cp-similar-${later.id}`).click()
    await page.locator('#cp-submit').click()
    await expect.poll(() => page.locator('#cp-result-headline').innerText(), { timeout: 20_000 }).toBe('已追加 1 件')
    expect(await page.locator('#cp-reach').innerText()).toBe('涉及企业 3 家 / 诉求 3 件')

    await page.locator('#cp-action-respond').click()
    await page.locator('#cp-outcome-partly').click()
    await page.locator('#cp-message textarea').fill('西片区加压站已调高出水压力，管网改造列入明年计划。')
    await page.locator('#cp-submit').click()
    await page.locator('#cp-result').waitFor({ timeout: 20_000 })
    expect(await page.locator('#cp-result-headline').innerText()).toBe('已答复 2 件')
    expect(await page.locator(`#cp-skipped-${waiting.id}`).innerText()).toContain(waiting.number)
    expect(await page.locator(`#cp-skipped-${waiting.id}`).innerText()).toContain('协办单位尚未回复')
    expect(await page.locator(`#cp-skipped-${replied.id}, #cp-skipped-${later.id}`).count()).toBe(0)
    await screenshot(page, 'skipped')

    // 移出: the appeal it could not answer leaves the problem and is worked on its own again.
    await page.locator(`#cp-unlink-${waiting.id}`).click()
    await page.getByText('确定', { exact: true }).last().click()
    await expect.poll(() => page.locator('#cp-result-headline').innerText(), { timeout: 20_000 }).toBe('已移出 1 件')
    expect(await page.locator(`#cp-appeal-${waiting.id}`).count()).toBe(0)
    expect(await page.locator('#cp-reach').innerText()).toBe('涉及企业 2 家 / 诉求 2 件')

    const token = await api.login(SPECIALIST)
    for (const answered of [replied, later]) expect((await appealDetail(answered.id, token)).appeal.status).toBe('responded')
    const left = await appealDetail(waiting.id, token)
    expect(left.appeal.status).toBe('in_progress')
    expect(left.appeal.commonProblem).toBeUndefined()
    expect(left.events.map((e) => e.type)).toEqual(expect.arrayContaining(['common_linked', 'common_unlinked']))
  })
})
