import { rankSimilar } from '../../shared/domain/similar-appeals'
import type { Appeal } from '../../shared/schemas/appeal.schema'

/*
 * 相似诉求 at an area's size: open appeals of one category written from a few dozen problems,
 * each as several enterprises would put it (other words, other order, a detail of their own). The
 * suggestion for an appeal should list those of its own problem first: recall@5 says how many of
 * its own problem's other appeals the first five found (of as many as fit in five), and the
 * strays how many of the five belong to another problem although its own had more to show.
 */
const PROBLEMS: [string, string][] = [
  ['园区道路积水', '一下雨东路就积水，排水管网堵塞，货车进出困难'],
  ['厂区停电频繁', '这个月已经停电三次，线路老化，生产线被迫停工'],
  ['招工难', '订单增加，普工缺口大，希望组织专场招聘会'],
  ['贷款利率高', '流动资金贷款利率偏高，希望对接低息贷款和贴息政策'],
  ['消防验收慢', '新厂房消防验收排队两个月，影响投产'],
  ['子女入学难', '外地员工子女就近入学难，希望协调学位'],
  ['天然气供应不足', '冬季天然气限量，窑炉无法满负荷生产'],
  ['环评审批', '技改项目环评审批材料反复退回，希望一次性告知'],
  ['物流车辆限行', '货车白天限行，原料进厂时间受限'],
  ['网络信号差', '厂区手机信号差，宽带经常断线，影响订单系统'],
  ['补贴未到账', '去年申报的技改补贴至今未拨付到账'],
  ['用地指标', '扩建项目缺少用地指标，希望协调土地供应'],
  ['污水处理', '园区污水管网未接通，企业污水需外运处理成本高'],
  ['人才公寓', '引进的技术人员没有住处，希望提供人才公寓'],
  ['出口退税慢', '出口退税办理周期长，资金压力大'],
  ['道路破损', '进厂道路坑洼破损，雨天泥泞，车辆通行困难'],
  ['用水压力不足', '厂区供水压力不足，高峰期生产用水不够'],
  ['公交线路', '园区没有公交线路，员工上下班通勤不便'],
  ['安全培训', '希望组织安全生产培训，提升员工安全意识'],
  ['专精特新申报', '想申报专精特新，不清楚条件和材料，希望上门指导'],
]
const OPENERS = ['', '我们公司', '本企业', '反映一下，', '急！', '近期']
const TAILS = ['请尽快协调解决。', '希望政府帮助。', '已影响正常生产。', '请相关部门关注。', '盼复。']

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

function openAppeals(count: number): (Appeal & { problem: number })[] {
  return Array.from({ length: count }, (_, i) => {
    const problem = (i * 7) % PROBLEMS.length
    const [title, text] = PROBLEMS[problem]!
    const words = text.split('，')
    // Other enterprises say it in another order and leave a part out.
    const said = i % 3 === 0 ? words : i % 3 === 1 ? [...words].reverse() : words.slice(0, Math.max(1, words.length - 1))
    return {
      problem,
      id: `ap-bench-${i}`,
      number: `XT-20261201-${String(i).padStart(4, '0')}`,
      enterpriseId: `en-${1000 + i}`,
      enterpriseName: `企业${i}`,
      areaId: i % 4 === 0 ? 'xt-econ' : 'xt-hitech',
      categoryId: 'other',
      categoryName: '其他',
      title: `${OPENERS[i % OPENERS.length]}${title}${i % 2 === 0 ? '问题' : ''}`,
      description: `${OPENERS[(i + 2) % OPENERS.length]}${said.join('，')}。${TAILS[i % TAILS.length]}`,
      channel: 'miniapp',
      status: 'assigned',
      level: 0,
      ownerId: 'sp-007',
      ownerName: '徐慧萍',
      coHandlers: [],
      filedBy: { id: `u-${i}`, name: '联系人', role: 'staff' },
      createdAt: new Date(Date.UTC(2026, 11, 1) + i * 60_000).toISOString(),
      updatedAt: new Date(Date.UTC(2026, 11, 1) + i * 60_000).toISOString(),
      firstResponseDueAt: '2026-12-02T15:59:59.999Z',
      dueAt: '2026-12-08T15:59:59.999Z',
      reopenCount: 0,
      version: 1,
    }
  })
}

export async function benchCommonProblems(): Promise<string[]> {
  const lines: string[] = []
  for (const size of [100, 500]) {
    const appeals = openAppeals(size)
    const times: number[] = []
    let strays = 0
    let recall = 0
    const targets = appeals.slice(0, 100)
    for (const target of targets) {
      const started = performance.now()
      const similar = rankSimilar(target, appeals, 5)
      times.push(performance.now() - started)
      const same = similar.filter((s) => appeals.find((a) => a.id === s.appeal.id)!.problem === target.problem).length
      const others = appeals.filter((a) => a.problem === target.problem && a.id !== target.id).length
      recall += same / Math.min(5, others)
      strays += Math.min(5, others) - same
    }
    times.sort((a, b) => a - b)
    lines.push(
      `${String(size).padStart(4)} open appeals of one category, ${PROBLEMS.length} problems: recall@5 ${(recall / targets.length).toFixed(3)}, strays ${(strays / targets.length).toFixed(2)} per five, ` +
        `suggestion p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms (ranking only; the route adds one Query per area)`,
    )
  }
  return lines
}
