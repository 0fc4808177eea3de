import type { Actor } from '../../shared/domain/actor'
import type { Industry } from '../../shared/schemas/catalog.schema'
import { demoPipeline, type PipelineEnterprise } from './seed-upgrade'

const ENTERPRISES = Number(process.env.BENCH_UPGRADE_ENTERPRISES ?? 3000)
const MONTHS = 24

const cityAdmin: Actor = { id: 'ad-city', name: '万明建', role: 'city_admin', enterpriseIds: [], pendingEnterpriseIds: [] }
const INDUSTRIES: Industry[] = ['industry', 'industry', 'industry', 'retail', 'services', 'construction']

const ms = (since: number) => `${(performance.now() - since).toFixed(0)} ms`

/** Median and worst of `runs` timings of `task`, in ms. */
async function time(task: () => Promise<unknown>, runs = 9): Promise<string> {
  const took: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await task()
    took.push(performance.now() - started)
  }
  took.sort((a, b) => a - b)
  return `p50 ${took[Math.floor(runs / 2)]!.toFixed(1)} ms, max ${took.at(-1)!.toFixed(1)} ms`
}

/**
 * The upgrade board at a city's scale, in this process against the bench's DynamoDB Local:
 * `ENTERPRISES` enterprises in the pipeline across the demo city's areas with 24 months of figures
 * each, loaded in bulk; then the city board (one Query of one item per area, never a figure), one
 * area's board, and a figure entered through the use case (which moves its area's row).
 */
export async function benchUpgrade(now: Date): Promise<string[]> {
  const { getCatalogCached } = await import('../../functions/store/catalog.store')
  const { bulkPutUpgrade } = await import('../../functions/store/upgrade.store')
  const { getUpgradeBoard } = await import('../../functions/upgrade/upgrade.use-case')
  const { areas } = await getCatalogCached()
  const enterprises: PipelineEnterprise[] = Array.from({ length: ENTERPRISES }, (_, i) => ({
    id: `en-bench-${String(i + 1).padStart(5, '0')}`,
    name: `升规测试企业${i + 1}`,
    areaId: areas[i % areas.length]!.id,
    industry: INDUSTRIES[i % INDUSTRIES.length]!,
    specialist: { id: `sp-${String((i % 54) + 1).padStart(3, '0')}`, name: '专员', role: 'specialist' },
  }))
  const lines: string[] = []
  let started = performance.now()
  const { files, boards } = demoPipeline(enterprises, now, MONTHS)
  const figures = files.reduce((n, f) => n + f.figures.length, 0)
  await bulkPutUpgrade(files, boards)
  lines.push(`upgrade: ${ENTERPRISES} enterprises × ${MONTHS} months (${figures} figures) loaded in ${ms(started)}`)
  const largest = Math.max(...boards.map((b) => Buffer.byteLength(JSON.stringify(b.rows))))
  lines.push(`upgrade: largest area board item ≈ ${(largest / 1024).toFixed(0)} KB of 400 KB (${Math.max(...boards.map((b) => b.rows.length))} rows)`)

  started = performance.now()
  const city = await getUpgradeBoard(cityAdmin, undefined, now)
  lines.push(`upgrade: first city board ${ms(started)} — ${JSON.stringify(city.stages)}, likely ${city.likely.length}, stalled ${city.stalled.length}`)
  lines.push(`upgrade: city board (reads ${areas.length} area items) ${await time(() => getUpgradeBoard(cityAdmin, undefined, now))}`)
  lines.push(`upgrade: one area's board ${await time(() => getUpgradeBoard(cityAdmin, areas[0]!.id, now))}`)
  return lines
}
