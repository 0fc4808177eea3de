import { shanghaiDate } from './calendar'

/*
 * An appeal's number (诉求编号): what people read, say on the phone and search for, e.g.
 * XT-20261205-0012 — the city's prefix, the Shanghai date of filing, and four digits (more only
 * past 9,999 in one day). Pure.
 *
 * The four digits are `sequence × 10 + shard`: a day's numbers are drawn from SHARDS counters,
 * so that concurrent filings do not all wait on one counter item. A number is therefore unique
 * but not dense, and its digits do not say how many appeals came before it. A counter advanced
 * for a filing that then fails leaves a gap; gaps are harmless, a number is never used twice.
 */

export const APPEAL_NUMBER_SHARDS = 10
/** The city's prefix: two to four capital letters (湘潭 → XT). */
export const CITY_PREFIX_PATTERN = /^[A-Z]{2,4}$/
export const APPEAL_NUMBER_PATTERN = /^[A-Z]{2,4}-\d{8}-\d{4,6}$/

/** The Shanghai calendar date of `instant` as YYYYMMDD: the day a number is counted in. */
export const appealNumberDay = (instant: Date): string => shanghaiDate(instant).replace(/-/g, '')

/** The digits of a shard's n-th number of the day (n from 1). */
export function appealNumberDigits(sequence: number, shard: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`sequence must be a positive integer, got ${sequence}`)
  if (!Number.isInteger(shard) || shard < 0 || shard >= APPEAL_NUMBER_SHARDS) throw new Error(`shard must be 0–${APPEAL_NUMBER_SHARDS - 1}, got ${shard}`)
  return String(sequence * APPEAL_NUMBER_SHARDS + shard).padStart(4, '0')
}

export interface AppealNumberParts {
  prefix: string
  /** YYYYMMDD, Shanghai. */
  day: string
  sequence: number
  shard: number
}

export function formatAppealNumber(parts: AppealNumberParts): string {
  if (!CITY_PREFIX_PATTERN.test(parts.prefix)) throw new Error(`city prefix must be 2–4 capital letters, got ${parts.prefix}`)
  if (!/^\d{8}$/.test(parts.day)) throw new Error(`day must be YYYYMMDD, got ${parts.day}`)
  return `${parts.prefix}-${parts.day}-${appealNumberDigits(parts.sequence, parts.shard)}`
}

/** The parts of a number, or null when it is not one. */
export function parseAppealNumber(number: string): AppealNumberParts | null {
  if (!APPEAL_NUMBER_PATTERN.test(number)) return null
  const [prefix, day, digits] = number.split('-') as [string, string, string]
  const value = Number(digits)
  const sequence = Math.floor(value / APPEAL_NUMBER_SHARDS)
  return sequence >= 1 ? { prefix, day, sequence, shard: value % APPEAL_NUMBER_SHARDS } : null
}

/**
 * What a person typed as a number, made comparable: spaces dropped, lower case raised, full-width
 * letters, digits and dashes (typed with a Chinese input method) made half-width.
 */
export function normaliseAppealNumber(typed: string): string {
  return typed
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .replace(/[‐‑‒–—―－]/g, '-')
    .toUpperCase()
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * The shard of an appeal: from the last two symbols of its ulid (random bits), so that it is
 * spread evenly across filings and the same appeal always draws from the same counter.
 */
export function appealNumberShard(appealId: string): number {
  const symbols = appealId.slice(-2).toUpperCase()
  const value = CROCKFORD.indexOf(symbols[0] ?? '0') * 32 + CROCKFORD.indexOf(symbols[1] ?? '0')
  return Math.max(0, value) % APPEAL_NUMBER_SHARDS
}
