import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { ulid } from 'ulid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { LEDGER_COLUMNS } from '@shared/domain/problem-ledger'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { ledgerQuerySchema, type LedgerPage } from '@shared/schemas/ledger.schema'
import type { ExportJob } from '@shared/schemas/report.schema'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { getExport } from '../../functions/exports/export.use-case'
import { requestLedgerExport } from '../../functions/exports/ledger-export.use-case'
import { LEDGER_SHEET } from '../../functions/exports/ledger-workbook'
import { runExport } from '../../functions/exports/run-export.use-case'
import { listLedger } from '../../functions/ledger/ledger.use-case'
import { appealBulkItems } from '../../functions/store/appeal.store'
import { batchWriteAll } from '../../functions/store/batch'
import { putUser } from '../../functions/store/user.store'
import { staffOf } from '../support/filing'
import { areaAdmin, cityAdmin, makeAppeal, otherAreaAdmin, otherSpecialist, owner, powerHandler, powerTask, staff } from '../support/fixtures'
import { testBuildDir } from '../support/ports'

/*
 * The problem ledger (问题台账) against DynamoDB Local and s3rver: 湘潭高新区's problems of every
 * channel — two filed by an enterprise in the app, the rest found on visits, raised at exchange
 * days or taken by phone (written as the data generator writes them) — and a few of 雨湖区's; read
 * page by page with filters as each person may, exported as XLSX, downloaded and printed by
 * LibreOffice as an office would print it.
 */

const NOW = new Date('2026-12-02T02:00:00.000Z')
const clock = () => NOW
const BULK = 240
const specialistRef = { id: 'sp-007', name: '徐慧萍', role: 'specialist' as const }
const yuhuSpecialist: Actor = { id: 'sp-050', name: '雨湖专员', role: 'specialist', areaId: 'yuhu', enterpriseIds: [], pendingEnterpriseIds: [] }

const newId = (at: string) => `ap-${ulid(Date.parse(at)).toLowerCase()}`

/** A problem found by sp-007, as the generator writes it: channel, source and measure set, in its state. */
function found(i: number): Appeal {
  const day = String(1 + (i % 28)).padStart(2, '0')
  const month = i % 3 === 0 ? '10' : '11'
  const createdAt = `2026-${month}-${day}T0${i % 8}:${String(10 + (i % 50)).padStart(2, '0')}:00.000Z`
  const channel = (['visit', 'event', 'phone'] as const)[i % 3]!
  const closed = i % 4 === 0
  return makeAppeal({
    id: newId(createdAt),
    number: `XT-2026${month}${day}-${String(1000 + i).padStart(4, '0')}`,
    title: `走访发现的问题 ${i}`,
    channel,
    filedBy: specialistRef,
    ...(channel === 'visit' ? { source: { kind: 'visit', id: `vi-${i}`, label: `${Number(month)}月${Number(day)}日走访` } } : {}),
    ...(channel === 'event' ? { source: { kind: 'event', id: `ev-${i}`, label: `政企交流主题日第${i}期` } } : {}),
    ...(i % 2 === 0 ? { measure: { text: `协调解决第 ${i} 号问题的用电增容事项`, unit: '国网湘潭供电公司', dueDate: '2026-12-20', at: createdAt, by: specialistRef } } : {}),
    status: closed ? 'closed' : 'in_progress',
    createdAt,
    updatedAt: createdAt,
    firstResponseDueAt: createdAt,
    // Half of the open ones are past their deadline on NOW.
    dueAt: i % 8 === 1 ? '2026-11-30T15:59:59.999Z' : '2026-12-31T15:59:59.999Z',
    acceptedAt: createdAt,
    ...(closed ? { respondedAt: createdAt, closedAt: createdAt, response: { outcome: 'resolved' as const, message: '已解决', at: createdAt }, evaluation: { rating: 'satisfied' as const, comment: '', at: createdAt } } : {}),
    coHandlers: [powerTask()],
  })
}

let miniappA: Appeal
let miniappB: Appeal
let yuhuAppeal: Appeal
const bulk = Array.from({ length: BULK }, (_, i) => found(i))

beforeAll(async () => {
  await putUser({ id: staff.id, name: staff.name, role: 'staff', phone: '18955066490' })
  const file = (actor: Actor, enterpriseId: string, at: string, title: string) =>
    submitAppeal(actor, `ledger-${randomUUID()}`, { enterpriseId, categoryId: 'power', title, description: '新厂房需要接入 10kV 线路' }, new Date(at)).then((r) => r.appeal)
  miniappA = await file(staff, 'en-0001', '2026-11-25T02:00:00.000Z', '新线路接电')
  miniappB = await file(staffOf('en-0002'), 'en-0002', '2026-11-26T02:00:00.000Z', '变压器增容')
  yuhuAppeal = await file(staffOf('en-0241'), 'en-0241', '2026-11-20T02:00:00.000Z', '雨湖区用电')
  await batchWriteAll(
    bulk.flatMap((a) => appealBulkItems(a, [], a.status === 'closed' ? { kind: 'closed', closedAt: a.closedAt! } : { kind: 'open', sweepAt: null })),
  )
}, 120_000)

/** Every page of a ledger, following the cursors. */
async function allPages(actor: Actor, query: Record<string, string>): Promise<LedgerPage['items']> {
  const items: LedgerPage['items'] = []
  let cursor: string | undefined
  for (let n = 0; n < 100; n++) {
    const page = await listLedger(actor, ledgerQuerySchema.parse({ ...query, ...(cursor ? { cursor } : {}) }), NOW)
    items.push(...page.items)
    if (!page.cursor) return items
    cursor = page.cursor
  }
  throw new Error('the cursor never ran out')
}

const HITECH = BULK + 2

describe('reading the ledger', () => {
  it('gives the area admin every problem of the area whatever its channel, newest first, page by page, none twice', async () => {
    const items = await allPages(areaAdmin, { limit: '37' })
    expect(items).toHaveLength(HITECH)
    expect(new Set(items.map((r) => r.appealId)).size).toBe(HITECH)
    expect(items.map((r) => r.createdAt)).toEqual([...items.map((r) => r.createdAt)].sort().reverse())
    expect(new Set(items.map((r) => r.channelLabel))).toEqual(new Set(['企业自报', '走访', '交流日', '电话']))
    expect(items.some((r) => r.areaId !== 'xt-hitech')).toBe(false)
  })

  it('shows each row’s source, measure, holder, deadline and status', async () => {
    const items = await allPages(areaAdmin, {})
    const visit = items.find((r) => r.appealId === bulk[12]!.id)!
    expect(visit).toMatchObject({
      channelLabel: '走访',
      sourceLabel: '10月13日走访',
      onBehalf: true,
      measure: { text: '协调解决第 12 号问题的用电增容事项', unit: '国网湘潭供电公司', dueDate: '2026-12-20' },
      owner: '徐慧萍',
      coHandlers: ['国网湘潭供电公司'],
      statusLabel: '已办结',
      satisfaction: '满意',
    })
    expect(items.find((r) => r.appealId === miniappA.id)).toMatchObject({ channelLabel: '企业自报', sourceLabel: null, onBehalf: false, measure: null, statusLabel: '待受理', number: miniappA.number })
  })

  it('filters by channel, status, category, months and overdue', async () => {
    const byChannel = await allPages(areaAdmin, { channel: 'visit,event' })
    expect(byChannel).toHaveLength(bulk.filter((a) => a.channel === 'visit' || a.channel === 'event').length)
    const closed = await allPages(areaAdmin, { status: 'closed', limit: '50' })
    expect(closed).toHaveLength(bulk.filter((a) => a.status === 'closed').length)
    expect(await allPages(areaAdmin, { categoryId: 'land' })).toHaveLength(0)
    const october = await allPages(areaAdmin, { from: '2026-10', to: '2026-10' })
    expect(october.map((r) => r.appealId).sort()).toEqual(bulk.filter((a) => Date.parse(a.createdAt) < Date.parse('2026-10-31T16:00:00.000Z')).map((a) => a.id).sort())
    const overdue = await allPages(areaAdmin, { overdue: 'true', limit: '5' })
    const expected = bulk.filter((a) => a.status !== 'closed' && a.dueAt < NOW.toISOString()).map((a) => a.id)
    expect(expected.length).toBeGreaterThan(10)
    // The two filed in the app wait for their first response since 26 and 27 November.
    expect(overdue.map((r) => r.appealId).sort()).toEqual([...expected, miniappA.id, miniappB.id].sort())
    expect(overdue.every((r) => r.overdue)).toBe(true)
  })

  it('gives the city admin the city, or one area by name', async () => {
    const city = await allPages(cityAdmin, { limit: '50' })
    expect(city.length).toBeGreaterThanOrEqual(HITECH + 1)
    expect(city.some((r) => r.appealId === yuhuAppeal.id)).toBe(true)
    const yuhu = await listLedger(cityAdmin, ledgerQuerySchema.parse({ areaId: 'yuhu' }), NOW)
    expect(yuhu.scope).toEqual({ kind: 'area', areaId: 'yuhu', name: '雨湖区' })
    expect(yuhu.items.map((r) => r.appealId)).toEqual([yuhuAppeal.id])
  })

  it('gives a specialist the problems they hold, and no one else’s', async () => {
    const mine = await allPages(owner, { limit: '50' })
    expect(mine.map((r) => r.appealId).sort()).toEqual([...bulk.map((a) => a.id), miniappA.id].sort())
    const theirs = await allPages(otherSpecialist, {})
    expect(theirs.map((r) => r.appealId)).toEqual([miniappB.id])
    expect(await allPages(yuhuSpecialist, {})).toEqual([])
  })

  it('refuses another area’s admin, a specialist naming an area, handlers and staff; an unknown area is 404', async () => {
    const ask = (actor: Actor, query: Record<string, string>) => listLedger(actor, ledgerQuerySchema.parse(query), NOW)
    await expect(ask(otherAreaAdmin, { areaId: 'xt-hitech' })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(ask(owner, { areaId: 'xt-hitech' })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(ask(powerHandler, {})).rejects.toBeInstanceOf(ForbiddenError)
    await expect(ask(staff, {})).rejects.toBeInstanceOf(ForbiddenError)
    await expect(ask(cityAdmin, { areaId: 'no-such-area' })).rejects.toBeInstanceOf(NotFoundError)
  })

  it('takes a cursor only for the caller and filters it was given for', async () => {
    const first = await listLedger(areaAdmin, ledgerQuerySchema.parse({ limit: '10' }), NOW)
    expect(first.cursor).not.toBeNull()
    const next = await listLedger(areaAdmin, ledgerQuerySchema.parse({ limit: '10', cursor: first.cursor! }), NOW)
    expect(next.items[0]!.createdAt <= first.items[9]!.createdAt).toBe(true)
    await expect(listLedger(areaAdmin, ledgerQuerySchema.parse({ limit: '10', channel: 'visit', cursor: first.cursor! }), NOW)).rejects.toBeInstanceOf(ValidationError)
    await expect(listLedger(cityAdmin, ledgerQuerySchema.parse({ limit: '10', cursor: first.cursor! }), NOW)).rejects.toBeInstanceOf(ValidationError)
  })
})

const execFileAsync = promisify(execFile)
const A4 = { short: 595.28, long: 841.89 }
const dir = mkdtempSync(join(tmpdir(), 'qinshang-ledger-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('exporting the ledger as XLSX', () => {
  let job: ExportJob
  let bytes: Buffer
  let response: Response
  let sheet: ExcelJS.Worksheet

  beforeAll(async () => {
    const queued = await requestLedgerExport(areaAdmin, {}, NOW)
    expect(queued).toMatchObject({ kind: 'ledger', status: 'queued', scope: 'area:xt-hitech', scopeName: '湘潭高新区', fileName: '亲商直通问题台账-湘潭高新区-2026年12月2日.xlsx' })
    // Asked again while it waits: the same job, not a second one.
    expect((await requestLedgerExport(areaAdmin, {}, NOW)).id).toBe(queued.id)
    expect(await runExport(queued.id, { now: clock })).toBe('done')
    job = await getExport(areaAdmin, queued.id, NOW)
    response = await fetch(job.url!)
    bytes = Buffer.from(await response.arrayBuffer())
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    sheet = workbook.getWorksheet(LEDGER_SHEET)!
  }, 120_000)

  it('is done with every row of the area, under its Chinese name', () => {
    expect(job).toMatchObject({ status: 'done', kind: 'ledger', progress: { done: HITECH, total: HITECH }, bytes: bytes.length })
    expect(response.headers.get('content-disposition') ?? '').toContain(encodeURIComponent('亲商直通问题台账-湘潭高新区-2026年12月2日.xlsx'))
    expect(sheet.rowCount).toBe(4 + HITECH)
  })

  it('writes the rows in words, with the enterprise contact’s phone masked', () => {
    const column = (header: string) => LEDGER_COLUMNS.findIndex((c) => c.header === header) + 1
    const rows = new Map<string, ExcelJS.Row>()
    sheet.eachRow((row, n) => n > 4 && rows.set(String(row.getCell(column('编号')).value), row))
    const a = rows.get(miniappA.number)!
    expect([a.getCell(column('来源')).value, a.getCell(column('解决措施')).value, a.getCell(column('企业联系电话')).value]).toEqual(['企业自报', '未定', '189****6490'])
    const visit = rows.get(bulk[12]!.number)!
    expect([visit.getCell(column('来源')).value, visit.getCell(column('责任单位')).value, visit.getCell(column('满意度')).value, visit.getCell(column('企业联系电话')).value]).toEqual([
      '走访（10月13日走访）',
      '国网湘潭供电公司',
      '满意',
      null,
    ])
    expect(bytes.includes(Buffer.from('18955066490'))).toBe(false)
  })

  it('exports only what the filters keep, and only for those who may read the ledger', async () => {
    const queued = await requestLedgerExport(cityAdmin, { areaId: 'xt-hitech', channel: ['event'], status: ['closed'] }, NOW)
    expect(await runExport(queued.id, { now: clock })).toBe('done')
    expect((await getExport(cityAdmin, queued.id, NOW)).progress.done).toBe(bulk.filter((a) => a.channel === 'event' && a.status === 'closed').length)
    await expect(requestLedgerExport(otherAreaAdmin, { areaId: 'xt-hitech' }, NOW)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(requestLedgerExport(powerHandler, {}, NOW)).rejects.toBeInstanceOf(ForbiddenError)
    // A job is its requester's alone.
    await expect(getExport(cityAdmin, job.id, NOW)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('prints on A4 across the page, one page wide, the header row and page numbers on every page', async () => {
    const xlsx = join(dir, 'ledger.xlsx')
    writeFileSync(xlsx, bytes)
    const profile = pathToFileURL(join(dir, 'lo-profile')).href
    await execFileAsync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { timeout: 150_000 })
    const pdf = join(dir, 'ledger.pdf')
    const { stdout: info } = await execFileAsync('pdfinfo', ['-f', '1', '-l', '10000', pdf], { encoding: 'utf8' })
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }))
    const { stdout: text } = await execFileAsync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    const pages = text.split('\f').slice(0, count)
    const artifacts = join(process.cwd(), 'test-artifacts', testBuildDir('print'))
    mkdirSync(artifacts, { recursive: true })
    copyFileSync(pdf, join(artifacts, 'area-ledger.pdf'))

    // 242 rows of wrapped text: several pages, each of them A4 landscape.
    expect(count).toBeGreaterThan(3)
    expect(count).toBeLessThan(60)
    expect(sizes).toHaveLength(count)
    for (const size of sizes) expect([Math.round(size.width), Math.round(size.height)]).toEqual([Math.round(A4.long), Math.round(A4.short)])
    pages.forEach((page, i) => {
      // The first and the last column on every page: nothing spills onto a page of its own.
      expect(page, `page ${i + 1}`).toContain('序号')
      expect(page, `page ${i + 1}`).toContain('企业联系电话')
      expect(page, `page ${i + 1}`).toContain('亲商直通 问题台账 — 湘潭高新区')
      expect(page.replace(/\s+/g, ''), `page ${i + 1}`).toContain(`第${i + 1}页，共${count}页`)
    })
  }, 180_000)
})
