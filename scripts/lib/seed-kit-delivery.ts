import type { Actor } from '../../shared/domain/actor'
import { demoPolicyId } from './kit-demo-data'

/*
 * Demo 送政策: sp-007 sent the kit's first demo policy to two enterprises of their portfolio
 * (en-0001, en-0021), whose staff then have it in their inbox. Run after the kit's seed; safe to
 * run twice (an enterprise is sent a policy once).
 */
const specialist: Actor = { id: 'sp-007', name: '徐慧萍', role: 'specialist', areaId: 'xt-hitech', enterpriseIds: [], pendingEnterpriseIds: [] }

export async function seedKitDelivery(now: Date): Promise<{ sent: number }> {
  const { sendPolicy } = await import('../../functions/kit/delivery.use-case')
  const result = await sendPolicy(specialist, demoPolicyId(1), { enterpriseIds: ['en-0001', 'en-0021'] }, now)
  return { sent: result.sent.length }
}
