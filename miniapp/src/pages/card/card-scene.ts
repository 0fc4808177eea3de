import { isCardId } from '@shared/domain/card-id'

/**
 * The card id a page was opened with: `scene` from a WeChat mini-program code (URL-encoded by
 * WeChat), or `scene`/`id` in an h5 link. Null when missing or malformed.
 */
export function cardIdFromParams(params: Record<string, string | undefined>): string | null {
  const raw = params.scene ?? params.id
  if (!raw) return null
  let value = raw
  try {
    value = decodeURIComponent(raw)
  } catch {
    return null
  }
  value = value.trim().toLowerCase()
  return isCardId(value) ? value : null
}

/** `tel:` needs digits only; printed numbers often carry spaces or dashes. */
export const dialable = (phone: string): string => phone.replace(/[^\d+]/g, '')
