import type { Outcome, Rating } from '../../shared/schemas/appeal.schema'
import type { Random } from './gen-random'

/*
 * The words of generated appeals: what enterprises in the source reports ask for, per category
 * of the demo routing table, and what specialists and departments answer. Titles stay within
 * the 40 characters the form allows.
 */

interface Topic {
  title: string
  description: string
}

const TOPICS: Record<string, readonly Topic[]> = {
  power: [
    { title: '新厂房 10kV 线路接入', description: '新建二期厂房已竣工，需接入 10kV 专线，报装后一直未安排勘察，影响设备调试。' },
    { title: '高峰时段频繁停电', description: '近一个月车间高峰时段多次跳闸停电，生产线被迫停机，请协调排查线路负荷。' },
    { title: '申请增容 2000 千伏安', description: '订单增加需新增两条产线，现有变压器容量不足，申请增容并希望缩短办理周期。' },
  ],
  water: [
    { title: '厂区供水压力不足', description: '三楼以上车间水压不足，清洗工序无法正常进行，请协调水务集团检查管网。' },
    { title: '工业用水价格执行咨询', description: '我司被按商业用水计价，实际为生产用水，请核实用水性质并调整计价。' },
  ],
  land: [
    { title: '扩建用地指标申请', description: '企业计划扩建智能仓储中心，需新增用地约 30 亩，请指导用地预审和指标申请流程。' },
    { title: '土地证办理停滞', description: '厂区土地出让金已缴清两年，不动产权证一直未办下来，影响银行抵押贷款。' },
  ],
  hiring: [
    { title: '急招技术工人 50 名', description: '新订单急需数控操作工和焊工 50 名，请协助对接职业院校和人力资源市场。' },
    { title: '稳岗补贴申领咨询', description: '企业符合稳岗返还条件，线上申报提示信息不符，请协助核查申报材料。' },
    { title: '员工社保转移接续', description: '外省调入的技术骨干社保转移办理不顺，请协助打通转移接续手续。' },
  ],
  logistics: [
    { title: '夜班职工通勤公交', description: '园区夜班职工约 300 人，晚十点后无公交，请协调开通夜间通勤线路。' },
    { title: '货车进城通行证办理', description: '配送货车白天限行，影响向市区客户供货，请协助办理货车通行证。' },
  ],
  payout: [
    { title: '技改补贴未到位', description: '去年技术改造项目已通过验收，奖补资金至今未拨付，请协助催办。' },
    { title: '升规入统奖励兑现', description: '企业去年升规入统，按政策应享受一次性奖励，目前尚未兑现，请协调。' },
    { title: '研发费用加计扣除政策咨询', description: '请专员讲解研发费用加计扣除的适用范围和申报口径，避免申报出错。' },
  ],
  approval: [
    { title: '施工许可证审批进度', description: '新建厂房施工许可材料已提交一个月，系统仍显示审核中，请协调加快办理。' },
    { title: '环评批复办理', description: '扩产项目环评报告已报送，需尽快取得批复以便开工，请协助跟进。' },
    { title: '食品生产许可延续', description: '食品生产许可证下月到期，延续申请已提交，请协调现场核查时间。' },
  ],
  financing: [
    { title: '流动资金贷款对接', description: '原材料涨价导致流动资金紧张，需贷款 500 万元，请协助对接银行。' },
    { title: '应急转贷资金申请', description: '一笔银行贷款下月到期，申请使用应急转贷资金，请指导申请流程。' },
  ],
  'fire-safety': [
    { title: '消防验收多年未通过', description: '老厂房改造后消防验收因历史原因一直未通过，影响办理产权证，请协调解决。' },
    { title: '消防设计审查咨询', description: '新建仓库需做消防设计审查，请指导所需材料和办理时限。' },
  ],
  'talent-school': [
    { title: '引进人才子女入学', description: '引进的高级工程师子女需在市区就读小学，请协助协调学位。' },
    { title: '人才公寓申请', description: '企业新引进博士 3 名，申请入住人才公寓，请告知申请条件和流程。' },
  ],
  security: [
    { title: '园区周边治安巡逻', description: '厂区周边夜间发生多起电缆被盗，请协调加强夜间巡逻。' },
    { title: '厂区门口交通秩序', description: '上下班高峰厂区门口车辆乱停，存在安全隐患，请协调交警疏导。' },
  ],
  telecom: [
    { title: '厂区 5G 信号覆盖', description: '新厂区 5G 信号弱，影响智能产线调试，请协调运营商增设基站。' },
    { title: '千兆光纤接入', description: '企业申请千兆光纤专线，运营商称管线未通，请协调管线建设。' },
  ],
  'supply-chain': [
    { title: '本地配套供应商对接', description: '希望在市内寻找铝合金压铸配套企业，降低物流成本，请协助对接。' },
    { title: '产品进入龙头企业采购目录', description: '我司零部件已通过检测，希望对接本地整车企业采购部门。' },
  ],
  other: [
    { title: '企业更名后证照变更', description: '企业已完成更名，多项证照需同步变更，请指导一次办理的途径。' },
    { title: '参加政企座谈会', description: '希望参加本季度政企座谈会，当面反映企业发展中遇到的问题。' },
  ],
}

const FALLBACK: readonly Topic[] = [{ title: '企业经营诉求', description: '企业在生产经营中遇到困难，请专员协助协调相关部门解决。' }]

export const topicOf = (random: Random, categoryId: string): Topic => random.pick(TOPICS[categoryId] ?? FALLBACK)

export const NOTES = ['已电话联系企业了解详细情况', '已到企业现场查看，正在协调相关部门', '已与经办部门对接，等待反馈', '已将诉求报送分管领导']
export const TASK_REPLIES = ['已安排专人对接，按程序办理中', '经核实符合政策，已启动办理流程', '已与企业沟通，提出解决方案', '已现场勘察，拟于近期完成']
export const MATERIALS = ['请提供营业执照副本和项目备案文件', '请补充近三个月的用电（用水）账单', '请提供相关合同和付款凭证']
export const SUPPLIES = ['材料已上传，请查收', '已按要求补充相关证明文件']
export const HARD_CASE_REASONS = ['涉及多个部门、历史遗留问题，需属地统筹协调', '涉及规划调整，专员层面无法协调']
export const EXTENSION_REASONS = ['需等待上级部门批复，申请延长办理时限', '涉及现场施工，受天气影响需延期']
export const WITHDRAW_REASONS = ['问题已自行解决', '重复提交，撤回此件']
export const OPEN_TASK_REASONS = ['企业急需答复，协办部门意见后续补充']

export const RESPONSES: Record<Outcome, readonly string[]> = {
  resolved: ['经协调，问题已解决，请企业确认', '相关部门已办结，结果已告知企业'],
  partly: ['已部分解决，剩余事项纳入下阶段计划跟进', '已协调落实主要事项，其余需按程序办理'],
  cannot: ['经核实不符合现行政策条件，已向企业说明原因', '受客观条件限制暂无法解决，已提出替代方案'],
}

export const COMMENTS: Record<Rating, readonly string[]> = {
  satisfied: ['响应快，问题解决了，感谢专员', '', '办理高效，非常满意'],
  basically: ['基本解决，希望后续继续跟进', ''],
  unsatisfied: ['问题没有实质解决', '答复不具体，希望再协调'],
}
