import { cardShortCode } from '@shared/domain/card-id'
import type { CardView } from '@shared/schemas/card.schema'

/**
 * The printed contact card's text, shared by the on-screen sheet, the print layout and the
 * saved PNG so that all three say the same thing.
 */
export const CARD_TITLE = '企业服务联系卡'
export const SCAN_HINT = '微信扫码 · 直达专员'

/** A4 portrait, 2 columns × 4 rows. */
export const CARDS_PER_SHEET = 8

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error('chunk size must be at least 1')
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size))
  return pages
}

export interface CardSpecialistLines {
  /** 「徐慧萍 · 企业服务专员」 */
  name: string
  organisation: string
  /** 「联系电话 0731-…」; empty when nobody is assigned. */
  phone: string
}

/** Who the card tells the enterprise to call; the duty queue while no specialist is assigned. */
export function specialistLines(card: CardView): CardSpecialistLines {
  const s = card.specialist
  if (!s) return { name: '专员待分配', organisation: `${card.enterprise.areaName}值班专员先行受理`, phone: '' }
  return { name: s.title ? `${s.name} · ${s.title}` : s.name, organisation: s.organisation, phone: `联系电话 ${s.phone}` }
}

/** 「联系卡-<enterprise name>.png」, without characters that file systems refuse. */
export function cardImageFileName(card: CardView): string {
  const name = card.enterprise.name.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 60) || card.id
  return `联系卡-${name}.png`
}

/** The card's short code for people (卡号); the id itself stays in the QR code only. */
export const cardIdLine = (card: CardView): string => `卡号 ${cardShortCode(card.id)}`

/**
 * Breaks text into lines no wider than `maxWidth`, character by character (Chinese has no
 * spaces to break at), with at most `maxLines` lines; a cut last line ends with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number, maxLines = Infinity): string[] {
  const lines: string[] = []
  let line = ''
  for (const char of Array.from(text)) {
    if (line && measure(line + char) > maxWidth) {
      lines.push(line)
      line = ''
    }
    line += char
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = kept[maxLines - 1] ?? ''
  while (last && measure(`${last}…`) > maxWidth) last = last.slice(0, -1)
  kept[maxLines - 1] = `${last}…`
  return kept
}
