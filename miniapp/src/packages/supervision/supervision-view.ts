import type { User } from '@shared/schemas/user.schema'
import type { Area } from '@shared/schemas/catalog.schema'
import type { DigestCounts, DigestScope, DigestSummary, QueueItem, QueueReason, SupervisionQueue } from '@shared/schemas/supervision.schema'
import { nextDeadline } from '@shared/domain/deadlines'
import { ROUTES } from '../../settings'
import { adminPageScope, type AdminPageScope } from '../../utils/subject'

/** Pure helpers of the supervision pages (督办队列, 每周督办简报), tested without Taro. */

/**
 * Who supervises what: an area admin their own area; the city admin the whole city (areaId
 * null) or one area they pick. Nobody else has a queue.
 */
export type SupervisionScope = AdminPageScope

export const supervisionScope = (user: User | null): SupervisionScope => adminPageScope(user, '督办仅供属地管理员和市级管理员使用')

/** The city admin's scope chips: 全市 first (value `city`), then each area. */
export const CITY_SCOPE = 'city'
export function scopeOptions(areas: readonly Pick<Area, 'id' | 'name'>[]): { value: string; label: string }[] {
  return [{ value: CITY_SCOPE, label: '全市' }, ...areas.map((a) => ({ value: a.id, label: a.name }))]
}

/** The area to ask the API about: none for the whole city. */
export const scopeAreaId = (picked: string): string | null => (picked === CITY_SCOPE ? null : picked)

export const REASON_LABEL: Record<QueueReason, string> = { escalated: '已提级', overdue: '已超期', due_soon: '即将到期' }

export type ReasonFilter = 'all' | QueueReason
const REASON_FILTERS: readonly ReasonFilter[] = ['all', 'escalated', 'overdue', 'due_soon']

/** The queue's filter chips with their counts (the server's, over the whole queue): 全部 12 · 已提级 3 · … */
export function reasonChips(queue: Pick<SupervisionQueue, 'counts' | 'items'>): { value: ReasonFilter; label: string }[] {
  return REASON_FILTERS.map((value) => {
    const count = value === 'all' ? queue.items.length : queue.counts[value]
    return { value, label: `${value === 'all' ? '全部' : REASON_LABEL[value]} ${count}` }
  })
}

export function filterQueue(items: readonly QueueItem[], filter: ReasonFilter): QueueItem[] {
  return filter === 'all' ? [...items] : items.filter((item) => item.reasons.includes(filter))
}

/**
 * The deadline a queue row shows: the one running now (the first response until accepted, then
 * the resolution), paused while material is awaited, none once answered.
 */
export function queueDeadline(
  appeal: QueueItem['appeal'],
): { kind: 'due'; label: string; at: string } | { kind: 'paused' } | { kind: 'none' } {
  const at = nextDeadline(appeal)
  if (at) return { kind: 'due', label: appeal.status === 'in_progress' ? '办结时限' : '首次响应', at }
  return appeal.awaitingMaterial ? { kind: 'paused' } : { kind: 'none' }
}

/** The digest of one week and scope: its page address. */
export function digestUrl(week: string, areaId: string | null): string {
  return `${ROUTES.supervisionDigest}?week=${encodeURIComponent(week)}${areaId ? `&areaId=${encodeURIComponent(areaId)}` : ''}`
}

const sameScope = (scope: DigestScope, areaId: string | null) => (areaId ? scope.kind === 'area' && scope.areaId === areaId : scope.kind === 'city')

/**
 * The weeks to list for a scope, newest first. An area admin's list holds only their area, so
 * every item is theirs; the city admin's holds the city and each area.
 */
export function digestsFor(items: readonly DigestSummary[], scope: SupervisionScope, areaId: string | null): DigestSummary[] {
  const kept = scope.kind === 'city' ? items.filter((item) => sameScope(item.scope, areaId)) : [...items]
  return kept.sort((a, b) => (a.week < b.week ? 1 : a.week > b.week ? -1 : 0))
}

const DAY_MS = 86_400_000
const shortDay = (date: Date) => `${date.getUTCMonth() + 1}月${date.getUTCDate()}日`

/** A digest week (its Monday, YYYY-MM-DD) as people say it: 2026年11月23日—11月29日. */
export function weekLabel(week: string): string {
  const monday = new Date(`${week}T00:00:00Z`)
  if (Number.isNaN(monday.getTime())) return week
  const sunday = new Date(monday.getTime() + 6 * DAY_MS)
  return `${monday.getUTCFullYear()}年${shortDay(monday)}—${shortDay(sunday)}`
}

/** The five headline figures, in the order the digest cards show them. */
export const COUNT_COLUMNS: readonly { key: keyof DigestCounts; label: string }[] = [
  { key: 'open', label: '未办结' },
  { key: 'overdue', label: '已超期' },
  { key: 'dueThisWeek', label: '本周到期' },
  { key: 'escalated', label: '已提级' },
  { key: 'unsatisfied', label: '不满意' },
]

/** A week's figures in one line for the list: 未办结 12 · 已超期 2 · … */
export function countsLine(counts: DigestCounts): string {
  return COUNT_COLUMNS.map((c) => `${c.label} ${counts[c.key]}`).join(' · ')
}
