/**
 * Display times in Beijing time. A fixed +8 h offset (China has no daylight saving) instead of
 * Intl time zones, which WeChat's JS engine lacks.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

interface BeijingParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n))

function beijingParts(iso: string): BeijingParts | null {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return null
  const d = new Date(ms + BEIJING_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  }
}

/** 2026-11-24 23:59 */
export function formatDateTime(iso: string): string {
  const p = beijingParts(iso)
  if (!p) return ''
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`
}

/** 11月24日 23:59, with the year added when it is not the current one. */
export function formatShortDateTime(iso: string, now: Date = new Date()): string {
  const p = beijingParts(iso)
  if (!p) return ''
  const thisYear = beijingParts(now.toISOString())?.year
  const year = p.year === thisYear ? '' : `${p.year}年`
  return `${year}${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
}

/** 11月30日, with the year added when it is not the current one. */
export function formatShortDate(iso: string, now: Date = new Date()): string {
  const p = beijingParts(iso)
  if (!p) return ''
  const thisYear = beijingParts(now.toISOString())?.year
  const year = p.year === thisYear ? '' : `${p.year}年`
  return `${year}${p.month}月${p.day}日`
}

/** "2026-11-24": an instant's date in Beijing, for grouping by day. */
export function beijingDay(iso: string): string {
  const p = beijingParts(iso)
  return p ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : ''
}

/** "09:05": an instant's time of day in Beijing. */
export function formatTime(iso: string): string {
  const p = beijingParts(iso)
  return p ? `${pad(p.hour)}:${pad(p.minute)}` : ''
}

/** A count on a badge: nothing at zero, at most "99+". */
export function badgeText(count: number): string {
  if (count <= 0) return ''
  return count > 99 ? '99+' : String(count)
}
