import { SERVICE_PROMISE, type CardSpecialist, type CardView } from '@shared/schemas/card.schema'
import type { Catalog } from '@shared/schemas/catalog.schema'
import type { EnterpriseRecord } from '../store/enterprise.store'
import type { UserRecord } from '../store/user.store'

/** Where a specialist works, as the card prints it: their department, else their park or district. */
export function organisationOf(user: Pick<UserRecord, 'areaId' | 'departmentId'>, catalog: Pick<Catalog, 'areas' | 'departments'>): string {
  const department = user.departmentId ? catalog.departments.find((d) => d.id === user.departmentId)?.name : undefined
  const area = user.areaId ? catalog.areas.find((a) => a.id === user.areaId)?.name : undefined
  return department ?? area ?? '市优化营商环境协调事务中心'
}

export function cardSpecialist(user: UserRecord, catalog: Pick<Catalog, 'areas' | 'departments'>): CardSpecialist {
  return { id: user.id, name: user.name, title: user.title ?? '企业服务专员', organisation: organisationOf(user, catalog), phone: user.phone ?? '' }
}

/** A card as its holder sees it: the enterprise, its current specialist, public counts. */
export function toCardView(
  cardId: string,
  enterprise: EnterpriseRecord,
  specialist: UserRecord | undefined,
  catalog: Pick<Catalog, 'areas' | 'departments'>,
): CardView {
  return {
    id: cardId,
    enterprise: { id: enterprise.id, name: enterprise.name, areaName: catalog.areas.find((a) => a.id === enterprise.areaId)?.name ?? '' },
    specialist: specialist ? cardSpecialist(specialist, catalog) : null,
    appeals: { open: Math.max(0, enterprise.openAppeals ?? 0), closed: Math.max(0, enterprise.closedAppeals ?? 0) },
    servicePromise: SERVICE_PROMISE,
  }
}
