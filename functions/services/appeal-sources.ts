import { onBehalfFacts, type FoundSource, type OnBehalfFacts } from '@shared/domain/on-behalf'
import { ValidationError } from '@shared/errors'
import type { Appeal, AppealSource, OnBehalf } from '@shared/schemas/appeal.schema'
import { listAppealIdsOfSource, sourceLinkWrite } from '../store/appeal-source.store'
import { getAppeals } from '../store/appeal.store'
import { listEnterpriseStaff } from '../store/binding.store'
import { getExchangeEvent } from '../store/exchange-event.store'
import { getVisit, visitAppealCounted } from '../store/visit.store'
import type { TransactItems } from '../store/transact'

/** Looks up the visit or event an on-behalf filing names. */
async function findSource(onBehalf: OnBehalf): Promise<FoundSource | null> {
  switch (onBehalf.channel) {
    case 'phone':
      return null
    case 'visit':
      return { kind: 'visit', visit: await getVisit(onBehalf.visitId) }
    case 'event':
      return { kind: 'event', event: await getExchangeEvent(onBehalf.eventId) }
  }
}

/**
 * Where an on-behalf filing came from, checked against the enterprise (a 400 on the field that
 * does not fit), and whether anyone of the enterprise can evaluate it in the app.
 */
export async function resolveOnBehalf(onBehalf: OnBehalf, enterprise: { id: string; areaId: string }): Promise<OnBehalfFacts & { hasStaff: boolean }> {
  const [found, staff] = await Promise.all([findSource(onBehalf), listEnterpriseStaff(enterprise.id)])
  const checked = onBehalfFacts(onBehalf, found, enterprise)
  if (!checked.ok) throw new ValidationError(checked.message, { [checked.field]: checked.message })
  return { ...checked.facts, hasStaff: staff.some((member) => member.status === 'approved') }
}

/** The items a filing from a visit or event adds to its transaction: the link, and the visit's count. */
export function sourceWrites(appeal: Pick<Appeal, 'id' | 'createdAt' | 'source'>): TransactItems {
  const { source } = appeal
  if (!source) return []
  return [sourceLinkWrite(source, appeal.id, appeal.createdAt), ...(source.kind === 'visit' ? [visitAppealCounted(source.id)] : [])]
}

/** The appeals raised at one visit or exchange day, in filing order. */
export async function listAppealsOfSource(source: Pick<AppealSource, 'kind' | 'id'>): Promise<Appeal[]> {
  const ids = await listAppealIdsOfSource(source)
  const byId = new Map((await getAppeals(ids)).map((appeal) => [appeal.id, appeal]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
