import { randomUUID } from 'node:crypto'
import { drawSample, newReturnVisit, returnVisitFigures, withAttempt } from '../../shared/domain/return-visits'
import type { Appeal, Channel } from '../../shared/schemas/appeal.schema'

const CLOSED = Number(process.env.BENCH_RETURN_VISIT_CLOSED ?? 10_000)
const VISITS = Number(process.env.BENCH_RETURN_VISITS ?? 1_000)
const CHANNELS: readonly Channel[] = ['miniapp', 'miniapp', 'miniapp', 'visit', 'phone', 'event']

const ms = (start: number) => `${(performance.now() - start).toFixed(1)} ms`

function closedAppeal(i: number, areaId: string): Appeal {
  const at = new Date(Date.UTC(2026, 10, 1 + (i % 28), 2)).toISOString()
  return {
    id: `ap-bench-${String(i).padStart(6, '0')}`,
    number: `XT-20261101-${String(i).padStart(4, '0')}`,
    enterpriseId: 'en-0001',
    enterpriseName: '基准企业',
    areaId,
    categoryId: 'other',
    categoryName: '其他',
    title: '基准诉求',
    description: '基准诉求',
    channel: CHANNELS[i % CHANNELS.length]!,
    status: 'closed',
    level: 0,
    ownerId: 'sp-007',
    ownerName: '徐慧萍',
    coHandlers: [],
    filedBy: { id: 'staff-en-0001', name: '范波艳', role: 'staff' },
    createdAt: at,
    updatedAt: at,
    firstResponseDueAt: at,
    dueAt: at,
    closedAt: at,
    ...(i % 33 === 0 ? { notEvaluated: true } : { evaluation: { rating: 'satisfied' as const, comment: '', at } }),
    reopenCount: 0,
    version: 5,
  }
}

/**
 * Return visits at a city's scale: drawing one area's month sample from `CLOSED` closed appeals
 * (pure, in memory), then `VISITS` return visits of one area and month written to the bench's
 * DynamoDB Local as a draw writes them, and read back as the summary reads them (one Query) with 回访满意率 counted.
 */
export async function benchReturnVisits(): Promise<string[]> {
  const lines: string[] = []
  const candidates = Array.from({ length: CLOSED }, (_, i) => closedAppeal(i, 'xt-hitech'))
  let t = performance.now()
  const sample = drawSample(candidates, { percent: 10, minPerArea: 30 }, 'bench')
  lines.push(`return visits: sample of ${CLOSED.toLocaleString('en')} closed appeals → ${sample.length} (10%, the 3% closed as 未评价 all in) drawn in ${ms(t)}`)

  const { putNewVisits, listReturnVisits } = await import('../../functions/store/return-visit.store')
  const areaId = `bench-${randomUUID().slice(0, 6)}`
  const by = { id: 'ad-city', name: '万明建' }
  const visits = Array.from({ length: VISITS }, (_, i) => {
    const visit = newReturnVisit(`rv-bench-${i}`, '2026-11', closedAppeal(i, areaId), { kind: 'enterprise' })
    return i % 5 === 0 ? visit : withAttempt(visit, { reached: true, rating: i % 7 === 0 ? 'basically' : 'satisfied', comment: '' }, by, new Date('2026-12-02T02:00:00Z'))
  })
  t = performance.now()
  await putNewVisits(visits)
  lines.push(`return visits: ${VISITS.toLocaleString('en')} visits of one area and month written as a draw writes them (BatchWrite) in ${ms(t)}`)
  t = performance.now()
  const read = await listReturnVisits(areaId, '2026-11')
  const figures = returnVisitFigures(read)
  lines.push(`return visits: the month's list read and counted (${read.length} visits, 回访满意率 ${((figures.rate ?? 0) * 100).toFixed(1)}%) in ${ms(t)}`)
  return lines
}
