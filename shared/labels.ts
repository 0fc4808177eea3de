import type { AppealActionType, AppealEventType, AppealStatus, Channel, EscalationCause, Outcome, Rating, TaskStatus } from './schemas/appeal.schema'
import type { DeliveryStatus, NotificationKind } from './schemas/notification.schema'
import type { BindingStatus } from './schemas/user.schema'
import type { Role } from './schemas/common.schema'
import type { Industry, Scale } from './schemas/catalog.schema'

/** Chinese names shown to people; code keeps the English names of DESIGN §2. */
export const STATUS_LABEL: Record<AppealStatus, string> = {
  submitted: '待分派',
  assigned: '待受理',
  in_progress: '办理中',
  responded: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
}

export const ACTION_LABEL: Record<AppealActionType, string> = {
  accept: '受理',
  note: '记录进展',
  respond: '答复',
  evaluate: '评价',
  withdraw: '撤回',
  'co-handle': '请部门协办',
  'accept-task': '接收协办',
  'reply-task': '回复协办意见',
  transfer: '转办',
  escalate: '提级督办',
  extend: '延期',
  'request-material': '请企业补充材料',
  'supply-material': '补充材料',
  'set-measure': '填写解决措施',
  'call-evaluate': '记录回访评价',
  reopen: '重新办理',
}

export const EVENT_LABEL: Record<AppealEventType, string> = {
  submit: '提交诉求',
  accept: '专员受理',
  note: '办理进展',
  respond: '答复企业',
  evaluate: '企业评价',
  reopen: '不满意，重新办理',
  withdraw: '企业撤回',
  reassign: '更换专员',
  verify_filer: '核实联系人身份',
  recount_deadline: '按正式日历重算时限',
  co_handle: '请部门协办',
  accept_task: '协办单位接收任务',
  reply_task: '协办单位回复',
  transfer: '转办',
  escalate: '提级督办',
  extend: '延长办理时限',
  request_material: '请企业补充材料',
  supply_material: '企业补充材料',
  overdue: '超过办理时限',
  due_soon: '办理时限将至，已提醒专员',
  auto_close: '超期未评价，自动办结',
  set_measure: '确定解决措施',
  call_evaluate: '电话回访评价',
  office_reopen: '督办要求重新办理',
  common_linked: '并入共性问题',
  common_unlinked: '移出共性问题',
}

export const TASK_STATUS_LABEL: Record<TaskStatus, string> = { open: '待接收', accepted: '协办中', replied: '已回复' }

/** DESIGN §4: escalation levels and who supervises at each. */
export const LEVEL_LABEL: Record<number, string> = { 0: '专员办理', 1: '属地督办', 2: '市级督办' }

export const ESCALATION_CAUSE_LABEL: Record<EscalationCause, string> = {
  hard_case: '疑难诉求',
  overdue: '超期未办',
  reopen: '企业不满意',
  admin: '管理员提级',
}

export const OUTCOME_LABEL: Record<Outcome, string> = {
  resolved: '已解决',
  partly: '部分解决',
  cannot: '暂无法解决',
}

export const RATING_LABEL: Record<Rating, string> = {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
}

export const ROLE_LABEL: Record<Role | 'system', string> = {
  staff: '企业联系人',
  specialist: '企业服务专员',
  department_handler: '部门经办人',
  taskforce_handler: '行业专班',
  area_admin: '属地管理员',
  city_admin: '市级管理员',
  system: '系统',
}

export const BINDING_STATUS_LABEL: Record<BindingStatus, string> = {
  pending: '待核实',
  approved: '已绑定',
  rejected: '未通过',
  revoked: '已解除',
}

export const INDUSTRY_LABEL: Record<Industry, string> = {
  industry: '工业',
  construction: '建筑业',
  retail: '批零住餐',
  services: '服务业',
  agriculture: '农业',
}

export const SCALE_LABEL: Record<Scale, string> = { above: '规上', near: '临规', other: '其他' }

/** How an appeal reached the system: filed in the mini-program, or recorded by a specialist. */
export const CHANNEL_LABEL: Record<Channel, string> = { miniapp: '小程序', visit: '上门走访', phone: '电话', event: '交流活动' }

/** What an appeal filed by an official for the enterprise is marked with in every list and on its page. */
export const ON_BEHALF_LABEL = '专员代提'

/** The inbox's name for each kind of notification (a filter chip, an icon's caption). */
export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  new_appeal: '新诉求',
  co_handle_task: '协办任务',
  transferred: '转办',
  escalated: '提级督办',
  due_soon: '即将到期',
  overdue: '已超期',
  evaluated: '企业评价',
  accepted: '已受理',
  responded: '已答复',
  material_requested: '补充材料',
  deadline_extended: '时限延长',
  digest_ready: '督办周报',
  export_ready: '报表导出',
  filed_on_behalf: '专员代提',
  policy_sent: '送政策',
}

/** Where a WeChat push of a notification stands; the inbox has the notification either way. */
export const DELIVERY_STATUS_LABEL: Record<DeliveryStatus, string> = {
  sending: '推送中',
  sent: '已推送',
  no_openid: '未绑定微信，仅站内消息',
  no_budget: '订阅次数已用完，仅站内消息',
  refused: '用户未订阅，仅站内消息',
  flagged: '内容待审核，未推送',
  retry: '微信繁忙，稍后重试',
  failed: '推送失败，仅站内消息',
}
