import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { endOfShanghaiDay, monthDayLabel, previousWorkday, shanghaiDate } from '@shared/domain/calendar'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { extensionWindow } from '@shared/domain/extension'
import { browserSessions } from '../support/browser'
import { STACK_TABLE, TEST_PORTS, TEST_TOKEN_SECRET } from '../support/ports'

/**
 * Co-handling and supervision in a real browser against the h5 build: a department handler
 * works the task the owner asked for, and an area admin finds an overdue appeal in the
 * supervision queue and the weekly digest after the sweep.
 */
const { h5: H5, launch, close, signIn, screenshot } = browserSessions('supervision')

async function openAppeal(page: Page, appealId: string) {
  await page.goto(`${H5}/#/packages/appeal/detail/index?id=${appealId}`)
  await page.locator('#appeal-status').waitFor()
}

/** Opens an action's sheet from the bar, or from 更多 when the bar has no room for it. */
async function openAction(page: Page, action: string) {
  const button = page.locator(`#action-${action}`)
  if (!(await button.isVisible())) await page.locator('#action-more').click()
  await button.click()
  await page.locator(`#panel-${action}`).waitFor()
}

const fillMessage = (page: Page, text: string) => page.locator('#action-message textarea').fill(text)
const submit = (page: Page) => page.locator('#action-submit').click()
const taskStatus = (page: Page) => page.locator('#task-status-department-power').innerText()

beforeAll(launch)
afterAll(close)

describe('co-handling in the h5 mini-program', () => {
  it('the owner asks the power company, its handler accepts, notes and replies, and the owner answers without a reason', async () => {
    const title = `新车间增容 ${Date.now() % 100000}`

    // The enterprise files an appeal whose category names no department (其他).
    const staff = await signIn('staff:en-0001')
    await staff.locator('#new-appeal').click()
    await staff.locator('#category-other').click()
    await staff.locator('#title-input input').fill(title)
    await staff.locator('#description-input textarea').fill('新车间需要增容到 2000kVA，申请两周没有回音。')
    await staff.locator('#submit-appeal').click()
    await staff.locator('#appeal-status').waitFor()
    const appealId = new URL(staff.url().replace('#', '')).searchParams.get('id')!
    expect(appealId).toMatch(/^ap-/)

    // The owner accepts and asks the power company to co-handle, 3 working days by default.
    const owner = await signIn('sp-007')
    await openAppeal(owner, appealId)
    await openAction(owner, 'accept')
    await submit(owner)
    await expect.poll(() => owner.locator('#appeal-status').innerText(), { timeout: 15_000 }).toBe('办理中')

    // The owner first asks for material: the clock stops until the enterprise supplies it.
    await openAction(owner, 'request-material')
    await fillMessage(owner, '请提供新车间用电负荷表')
    await submit(owner)
    await expect.poll(() => owner.locator('#awaiting-material').innerText(), { timeout: 15_000 }).toContain('办理时限暂停')
    await openAppeal(staff, appealId)
    expect(await staff.locator('#awaiting-material').innerText()).toContain('请提供新车间用电负荷表')
    expect(await staff.locator('#appeal-deadline').innerText()).toContain('暂停')
    await screenshot(staff, 'staff-asked-for-material')
    await staff.locator('#supply-material').click()
    await staff.locator('#panel-supply-material').waitFor()
    await fillMessage(staff, '负荷表已发至专员邮箱')
    await submit(staff)
    await expect.poll(() => staff.locator('#awaiting-material').count(), { timeout: 15_000 }).toBe(0)
    await openAppeal(owner, appealId)

    await openAction(owner, 'co-handle')
    await owner.locator('#cohandle-department-power').waitFor()
    expect(await owner.locator('#cohandle-days input').inputValue()).toBe('3')
    await submit(owner)
    // Nothing chosen, nothing asked: the panel says so under each field.
    await expect.poll(() => owner.locator('#cohandle-handlers .field-error').innerText()).toContain('请至少选择一个协办单位')
    await owner.locator('#cohandle-department-power').click()
    await fillMessage(owner, '请核实新车间增容所需的线路容量，并给出接入方案。')
    await screenshot(owner, 'owner-co-handle')
    await submit(owner)
    await expect.poll(() => taskStatus(owner), { timeout: 15_000 }).toBe('待接收')

    // While the task is open, answering the enterprise needs a reason.
    await openAction(owner, 'respond')
    expect(await owner.locator('#open-tasks').innerText()).toContain('国网湘潭供电公司')
    await owner.locator('#outcome-resolved').click()
    await fillMessage(owner, '增容方案已确定。')
    await submit(owner)
    await expect.poll(() => owner.locator('#open-task-reason .field-error').innerText()).toContain('先行答复')
    await screenshot(owner, 'owner-respond-needs-reason')
    await owner.locator('#panel-respond').getByText('取消', { exact: true }).click()

    // The department handler finds the task in the list, accepts it, notes progress, replies.
    const handler = await signIn('dh-001')
    await handler.locator(`#appeal-${appealId}`).waitFor()
    expect(await handler.locator(`#task-chip-${appealId}`).innerText()).toBe('待接收')
    await screenshot(handler, 'handler-list')
    await handler.locator(`#appeal-${appealId}`).click()
    await handler.locator('#co-tasks').waitFor()
    await openAction(handler, 'accept-task')
    expect(await handler.locator('#panel-accept-task').innerText()).toContain('请核实新车间增容')
    await submit(handler)
    await expect.poll(() => taskStatus(handler), { timeout: 15_000 }).toBe('协办中')
    await openAction(handler, 'note')
    await fillMessage(handler, '已派人到现场勘察线路。')
    await submit(handler)
    await expect.poll(() => handler.locator('#timeline').innerText(), { timeout: 15_000 }).toContain('已派人到现场勘察线路')
    await openAction(handler, 'reply-task')
    await fillMessage(handler, '线路容量满足，可从 10kV 园区线 T 接，两周内完成。')
    await screenshot(handler, 'handler-reply')
    await submit(handler)
    await expect.poll(() => taskStatus(handler), { timeout: 15_000 }).toBe('已回复')
    await screenshot(handler, 'handler-replied')

    // The owner sees the reply and answers the enterprise, no reason asked any more.
    await openAppeal(owner, appealId)
    expect(await taskStatus(owner)).toBe('已回复')
    expect(await owner.locator('#task-department-power').innerText()).toContain('10kV 园区线 T 接')
    await openAction(owner, 'respond')
    expect(await owner.locator('#open-task-reason').count()).toBe(0)
    await owner.locator('#outcome-resolved').click()
    await fillMessage(owner, '供电公司确认可从园区线 T 接，两周内完成增容。')
    await submit(owner)
    await expect.poll(() => owner.locator('#appeal-status').innerText(), { timeout: 15_000 }).toBe('已答复')
    await screenshot(owner, 'owner-responded')

    // The enterprise never sees the co-handler's reply, only the owner's answer.
    await openAppeal(staff, appealId)
    expect(await staff.locator('#co-tasks').innerText()).not.toContain('10kV 园区线 T 接')
    expect(await staff.locator('#appeal-response').innerText()).toContain('两周内完成增容')
  })
})

describe('supervision in the h5 mini-program', () => {
  it('an area admin finds an appeal the sweep marked overdue in the queue, on its page and in the weekly digest, then extends, escalates and transfers it', async () => {
    // In this process, against the e2e stack's DynamoDB: the store reads its config at import.
    Object.assign(process.env, {
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${TEST_PORTS.e2e.dynamo}`,
      TABLE_NAME: STACK_TABLE,
      TOKEN_SECRET: TEST_TOKEN_SECRET,
      AWS_REGION: 'local',
    })
    const { submitAppeal } = await import('../../functions/appeals/submit-appeal.use-case')
    const { runSweep } = await import('../../functions/supervision/sweep.use-case')
    const { makeWeeklyDigests } = await import('../../functions/supervision/digest.use-case')

    // Filed ten working days ago and never accepted: its first response and its resolution (five
    // working days) are both late. The sweep then runs on the real clock, so only this appeal is
    // late: appeals other suites are working on at the same time stay untouched. (Filed relative to
    // today, because an extension may not reach more than 60 working days past the deadline.)
    let filedDay = shanghaiDate(new Date())
    for (let i = 0; i < 10; i++) filedDay = previousWorkday(filedDay, CHINESE_CALENDAR.isWorkday)
    const enterpriseStaff = { id: 'staff-en-0001', name: '范波艳', role: 'staff' as const, enterpriseIds: ['en-0001'], pendingEnterpriseIds: [] }
    const { appeal } = await submitAppeal(
      enterpriseStaff,
      `e2e-${randomUUID()}`,
      { enterpriseId: 'en-0001', categoryId: 'power', title: `双回路供电改造 ${Date.now() % 100000}`, description: '双回路改造申请一个月没有受理。' },
      new Date(`${filedDay}T10:00:00+08:00`),
    )
    const swept = await runSweep(new Date(), () => undefined)
    expect(swept.overdue).toBeGreaterThanOrEqual(1)
    await makeWeeklyDigests(new Date())

    // The area admin opens 督办队列 from 我的.
    const admin = await signIn('ad-xt-hitech')
    await admin.goto(`${H5}/#/pages/me/index`)
    await admin.locator('#menu-supervision-queue').click()
    const row = admin.locator(`#queue-${appeal.id}`)
    await row.waitFor({ timeout: 15_000 })
    expect(await admin.locator(`#queue-${appeal.id}-overdue`).innerText()).toBe('已超期')
    expect(await admin.locator(`#queue-${appeal.id}-level`).innerText()).toBe('属地督办')
    expect(await row.innerText()).toContain('超期未办')
    await screenshot(admin, 'queue')
    await admin.locator('#reason-overdue').click()
    await row.waitFor()
    expect(await admin.locator('#reason-overdue').innerText()).toMatch(/已超期 [1-9]/)

    // The row opens the appeal: level badge, overdue mark, and the sweep's event on the timeline.
    await row.click()
    await admin.locator('#appeal-status').waitFor()
    expect(await admin.locator('#appeal-level').innerText()).toBe('属地督办')
    expect(await admin.locator('#appeal-overdue').innerText()).toBe('已超期')
    expect(await admin.locator('#appeal-escalation').innerText()).toContain('超期未办')
    await expect.poll(() => admin.locator('#timeline .timeline-overdue').innerText()).toContain('超过办理时限')
    await screenshot(admin, 'overdue-detail')

    // The admin extends the deadline with the date wheel: the deadline has passed, so the first date
    // offered is today, or the next working day (the shared rule, on the same clock as the page).
    const first = extensionWindow(appeal.dueAt, new Date(), CHINESE_CALENDAR)!.first
    await openAction(admin, 'extend')
    await submit(admin)
    await expect.poll(() => admin.locator('#extend-date .field-error').innerText()).toContain('请选择新的办结日期')
    await admin.locator('#extend-date-value').click()
    await admin.locator('.weui-picker__action', { hasText: '确定' }).click()
    await expect.poll(() => admin.locator('#extend-date-value').innerText()).toBe(first)
    await fillMessage(admin, '企业补充双回路设计图纸需时')
    await screenshot(admin, 'extend')
    await submit(admin)
    await expect.poll(() => admin.locator('#appeal-extensions').innerText(), { timeout: 15_000 }).toContain('已延期 1 次')
    expect(await admin.locator('#timeline .timeline-extend').innerText()).toContain(`延长至 ${monthDayLabel(endOfShanghaiDay(first).toISOString())}`)

    // Still stuck: the admin lifts it to the city and hands it to another specialist.
    await openAction(admin, 'escalate')
    await fillMessage(admin, '涉及跨区线路改造，需市级协调')
    await submit(admin)
    await expect.poll(() => admin.locator('#appeal-level').innerText(), { timeout: 15_000 }).toBe('市级督办')
    await openAction(admin, 'transfer')
    const candidate = admin.locator('#transfer-to .candidate-option').first()
    await candidate.waitFor()
    const receiver = (await candidate.locator('.candidate-name').innerText()).trim()
    await candidate.click()
    await fillMessage(admin, '改由熟悉电网改造的专员办理')
    await screenshot(admin, 'transfer')
    await submit(admin)
    await expect.poll(() => admin.locator('#timeline .timeline-transfer').innerText(), { timeout: 15_000 }).toContain(`转交 ${receiver} 办理`)

    // This week's digest lists it among the overdue appeals.
    await admin.goto(`${H5}/#/pages/me/index`)
    await admin.locator('#menu-supervision-digest').click()
    await admin.locator('#digest-weeks .digest-week').first().click()
    await admin.locator('#digest').waitFor({ timeout: 15_000 })
    await admin.locator(`#digest-overdue-${appeal.id}`).waitFor()
    expect(Number(await admin.locator('#total-overdue .digest-total-value').innerText())).toBeGreaterThanOrEqual(1)
    await screenshot(admin, 'digest')
  })
})
