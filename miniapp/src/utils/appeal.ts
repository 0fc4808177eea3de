import type { Appeal, AppealStatus } from '@shared/schemas/appeal.schema'

/** States in which the resolution deadline no longer runs. */
const CLOCK_STOPPED: readonly AppealStatus[] = ['responded', 'closed', 'withdrawn']

export function isOverdue(appeal: Pick<Appeal, 'status' | 'dueAt'>, now: Date = new Date()): boolean {
  if (CLOCK_STOPPED.indexOf(appeal.status) >= 0) return false
  const due = Date.parse(appeal.dueAt)
  return !Number.isNaN(due) && now.getTime() > due
}

/** The deadline as the lists show it: 办理时限 11月30日, with （暂定） and 已超期 when they apply. */
export function deadlineParts(appeal: Pick<Appeal, 'status' | 'dueAt' | 'deadlineProvisional'>, now: Date = new Date()) {
  return { provisional: appeal.deadlineProvisional === true, overdue: isOverdue(appeal, now) }
}

/** The current holder as people say it: the specialist's name, or the area's duty queue. */
export function holderName(appeal: Pick<Appeal, 'ownerName'>): string {
  return appeal.ownerName ?? '属地待分派'
}

const LEVEL_LABEL: Record<number, string> = { 1: '已提级至属地', 2: '已提级至市级' }

export function levelLabel(level: number): string | null {
  return LEVEL_LABEL[level] ?? null
}
