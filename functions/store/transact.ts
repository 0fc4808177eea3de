import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb'
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { dynamo } from '../lib/dynamo'

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>

/** Thrown when another writer got there first: a condition of the transaction failed. */
export class WriteConflict extends Error {
  constructor(readonly reasons: string[]) {
    super(`write conflict: ${reasons.join(',')}`)
  }
}

const RACE_CODES = new Set(['None', 'ConditionalCheckFailed', 'TransactionConflict'])
const CONFLICT_RETRIES = 4

/**
 * All or nothing. A failed condition becomes a WriteConflict at once: the caller decided on state
 * that has changed. A transaction that only collided with another one in flight (TransactionConflict,
 * e.g. two appeals of one enterprise bumping its counters) is retried: nothing it checked was wrong.
 * Throttling or a validation failure is not a race and surfaces as it is.
 */
export async function transactWrite(items: TransactItems): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await dynamo.send(new TransactWriteCommand({ TransactItems: items }))
      return
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error
      const reasons = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None')
      if (!reasons.every((code) => RACE_CODES.has(code))) throw error
      const onlyCollided = !reasons.includes('ConditionalCheckFailed')
      if (!onlyCollided || attempt > CONFLICT_RETRIES) throw new WriteConflict(reasons)
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 25))
    }
  }
}
