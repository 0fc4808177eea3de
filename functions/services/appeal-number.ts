import { APPEAL_NUMBER_SHARDS, appealNumberDay, appealNumberShard, formatAppealNumber } from '@shared/domain/appeal-number'
import { config } from '../lib/config'
import { nextNumberSequence } from '../store/appeal-number.store'

/**
 * A new appeal's number (诉求编号) for a filing at `now`: the city's prefix, the Shanghai date and
 * the next sequence of one of the day's counters, the one the appeal's id picks. Drawn before the
 * filing's transaction, which claims it; a filing that fails after drawing leaves a gap.
 */
export async function drawAppealNumber(appealId: string, now: Date, prefix: string = config.CITY_PREFIX): Promise<string> {
  const day = appealNumberDay(now)
  const shard = appealNumberShard(appealId) % APPEAL_NUMBER_SHARDS
  const sequence = await nextNumberSequence(prefix, day, shard)
  return formatAppealNumber({ prefix, day, sequence, shard })
}
