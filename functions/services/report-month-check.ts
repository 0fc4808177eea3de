import { ValidationError } from '@shared/errors'
import { monthOf } from '@shared/domain/report-month'

/** A report of a month that has not begun yet would be all zeros: say so instead. */
export function assertMonthBegun(month: string, now: Date): void {
  if (month > monthOf(now)) throw new ValidationError('查询条件有误，请检查后重试', { month: '不能选择尚未开始的月份' })
}
