import { isCityAdmin, isOfficial, type RoleHolder } from './subject'

type Who = RoleHolder | null | undefined

/** Reading where each year's working days come from: any official (deadlines are theirs to keep). */
export const mayViewCalendar = (who: Who): boolean => isOfficial(who)

/** Loading a year's official holiday schedule (工作日历): the city office, which owns the calendar. */
export const mayLoadCalendarYear = (who: Who): boolean => isCityAdmin(who)

/** Editing the routing table (诉求类别与时限) and reading its audit trail: the city office, which owns the rules. */
export const mayEditRouting = (who: Who): boolean => isCityAdmin(who)
