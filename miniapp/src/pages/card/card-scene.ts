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

/**
 * Why the card page has no card to show. `invalid`: the link is malformed, or the server does
 * not know the card (404) or refuses its id (400, 410) — asking again cannot help, so the page
 * says so and points to people. `failed`: no answer, or a passing server error — 重试 may help.
 */
export type CardProblem = { kind: 'invalid' } | { kind: 'failed'; message: string }

const NO_SUCH_CARD = new Set([400, 404, 410])

export function cardProblem(cardId: string | null, error: { status: number; message: string } | null): CardProblem | null {
  if (!cardId) return { kind: 'invalid' }
  if (!error) return null
  return NO_SUCH_CARD.has(error.status) ? { kind: 'invalid' } : { kind: 'failed', message: error.message }
}

/** What an invalid card says; nothing in it comes from the card, so nothing leaks. */
export const INVALID_CARD = {
  title: '联系卡无效或已停用',
  hint: '请核对联系卡上的二维码，或联系您的企业服务专员、所在园区（属地）企业服务办公室索取新的联系卡。',
} as const
