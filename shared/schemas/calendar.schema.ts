import * as z from 'zod'

const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' })
const weekday = (date: string) => new Date(`${date}T00:00:00.000Z`).getUTCDay()

/**
 * One year's published schedule (国务院办公厅关于某年部分节假日安排的通知), as a city admin loads it:
 * every day off (holiday periods in full, weekends inside them included) and every weekend day
 * that becomes a working day (调休上班).
 */
export const yearScheduleSchema = z
  .object({
    year: z.number({ message: '请填写年份' }).int('年份必须是整数').min(2000, '年份不正确').max(2100, '年份不正确'),
    holidays: z.array(isoDate).min(1, '请至少填写一个放假日期').max(80, '放假日期过多'),
    workdays: z.array(isoDate).max(20, '调休上班日期过多'),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    const outside = (date: string) => !date.startsWith(`${schedule.year}-`)
    schedule.holidays.forEach((date, i) => {
      if (outside(date)) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `${date} 不在 ${schedule.year} 年内` })
    })
    schedule.workdays.forEach((date, i) => {
      if (outside(date)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${date} 不在 ${schedule.year} 年内` })
      else if (weekday(date) !== 0 && weekday(date) !== 6) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${date} 不是周末，无需调休上班` })
      if (schedule.holidays.includes(date)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${date} 同时被填为放假和上班` })
    })
    if (new Set(schedule.holidays).size !== schedule.holidays.length) ctx.addIssue({ code: 'custom', path: ['holidays'], message: '放假日期有重复' })
  })
  .meta({ id: 'YearSchedule' })
export type YearSchedule = z.infer<typeof yearScheduleSchema>

export const calendarYearSchema = z
  .object({
    year: z.number().int(),
    source: z.enum(['package', 'override', 'provisional']).meta({ description: 'Where the year’s working days come from' }),
    loadedBy: z.string().optional(),
    loadedAt: z.string().optional(),
    holidays: z.array(z.string()).optional(),
    workdays: z.array(z.string()).optional(),
  })
  .meta({ id: 'CalendarYear' })
export type CalendarYear = z.infer<typeof calendarYearSchema>
