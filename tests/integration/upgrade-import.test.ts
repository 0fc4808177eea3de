import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { FIGURE_IMPORT_COLUMNS } from '@shared/domain/upgrade-import'
import { ForbiddenError, ValidationError } from '@shared/errors'
import { importFigures } from '../../functions/upgrade/import-figures.use-case'
import { enterFigure, getUpgradeBoard, getUpgradeDetail } from '../../functions/upgrade/upgrade.use-case'
import { getEnterprise, listAllEnterprisesOfArea } from '../../functions/store/enterprise.store'
import { getAreaBoard, listFigures } from '../../functions/store/upgrade.store'
import { areaAdmin, cityAdmin, owner } from '../support/fixtures'
import { testClock } from '../support/clock'

// This file's own clock: every import names its moment.
const clock = testClock('2026-11-20T10:00:00')

// en-0043 (湘潭百川电子科技, near-scale industry, 湘潭高新区), served by sp-001.
const ENTERPRISE = 'en-0043'

async function file(rows: (string | number)[][]): Promise<{ fileName: string; contentBase64: string }> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('月度数据')
  sheet.addRow(FIGURE_IMPORT_COLUMNS.map((c) => c.header))
  for (const row of rows) sheet.addRow(row)
  return { fileName: '高新区10月.xlsx', contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') }
}

async function park() {
  const own = (await getEnterprise(ENTERPRISE))!
  const elsewhere = (await listAllEnterprisesOfArea('yuhu'))[0]!
  return file([
    [own.creditCode, '2026-09', 600, '', 55],
    [ENTERPRISE, '2026-10', 700, 1500, 56],
    [elsewhere.creditCode, '2026-10', 300, '', 20],
  ])
}

describe('importing a park’s monthly figures', () => {
  it('previews per row without writing: create for the area’s enterprise, invalid for another area’s', async () => {
    const preview = await importFigures(areaAdmin, { ...(await park()), dryRun: true }, clock.tick())
    expect(preview).toMatchObject({ dryRun: true, applied: false, summary: { create: 2, update: 0, unchanged: 0, invalid: 1 } })
    expect(preview.rows.map((r) => [r.row, r.action, r.month])).toEqual([
      [2, 'create', '2026-09'],
      [3, 'create', '2026-10'],
      [4, 'invalid', '2026-10'],
    ])
    expect(preview.rows[2]!.errors).toEqual([{ field: 'enterprise', message: '该企业不在您管理的属地，不能导入' }])
    expect(preview.rows[2]!.enterpriseId).toBeUndefined()
    expect(await listFigures(ENTERPRISE)).toEqual([])
  })

  it('imports the valid rows as figures entered by the admin, via import, and the board follows', async () => {
    const result = await importFigures(areaAdmin, { ...(await park()), dryRun: false }, clock.tick())
    expect(result).toMatchObject({ applied: true, summary: { create: 2, invalid: 1 } })
    const detail = await getUpgradeDetail(areaAdmin, ENTERPRISE, clock.tick())
    expect(detail.figures.map((f) => [f.month, f.revenueYtd, f.employees, f.via, f.enteredBy.id])).toEqual([
      ['2026-10', 700, 56, 'import', 'ad-xt-hitech'],
      ['2026-09', 600, 55, 'import', 'ad-xt-hitech'],
    ])
    expect(detail.figures[0]!.lastYearRevenue).toBe(1500)
    expect(detail.file).toMatchObject({ stage: 'cultivating', lastFigureMonth: '2026-10' })
    expect(detail.file!.timeline.filter((e) => e.type === 'figure').map((e) => [e.month, e.by.id, e.note])).toEqual([
      ['2026-09', 'ad-xt-hitech', '批量导入'],
      ['2026-10', 'ad-xt-hitech', '批量导入'],
    ])
    expect((await getAreaBoard('xt-hitech')).rows.find((r) => r.id === ENTERPRISE)).toMatchObject({ stage: 'cultivating', fig: '2026-10' })
    expect((await getUpgradeBoard(areaAdmin, undefined, clock.tick())).stages.cultivating).toBeGreaterThanOrEqual(1)
    // Another area's enterprise got nothing.
    const elsewhere = (await listAllEnterprisesOfArea('yuhu'))[0]!
    expect(await listFigures(elsewhere.id)).toEqual([])
  })

  it('plans the same file again as unchanged and writes nothing', async () => {
    const before = await getUpgradeDetail(areaAdmin, ENTERPRISE, clock.tick())
    const again = await importFigures(areaAdmin, { ...(await park()), dryRun: false }, clock.tick())
    expect(again).toMatchObject({ applied: false, summary: { create: 0, update: 0, unchanged: 2, invalid: 1 } })
    const after = await getUpgradeDetail(areaAdmin, ENTERPRISE, clock.tick())
    expect(after.file!.version).toBe(before.file!.version)
    expect(after.figures).toEqual(before.figures)
  })

  it('keeps the replaced value in the history on a corrected month, and a hand entry keeps the import’s', async () => {
    const corrected = await importFigures(cityAdmin, { ...(await file([[ENTERPRISE, '2026-10', 750, '', 56]])), dryRun: false }, clock.tick())
    expect(corrected.rows[0]).toMatchObject({ action: 'update', changes: ['本年累计营业收入（万元）：700 → 750'] })
    const october = (await getUpgradeDetail(areaAdmin, ENTERPRISE, clock.tick())).figures.find((f) => f.month === '2026-10')!
    expect(october).toMatchObject({ revenueYtd: 750, lastYearRevenue: 1500, via: 'import', enteredBy: { id: 'ad-city' } })
    expect(october.history).toEqual([expect.objectContaining({ revenueYtd: 700, via: 'import', enteredBy: expect.objectContaining({ id: 'ad-xt-hitech' }) })])
    const byHand = await enterFigure(cityAdmin, ENTERPRISE, { month: '2026-10', revenueYtd: 760, employees: 56 }, clock.tick())
    const handOctober = byHand.figures.find((f) => f.month === '2026-10')!
    expect(handOctober.via).toBeUndefined()
    expect(handOctober.history.map((h) => [h.revenueYtd, h.via])).toEqual([
      [700, 'import'],
      [750, 'import'],
    ])
  })

  it('refuses a year-to-date falling within the year, a specialist, and an unreadable file', async () => {
    const falling = await importFigures(areaAdmin, { ...(await file([[ENTERPRISE, '2026-11', 500, '', 56]])), dryRun: false }, clock.tick())
    expect(falling).toMatchObject({ applied: false, summary: { invalid: 1 } })
    expect(falling.rows[0]!.errors[0]!.message).toContain('同一年内累计不能减少')
    await expect(importFigures(owner, { ...(await park()), dryRun: true }, clock.tick())).rejects.toBeInstanceOf(ForbiddenError)
    await expect(importFigures(areaAdmin, { fileName: 'x.xlsx', contentBase64: Buffer.from('not xlsx').toString('base64'), dryRun: true }, clock.tick())).rejects.toBeInstanceOf(
      ValidationError,
    )
  })
})
