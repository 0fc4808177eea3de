import ExcelJS from 'exceljs'
import type { Actor } from '../../shared/domain/actor'
import { FIGURE_IMPORT_COLUMNS } from '../../shared/domain/upgrade-import'

const cityAdmin: Actor = { id: 'ad-city', name: '万明建', role: 'city_admin', enterpriseIds: [], pendingEnterpriseIds: [] }
const MONTHS = 12

const ms = (since: number) => `${(performance.now() - since).toFixed(0)} ms`

/**
 * The XLSX import of monthly figures at a park's scale, in this process against the bench's
 * DynamoDB Local: every enterprise of the demo city's first area × the 12 months of last year, as
 * one file; its dry run, the import, and the same file again (all unchanged, nothing written).
 */
export async function benchUpgradeImport(now: Date): Promise<string[]> {
  const { getCatalogCached } = await import('../../functions/store/catalog.store')
  const { listAllEnterprisesOfArea } = await import('../../functions/store/enterprise.store')
  const { importFigures } = await import('../../functions/upgrade/import-figures.use-case')
  const { areas } = await getCatalogCached()
  const enterprises = await listAllEnterprisesOfArea(areas[0]!.id)
  const year = Number(now.toISOString().slice(0, 4)) - 1
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('月度数据')
  sheet.addRow(FIGURE_IMPORT_COLUMNS.map((c) => c.header))
  enterprises.forEach((e, i) => {
    for (let m = 1; m <= MONTHS; m++) sheet.addRow([e.creditCode, `${year}-${String(m).padStart(2, '0')}`, (100 + (i % 50)) * m, '', 40 + (i % 30)])
  })
  const contentBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
  const request = { fileName: 'bench.xlsx', contentBase64 }
  const rows = enterprises.length * MONTHS
  const lines: string[] = [`upgrade import: ${enterprises.length} enterprises × ${MONTHS} months = ${rows} rows, ${(contentBase64.length / 1024).toFixed(0)} KB base64`]
  let started = performance.now()
  const preview = await importFigures(cityAdmin, { ...request, dryRun: true }, now)
  lines.push(`upgrade import: dry run ${ms(started)} — ${JSON.stringify(preview.summary)}`)
  started = performance.now()
  const applied = await importFigures(cityAdmin, { ...request, dryRun: false }, now)
  lines.push(`upgrade import: import ${ms(started)} — ${JSON.stringify(applied.summary)}`)
  started = performance.now()
  const again = await importFigures(cityAdmin, { ...request, dryRun: false }, now)
  lines.push(`upgrade import: the same file again ${ms(started)} — ${JSON.stringify(again.summary)}`)
  return lines
}
