import { randomUUID } from 'node:crypto'
import { ulid } from 'ulid'
import type { Actor } from '../../shared/domain/actor'
import type { Visit } from '../../shared/schemas/visit.schema'

const ENTERPRISES = Number(process.env.BENCH_ROUND_ENTERPRISES ?? 3000)
const RUNS = Number(process.env.BENCH_ROUND_RUNS ?? 20)
/** Share of the round's enterprises visited so far, and of those visits that found a problem. */
const VISITED = 0.6
const WITH_PROBLEM = 0.1
const DAY_MS = 86_400_000

const cityAdmin: Actor = { id: 'ad-city', name: '万明建', role: 'city_admin', enterpriseIds: [], pendingEnterpriseIds: [] }

const ms = (n: number) => `${n.toFixed(0)} ms`
const nearestRank = (sorted: readonly number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!

/**
 * The coverage query at a city's scale, in this process against the bench's DynamoDB Local with
 * the demo city seeded: `ENTERPRISES` above-scale enterprises spread over the areas and their
 * specialists, a city round of them opened a month ago, visits to 60% of them (bulk-written as the
 * visit store stores them) and a problem filed on behalf from one visit in ten (through the
 * filing use case, so the source links and the visits' counts are the real ones); then the city
 * admin's coverage `RUNS` times (p50/p95), an area admin's and a specialist's to-visit list.
 * Returns the lines to print.
 */
export async function benchVisitRounds(now = new Date()): Promise<string[]> {
  const { openVisitRound, getRoundCoverage, listPendingVisits } = await import('../../functions/visit-rounds/visit-rounds.use-case')
  const { submitAppeal } = await import('../../functions/appeals/submit-appeal.use-case')
  const { getCatalogCached } = await import('../../functions/store/catalog.store')
  const { upsertEnterprises } = await import('../../functions/store/enterprise.store')
  const { listUsersByRole } = await import('../../functions/store/user.store')
  const { visitWrites } = await import('../../functions/store/visit.store')
  const { batchWriteAll } = await import('../../functions/store/batch')
  const lines: string[] = []

  const { areas } = await getCatalogCached()
  const specialists = await listUsersByRole('specialist')
  const byArea = new Map(areas.map((a) => [a.id, specialists.filter((s) => s.areaId === a.id)]))
  let t = Date.now()
  const enterprises = await upsertEnterprises(
    Array.from({ length: ENTERPRISES }, (_, i) => {
      const area = areas[i % areas.length]!
      const pool = byArea.get(area.id) ?? []
      return {
        id: `en-b${String(i).padStart(5, '0')}`,
        creditCode: `91430300BR${String(i).padStart(8, '0')}`,
        name: `走访基准企业${i}号有限公司`,
        industry: 'industry' as const,
        scale: 'above' as const,
        areaId: area.id,
        specialistId: pool.length ? pool[i % pool.length]!.id : null,
      }
    }),
  )
  lines.push(`${ENTERPRISES} bench enterprises across ${areas.length} areas   ${ms(Date.now() - t)}`)

  const from = new Date(now.getTime() - 30 * DAY_MS)
  const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  const round = await openVisitRound(
    cityAdmin,
    { name: '基准：全市规上企业走访', areaId: null, from: shanghaiDay(from), to: shanghaiDay(new Date(now.getTime() + 30 * DAY_MS)), selection: { kind: 'above' }, target: 1 },
    from,
  )

  t = Date.now()
  const visited = enterprises.filter((_, i) => i % 10 < VISITED * 10)
  const visits: Visit[] = visited.map((e, i) => {
    const at = new Date(from.getTime() + ((i * 7919) % (29 * DAY_MS)) + DAY_MS).toISOString()
    return {
      id: `vi-${ulid(Date.parse(at)).toLowerCase()}`,
      enterpriseId: e.id,
      enterpriseName: e.name,
      areaId: e.areaId,
      specialistId: e.specialistId,
      by: { id: e.specialistId ?? 'ad-city', name: '基准专员', role: 'specialist' },
      visitedAt: at,
      kind: 'onsite',
      met: '总经理',
      topics: ['production'],
      record: '基准走访记录',
      attachmentCount: 0,
      appealCount: 0,
      createdAt: at,
    }
  })
  const items = visits.flatMap((v) => visitWrites(v, { userId: v.by.id, key: `bench-${v.id}`, requestHash: 'bench' }).map((w) => w.Put!.Item as Record<string, unknown>))
  await batchWriteAll(items)
  lines.push(`${visits.length} visits written (${Math.round(VISITED * 100)}% of the round)   ${ms(Date.now() - t)}`)

  t = Date.now()
  const withProblem = visits.filter((_, i) => i % Math.round(1 / WITH_PROBLEM) === 0)
  const queue = [...withProblem]
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let v = queue.pop(); v; v = queue.pop()) {
        await submitAppeal(
          cityAdmin,
          randomUUID(),
          { enterpriseId: v.enterpriseId, categoryId: 'power', title: '走访发现的问题', description: '基准测试：走访中企业反映接电难', onBehalf: { channel: 'visit', visitId: v.id } },
          new Date(Date.parse(v.visitedAt) + 3600_000),
        )
      }
    }),
  )
  lines.push(`${withProblem.length} problems filed on behalf from the visits   ${ms(Date.now() - t)}`)

  const times: number[] = []
  let last = null as Awaited<ReturnType<typeof getRoundCoverage>> | null
  for (let i = 0; i < RUNS; i++) {
    t = performance.now()
    last = await getRoundCoverage(cityAdmin, round.id, {}, now)
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  const totals = last!.totals
  lines.push(
    `coverage of a city round, city admin (${totals.due} enterprises due, ${totals.visited} visited, ${totals.problemsFound} problems): p50 ${ms(nearestRank(times, 0.5))}, p95 ${ms(nearestRank(times, 0.95))} over ${RUNS} runs`,
  )

  const admin: Actor = { id: 'ad-bench', name: '基准管理员', role: 'area_admin', areaId: areas[0]!.id, enterpriseIds: [], pendingEnterpriseIds: [] }
  t = performance.now()
  const area = await getRoundCoverage(admin, round.id, {}, now)
  lines.push(`coverage, one area's admin (${area.totals.due} due): ${ms(performance.now() - t)}`)
  const specialist = enterprises.find((e) => e.specialistId)!.specialistId!
  const actor: Actor = { id: specialist, name: '基准专员', role: 'specialist', areaId: enterprises.find((e) => e.specialistId === specialist)!.areaId, enterpriseIds: [], pendingEnterpriseIds: [] }
  t = performance.now()
  const pending = await listPendingVisits(actor, now)
  lines.push(`本轮待走访 of ${specialist} (${pending.items.length} enterprises): ${ms(performance.now() - t)}`)
  return lines
}
