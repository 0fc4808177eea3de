import type { AppealWritePlan } from '@shared/domain/appeal-write-plan'
import { appealPage } from '@shared/domain/notifications'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { appealWrites, type IdempotencyWrite } from '../store/appeal.store'
import { counterUpdate } from '../store/enterprise.store'
import { reportCellUpdates } from '../store/report.store'
import { transactWrite, type TransactItems } from '../store/transact'
import { outboxFor } from './outbox'

/**
 * Writes one planned change of an appeal (shared/domain/appeal-write-plan.ts) in one transaction:
 * the appeal and its event, the enterprise's counters, the report cells, and the notifications
 * (the outbox), each entity's items from its own store. All or nothing: a WriteConflict when the
 * appeal moved on meanwhile (or, for a filing, when the enterprise's specialist changed).
 * `attachments`: the items of the files the change brings (services/attachments.ts), in the same
 * transaction. Returns the appeal as written.
 */
export async function saveAppealPlan(
  plan: AppealWritePlan,
  filing?: { idempotency: IdempotencyWrite; routedBy: string | null },
  attachments: TransactItems = [],
): Promise<Appeal> {
  const { appeal } = plan
  const notifications = await outboxFor(plan.notices, { page: appealPage(appeal.id), appealId: appeal.id, exclude: plan.event.actor.id })
  await transactWrite([
    ...appealWrites(plan, filing?.idempotency),
    ...counterUpdate(appeal.enterpriseId, plan.enterpriseCounts, filing ? { specialistId: filing.routedBy } : undefined),
    ...reportCellUpdates(appeal.id, plan.reportCells, plan.reportLabels),
    ...notifications,
    ...attachments,
  ])
  return appeal
}
