import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { encodeTime } from 'ulid'
import { shanghaiDate } from '../../shared/domain/calendar'
import { addMonths, monthEnd, monthOf } from '../../shared/domain/report-month'
import type { VisitRound } from '../../shared/schemas/visit-round.schema'

/*
 * The demo visit round: the city office's round of every above-scale enterprise (全市规上企业走访),
 * from the first day of last month to the last day of next month, one visit each, so that it is
 * running whenever the demo starts. Safe to run twice: the id comes from the dates, and a round
 * already there is kept.
 */

const TAIL = '0000000000000001'

export function demoVisitRound(now: Date): VisitRound {
  const month = monthOf(now)
  const from = `${addMonths(month, -1)}-01`
  const to = shanghaiDate(new Date(monthEnd(addMonths(month, 1)).getTime() - 1))
  return {
    id: `vr-${encodeTime(Date.parse(`${from}T00:00:00+08:00`), 10).toLowerCase()}${TAIL}`,
    name: `${from.slice(0, 4)} 年全市规上企业走访`,
    areaId: null,
    areaName: '全市',
    from,
    to,
    selection: { kind: 'above' },
    target: 1,
    createdBy: { id: 'ad-city', name: '万明建', role: 'city_admin' },
    createdAt: new Date(`${from}T09:00:00+08:00`).toISOString(),
  }
}

/** Writes the demo round through the store (the environment must already name the table and endpoint); 1 if it was new. */
export async function seedVisitRounds(now: Date): Promise<number> {
  const { putVisitRound } = await import('../../functions/store/visit-round.store')
  try {
    await putVisitRound(demoVisitRound(now))
    return 1
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 0
    throw error
  }
}
