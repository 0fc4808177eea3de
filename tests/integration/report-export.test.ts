import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { ForbiddenError, NotFoundError, RateLimitedError } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import type { ExportJob, MonthlyReport } from '@shared/schemas/report.schema'
import { actOnAppeal } from '../../functions/appeals/act-on-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { BOM, CSV_HEADER } from '../../functions/exports/export-csv'
import { getExportJob } from '../../functions/store/export-job.store'
import { DETAIL_COLUMNS } from '../../functions/exports/export-rows'
import { DETAIL_SHEET, SUMMARY_LINES, SUMMARY_SHEET } from '../../functions/exports/export-workbook'
import { handleExportStream } from '../../functions/exports/export-worker'
import { getExport, listExports, requestExport } from '../../functions/exports/export.use-case'
import { authoriseReportScope, buildMonthlyReport } from '../../functions/services/monthly-report'
import { runExport } from '../../functions/exports/run-export.use-case'
import { listNotifications } from '../../functions/store/notification.store'
import { putUser } from '../../functions/store/user.store'
import { startStreamPoller, type StreamPoller } from '../../scripts/lib/stream-poller'
import { staffOf } from '../support/filing'
import { areaAdmin, cityAdmin, otherAreaAdmin, owner, powerHandler, staff } from '../support/fixtures'

/*
 * Report exports end to end against DynamoDB Local and s3rver: a month of appeals in 湘潭高新区
 * (October 2026, reported on 5 November), exported by the area admin; the file is downloaded
 * through its presigned link and read back, and must say what the report says.
 */

const MONTH = '2026-10'
const NOW = new Date('2026-11-05T02:00:00.000Z')
const at = (iso: string) => new Date(iso)
const clock = () => NOW

const specialist1: Actor = { id: 'sp-001', name: '姜婷', role: 'specialist', areaId: 'xt-hitech', enterpriseIds: [], pendingEnterpriseIds: [] }
const specialist4: Actor = { id: 'sp-004', name: '杨波凯', role: 'specialist', areaId: 'xt-hitech', enterpriseIds: [], pendingEnterpriseIds: [] }
const ownerOf: Record<string, Actor> = { 'en-0001': owner, 'en-0002': specialist1, 'en-0003': specialist4, 'en-0004': specialist1 }

async function file(enterpriseId: string, when: string, title = '用电诉求'): Promise<Appeal> {
  const { appeal } = await submitAppeal(staffOf(enterpriseId), `export-${randomUUID()}`, { enterpriseId, categoryId: 'power', title, description: '新厂房需要接入 10kV 线路' }, at(when))
  return appeal
}

/** Accept, answer and evaluate at the given instants. */
async function close(appeal: Appeal, times: { accept: string; respond: string; evaluate: string }, outcome: 'resolved' | 'partly' = 'resolved', rating: 'satisfied' | 'basically' = 'satisfied') {
  const official = ownerOf[appeal.enterpriseId]!
  await actOnAppeal(official, appeal.id, { type: 'accept' }, at(times.accept))
  await actOnAppeal(official, appeal.id, { type: 'respond', outcome, message: '已办理完毕', openTaskReason: '已办结，协办单位无需再办' }, at(times.respond))
  return actOnAppeal(staffOf(appeal.enterpriseId), appeal.id, { type: 'evaluate', rating, comment: '' }, at(times.evaluate))
}

const ids: Record<string, string> = {}
const numbers: Record<string, string> = {}

async function download(job: ExportJob): Promise<{ response: Response; bytes: Buffer }> {
  const response = await fetch(job.url!)
  return { response, bytes: Buffer.from(await response.arrayBuffer()) }
}

/** The export a requester asks for, made by the worker at NOW, then read back with its link. */
async function exportAs(actor: Actor, scope: string, format: 'xlsx' | 'csv' = 'xlsx'): Promise<ExportJob> {
  const queued = await requestExport(actor, { scope, month: MONTH, format }, NOW)
  expect(queued).toMatchObject({ status: 'queued', progress: { done: 0, total: 0 }, requestedBy: actor.id })
  expect(await runExport(queued.id, { now: clock })).toBe('done')
  return getExport(actor, queued.id, NOW)
}

beforeAll(async () => {
  // The filer of en-0001's appeals gave their phone when joining; en-0002's did not.
  await putUser({ id: staff.id, name: staff.name, role: 'staff', phone: '18955066490' })

  // Filed and closed in October, on time.
  const a = await file('en-0001', '2026-10-12T02:00:00.000Z', '新线路接电')
  await close(a, { accept: '2026-10-12T03:00:00.000Z', respond: '2026-10-13T02:00:00.000Z', evaluate: '2026-10-13T06:00:00.000Z' })
  const b = await file('en-0002', '2026-10-12T02:30:00.000Z', '变压器增容')
  await close(b, { accept: '2026-10-12T04:00:00.000Z', respond: '2026-10-14T02:00:00.000Z', evaluate: '2026-10-15T02:00:00.000Z' }, 'partly', 'basically')
  // Filed in October, answered after its deadline, closed in October.
  const c = await file('en-0001', '2026-10-14T02:00:00.000Z', '电压不稳')
  await close(c, { accept: '2026-10-14T03:00:00.000Z', respond: '2026-10-28T02:00:00.000Z', evaluate: '2026-10-29T02:00:00.000Z' })
  // Filed in October and withdrawn.
  const d = await file('en-0003', '2026-10-20T02:00:00.000Z', '线路迁改')
  await actOnAppeal(staffOf('en-0003'), d.id, { type: 'withdraw', reason: '问题已自行解决' }, at('2026-10-20T05:00:00.000Z'))
  // Filed in October, still open.
  const e = await file('en-0004', '2026-10-26T02:00:00.000Z', '双回路供电')
  await actOnAppeal(specialist1, e.id, { type: 'accept' }, at('2026-10-26T03:00:00.000Z'))
  // Filed in September, closed in October: listed, though not received in the month.
  const f = await file('en-0001', '2026-09-21T02:00:00.000Z', '路灯报修')
  await close(f, { accept: '2026-09-21T03:00:00.000Z', respond: '2026-10-15T02:00:00.000Z', evaluate: '2026-10-16T02:00:00.000Z' })
  // Filed in October, closed in November (before the report date).
  const g = await file('en-0002', '2026-10-28T02:00:00.000Z', '充电桩报装')
  await close(g, { accept: '2026-10-28T03:00:00.000Z', respond: '2026-11-02T02:00:00.000Z', evaluate: '2026-11-03T02:00:00.000Z' })
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id, f: f.id, g: g.id })
  Object.assign(numbers, { a: a.number, b: b.number, c: c.number, d: d.number, e: e.number, f: f.number, g: g.number })
}, 60_000)

/** The rows of a sheet as header → cell value. */
function records(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const rows: Record<string, ExcelJS.CellValue>[] = []
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(DETAIL_COLUMNS.map((c, i) => [c.header, row.getCell(i + 1).value])))
  })
  return rows
}

/** A date cell holds Shanghai wall time in its UTC fields. */
const monthOfCell = (value: ExcelJS.CellValue) => (value instanceof Date ? value.toISOString().slice(0, 7) : null)

describe('exporting a month’s report as XLSX', () => {
  let job: ExportJob
  let report: MonthlyReport
  let workbook: ExcelJS.Workbook
  let bytes: Buffer
  let response: Response

  beforeAll(async () => {
    job = await exportAs(areaAdmin, 'area:xt-hitech')
    report = await buildMonthlyReport(await authoriseReportScope(areaAdmin, 'area:xt-hitech'), MONTH, NOW)
    ;({ response, bytes } = await download(job))
    workbook = new ExcelJS.Workbook()
    // exceljs types its input as an ArrayBuffer look-alike that a Node Buffer does not satisfy.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  }, 60_000)

  it('finishes the job with its file, its size and the rows counted', () => {
    expect(job).toMatchObject({
      status: 'done',
      scope: 'area:xt-hitech',
      scopeName: '湘潭高新区',
      month: MONTH,
      format: 'xlsx',
      fileName: '亲商直通月报-湘潭高新区-2026年10月.xlsx',
      progress: { done: 7, total: 7 },
      finishedAt: NOW.toISOString(),
    })
    expect(job.bytes).toBe(bytes.length)
    expect(job.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/qinshang-direct-exports-local\/exports\/2026-10\/ex-[0-9a-z]{26}\.xlsx\?/)
  })

  it('downloads through the presigned link under its Chinese name', () => {
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const disposition = response.headers.get('content-disposition') ?? ''
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('亲商直通月报-湘潭高新区-2026年10月.xlsx')}`)
    expect(disposition).toContain('filename="qinshang-report-area-xt-hitech-2026-10.xlsx"')
  })

  it('has a summary that says what the report says', () => {
    expect(report.figures).toMatchObject({ received: 5, withdrawn: 1, closed: 4, cohortClosed: 4, evaluated: 4, satisfied: 3, basically: 1 })
    const lines = new Map<string, ExcelJS.CellValue>()
    workbook.getWorksheet(SUMMARY_SHEET)!.eachRow((row) => lines.set(String(row.getCell(1).value), row.getCell(2).value))
    expect(lines.get('统计范围')).toBe('湘潭高新区')
    expect(lines.get('统计月份')).toBe('2026年10月')
    for (const line of SUMMARY_LINES) expect(lines.get(line.label), line.label).toBe(line.value(report) ?? '—')
  })

  it('lists every appeal filed or closed in the month once, and its rows add up to the summary', () => {
    const rows = records(workbook.getWorksheet(DETAIL_SHEET)!)
    expect(rows.map((r) => r['诉求编号']).sort()).toEqual(Object.values(numbers).sort())
    // A person reads numbers, never the appeals' internal ids.
    expect(JSON.stringify(rows)).not.toMatch(/ap-[0-9a-z]{26}/)
    expect(rows.length).toBeLessThanOrEqual(report.figures.received + report.figures.withdrawn + report.figures.closed)

    const closedInMonth = rows.filter((r) => monthOfCell(r['办结时间']) === MONTH)
    const filedInMonth = rows.filter((r) => monthOfCell(r['提交时间']) === MONTH)
    expect(closedInMonth).toHaveLength(report.figures.closed)
    expect(closedInMonth.filter((r) => r['是否按时'] === '是')).toHaveLength(report.figures.onTime)
    expect(closedInMonth.filter((r) => r['办理结果'] === '已解决')).toHaveLength(report.figures.resolved)
    expect(closedInMonth.filter((r) => r['评价'] === '满意')).toHaveLength(report.figures.satisfied)
    expect(closedInMonth.filter((r) => r['评价'] === '基本满意')).toHaveLength(report.figures.basically)
    expect(filedInMonth.filter((r) => r['状态'] === '已撤回')).toHaveLength(report.figures.withdrawn)
    expect(filedInMonth.filter((r) => r['状态'] !== '已撤回')).toHaveLength(report.figures.received)
    expect(filedInMonth.filter((r) => r['状态'] === '已办结')).toHaveLength(report.figures.cohortClosed)
  })

  it('writes each row in words, with Shanghai times and the filer’s phone masked', () => {
    const rows = records(workbook.getWorksheet(DETAIL_SHEET)!)
    const byId = new Map(rows.map((r) => [ids[Object.entries(numbers).find(([, n]) => n === r['诉求编号'])![0]], r]))
    expect(byId.get(ids.a)).toMatchObject({ 企业: '湖南锦程汽车零部件有限公司', 地区: '湘潭高新区', 承办专员: '徐慧萍', 是否按时: '是', 办理结果: '已解决', 评价: '满意', 状态: '已办结', 联系电话: '189****6490' })
    expect(byId.get(ids.a)!['提交时间']).toEqual(new Date('2026-10-12T10:00:00.000Z'))
    expect(byId.get(ids.c)).toMatchObject({ 是否按时: '否' })
    expect(byId.get(ids.e)).toMatchObject({ 状态: '办理中', 是否按时: null, 办结时间: null, 联系电话: null })
    expect(byId.get(ids.d)).toMatchObject({ 状态: '已撤回' })
  })

  it('tells the requester that it is ready, opening the exports page', async () => {
    const inbox = await listNotifications(areaAdmin.id, { limit: 20 })
    const ready = inbox.items.filter((n) => n.kind === 'export_ready')
    expect(ready).toHaveLength(1)
    expect(ready[0]).toMatchObject({ title: '月报已导出', page: `packages/report/exports/index?id=${job.id}` })
  })

  it('does nothing when the job’s insert is handed over again', async () => {
    const before = await getExportJob(job.id)
    const insert = { eventName: 'INSERT' as const, dynamodb: { NewImage: { entity: { S: 'EXPORT_JOB' }, id: { S: job.id } }, SequenceNumber: '1' } }
    expect(await handleExportStream({ Records: [insert] })).toEqual({ batchItemFailures: [] })
    expect(await runExport(job.id, { now: clock })).toBe('skipped')
    expect(await getExportJob(job.id)).toEqual(before)
    expect((await listNotifications(areaAdmin.id, { limit: 20 })).items.filter((n) => n.kind === 'export_ready')).toHaveLength(1)
  })

  it('hands the worker export-job inserts only', async () => {
    const ran: string[] = []
    const run = async (id: string) => (ran.push(id), 'skipped' as const)
    const image = (entity: string) => ({ entity: { S: entity }, id: { S: job.id } })
    await handleExportStream(
      {
        Records: [
          { eventName: 'MODIFY', dynamodb: { NewImage: image('EXPORT_JOB') } },
          { eventName: 'INSERT', dynamodb: { NewImage: image('NOTIFICATION') } },
          { eventName: 'REMOVE', dynamodb: { OldImage: image('EXPORT_JOB') } },
          { eventName: 'INSERT', dynamodb: { NewImage: image('EXPORT_JOB') } },
        ],
      },
      run,
    )
    expect(ran).toEqual([job.id])
  })

  it('gives a link on every look, and the job to nobody else', async () => {
    const again = await getExport(areaAdmin, job.id, new Date(NOW.getTime() + 60_000))
    expect((await fetch(again.url!)).status).toBe(200)
    await expect(getExport(otherAreaAdmin, job.id, NOW)).rejects.toBeInstanceOf(NotFoundError)
    await expect(getExport(cityAdmin, job.id, NOW)).rejects.toBeInstanceOf(NotFoundError)
    await expect(getExport(areaAdmin, 'ex-nonsense', NOW)).rejects.toBeInstanceOf(NotFoundError)
    expect((await listExports(otherAreaAdmin, NOW)).map((j) => j.id)).not.toContain(job.id)
    expect((await listExports(areaAdmin, NOW)).map((j) => j.id)).toContain(job.id)
  })
})

describe('exporting the detail rows as CSV', () => {
  it('gives a specialist their own portfolio, UTF-8 with a byte-order mark, one line per appeal', async () => {
    const job = await exportAs(owner, 'specialist:sp-007', 'csv')
    expect(job).toMatchObject({ status: 'done', fileName: '亲商直通月报-徐慧萍-2026年10月.csv', progress: { done: 3, total: 3 } })
    const { response, bytes } = await download(job)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text.startsWith(BOM + CSV_HEADER)).toBe(true)
    const lines = text.slice(BOM.length).split('\r\n').filter((l) => l !== '')
    expect(lines).toHaveLength(1 + 3)
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual([numbers.a, numbers.c, numbers.f].sort())
    expect(lines.find((l) => l.startsWith(`${numbers.a},`))).toContain(',2026-10-12 10:00,2026-10-12 11:00,')
    expect(text).not.toMatch(/ap-[0-9a-z]{26}/)
  })
})

describe('the export’s file name', () => {
  it('is one name from the moment it is queued: the job record, the list, the done job and the download', async () => {
    const name = '亲商直通月报-杨波凯-2026年10月.xlsx'
    const queued = await requestExport(specialist4, { scope: 'specialist:sp-004', month: MONTH, format: 'xlsx' }, NOW)
    expect(queued).toMatchObject({ status: 'queued', fileName: name })
    expect((await getExportJob(queued.id))?.fileName).toBe(name)
    expect((await listExports(specialist4, NOW)).find((j) => j.id === queued.id)?.fileName).toBe(name)

    expect(await runExport(queued.id, { now: clock })).toBe('done')
    const done = await getExport(specialist4, queued.id, NOW)
    expect(done).toMatchObject({ status: 'done', fileName: name })
    expect((await listExports(specialist4, NOW)).find((j) => j.id === queued.id)?.fileName).toBe(name)
    const { response } = await download(done)
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`)
  })
})

describe('who may export what', () => {
  const request = (actor: Actor, scope: string) => requestExport(actor, { scope, month: MONTH, format: 'xlsx' }, NOW)

  it('lets a specialist export only their own portfolio', async () => {
    await expect(request(owner, 'specialist:sp-001')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(request(owner, 'area:xt-hitech')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(request(owner, 'city')).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('lets an area admin export their area and its specialists, nothing else', async () => {
    await expect(request(areaAdmin, 'area:yuhu')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(request(areaAdmin, 'city')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(request(areaAdmin, 'department:power')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(request(otherAreaAdmin, 'specialist:sp-007')).rejects.toBeInstanceOf(ForbiddenError)
    expect(await request(areaAdmin, 'specialist:sp-001')).toMatchObject({ status: 'queued', scopeName: '姜婷' })
  })

  it('refuses enterprise staff and department handlers', async () => {
    await expect(request(staff, 'area:xt-hitech')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(request(powerHandler, 'department:power')).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('refuses a month that has not begun', async () => {
    await expect(requestExport(cityAdmin, { scope: 'city', month: '2026-12', format: 'xlsx' }, NOW)).rejects.toMatchObject({ fields: { month: '不能选择尚未开始的月份' } })
  })
})

describe('exports under way', () => {
  it('answers the same export again instead of queuing a second, and allows three at a time', async () => {
    const first = await requestExport(cityAdmin, { scope: 'city', month: MONTH, format: 'xlsx' }, NOW)
    expect((await requestExport(cityAdmin, { scope: 'city', month: MONTH, format: 'xlsx' }, NOW)).id).toBe(first.id)
    await requestExport(cityAdmin, { scope: 'city', month: MONTH, format: 'csv' }, NOW)
    await requestExport(cityAdmin, { scope: 'area:yuhu', month: MONTH, format: 'xlsx' }, NOW)
    await expect(requestExport(cityAdmin, { scope: 'area:tianyi', month: MONTH, format: 'xlsx' }, NOW)).rejects.toBeInstanceOf(RateLimitedError)
  })

  it('runs a job once however many workers race for it', async () => {
    const job = await requestExport(otherAreaAdmin, { scope: 'area:yuhu', month: '2026-09', format: 'csv' }, NOW)
    const outcomes = await Promise.all([runExport(job.id, { now: clock }), runExport(job.id, { now: clock }), runExport(job.id, { now: clock })])
    expect(outcomes.sort()).toEqual(['done', 'skipped', 'skipped'])
  })

  it('shows a job that nobody works on any more as failed', async () => {
    const job = await requestExport(otherAreaAdmin, { scope: 'area:yuhu', month: MONTH, format: 'csv' }, new Date(NOW.getTime() - 3600_000))
    expect(await getExport(otherAreaAdmin, job.id, new Date(NOW.getTime() - 3600_000 + 60_000))).toMatchObject({ status: 'queued' })
    expect(await getExport(otherAreaAdmin, job.id, NOW)).toMatchObject({ status: 'failed', error: '导出未能开始，请重新导出' })
  })
})

describe('the worker on the table’s stream', () => {
  // Started only now: earlier tests run the worker by hand and must not race a poller. It reads
  // the stream from its start, so it also makes the jobs the tests above left queued.
  let poller: StreamPoller
  beforeAll(async () => {
    poller = await startStreamPoller({ endpoint: process.env.DYNAMODB_ENDPOINT!, tableName: process.env.TABLE_NAME!, handler: (event) => handleExportStream(event), idleMs: 50, log: () => undefined })
  })
  afterAll(() => poller?.stop())

  it('makes an export as soon as it is asked for', async () => {
    // The worker runs on the stream with the machine's clock, as in production; the job is asked
    // for and read on that clock too, and the month exported (October 2026) is long past on any day.
    const queued = await requestExport(areaAdmin, { scope: 'specialist:sp-001', month: MONTH, format: 'csv' }, new Date())
    await poller.caughtUp(30_000)
    const job = await getExport(areaAdmin, queued.id, new Date())
    expect(job).toMatchObject({ status: 'done', fileName: '亲商直通月报-姜婷-2026年10月.csv' })
    const { bytes } = await download(job)
    // en-0002's appeals b and g, and en-0004's e: sp-001's portfolio.
    expect(bytes.toString('utf8').split('\r\n').filter((l) => l.startsWith('XT-'))).toHaveLength(3)
  })
})
