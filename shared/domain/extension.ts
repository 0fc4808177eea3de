import { addWorkingDays, shanghaiDate, type WorkingCalendar } from './calendar'

/*
 * Which new resolution deadline an area or city admin may give an appeal (延期): a working day,
 * later than the current deadline, not in the past, and at most EXTENSION_MAX_DAYS working days
 * past the current deadline. One rule for the server, which enforces it, and the mini-program's
 * date picker, which offers only that range.
 */

/** An extension goes at most this many working days past the current deadline. */
export const EXTENSION_MAX_DAYS = 60

/** Said when the deadline is so far behind that no date is left to choose. */
export const EXTENSION_CLOSED = `原办理时限已过去 ${EXTENSION_MAX_DAYS} 个工作日以上，不能再延期`

export interface ExtensionWindow {
  /** The first date that may be chosen (YYYY-MM-DD, Shanghai): the first working day after the deadline, not before today. */
  first: string
  /** The last: the EXTENSION_MAX_DAYS-th working day after the deadline's day. */
  last: string
}

const DAY_MS = 86_400_000
const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10)
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** 11月6日, with the year when it is not the year of `now`: 2027年2月23日. */
function dateLabel(date: string, now: Date): string {
  const [year, month, day] = date.split('-').map(Number)
  const md = `${month}月${day}日`
  return String(year) === shanghaiDate(now).slice(0, 4) ? md : `${year}年${md}`
}

/** The last day an extension may reach: the EXTENSION_MAX_DAYS-th working day after the current deadline. */
export const lastExtensionDate = (currentDueAt: string, calendar: WorkingCalendar): string =>
  shanghaiDate(addWorkingDays(new Date(currentDueAt), EXTENSION_MAX_DAYS, calendar.isWorkday))

/**
 * The dates an extension may choose between, or null when there is none left (an appeal overdue
 * by more than EXTENSION_MAX_DAYS working days).
 */
export function extensionWindow(currentDueAt: string, now: Date, calendar: WorkingCalendar): ExtensionWindow | null {
  const last = lastExtensionDate(currentDueAt, calendar)
  const dayAfterDeadline = nextDate(shanghaiDate(new Date(currentDueAt)))
  const today = shanghaiDate(now)
  let first = dayAfterDeadline > today ? dayAfterDeadline : today
  while (first <= last && !calendar.isWorkday(first)) first = nextDate(first)
  return first <= last ? { first, last } : null
}

/**
 * Why `date` (YYYY-MM-DD, Shanghai) cannot be the new deadline, in Chinese to show under the date
 * field, or null when it can.
 */
export function extensionDateProblem(date: string, currentDueAt: string, now: Date, calendar: WorkingCalendar): string | null {
  if (!DATE.test(date)) return '请选择新的办结日期'
  const deadline = shanghaiDate(new Date(currentDueAt))
  if (date <= deadline) return `须晚于原办理时限 ${dateLabel(deadline, now)}`
  const today = shanghaiDate(now)
  const last = lastExtensionDate(currentDueAt, calendar)
  if (last < today) return EXTENSION_CLOSED
  if (date < today) return `不能早于今天（${dateLabel(today, now)}）`
  if (date > last) return `最晚可延至 ${dateLabel(last, now)}（原办理时限后 ${EXTENSION_MAX_DAYS} 个工作日）`
  if (!calendar.isWorkday(date)) return '该日不是工作日'
  return null
}
