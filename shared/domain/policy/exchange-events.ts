import type { Enterprise } from '../../schemas/catalog.schema'
import { mayFileOnBehalf } from './appeals'
import { mayAdministerArea } from './enterprises'
import { isAdmin, isAreaAdmin, isCityAdmin, isSpecialist, type RoleHolder, type Subject } from './subject'

/*
 * Exchange days (政企交流主题日 / 企业家接待日). An event belongs to an area (a park or district)
 * or, with areaId null, to the city. Its page is for the officials who work that area on site —
 * its specialists and its admins — and for the city admin; a city-level event is open to every
 * specialist and admin. Departments present at an event do not read its page: the problems raised
 * there reach them as co-handling tasks of the appeals, like any other appeal. Enterprise staff
 * never see the event; they see the appeals filed for their enterprise (专员代提).
 */
type AreaSubject = RoleHolder & Pick<Subject, 'areaId'>
type EventScope = { areaId: string | null }

/** Scheduling an event: an area admin for their own area, the city admin for any area or the city. */
export const mayScheduleExchangeEvent = (subject: AreaSubject, areaId: string | null): boolean =>
  areaId === null ? isCityAdmin(subject) : mayAdministerArea(subject, areaId)

/** Whether to offer 新建交流日 at all: area and city admins (each then for the scopes above). */
export const mayScheduleExchangeEvents = (who: RoleHolder | null | undefined): boolean => isAdmin(who)

/** Who works with exchange days at all (the events list, the entry on 我的): specialists and admins. */
export const mayUseExchangeEvents = (who: RoleHolder | null | undefined): boolean => isSpecialist(who) || isAreaAdmin(who) || isCityAdmin(who)

/** Opening an event's page (its tallies and problems); anyone else is told it does not exist. */
export const maySeeExchangeEvent = (subject: AreaSubject, event: EventScope): boolean => {
  if (isCityAdmin(subject)) return true
  if (!isSpecialist(subject) && !isAreaAdmin(subject)) return false
  return event.areaId === null || event.areaId === subject.areaId
}

/**
 * Recording a problem raised at the event for an enterprise (an on-behalf filing with channel
 * `event`): one who sees the event and may file for that enterprise, when the enterprise is of the
 * event's area (any area for a city-level event).
 */
export const mayRecordAtExchangeEvent = (subject: Subject, event: EventScope, enterprise: Pick<Enterprise, 'areaId' | 'specialistId'>): boolean =>
  maySeeExchangeEvent(subject, event) && (event.areaId === null || enterprise.areaId === event.areaId) && mayFileOnBehalf(subject, enterprise)

/**
 * Which events a list shows: an area's specialist or admin their own area's and the city's; the
 * city admin every event, or one area's (with the city's) when they name it. Naming another area
 * is refused; those outside the work have none.
 */
export type ExchangeEventReach = { kind: 'city' } | { kind: 'area'; areaId: string } | { kind: 'cityLevelOnly' } | { kind: 'refused'; why: 'other_area' | 'not_official' }

export function exchangeEventReach(subject: AreaSubject, areaId: string | undefined): ExchangeEventReach {
  if (isCityAdmin(subject)) return areaId ? { kind: 'area', areaId } : { kind: 'city' }
  if (!mayUseExchangeEvents(subject)) return { kind: 'refused', why: 'not_official' }
  if (!subject.areaId) return areaId ? { kind: 'refused', why: 'other_area' } : { kind: 'cityLevelOnly' }
  if (areaId && areaId !== subject.areaId) return { kind: 'refused', why: 'other_area' }
  return { kind: 'area', areaId: subject.areaId }
}
