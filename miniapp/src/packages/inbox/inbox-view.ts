import type { Role } from '@shared/schemas/common.schema'
import { isCoHandlerRole, isEnterpriseStaff } from '@shared/domain/policy'
import { beijingDay } from '../../utils/format'

/*
 * The inbox page's pure logic: days in Beijing time (China has one zone and no daylight saving),
 * where a notification leads, and what the reminder banner says. Unit-tested.
 */

const DAY_MS = 24 * 60 * 60 * 1000

/** 今天 / 昨天 / 11月20日, with the year when it is not this year's (all on the Beijing calendar). */
export function dayLabel(day: string, now: Date = new Date()): string {
  const today = beijingDay(now.toISOString())
  if (day === today) return '今天'
  if (day === beijingDay(new Date(now.getTime() - DAY_MS).toISOString())) return '昨天'
  const [year, month, date] = day.split('-')
  return `${year === today.slice(0, 4) ? '' : `${year}年`}${Number(month)}月${Number(date)}日`
}

export interface DayGroup<T> {
  /** YYYY-MM-DD in Beijing. */
  day: string
  label: string
  items: T[]
}

/**
 * Notifications under one heading per Beijing day, in the order given (the server's: newest
 * first). A day split across pages is still one group.
 */
export function groupByDay<T extends { createdAt: string }>(items: readonly T[], now: Date = new Date()): DayGroup<T>[] {
  const groups: DayGroup<T>[] = []
  const byDay: Record<string, DayGroup<T>> = {}
  for (const item of items) {
    const day = beijingDay(item.createdAt)
    let group = byDay[day]
    if (!group) {
      group = { day, label: dayLabel(day, now), items: [] }
      byDay[day] = group
      groups.push(group)
    }
    group.items.push(item)
  }
  return groups
}

const TAB_PAGES = ['pages/index/index', 'pages/me/index']

/**
 * Where tapping a notification leads. The server names the page without a leading slash
 * (packages/appeal/detail/index?id=ap-…); anything that is not one of our pages leads nowhere.
 * Tab pages open with switchTab, which takes no query.
 */
export function notificationTarget(page: string): { url: string; tab: boolean } | null {
  const path = page.trim().replace(/^\/+/, '')
  if (!/^(pages|packages)\/[\w/-]+(\?[^\s#]*)?$/.test(path)) return null
  const route = path.split('?')[0] ?? ''
  const tab = TAB_PAGES.indexOf(route) >= 0
  return { url: `/${tab ? route : path}`, tab }
}

/** The banner's invitation when reminders are off, in the words of what the role would hear about. */
export function reminderText(role: Role): string {
  if (isEnterpriseStaff({ role })) return '开启消息提醒，诉求受理和答复第一时间通知您'
  if (isCoHandlerRole({ role })) return '开启消息提醒，协办任务第一时间通知您'
  return '开启消息提醒，新诉求第一时间通知您'
}

/** Read on the server, or marked read here since the page loaded. */
export const isRead = (item: { id: string; read: boolean }, readHere: ReadonlySet<string>): boolean => item.read || readHere.has(item.id)
