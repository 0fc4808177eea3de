import { ROUTES } from '../../settings'

/** Links between the admin pages; pure, so tested without Taro. */

export interface EnterprisesLink {
  areaId?: string | null
  specialistId?: string | null
}

/** The 企业名册 page, optionally narrowed to one area and one specialist's portfolio. */
export function enterprisesUrl(link: EnterprisesLink = {}): string {
  const query: string[] = []
  if (link.areaId) query.push(`areaId=${encodeURIComponent(link.areaId)}`)
  if (link.specialistId) query.push(`specialistId=${encodeURIComponent(link.specialistId)}`)
  return query.length ? `${ROUTES.enterprises}?${query.join('&')}` : ROUTES.enterprises
}

/**
 * An enterprise's contact card as the enterprise sees it (the page its code opens), opened to be
 * looked at: `view=card` keeps an official who works on site for it from being checked in.
 */
export const cardPageUrl = (cardId: string): string => `${ROUTES.card}?scene=${encodeURIComponent(cardId)}&view=card`

/** A query value from useRouter, which may arrive still percent-encoded depending on the target. */
export function routeParam(value: string | undefined): string | null {
  if (!value) return null
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** 提诉求 as 专员代提 for one enterprise, by phone (from 我服务的企业). */
export const onBehalfFilingUrl = (enterprise: { id: string; name: string }, channel: 'phone'): string =>
  `${ROUTES.newAppeal}?onBehalf=${channel}&enterpriseId=${encodeURIComponent(enterprise.id)}&enterpriseName=${encodeURIComponent(enterprise.name)}`
