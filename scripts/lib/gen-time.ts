import { addWorkingDays, shanghaiDate, workingDaysBetween, type WorkingCalendar } from '../../shared/domain/calendar'
import type { Random } from './gen-random'

/*
 * When generated things happen: people file and act on working days in office hours
 * (08:30–12:00, 14:00–17:30 Shanghai time), counted on the same working calendar as the deadlines.
 */

const MINUTE = 60_000
const MORNING = { from: 8 * 60 + 30, minutes: 210 }
const AFTERNOON = { from: 14 * 60, minutes: 210 }

/** A random moment of office hours on a Shanghai date. */
export function officeTime(date: string, random: Random): Date {
  const slot = random.int(0, MORNING.minutes + AFTERNOON.minutes - 1)
  const minuteOfDay = slot < MORNING.minutes ? MORNING.from + slot : AFTERNOON.from + slot - MORNING.minutes
  const seconds = random.int(0, 59)
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0')
  const mm = String(minuteOfDay % 60).padStart(2, '0')
  return new Date(`${date}T${hh}:${mm}:${String(seconds).padStart(2, '0')}.000+08:00`)
}

/** The Shanghai date of the k-th working day after `from`'s day; k = 0: that day itself, or the next working day. */
export function workdayAfter(from: Date, k: number, calendar: WorkingCalendar): string {
  if (k > 0) return shanghaiDate(addWorkingDays(from, k, calendar.isWorkday))
  const today = shanghaiDate(from)
  return calendar.isWorkday(today) ? today : shanghaiDate(addWorkingDays(from, 1, calendar.isWorkday))
}

/** Every working day from `start`'s day to `end`'s day, both included, oldest first. */
export function workdaysBetween(start: Date, end: Date, calendar: WorkingCalendar): string[] {
  const days: string[] = []
  const last = shanghaiDate(end)
  for (let day = workdayAfter(start, 0, calendar); day <= last; day = workdayAfter(new Date(`${day}T12:00:00+08:00`), 1, calendar)) days.push(day)
  return days
}

/**
 * A moment `minDays`–`maxDays` working days after `from`, in office hours, and always after `from`
 * (a same-day pick that falls earlier becomes a few minutes to an hour and a half later).
 */
export function later(from: Date, minDays: number, maxDays: number, random: Random, calendar: WorkingCalendar): Date {
  const day = workdayAfter(from, random.int(minDays, maxDays), calendar)
  const at = officeTime(day, random)
  return at.getTime() > from.getTime() ? at : new Date(from.getTime() + random.int(5, 90) * MINUTE)
}

/** A working-day moment after `from` and on or before the day of `until` (just after `from` when nothing is left). */
export function before(from: Date, until: Date, random: Random, calendar: WorkingCalendar): Date {
  const span = Math.max(0, workingDaysBetween(from, until, calendar.isWorkday))
  const at = later(from, 0, span, random, calendar)
  return at.getTime() <= until.getTime() ? at : new Date(Math.max(from.getTime() + MINUTE, until.getTime() - random.int(1, 30) * MINUTE))
}

/** The next instant the scheduled sweep (every 10 minutes) runs after `instant`. */
export function nextSweepRun(instant: Date): Date {
  const period = 10 * MINUTE
  return new Date((Math.floor(instant.getTime() / period) + 1) * period)
}
