import type { Industry } from '../schemas/catalog.schema'
import type { SectorLine, Threshold } from '../schemas/upgrade.schema'

/*
 * The thresholds of the statistics (规模以上企业统计标准) as seeded. They are data: the city
 * admin edits them (POST /api/upgrade/thresholds), and what is stored wins over these.
 */
const NBS = '国家统计局《统计上大中小微型企业划分办法（2017）》及规模以上企业统计标准'

export const DEFAULT_THRESHOLDS: readonly Threshold[] = [
  { sector: 'industry', label: '工业', revenue: 2000, measure: '年主营业务收入', source: `${NBS}：规模以上工业为年主营业务收入 2000 万元及以上的工业法人单位` },
  { sector: 'construction', label: '建筑业', measure: '资质等级', source: `${NBS}：有总承包或专业承包资质的建筑业法人单位纳入统计（按资质认定，不以营业收入为门槛）` },
  { sector: 'wholesale', label: '批发业', revenue: 2000, measure: '年主营业务收入', source: `${NBS}：限额以上批发业为年主营业务收入 2000 万元及以上` },
  { sector: 'retail', label: '零售业', revenue: 500, measure: '年主营业务收入', source: `${NBS}：限额以上零售业为年主营业务收入 500 万元及以上` },
  { sector: 'accommodation', label: '住宿业', revenue: 200, measure: '年主营业务收入', source: `${NBS}：限额以上住宿业为年主营业务收入 200 万元及以上` },
  { sector: 'catering', label: '餐饮业', revenue: 200, measure: '年主营业务收入', source: `${NBS}：限额以上餐饮业为年主营业务收入 200 万元及以上` },
  {
    sector: 'services-a',
    label: '服务业（交通运输、仓储邮政、信息软件、租赁和商务服务、科研技术、水利环境、卫生）',
    revenue: 2000,
    measure: '年营业收入',
    source: `${NBS}：规模以上服务业中交通运输、仓储和邮政业，信息传输、软件和信息技术服务业，租赁和商务服务业，科学研究和技术服务业，水利、环境和公共设施管理业，卫生行业为年营业收入 2000 万元及以上`,
  },
  {
    sector: 'services-b',
    label: '服务业（房地产业（不含开发经营）、居民服务修理、文化体育娱乐、教育、物业管理）',
    revenue: 1000,
    measure: '年营业收入',
    source: `${NBS}：规模以上服务业中房地产业（不含房地产开发经营）、居民服务修理和其他服务业、文化体育和娱乐业、教育、物业管理为年营业收入 1000 万元及以上`,
  },
  { sector: 'services-c', label: '服务业（其他行业）', revenue: 500, measure: '年营业收入', source: `${NBS}：规模以上服务业其他行业为年营业收入 500 万元及以上` },
]

export const SECTOR_LABELS: Record<SectorLine, string> = {
  industry: '工业',
  construction: '建筑业',
  wholesale: '批发业',
  retail: '零售业',
  accommodation: '住宿业',
  catering: '餐饮业',
  'services-a': '服务业（2000 万元档）',
  'services-b': '服务业（1000 万元档）',
  'services-c': '服务业（500 万元档）',
}

/** The sector line an enterprise starts on, from the roster's industry; the specialist corrects it. */
export function defaultSectorLine(industry: Industry): SectorLine {
  switch (industry) {
    case 'industry':
      return 'industry'
    case 'construction':
      return 'construction'
    case 'retail':
      return 'retail'
    default:
      return 'services-c'
  }
}

/** The stored thresholds over the defaults: a stored line replaces its default, the others stay. */
export function thresholdsWith(stored: readonly Threshold[]): Threshold[] {
  return DEFAULT_THRESHOLDS.map((line) => stored.find((s) => s.sector === line.sector) ?? line)
}

export function thresholdOf(thresholds: readonly Threshold[], sector: SectorLine): Threshold {
  const found = thresholds.find((t) => t.sector === sector) ?? DEFAULT_THRESHOLDS.find((t) => t.sector === sector)
  if (!found) throw new Error(`no threshold for ${sector}`)
  return found
}
