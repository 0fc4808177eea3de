/**
 * Dates as an admin types them from the State Council's notice: one per line or separated by
 * commas, and holiday periods as ranges — `2027-02-06 至 2027-02-13` or `2027-02-06~2027-02-13`.
 */
export interface DateList {
  dates: string[]
  /** Chinese, one per piece that is not a date or a range. */
  errors: string[]
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const DAY_MS = 86_400_000
const MAX_RANGE_DAYS = 31

const isRealDate = (text: string) => DATE.test(text) && new Date(`${text}T00:00:00.000Z`).toISOString().startsWith(text)

export function parseDateList(text: string): DateList {
  const dates = new Set<string>()
  const errors: string[] = []
  const pieces = text
    .split(/[\n,，、;；]+/)
    .map((p) => p.trim())
    .filter(Boolean)
  for (const piece of pieces) {
    const [from, to, ...rest] = piece.split(/\s*(?:至|~|～|到)\s*/)
    if (rest.length > 0 || !from || !isRealDate(from) || (to !== undefined && !isRealDate(to))) {
      errors.push(`「${piece}」不是日期或日期区间`)
      continue
    }
    if (to === undefined) {
      dates.add(from)
      continue
    }
    const start = Date.parse(`${from}T00:00:00.000Z`)
    const end = Date.parse(`${to}T00:00:00.000Z`)
    if (end < start || (end - start) / DAY_MS > MAX_RANGE_DAYS) {
      errors.push(`「${piece}」的区间不正确`)
      continue
    }
    for (let day = start; day <= end; day += DAY_MS) dates.add(new Date(day).toISOString().slice(0, 10))
  }
  return { dates: [...dates].sort(), errors }
}
