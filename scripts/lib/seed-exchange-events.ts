import { encodeTime } from 'ulid'
import { shanghaiDate } from '../../shared/domain/calendar'
import type { ExchangeEvent } from '../../shared/schemas/exchange-event.schema'

/*
 * Demo exchange days: 湘潭高新区's Monday-evening series (政企交流主题日), four held on the Mondays
 * before `now` and the next one upcoming, scheduled by the park's admin; no problems recorded, so
 * the event pages start empty. Safe to run twice: the ids come from the dates, and an event
 * already there is kept.
 */

const AREA = 'xt-hitech'
const SERIES = '湘潭高新区政企交流主题日'
const PAST = 4
const DAY_MS = 86_400_000

/** A fixed `ev-` id for the series' k-th meeting: the ulid's time part from its date, a constant tail. */
const seededId = (date: string, k: number) => `ev-${encodeTime(Date.parse(`${date}T11:30:00Z`), 10).toLowerCase()}${String(k).padStart(16, '0')}`

/** The Mondays of the series: the last `PAST` before the Shanghai date of `now`, then the next one. */
export function seriesMondays(now: Date): string[] {
  const today = Date.parse(`${shanghaiDate(now)}T00:00:00Z`)
  const weekday = new Date(today).getUTCDay() // 0 Sunday … 6 Saturday
  const nextMonday = today + (((8 - weekday) % 7 || 7) * DAY_MS)
  return Array.from({ length: PAST + 1 }, (_, i) => new Date(nextMonday - (PAST - i) * 7 * DAY_MS).toISOString().slice(0, 10))
}

export function demoExchangeEvents(now: Date): ExchangeEvent[] {
  return seriesMondays(now).map((date, k) => ({
    id: seededId(date, k + 1),
    title: `第${k + 1}期政企交流主题日`,
    series: SERIES,
    date,
    time: '19:30',
    place: '湘潭高新区管委会三楼会议室',
    hosts: ['园区党工委书记', '管委会分管副主任'],
    departmentIds: ['power', 'hrss', 'approval'],
    areaId: AREA,
    invited: { kind: 'filter', scales: ['above', 'near'] },
    createdBy: { id: 'ad-xt-hitech', name: '卢鹏', role: 'area_admin' },
    createdAt: new Date(Date.parse(`${date}T01:00:00Z`) - 7 * DAY_MS).toISOString(),
  }))
}

/** Writes the demo series through the store (the environment must already name the table and endpoint). */
export async function seedExchangeEvents(now: Date): Promise<number> {
  const { putExchangeEventOnce } = await import('../../functions/store/exchange-event.store')
  let written = 0
  for (const event of demoExchangeEvents(now)) if (await putExchangeEventOnce(event)) written++
  return written
}
