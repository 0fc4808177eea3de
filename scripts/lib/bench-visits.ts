import type { Actor } from '../../shared/domain/actor'

const RECORDS = Number(process.env.BENCH_VISITS ?? 200)
const CONCURRENCY = 16
const RUNS = 20

const areaAdmin: Actor = { id: 'ad-xt-hitech', name: '卢鹏', role: 'area_admin', areaId: 'xt-hitech', enterpriseIds: [], pendingEnterpriseIds: [] }

const ms = (n: number) => `${n.toFixed(0)} ms`
const rank = (sorted: readonly number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!

/**
 * Visits at the bench's DynamoDB Local with the demo city seeded: `RECORDS` visits recorded
 * through the use case (each a transaction with 最近走访) by the park's admin over its enterprises,
 * `CONCURRENCY` at a time, with a retry of each (stored once); then an area's visits of the
 * month (the Query the rounds' coverage reads) and one enterprise's latest, `RUNS` times each.
 * Returns the lines to print.
 */
export async function benchVisits(now = new Date()): Promise<string[]> {
  const { recordVisit } = await import('../../functions/visits/visits.use-case')
  const { listAllEnterprisesOfArea } = await import('../../functions/store/enterprise.store')
  const { listVisitsOfArea, listVisitsOfEnterprise } = await import('../../functions/store/visit.store')
  const enterprises = await listAllEnterprisesOfArea('xt-hitech')
  const latencies: number[] = []
  let next = 0
  let created = 0
  const started = performance.now()
  const worker = async () => {
    while (next < RECORDS) {
      const i = next++
      const enterprise = enterprises[i % enterprises.length]!
      const request = {
        enterpriseId: enterprise.id,
        visitedAt: new Date(now.getTime() - (i % 600) * 60_000).toISOString(),
        kind: 'onsite' as const,
        met: '企业负责人',
        topics: ['production' as const],
        record: `走访压测记录第 ${i + 1} 条：生产经营正常。`,
      }
      const t = performance.now()
      const first = await recordVisit(areaAdmin, `bench-visit-${now.getTime()}-${i}`, request, now)
      latencies.push(performance.now() - t)
      const retry = await recordVisit(areaAdmin, `bench-visit-${now.getTime()}-${i}`, request, now)
      if (first.created && !retry.created && retry.visit.id === first.visit.id) created++
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  const total = performance.now() - started
  latencies.sort((a, b) => a - b)

  const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString()
  const areaTimes: number[] = []
  let areaCount = 0
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    areaCount = (await listVisitsOfArea('xt-hitech', monthAgo, new Date(now.getTime() + 1).toISOString())).length
    areaTimes.push(performance.now() - t)
  }
  const enterpriseTimes: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    await listVisitsOfEnterprise(enterprises[0]!.id, 20)
    enterpriseTimes.push(performance.now() - t)
  }
  areaTimes.sort((a, b) => a - b)
  enterpriseTimes.sort((a, b) => a - b)
  return [
    `visits: ${RECORDS} recorded at concurrency ${CONCURRENCY} in ${ms(total)} (p50 ${ms(rank(latencies, 0.5))}, p99 ${ms(rank(latencies, 0.99))}); ${created} stored once under a retry`,
    `visits: an area's month (${areaCount} visits, one Query) p50 ${ms(rank(areaTimes, 0.5))}, p95 ${ms(rank(areaTimes, 0.95))}; an enterprise's latest 20 p50 ${ms(rank(enterpriseTimes, 0.5))}`,
  ]
}
