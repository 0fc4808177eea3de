import type { Actor } from '@shared/domain/actor'
import { mayBindByCard, mayPrintAreaCards } from '@shared/domain/policy'
import { ForbiddenError, NotFoundError } from '@shared/errors'
import type { AreaCards, BindCardRequest, CardView } from '@shared/schemas/card.schema'
import type { Binding } from '@shared/schemas/user.schema'
import { requestBinding } from '../store/binding.store'
import { getCard } from '../store/card.store'
import { getCatalogCached } from '../store/catalog.store'
import { getEnterprise, listAllEnterprisesOfArea } from '../store/enterprise.store'
import { getUser, getUsers, updateStaffContact } from '../store/user.store'
import { toCardView } from '../services/card-view'

const CARD_NOT_FOUND = '联系卡不存在或已失效，请向企业服务专员索取新卡'

/** Opening a scanned card: anyone holding it sees what is printed on it and the public counts. */
export async function viewCard(cardId: string): Promise<CardView> {
  const card = await getCard(cardId)
  const enterprise = card ? await getEnterprise(card.enterpriseId) : undefined
  if (!card || !enterprise) throw new NotFoundError(CARD_NOT_FOUND)
  const [specialist, catalog] = await Promise.all([enterprise.specialistId ? getUser(enterprise.specialistId) : undefined, getCatalogCached()])
  return toCardView(card.id, enterprise, specialist, catalog)
}

/**
 * A staff user scanned the card and wants to file for its enterprise: ask to join it. Holding the
 * card is not proof of working there, so the binding starts pending (files, sees only its own)
 * until the specialist or a colleague approves it. An approved or pending binding stays as it is.
 */
export async function bindByCard(actor: Actor, cardId: string, who: BindCardRequest, now: Date): Promise<Binding> {
  if (!mayBindByCard(actor)) throw new ForbiddenError('只有企业联系人可以通过联系卡绑定企业')
  const card = await getCard(cardId)
  const enterprise = card ? await getEnterprise(card.enterpriseId) : undefined
  if (!card || !enterprise) throw new NotFoundError(CARD_NOT_FOUND)
  await updateStaffContact(actor.id, who.name, who.phone)
  const binding = await requestBinding({
    userId: actor.id,
    userName: who.name,
    ...(who.phone ? { phone: who.phone } : {}),
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    areaId: enterprise.areaId,
    specialistId: enterprise.specialistId,
    status: 'pending',
    requestedAt: now.toISOString(),
    via: 'card',
    cardId: card.id,
  })
  return { enterpriseId: binding.enterpriseId, enterpriseName: binding.enterpriseName, status: binding.status }
}

/** Every card of an area, for the print sheet (the seed and the roster import issue the cards). */
export async function areaCards(actor: Actor, areaId: string): Promise<AreaCards> {
  const catalog = await getCatalogCached()
  const area = catalog.areas.find((a) => a.id === areaId)
  if (!area || !mayPrintAreaCards(actor, areaId)) throw new NotFoundError('未找到该属地')
  const enterprises = await listAllEnterprisesOfArea(areaId)
  const specialists = await getUsers(enterprises.flatMap((e) => (e.specialistId ? [e.specialistId] : [])))
  const cards = enterprises
    .filter((e) => e.cardId)
    .map((e) => toCardView(e.cardId!, e, e.specialistId ? specialists.get(e.specialistId) : undefined, catalog))
  return { area: { id: area.id, name: area.name }, cards }
}
