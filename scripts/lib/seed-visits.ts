import type { Actor } from '../../shared/domain/actor'
import type { RecordVisitRequest } from '../../shared/schemas/visit.schema'

/*
 * Demo visits (走访): sp-007 visited en-0001 on site yesterday and phoned en-0021 three days ago;
 * the park's admin visited en-0002 last week. Written through the use case (so 最近走访 moves with
 * them); safe to run twice on a day: each has a fixed Idempotency-Key.
 */

const specialist: Actor = { id: 'sp-007', name: '徐慧萍', role: 'specialist', areaId: 'xt-hitech', enterpriseIds: [], pendingEnterpriseIds: [] }
const areaAdmin: Actor = { id: 'ad-xt-hitech', name: '卢鹏', role: 'area_admin', areaId: 'xt-hitech', enterpriseIds: [], pendingEnterpriseIds: [] }

const daysBefore = (now: Date, days: number, hour: number) => {
  const day = new Date(now.getTime() - days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10)
  return `${day}T${String(hour).padStart(2, '0')}:30:00+08:00`
}

export async function seedVisits(now: Date): Promise<number> {
  const { recordVisit } = await import('../../functions/visits/visits.use-case')
  const visits: Array<[Actor, RecordVisitRequest]> = [
    [
      specialist,
      {
        enterpriseId: 'en-0001',
        visitedAt: daysBefore(now, 1, 10),
        kind: 'onsite',
        met: '总经理张建华、生产部长刘洋',
        topics: ['production', 'hiring', 'policy'],
        record: '二期产线下月试产，订单饱满；缺熟练焊工约 20 名，希望人社部门组织专场招聘。对技改补贴申报流程不熟悉，已现场讲解。',
      },
    ],
    [specialist, { enterpriseId: 'en-0021', visitedAt: daysBefore(now, 3, 15), kind: 'phone', met: '财务总监王静', topics: ['funding'], record: '询问首贷贴息政策，已发送政策原文，约定下周上门对接银行。' }],
    [areaAdmin, { enterpriseId: 'en-0002', visitedAt: daysBefore(now, 7, 9), kind: 'meeting', met: '董事长及管理层 5 人', topics: ['land', 'upgrade'], record: '座谈扩产用地需求约 30 亩，计划明年申报入规，园区将协调用地指标。' }],
  ]
  let written = 0
  for (const [actor, request] of visits) {
    const key = `seed-visit-${request.enterpriseId}-${request.visitedAt.slice(0, 10)}`
    if ((await recordVisit(actor, key, request, now)).created) written++
  }
  return written
}
