import { MAX_EMPLOYEES, MAX_REVENUE_WAN } from '../schemas/upgrade.schema'
import { normalizeCreditCode } from './credit-code'

/**
 * Planning an import of monthly figures (升规月度数据) for a whole park: one row per
 * enterprise-month. Without any I/O, this decides for each row whether it creates a month,
 * updates one, changes nothing or is invalid (with every reason, in Chinese), so the admin reviews
 * the plan before anything is written.
 * Steps per row: normalise the cells → find the enterprise by credit code or id → check it is in
 * the admin's areas → check month and values as the monthly form does → compare with what is
 * stored. Then, per enterprise and year, the year-to-date revenue of the stored months as the
 * import would leave them must not fall from one month to the next.
 */

export interface FigureImportRow {
  /** Spreadsheet row number, header = 1. */
  row: number
  /** 统一社会信用代码 or the enterprise id (en-…). */
  enterprise: string
  month: string
  revenueYtd: string
  lastYearRevenue: string
  employees: string
}

export type FigureImportField = Exclude<keyof FigureImportRow, 'row'>

export interface FigureImportColumn {
  key: FigureImportField
  header: string
  required: boolean
  example: string
  help: string
}

export const FIGURE_IMPORT_COLUMNS: readonly FigureImportColumn[] = [
  { key: 'enterprise', header: '统一社会信用代码', required: true, example: '91430304MA4R2K8L3L', help: '18 位统一社会信用代码，也可填系统中的企业编号（en-…）' },
  { key: 'month', header: '月份', required: true, example: '2026-10', help: '格式 YYYY-MM，如 2026-10；不能是未来月份' },
  { key: 'revenueYtd', header: '本年累计营业收入（万元）', required: true, example: '1250.5', help: '当年 1 月至该月的累计，单位万元' },
  { key: 'lastYearRevenue', header: '上年营业收入（万元）', required: false, example: '1500', help: '上年全年营业收入，单位万元；不知道可留空' },
  { key: 'employees', header: '从业人员', required: true, example: '68', help: '该月末从业人员数，整数' },
]

/** Other headers admins write for the same columns. */
export const FIGURE_IMPORT_ALIASES: Record<string, FigureImportField> = {
  企业编号: 'enterprise',
  信用代码: 'enterprise',
  统一社会信用代码或企业编号: 'enterprise',
  本年累计营业收入: 'revenueYtd',
  累计营业收入: 'revenueYtd',
  上年营业收入: 'lastYearRevenue',
  上年全年营业收入: 'lastYearRevenue',
  从业人数: 'employees',
  从业人员数: 'employees',
}

export const MAX_FIGURE_IMPORT_ROWS = 5000
/** A figure this many years back is closed by the statistics, as with the monthly form. */
export const FIGURE_IMPORT_OLDEST_YEARS = 3

export interface ImportEnterprise {
  id: string
  creditCode: string
  name: string
  areaId: string
  specialistId: string | null
}

export interface StoredFigure {
  month: string
  revenueYtd: number
  lastYearRevenue?: number
  employees: number
}

export interface FigureImportContext {
  /** Every enterprise the import may name (all areas, so another area's is recognised and refused). */
  enterprises: readonly ImportEnterprise[]
  /** Area ids the admin may import for; 'all' for the city admin. */
  scope: readonly string[] | 'all'
  /** Stored figures of the enterprises the file names. */
  figures: ReadonlyMap<string, readonly StoredFigure[]>
  /** The current month (YYYY-MM, Shanghai). */
  thisMonth: string
}

export type FigureRowAction = 'create' | 'update' | 'unchanged' | 'invalid'

export interface FigureRowPlan {
  row: number
  enterpriseId?: string
  enterpriseName?: string
  month: string
  action: FigureRowAction
  /** Chinese, one per changed value, e.g. '本年累计营业收入：700 → 720'. */
  changes: string[]
  errors: { field: FigureImportField; message: string }[]
}

export interface FigureImportValues {
  enterpriseId: string
  month: string
  revenueYtd: number
  lastYearRevenue?: number
  employees: number
}

export interface FigureImportPlan {
  rows: FigureRowPlan[]
  summary: Record<FigureRowAction, number>
  /** The rows to write (create and update), in file order. */
  writes: FigureImportValues[]
}

const clean = (value: string): string => value.replace(/\s+/g, ' ').trim()

/** '1,250.5', '１２５０' and ' 1250 ' are the same number; anything else is not a number. */
export function parseNumberCell(text: string): number | undefined {
  const ascii = clean(text)
    .replace(/[０-９．，－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/,/g, '')
  if (!/^-?\d+(\.\d+)?$/.test(ascii)) return undefined
  return Number(ascii)
}

/** '2026-10', '2026/10', '2026.10', '2026年10月', '2026-10-01' → '2026-10'; otherwise undefined. */
export function parseMonthCell(text: string): string | undefined {
  const match = /^(20\d\d)\s*[-/.年]\s*(\d{1,2})\s*(月)?(\s*[-/.]\s*\d{1,2}\s*日?)?$/.exec(clean(text))
  if (!match) return undefined
  const month = Number(match[2])
  if (month < 1 || month > 12) return undefined
  return `${match[1]}-${String(month).padStart(2, '0')}`
}

const HEADER = Object.fromEntries(FIGURE_IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<FigureImportField, string>
const money = (field: 'revenueYtd' | 'lastYearRevenue', text: string, errors: FigureRowPlan['errors']): number | undefined => {
  const name = field === 'revenueYtd' ? '本年累计营业收入' : '上年营业收入'
  const value = parseNumberCell(text)
  if (value === undefined) errors.push({ field, message: `${name}应为数字（万元）` })
  else if (value < 0) errors.push({ field, message: `${name}不能为负数` })
  else if (value > MAX_REVENUE_WAN) errors.push({ field, message: `${name}超出合理范围，请核对单位（万元）` })
  else return Math.round(value * 100) / 100
  return undefined
}

const mayImportFor = (scope: FigureImportContext['scope'], areaId: string) => scope === 'all' || scope.includes(areaId)

export function planFigureImport(rows: readonly FigureImportRow[], context: FigureImportContext): FigureImportPlan {
  const byCode = new Map(context.enterprises.map((e) => [e.creditCode, e]))
  const byId = new Map(context.enterprises.map((e) => [e.id, e]))
  const oldest = `${Number(context.thisMonth.slice(0, 4)) - FIGURE_IMPORT_OLDEST_YEARS}-01`
  const seen = new Map<string, number>()
  const plans: FigureRowPlan[] = []
  const values = new Map<FigureRowPlan, FigureImportValues>()

  for (const raw of rows) {
    const errors: FigureRowPlan['errors'] = []
    const key = clean(raw.enterprise)
    let enterprise: ImportEnterprise | undefined
    if (!key) errors.push({ field: 'enterprise', message: '请填写统一社会信用代码或企业编号' })
    else {
      enterprise = /^en-/i.test(key) ? byId.get(key.toLowerCase()) : byCode.get(normalizeCreditCode(key))
      if (!enterprise) errors.push({ field: 'enterprise', message: '未找到该企业，请核对统一社会信用代码或企业编号' })
      else if (!mayImportFor(context.scope, enterprise.areaId)) {
        errors.push({ field: 'enterprise', message: '该企业不在您管理的属地，不能导入' })
        enterprise = undefined
      }
    }

    const monthText = clean(raw.month)
    const month = parseMonthCell(monthText)
    if (!monthText) errors.push({ field: 'month', message: '请填写月份（YYYY-MM）' })
    else if (!month) errors.push({ field: 'month', message: '月份格式应为 YYYY-MM，如 2026-10' })
    else if (month > context.thisMonth) errors.push({ field: 'month', message: '不能导入未来月份的数据' })
    else if (month < oldest) errors.push({ field: 'month', message: `只能导入 ${FIGURE_IMPORT_OLDEST_YEARS} 年内的数据` })

    const revenueYtd = clean(raw.revenueYtd) ? money('revenueYtd', raw.revenueYtd, errors) : (errors.push({ field: 'revenueYtd', message: '请填写本年累计营业收入（万元）' }), undefined)
    const lastYearRevenue = clean(raw.lastYearRevenue) ? money('lastYearRevenue', raw.lastYearRevenue, errors) : undefined
    let employees: number | undefined
    const employeesText = clean(raw.employees)
    if (!employeesText) errors.push({ field: 'employees', message: '请填写从业人员数' })
    else {
      const n = parseNumberCell(employeesText)
      if (n === undefined || !Number.isInteger(n)) errors.push({ field: 'employees', message: '从业人员应为整数' })
      else if (n < 0) errors.push({ field: 'employees', message: '从业人员不能为负数' })
      else if (n > MAX_EMPLOYEES) errors.push({ field: 'employees', message: '从业人员超出合理范围' })
      else employees = n
    }

    if (enterprise && month) {
      const slot = `${enterprise.id}|${month}`
      const first = seen.get(slot)
      if (first !== undefined) errors.push({ field: 'month', message: `与第 ${first} 行是同一企业的同一月份` })
      else seen.set(slot, raw.row)
    }

    const plan: FigureRowPlan = {
      row: raw.row,
      ...(enterprise ? { enterpriseId: enterprise.id, enterpriseName: enterprise.name } : {}),
      month: month ?? monthText,
      action: 'invalid',
      changes: [],
      errors,
    }
    plans.push(plan)
    if (errors.length === 0 && enterprise && month && revenueYtd !== undefined && employees !== undefined) {
      values.set(plan, { enterpriseId: enterprise.id, month, revenueYtd, ...(lastYearRevenue !== undefined ? { lastYearRevenue } : {}), employees })
    }
  }

  // Year to date within a year, over the months as the import would leave them.
  const merged = new Map<string, Map<string, { revenueYtd: number; plan?: FigureRowPlan }>>()
  for (const [enterpriseId, figures] of context.figures) {
    merged.set(enterpriseId, new Map(figures.map((f) => [f.month, { revenueYtd: f.revenueYtd }])))
  }
  for (const [plan, v] of values) {
    const months = merged.get(v.enterpriseId) ?? new Map()
    months.set(v.month, { revenueYtd: v.revenueYtd, plan })
    merged.set(v.enterpriseId, months)
  }
  for (const months of merged.values()) {
    const sorted = [...months.entries()].sort(([a], [b]) => a.localeCompare(b))
    for (let i = 1; i < sorted.length; i++) {
      const [prevMonth, prev] = sorted[i - 1]!
      const [month, current] = sorted[i]!
      if (prevMonth.slice(0, 4) !== month.slice(0, 4) || current.revenueYtd >= prev.revenueYtd) continue
      const message = `本年累计营业收入（${current.revenueYtd} 万元）少于 ${prevMonth} 的累计（${prev.revenueYtd} 万元），同一年内累计不能减少`
      const blamed = current.plan ?? prev.plan
      if (blamed && !blamed.errors.some((e) => e.field === 'revenueYtd')) {
        blamed.errors.push({ field: 'revenueYtd', message: current.plan ? message : `本年累计营业收入（${prev.revenueYtd} 万元）多于 ${month} 已有的累计（${current.revenueYtd} 万元），同一年内累计不能减少` })
      }
    }
  }

  const writes: FigureImportValues[] = []
  for (const plan of plans) {
    const v = values.get(plan)
    if (!v || plan.errors.length > 0) continue
    const stored = context.figures.get(v.enterpriseId)?.find((f) => f.month === v.month)
    if (!stored) {
      plan.action = 'create'
      writes.push(v)
      continue
    }
    const changes: string[] = []
    if (stored.revenueYtd !== v.revenueYtd) changes.push(`${HEADER.revenueYtd}：${stored.revenueYtd} → ${v.revenueYtd}`)
    if (v.lastYearRevenue !== undefined && stored.lastYearRevenue !== v.lastYearRevenue) changes.push(`${HEADER.lastYearRevenue}：${stored.lastYearRevenue ?? '空'} → ${v.lastYearRevenue}`)
    if (stored.employees !== v.employees) changes.push(`${HEADER.employees}：${stored.employees} → ${v.employees}`)
    plan.changes = changes
    plan.action = changes.length > 0 ? 'update' : 'unchanged'
    if (changes.length > 0) writes.push({ ...v, ...(v.lastYearRevenue === undefined && stored.lastYearRevenue !== undefined ? { lastYearRevenue: stored.lastYearRevenue } : {}) })
  }

  const summary: Record<FigureRowAction, number> = { create: 0, update: 0, unchanged: 0, invalid: 0 }
  for (const plan of plans) summary[plan.action]++
  return { rows: plans, summary, writes }
}
