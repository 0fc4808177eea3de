import { randomUUID } from 'node:crypto'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { drawSample } from '@shared/domain/return-visits'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { Appeal, Rating } from '@shared/schemas/appeal.schema'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { SUMMARY_SHEET, writeWorkbook } from '../../functions/exports/export-workbook'
import {
  drawMonthSample,
  getOneReturnVisit,
  listMonthReturnVisits,
  recordAttempt,
  returnVisitSummary,
} from '../../functions/return-visits/return-visits.use-case'
import { authoriseReportScope, buildMonthlyReport } from '../../functions/services/monthly-report'
import { listClosedAppealsPage } from '../../functions/store/appeal-lists.store'
import { claimStratum, getStratum } from '../../functions/store/return-visit.store'
import { putUser } from '../../functions/store/user.store'
import { runSweep } from '../../functions/supervision/sweep.use-case'
import { shanghai } from '../support/clock'
import { areaAdmin, cityAdmin, otherAreaAdmin, owner, staff } from '../support/fixtures'
import { staffOf } from '../support/filing'

const yuhuSpecialist: Actor = { id: 'sp-042', name: '叶鹏', role: 'specialist', areaId: 'yuhu', enterpriseIds: [], pendingEnterpriseIds: [] }
const yuhuStaff = staffOf('en-0241')
const quiet = () => undefined

/** An appeal of category 其他 (no co-handlers) filed at `at`, answered the next hour. */
async function answered(filer: Actor, specialist: Actor, enterpriseId: string, at: string): Promise<Appeal> {
  const { appeal } = await submitAppeal(filer, `rv-${randomUUID()}`, { enterpriseId, categoryId: 'other', title: '其他诉求', description: '厂区门口路灯损坏需要维修' }, shanghai(at))
  const later = new Date(shanghai(at).getTime() + 3_600_000)
  await actOnAppeal(specialist, appeal.id, { type: 'accept' }, later)
  return actOnAppeal(specialist, appeal.id, { type: 'respond', outcome: 'resolved', message: '已联系路灯管理所修复' }, later)
}
async function evaluated(filer: Actor, specialist: Actor, enterpriseId: string, at: string, rating: Rating): Promise<Appeal> {
  const appeal = await answered(filer, specialist, enterpriseId, at)
  return actOnAppeal(filer, appeal.id, { type: 'evaluate', rating, comment: rating === 'unsatisfied' ? '路灯仍然不亮' : '' }, new Date(shanghai(at).getTime() + 7_200_000))
}

const ids = {} as { satisfied: string[]; silent: string[]; december: string; open: string; yuhu: string }
const december = shanghai('2026-12-02T10:00:00')

beforeAll(async () => {
  await putUser({ id: staff.id, name: staff.name, role: 'staff', phone: '18955066490' })
  // 湘潭高新区, November 2026: twelve evaluated (ten satisfied, two basically), two left unevaluated,
  // one closed only in December, one still open.
  const satisfied: string[] = []
  for (let day = 2; day <= 13; day++) {
    const rating: Rating = day % 6 === 0 ? 'basically' : 'satisfied'
    satisfied.push((await evaluated(staff, owner, 'en-0001', `2026-11-${String(day).padStart(2, '0')}T10:00:00`, rating)).id)
  }
  const silent = [(await answered(staff, owner, 'en-0001', '2026-11-09T10:00:00')).id, (await answered(staff, owner, 'en-0001', '2026-11-10T10:00:00')).id]
  // 7 working days after the answers: closed as 未评价 by the sweep, still in November.
  await runSweep(shanghai('2026-11-23T10:00:00'), quiet)
  const late = await answered(staff, owner, 'en-0001', '2026-11-27T10:00:00')
  await actOnAppeal(staff, late.id, { type: 'evaluate', rating: 'satisfied', comment: '' }, shanghai('2026-12-01T10:00:00'))
  const open = await submitAppeal(staff, `rv-${randomUUID()}`, { enterpriseId: 'en-0001', categoryId: 'other', title: '仍在办理', description: '厂区门口路灯损坏需要维修' }, shanghai('2026-11-20T10:00:00'))
  // 雨湖区: one, closed in November.
  const yuhu = await evaluated(yuhuStaff, yuhuSpecialist, 'en-0241', '2026-11-16T10:00:00', 'satisfied')
  Object.assign(ids, { satisfied, silent, december: late.id, open: open.appeal.id, yuhu: yuhu.id })
}, 120_000)

async function closedIn(areaId: string): Promise<Appeal[]> {
  return (await listClosedAppealsPage(areaId, shanghai('2026-11-01T00:00:00'), shanghai('2026-12-01T00:00:00'))).items
}

describe('drawing the month’s sample', () => {
  it('samples the area’s appeals closed in the month: at least the minimum, every 未评价 one, reproducible from its seed', async () => {
    const population = await closedIn('xt-hitech')
    expect(population.map((a) => a.id).sort()).toEqual([...ids.satisfied, ...ids.silent].sort())
    expect(population.filter((a) => a.notEvaluated).map((a) => a.id).sort()).toEqual([...ids.silent].sort())

    const drawn = await drawMonthSample(areaAdmin, { month: '2026-11', percent: 10, minPerArea: 4 }, december)
    expect(drawn).toMatchObject({ month: '2026-11', created: true, scope: { kind: 'area', areaId: 'xt-hitech', name: '湘潭高新区' } })
    expect(drawn.strata).toEqual([
      expect.objectContaining({ areaId: 'xt-hitech', percent: 10, minPerArea: 4, population: 14, sampled: 4, notEvaluated: 2, drawnBy: { id: 'ad-xt-hitech', name: '卢鹏' } }),
    ])
    const list = await listMonthReturnVisits(areaAdmin, { month: '2026-11' }, december)
    const sampledIds = list.items.map((v) => v.appealId).sort()
    expect(sampledIds).toHaveLength(4)
    for (const id of ids.silent) expect(sampledIds).toContain(id)
    expect(sampledIds).not.toContain(ids.december)
    expect(sampledIds).not.toContain(ids.open)
    // Drawn again from the stored seed, the same appeals.
    expect(drawSample(population, { percent: 10, minPerArea: 4 }, drawn.strata[0]!.seed).map((a) => a.id).sort()).toEqual(sampledIds)
  })

  it('answers the sample drawn when asked again, whatever rule is sent: a sample is not drawn twice', async () => {
    const first = (await listMonthReturnVisits(areaAdmin, { month: '2026-11' }, december)).items.map((v) => v.id).sort()
    const again = await drawMonthSample(areaAdmin, { month: '2026-11', areaId: 'xt-hitech', percent: 100, minPerArea: 50 }, december)
    expect(again.created).toBe(false)
    expect(again.strata[0]).toMatchObject({ percent: 10, minPerArea: 4, sampled: 4 })
    expect((await listMonthReturnVisits(areaAdmin, { month: '2026-11' }, december)).items.map((v) => v.id).sort()).toEqual(first)
  })

  it('finishes a sample that was cut short after it was claimed, keeping its plan', async () => {
    const [yuhu] = await closedIn('yuhu')
    expect(yuhu?.id).toBe(ids.yuhu)
    const plan = [{ visitId: 'rv-01kbnr0z000000000000000000', appealId: ids.yuhu }]
    const claimed = await claimStratum({
      month: '2026-11',
      areaId: 'yuhu',
      areaName: '雨湖区',
      percent: 10,
      minPerArea: 1,
      seed: 'interrupted',
      population: 1,
      sampled: 1,
      notEvaluated: 0,
      drawnAt: december.toISOString(),
      drawnBy: { id: 'ad-city', name: '万明建' },
      state: 'drawing',
      plan,
    })
    expect(claimed).toBe(true)
    expect((await listMonthReturnVisits(cityAdmin, { month: '2026-11', areaId: 'yuhu' }, december)).items).toEqual([])
    const resumed = await drawMonthSample(cityAdmin, { month: '2026-11', areaId: 'yuhu', percent: 10, minPerArea: 3 }, december)
    expect(resumed).toMatchObject({ created: false, strata: [expect.objectContaining({ areaId: 'yuhu', seed: 'interrupted' })] })
    expect((await listMonthReturnVisits(cityAdmin, { month: '2026-11', areaId: 'yuhu' }, december)).items.map((v) => [v.id, v.appealId])).toEqual([[plan[0]!.visitId, ids.yuhu]])
    expect((await getStratum('2026-11', 'yuhu'))?.state).toBe('drawn')
  })

  it('lets the city office sample every area at once, keeping the areas already drawn', async () => {
    const city = await drawMonthSample(cityAdmin, { month: '2026-11', percent: 10, minPerArea: 3 }, december)
    expect(city.created).toBe(true)
    expect(city.scope).toEqual({ kind: 'city', areaId: null, name: '全市' })
    expect(city.strata).toHaveLength(7)
    expect(city.strata.find((s) => s.areaId === 'xt-hitech')).toMatchObject({ percent: 10, minPerArea: 4, sampled: 4 })
    expect(city.strata.find((s) => s.areaId === 'tianyi')).toMatchObject({ population: 0, sampled: 0 })
    expect((await drawMonthSample(cityAdmin, { month: '2026-11', percent: 10, minPerArea: 3 }, december)).created).toBe(false)
  })

  it('refuses another area’s office, anyone but the admins, and a month not yet begun', async () => {
    await expect(drawMonthSample(otherAreaAdmin, { month: '2026-11', areaId: 'xt-hitech', percent: 10, minPerArea: 3 }, december)).rejects.toThrow(ForbiddenError)
    await expect(drawMonthSample(owner, { month: '2026-11', percent: 10, minPerArea: 3 }, december)).rejects.toThrow(ForbiddenError)
    await expect(drawMonthSample(staff, { month: '2026-11', percent: 10, minPerArea: 3 }, december)).rejects.toThrow(ForbiddenError)
    await expect(drawMonthSample(cityAdmin, { month: '2027-01', percent: 10, minPerArea: 3 }, december)).rejects.toThrow(ValidationError)
    await expect(drawMonthSample(cityAdmin, { month: '2026-11', areaId: 'nowhere', percent: 10, minPerArea: 3 }, december)).rejects.toThrow(NotFoundError)
  })
})

describe('calling back', () => {
  it('lists whom to call, with the filer’s phone in full for the admins who call', async () => {
    const list = await listMonthReturnVisits(areaAdmin, { month: '2026-11', status: 'pending' }, december)
    expect(list.items).toHaveLength(4)
    expect(list.items[0]).toMatchObject({ enterpriseName: '湖南锦程汽车零部件有限公司', areaId: 'xt-hitech', status: 'pending', contact: { source: 'filer', name: staff.name, phone: '18955066490', phoneMasked: false } })
    expect(list.items.every((v) => v.closedAt >= '2026-10-31T16:00:00.000Z' && v.closedAt < '2026-11-30T16:00:00.000Z')).toBe(true)
    await expect(listMonthReturnVisits(otherAreaAdmin, { month: '2026-11', areaId: 'xt-hitech' }, december)).rejects.toThrow(ForbiddenError)
  })

  it('records tries until reached, flags 评价不一致, and takes no call after the enterprise was reached', async () => {
    const list = await listMonthReturnVisits(areaAdmin, { month: '2026-11' }, december)
    const rated = list.items.find((v) => v.inAppRating === 'satisfied')!
    const silent = list.items.find((v) => v.notEvaluated)!

    const missed = await recordAttempt(areaAdmin, rated.id, { reached: false, comment: '无人接听' }, december)
    expect(missed).toMatchObject({ status: 'unreached', attempts: [{ reached: false, note: '无人接听', by: { id: 'ad-xt-hitech' } }] })
    await expect(recordAttempt(cityAdmin, rated.id, { reached: false, comment: '', expectedAttempts: 0 }, december)).rejects.toThrow(ConflictError)
    const reached = await recordAttempt(cityAdmin, rated.id, { reached: true, rating: 'unsatisfied', comment: '路灯修好两天又坏了', expectedAttempts: 1 }, new Date(december.getTime() + 3_600_000))
    expect(reached).toMatchObject({ status: 'reached', outcome: { rating: 'unsatisfied' }, inconsistent: true })
    expect(reached.attempts).toHaveLength(2)
    await expect(recordAttempt(areaAdmin, rated.id, { reached: true, rating: 'satisfied', comment: '' }, december)).rejects.toThrow(ConflictError)

    await recordAttempt(areaAdmin, silent.id, { reached: true, rating: 'basically', comment: '' }, december)
    await expect(recordAttempt(otherAreaAdmin, silent.id, { reached: false, comment: '' }, december)).rejects.toThrow(NotFoundError)
    await expect(recordAttempt(owner, silent.id, { reached: false, comment: '' }, december)).rejects.toThrow(NotFoundError)
    await expect(getOneReturnVisit(owner, silent.id)).rejects.toThrow(NotFoundError)
    expect((await getOneReturnVisit(cityAdmin, silent.id)).status).toBe('reached')
  })

  it('sums the month up: 回访满意率 over those reached, the sizes, and the inconsistent ones for the supervisor', async () => {
    const area = await returnVisitSummary(areaAdmin, { month: '2026-11' }, december)
    expect(area.figures).toEqual({ sampled: 4, reached: 2, notReached: 0, pending: 2, satisfied: 0, basically: 1, unsatisfied: 1, inconsistent: 1, rate: 0.5 })
    expect(area.inconsistent.map((v) => v.outcome?.comment)).toEqual(['路灯修好两天又坏了'])
    const city = await returnVisitSummary(cityAdmin, { month: '2026-11' }, december)
    expect(city.figures).toMatchObject({ sampled: 5, reached: 2, pending: 3, rate: 0.5 })
    expect(city.byArea.find((a) => a.areaId === 'yuhu')?.figures.sampled).toBe(1)
    expect(city.strata).toHaveLength(7)
    expect((await listMonthReturnVisits(cityAdmin, { month: '2026-11', status: 'inconsistent' }, december)).items).toHaveLength(1)
    expect((await listMonthReturnVisits(cityAdmin, { month: '2026-11', status: 'reached' }, december)).items).toHaveLength(2)
  })

  it('puts 回访满意率 and the sample sizes into the area’s and the city’s monthly report and its workbook', async () => {
    const report = await buildMonthlyReport(await authoriseReportScope(areaAdmin, 'area:xt-hitech'), '2026-11', december)
    expect(report.returnVisits).toEqual({ sampled: 4, reached: 2, notReached: 0, pending: 2, satisfied: 0, basically: 1, unsatisfied: 1, inconsistent: 1, rate: 0.5 })
    expect(report.figures.notEvaluated).toBe(2)
    expect((await buildMonthlyReport(await authoriseReportScope(cityAdmin, 'city'), '2026-11', december)).returnVisits?.sampled).toBe(5)
    expect((await buildMonthlyReport(await authoriseReportScope(owner, 'specialist:sp-007'), '2026-11', december)).returnVisits).toBeUndefined()

    const sink = new PassThrough()
    const chunks: Buffer[] = []
    sink.on('data', (chunk: Buffer) => chunks.push(chunk))
    await writeWorkbook(report, (async function* () {})(), sink)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
    const lines = new Map<string, ExcelJS.CellValue>()
    workbook.getWorksheet(SUMMARY_SHEET)!.eachRow((r) => lines.set(String(r.getCell(1).value), r.getCell(2).value))
    expect(lines.get('回访满意率')).toBe(0.5)
    expect(lines.get('回访抽查数')).toBe(4)
    expect(lines.get('回访接通数')).toBe(2)
    expect(lines.get('回访评价不一致')).toBe(1)
  })
})
