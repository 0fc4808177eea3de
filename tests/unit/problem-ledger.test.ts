import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { ledgerReach, mayPickLedgerArea, mayViewLedger } from '@shared/domain/policy'
import {
  holderText,
  LEDGER_CHANNEL_LABEL,
  LEDGER_COLUMNS,
  ledgerFileName,
  ledgerFilterText,
  ledgerRowOf,
  matchesLedgerFilter,
  measureText,
  satisfactionOf,
  sourceText,
} from '@shared/domain/problem-ledger'
import { ledgerExportRequestSchema, ledgerQuerySchema, type LedgerFilter } from '@shared/schemas/ledger.schema'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { LEDGER_SHEET, ledgerTitle, writeLedgerWorkbook, type LedgerPrintRow } from '../../functions/exports/ledger-workbook'
import { exportBody, filtersKey, ledgerExportText, NO_FILTERS, pageQuery, periodMonths, rowHolder, rowMeasure, rowSource } from '../../miniapp/src/packages/ledger/ledger-view'
import { shanghai } from '../support/clock'
import { areaAdmin, cityAdmin, makeAppeal, otherAreaAdmin, otherSpecialist, owner, powerHandler, powerTask, staff } from '../support/fixtures'

const context = { areaName: (id: string) => ({ 'xt-hitech': '湘潭高新区', yuhu: '雨湖区' })[id] ?? id }
/** Before A's deadlines (first response 24 Nov, resolution 30 Nov). */
const BEFORE = shanghai('2026-11-23T12:00:00')
/** After its resolution deadline. */
const AFTER = shanghai('2026-12-02T09:00:00')

const specialistActor = { id: 'sp-007', name: '徐慧萍', role: 'specialist' as const }
const visitAppeal = (overrides: Partial<Appeal> = {}): Appeal =>
  makeAppeal({
    id: 'ap-visit',
    channel: 'visit',
    filedBy: specialistActor,
    source: { kind: 'visit', id: 'vi-1', label: '11月20日走访' },
    measure: { text: '协调供电公司加装变压器', unit: '国网湘潭供电公司', dueDate: '2026-12-15', at: '2026-11-23T03:00:00.000Z', by: specialistActor },
    ...overrides,
  })

describe('a ledger row', () => {
  it('names an enterprise’s own filing 企业自报 with no source, no measure and the holder with its co-handlers', () => {
    const row = ledgerRowOf(makeAppeal(), context, BEFORE)
    expect(row).toMatchObject({
      number: 'XT-20261123-0013',
      enterpriseName: '湖南锦程汽车零部件有限公司',
      areaName: '湘潭高新区',
      categoryName: '用电',
      title: '新线路接电',
      channel: 'miniapp',
      channelLabel: '企业自报',
      sourceLabel: null,
      onBehalf: false,
      measure: null,
      owner: '徐慧萍',
      coHandlers: ['国网湘潭供电公司'],
      status: 'assigned',
      statusLabel: '待受理',
      overdue: false,
      closedAt: null,
      satisfaction: '',
    })
    expect(sourceText(row)).toBe('企业自报')
    expect(measureText(row)).toBe('未定')
    expect(holderText(row)).toBe('徐慧萍、国网湘潭供电公司')
  })

  it('carries a visit’s date and the measure agreed, marked as filed on behalf', () => {
    const row = ledgerRowOf(visitAppeal(), context, BEFORE)
    expect(row).toMatchObject({ channelLabel: '走访', sourceLabel: '11月20日走访', onBehalf: true, measure: { text: '协调供电公司加装变压器', unit: '国网湘潭供电公司', dueDate: '2026-12-15' } })
    expect(sourceText(row)).toBe('走访（11月20日走访）')
    expect(measureText(row)).toBe('协调供电公司加装变压器（国网湘潭供电公司，2026-12-15 前）')
  })

  it('names every channel as the offices do, and an exchange day by its title', () => {
    expect(LEDGER_CHANNEL_LABEL).toEqual({ miniapp: '企业自报', visit: '走访', event: '交流日', phone: '电话' })
    const event = ledgerRowOf(visitAppeal({ channel: 'event', source: { kind: 'event', id: 'ev-1', label: '第12期政企交流主题日（11月17日）' } }), context, BEFORE)
    expect(sourceText(event)).toBe('交流日（第12期政企交流主题日（11月17日））')
    const phone = ledgerRowOf(visitAppeal({ channel: 'phone', source: undefined }), context, BEFORE)
    expect(sourceText(phone)).toBe('电话')
  })

  it('is overdue only while open past a running deadline', () => {
    expect(ledgerRowOf(makeAppeal(), context, AFTER).overdue).toBe(true)
    expect(ledgerRowOf(makeAppeal({ status: 'responded', respondedAt: '2026-11-28T02:00:00.000Z' }), context, AFTER).overdue).toBe(false)
    expect(ledgerRowOf(makeAppeal({ status: 'in_progress', awaitingMaterial: { since: '2026-11-25T02:00:00.000Z', message: '请补充' } }), context, AFTER).overdue).toBe(false)
  })

  it('says how a closed problem ended: the rating, or 未评价 — never satisfied by default', () => {
    const closed = { status: 'closed' as const, closedAt: '2026-11-29T02:00:00.000Z' }
    expect(satisfactionOf(makeAppeal(closed))).toBe('未评价')
    const rated = ledgerRowOf(makeAppeal({ ...closed, evaluation: { rating: 'basically', comment: '', at: '2026-11-29T02:00:00.000Z' } }), context, AFTER)
    expect(rated).toMatchObject({ statusLabel: '已办结', closedAt: '2026-11-29T02:00:00.000Z', satisfaction: '基本满意' })
    expect(satisfactionOf(makeAppeal({ status: 'in_progress' }))).toBe('')
  })

  it('shows the duty queue when nobody owns it yet', () => {
    expect(ledgerRowOf(makeAppeal({ ownerId: null, ownerName: null, coHandlers: [] }), context, BEFORE)).toMatchObject({ owner: '待分派', coHandlers: [] })
    expect(holderText({ owner: '待分派', coHandlers: [] })).toBe('待分派')
  })
})

describe('ledger filters', () => {
  const a = makeAppeal()
  const v = visitAppeal({ categoryId: 'land', categoryName: '用地', createdAt: '2026-10-31T17:00:00.000Z', status: 'in_progress' })
  const keep = (filter: LedgerFilter, now = BEFORE) => [a, v].filter((x) => matchesLedgerFilter(x, filter, now)).map((x) => x.id)

  it('narrow by area, channel, status and category', () => {
    expect(keep({})).toEqual(['ap-test', 'ap-visit'])
    expect(keep({ areaId: 'yuhu' })).toEqual([])
    expect(keep({ channel: ['visit', 'event'] })).toEqual(['ap-visit'])
    expect(keep({ status: ['assigned'] })).toEqual(['ap-test'])
    expect(keep({ categoryId: 'land' })).toEqual(['ap-visit'])
  })

  it('take the month range in Shanghai time, both ends included', () => {
    // v was filed at 01:00 on 1 November in Shanghai (17:00 UTC on 31 October).
    expect(keep({ from: '2026-11' })).toEqual(['ap-test', 'ap-visit'])
    expect(keep({ to: '2026-10' })).toEqual([])
    expect(keep({ from: '2026-11', to: '2026-11' })).toEqual(['ap-test', 'ap-visit'])
    expect(keep({ from: '2026-12' })).toEqual([])
  })

  it('tell overdue from not overdue as of the moment asked', () => {
    expect(keep({ overdue: true }, BEFORE)).toEqual([])
    expect(keep({ overdue: true }, AFTER)).toEqual(['ap-test', 'ap-visit'])
    expect(keep({ overdue: false }, BEFORE)).toEqual(['ap-test', 'ap-visit'])
  })

  it('are said in words for the export’s heading', () => {
    const names = (id: string) => ({ land: '用地' })[id] ?? id
    expect(ledgerFilterText({}, names)).toBe('全部')
    expect(ledgerFilterText({ channel: ['visit', 'event'], status: ['in_progress'], categoryId: 'land', from: '2026-10', overdue: true }, names)).toBe(
      '渠道：走访、交流日；状态：办理中；类别：用地；提出月份：2026-10 至 今；仅超期',
    )
  })
})

describe('the ledger query', () => {
  it('parses lists, months and the overdue flag from a query string', () => {
    expect(ledgerQuerySchema.parse({ channel: 'visit,event,visit', status: 'closed', from: '2026-01', to: '2026-11', overdue: 'true', limit: '10' })).toEqual({
      channel: ['visit', 'event'],
      status: ['closed'],
      from: '2026-01',
      to: '2026-11',
      overdue: true,
      limit: 10,
    })
    expect(ledgerQuerySchema.parse({})).toEqual({ limit: 20 })
  })

  it('names every wrong field in Chinese at once', () => {
    const result = ledgerQuerySchema.safeParse({ channel: 'fax', status: 'lost', from: '2026-13', overdue: 'yes', limit: '500', areaId: '../x' })
    expect(result.success).toBe(false)
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]))
    expect(fields).toMatchObject({ channel: '渠道筛选值无效', status: '状态筛选值无效', from: '月份格式应为 YYYY-MM', overdue: '超期筛选应为 true 或 false', limit: '每页最多 50 条', areaId: '属地编号不正确' })
  })

  it('refuses a range that ends before it begins, and fields it does not know', () => {
    const reversed = ledgerQuerySchema.safeParse({ from: '2026-11', to: '2026-10' })
    expect(reversed.error?.issues).toEqual([expect.objectContaining({ path: ['to'], message: '结束月份不能早于开始月份' })])
    expect(ledgerQuerySchema.safeParse({ month: '2026-11' }).success).toBe(false)
    const bad = ledgerExportRequestSchema.safeParse({ channel: ['visit', 'fax'], status: ['lost'], overdue: 'yes' })
    expect(Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({ 'channel.1': '渠道筛选值无效', 'status.0': '状态筛选值无效', overdue: '超期筛选应为 true 或 false' })
    expect(ledgerExportRequestSchema.parse({ channel: ['visit'], overdue: true })).toEqual({ channel: ['visit'], overdue: true })
  })
})

describe('whose ledger (policy)', () => {
  it('gives the city admin the city, or any one area', () => {
    expect(ledgerReach(cityAdmin, undefined)).toEqual({ kind: 'city' })
    expect(ledgerReach(cityAdmin, 'yuhu')).toEqual({ kind: 'area', areaId: 'yuhu' })
  })

  it('gives an area admin their own area only', () => {
    expect(ledgerReach(areaAdmin, undefined)).toEqual({ kind: 'area', areaId: 'xt-hitech' })
    expect(ledgerReach(areaAdmin, 'xt-hitech')).toEqual({ kind: 'area', areaId: 'xt-hitech' })
    expect(ledgerReach(otherAreaAdmin, 'xt-hitech')).toEqual({ kind: 'refused', why: 'other_area' })
    expect(ledgerReach({ ...areaAdmin, areaId: undefined }, undefined)).toEqual({ kind: 'refused', why: 'unassigned' })
  })

  it('gives a specialist the problems they hold, and no area', () => {
    expect(ledgerReach(owner, undefined)).toEqual({ kind: 'portfolio', specialistId: 'sp-007' })
    expect(ledgerReach(otherSpecialist, 'xt-hitech')).toEqual({ kind: 'refused', why: 'not_for_specialist' })
  })

  it('gives handlers and enterprise staff none', () => {
    expect(ledgerReach(powerHandler, undefined)).toEqual({ kind: 'refused', why: 'no_ledger' })
    expect(ledgerReach(staff, undefined)).toEqual({ kind: 'refused', why: 'no_ledger' })
    expect([staff, powerHandler, owner, areaAdmin, cityAdmin].map(mayViewLedger)).toEqual([false, false, true, true, true])
    expect([owner, areaAdmin, cityAdmin].map(mayPickLedgerArea)).toEqual([false, false, true])
  })
})

describe('the ledger workbook', () => {
  const rows: LedgerPrintRow[] = [
    { ...ledgerRowOf(visitAppeal(), context, AFTER), phone: '' },
    { ...ledgerRowOf(makeAppeal({ id: 'ap-2', number: 'XT-20261123-0023', coHandlers: [powerTask()] }), context, AFTER), phone: '189****6490' },
  ]
  async function* pages() {
    yield rows
  }

  async function written(): Promise<ExcelJS.Workbook> {
    const sink = new PassThrough()
    const chunks: Buffer[] = []
    sink.on('data', (c: Buffer) => chunks.push(c))
    const done = new Promise((resolve) => sink.on('end', resolve))
    const count = await writeLedgerWorkbook({ scopeName: '湘潭高新区', filterText: '全部', asOf: AFTER.toISOString() }, pages(), sink)
    await done
    expect(count).toBe(2)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
    return workbook
  }

  it('holds a title, the filters, the header and one row per problem in the ledger’s words', async () => {
    const sheet = (await written()).getWorksheet(LEDGER_SHEET)!
    expect(sheet.getCell('A1').value).toBe(ledgerTitle('湘潭高新区'))
    expect(String(sheet.getCell('A2').value)).toContain('筛选条件：全部')
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(LEDGER_COLUMNS.map((c) => c.header))
    const first = sheet.getRow(5)
    const at = (header: string) => first.getCell(LEDGER_COLUMNS.findIndex((c) => c.header === header) + 1).value
    expect([at('序号'), at('编号'), at('来源'), at('解决措施'), at('责任单位'), at('状态'), at('是否超期')]).toEqual([
      1,
      'XT-20261123-0013',
      '走访（11月20日走访）',
      '协调供电公司加装变压器',
      '国网湘潭供电公司',
      '待受理',
      '是',
    ])
    // Shanghai wall time in the cell: filed 10:00 on 23 November.
    expect((at('提出日期') as Date).toISOString()).toBe('2026-11-23T10:00:00.000Z')
    expect(first.getCell(LEDGER_COLUMNS.findIndex((c) => c.header === '提出日期') + 1).numFmt).toBe('yyyy-mm-dd')
    expect(sheet.getRow(6).getCell(LEDGER_COLUMNS.length).value).toBe('189****6490')
  })

  it('prints as the monthly report does: A4 across, one page wide, header row repeated, numbered pages', async () => {
    const sheet = (await written()).getWorksheet(LEDGER_SHEET)!
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' })
    expect(sheet.headerFooter.oddHeader).toContain('亲商直通 问题台账 — 湘潭高新区')
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页，共 &N 页')
  })

  it('is saved under a name that says what and when', () => {
    expect(ledgerFileName('湘潭高新区', shanghai('2026-12-05T09:00:00'))).toBe('亲商直通问题台账-湘潭高新区-2026年12月5日.xlsx')
    expect(ledgerFileName('a/b', shanghai('2026-12-05T00:30:00'))).toBe('亲商直通问题台账-a_b-2026年12月5日.xlsx')
  })
})

describe('the ledger page’s filters (mini-program)', () => {
  const now = shanghai('2026-12-05T09:00:00')

  it('turn the chips into the query and the export’s body', () => {
    expect(pageQuery(NO_FILTERS, now)).toEqual({})
    const filters = { area: 'yuhu', channel: 'visit' as const, status: 'open' as const, category: 'power', period: 'quarter' as const, overdue: true }
    expect(pageQuery(filters, now)).toEqual({ areaId: 'yuhu', channel: 'visit', status: 'submitted,assigned,in_progress', categoryId: 'power', from: '2026-10', to: '2026-12', overdue: 'true' })
    expect(exportBody(filters, now)).toEqual({ areaId: 'yuhu', channel: ['visit'], status: ['submitted', 'assigned', 'in_progress'], categoryId: 'power', from: '2026-10', to: '2026-12', overdue: true })
    // What the page sends, the server's schemas take.
    expect(ledgerQuerySchema.safeParse(pageQuery(filters, now)).success).toBe(true)
    expect(ledgerExportRequestSchema.safeParse(exportBody(filters, now)).success).toBe(true)
  })

  it('count periods back from the month the page opened in', () => {
    expect(periodMonths('month', shanghai('2027-01-01T00:30:00'))).toEqual({ from: '2027-01', to: '2027-01' })
    expect(periodMonths('year', shanghai('2027-01-01T00:30:00'))).toEqual({ from: '2026-02', to: '2027-01' })
    expect(periodMonths('all', now)).toEqual({})
    expect(filtersKey({ ...NO_FILTERS, channel: 'event' }, now)).not.toBe(filtersKey(NO_FILTERS, now))
  })

  it('show a row’s source, measure and holder in words, and an export’s progress without a known total', () => {
    const row = ledgerRowOf(visitAppeal(), context, BEFORE)
    expect([rowSource(row), rowMeasure(row), rowHolder(row)]).toEqual(['走访（11月20日走访）', '协调供电公司加装变压器（国网湘潭供电公司，12月15日前）', '徐慧萍（协办：国网湘潭供电公司）'])
    expect(rowMeasure(ledgerRowOf(makeAppeal(), context, BEFORE))).toBe('尚未确定')
    expect(ledgerExportText({ status: 'queued', progress: { done: 0, total: 0 } })).toBe('排队中…')
    expect(ledgerExportText({ status: 'running', progress: { done: 500, total: 0 } })).toBe('正在生成，已写入 500 行…')
    expect(ledgerExportText({ status: 'done', progress: { done: 242, total: 242 } })).toBe('已生成，共 242 行')
    expect(ledgerExportText({ status: 'failed', progress: { done: 0, total: 0 }, error: '导出失败，请稍后重新导出' })).toBe('导出失败，请稍后重新导出')
  })
})
