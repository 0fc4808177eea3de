import type { ActorRef, Appeal, AppealSource, Channel, MeasureRequest, OnBehalf } from '../schemas/appeal.schema'
import { monthDayLabel, shanghaiDate } from './calendar'

/*
 * 专员代提 (DESIGN §12): an official files a problem for the enterprise — by phone, from a visit
 * record, or at an exchange day — and the appeal says where it came from. Pure: the server looks
 * the visit or event up and hands it here.
 */

/** What the server found for the visit or event an on-behalf filing names (undefined: none such). */
export type FoundSource =
  | { kind: 'visit'; visit: { id: string; enterpriseId: string; visitedAt: string } | undefined }
  | { kind: 'event'; event: { id: string; areaId: string | null; title: string; date: string } | undefined }

/** What an on-behalf filing adds to the new appeal. */
export interface OnBehalfFacts {
  channel: Exclude<Channel, 'miniapp'>
  source?: AppealSource
  measure?: MeasureRequest
}

/**
 * Checks the named visit or event against the enterprise the problem is filed for; the field
 * error (path → Chinese message) when it does not fit, else what the appeal records.
 */
export function onBehalfFacts(
  onBehalf: OnBehalf,
  found: FoundSource | null,
  enterprise: { id: string; areaId: string },
): { ok: true; facts: OnBehalfFacts } | { ok: false; field: string; message: string } {
  switch (onBehalf.channel) {
    case 'phone':
      return { ok: true, facts: { channel: 'phone' } }
    case 'visit': {
      const visit = found?.kind === 'visit' ? found.visit : undefined
      if (!visit) return { ok: false, field: 'onBehalf.visitId', message: '走访记录不存在' }
      if (visit.enterpriseId !== enterprise.id) return { ok: false, field: 'onBehalf.visitId', message: '该走访记录不是这家企业的' }
      return { ok: true, facts: { channel: 'visit', source: { kind: 'visit', id: visit.id, label: `${monthDayLabel(visit.visitedAt)}走访` } } }
    }
    case 'event': {
      const event = found?.kind === 'event' ? found.event : undefined
      if (!event) return { ok: false, field: 'onBehalf.eventId', message: '交流活动不存在' }
      if (event.areaId !== null && event.areaId !== enterprise.areaId) return { ok: false, field: 'onBehalf.eventId', message: '该企业不属于这次交流活动的园区' }
      const source: AppealSource = { kind: 'event', id: event.id, label: `${event.title}（${event.date}）` }
      return { ok: true, facts: { channel: 'event', source, ...(onBehalf.measure ? { measure: onBehalf.measure } : {}) } }
    }
  }
}

/** A measure's 完成时限 may not be a day already past (Shanghai); the message, or null. */
export const measureDueProblem = (measure: Pick<MeasureRequest, 'dueDate'>, now: Date): string | null =>
  measure.dueDate < shanghaiDate(now) ? '完成时限不能早于今天' : null

/** The measure as the appeal keeps it: who agreed it and when. */
export const recordedMeasure = (measure: MeasureRequest, by: ActorRef, at: string): NonNullable<Appeal['measure']> => ({ ...measure, at, by })
