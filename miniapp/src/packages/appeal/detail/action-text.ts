import {
  callEvaluateActionSchema,
  coHandleActionSchema,
  measureRequestSchema,
  reopenActionSchema,
  escalateActionSchema,
  evaluateActionSchema,
  extendActionSchema,
  noteActionSchema,
  replyTaskActionSchema,
  requestMaterialActionSchema,
  respondActionSchema,
  supplyMaterialActionSchema,
  transferActionSchema,
  withdrawActionSchema,
  type AppealActionType,
} from '@shared/schemas/appeal.schema'

/** The words of each action's sheet. Escalation's title depends on who escalates (see actionButtonLabel). */
export const TITLE: Record<AppealActionType, string> = {
  accept: '受理诉求',
  note: '记录进展',
  respond: '答复企业',
  evaluate: '评价办理结果',
  withdraw: '撤回诉求',
  'co-handle': '请部门协办',
  'accept-task': '接收协办任务',
  'reply-task': '回复协办意见',
  transfer: '转办',
  escalate: '提级督办',
  extend: '延长办理时限',
  'request-material': '请企业补充材料',
  'supply-material': '补充材料',
  'set-measure': '解决措施',
  'call-evaluate': '记录回访评价',
  reopen: '重新办理',
}

export const SUBMIT_LABEL: Record<AppealActionType, string> = {
  accept: '确认受理',
  note: '保存进展',
  respond: '提交答复',
  evaluate: '提交评价',
  withdraw: '确认撤回',
  'co-handle': '发送协办请求',
  'accept-task': '确认接收',
  'reply-task': '提交协办意见',
  transfer: '确认转办',
  escalate: '确认提级',
  extend: '确认延期',
  'request-material': '发送通知',
  'supply-material': '提交',
  'set-measure': '保存措施',
  'call-evaluate': '提交评价',
  reopen: '确认重新办理',
}

/** The free-text box's label; empty for actions without one. */
export const TEXT_LABEL: Record<AppealActionType, string> = {
  accept: '',
  note: '进展说明',
  respond: '答复内容',
  evaluate: '评价意见（选填）',
  withdraw: '撤回原因',
  'co-handle': '协办事项',
  'accept-task': '',
  'reply-task': '协办意见',
  transfer: '转办原因',
  escalate: '提级原因',
  extend: '延期原因',
  'request-material': '所需材料',
  'supply-material': '材料说明',
  'set-measure': '解决措施',
  'call-evaluate': '企业的意见（选填）',
  reopen: '重新办理原因',
}

export const PLACEHOLDER: Record<AppealActionType, string> = {
  accept: '',
  note: '记录已做的工作、下一步安排或需要企业补充的材料',
  respond: '向企业说明办理结果和依据',
  evaluate: '说说您对办理过程和结果的看法',
  withdraw: '请说明撤回的原因',
  'co-handle': '说明需要协办单位做什么，如：请核实线路容量并给出接入方案',
  'accept-task': '',
  'reply-task': '向承办专员说明办理情况和意见（企业看不到协办意见）',
  transfer: '如：诉求涉及其他园区的事项，由对口专员办理',
  escalate: '说明疑难之处，以及需要上级协调解决的事项',
  extend: '说明需要延长办理时限的原因',
  'request-material': '列出企业需要补充的材料，如：营业执照副本、用电负荷表',
  'supply-material': '说明补充了哪些材料，照片和文件可在下方添加',
  'set-measure': '要做什么，如：协调供电公司 12 月底前完成线路改造',
  'call-evaluate': '记录电话中企业对办理结果的看法',
  reopen: '如：回访时企业表示问题并未解决，需要继续协调',
}

/** The evaluation's text box when the rating is 不满意: the reason, required (see evaluationCommentProblem). */
export const UNSATISFIED_TEXT = { label: '不满意的原因', required: true, placeholder: '请写明哪些问题没有解决、还需要怎样办理' }

/** Length limits read from the shared schemas, so the counter and the API agree. */
export const TEXT_MAX: Record<AppealActionType, number> = {
  accept: 0,
  note: noteActionSchema.shape.message.maxLength ?? 1000,
  respond: respondActionSchema.shape.message.maxLength ?? 1000,
  evaluate: evaluateActionSchema.shape.comment.unwrap().maxLength ?? 500,
  withdraw: withdrawActionSchema.shape.reason.maxLength ?? 200,
  'co-handle': coHandleActionSchema.shape.message.maxLength ?? 500,
  'accept-task': 0,
  'reply-task': replyTaskActionSchema.shape.message.maxLength ?? 1000,
  transfer: transferActionSchema.shape.reason.maxLength ?? 200,
  escalate: escalateActionSchema.shape.reason.maxLength ?? 200,
  extend: extendActionSchema.shape.reason.maxLength ?? 200,
  'request-material': requestMaterialActionSchema.shape.message.maxLength ?? 500,
  'supply-material': supplyMaterialActionSchema.shape.message.maxLength ?? 1000,
  'set-measure': measureRequestSchema.shape.text.maxLength ?? 300,
  'call-evaluate': callEvaluateActionSchema.shape.comment.unwrap().maxLength ?? 500,
  reopen: reopenActionSchema.shape.reason.maxLength ?? 200,
}

export const MEASURE_UNIT_MAX = measureRequestSchema.shape.unit.maxLength ?? 60

export const OPEN_TASK_REASON_MAX = respondActionSchema.shape.openTaskReason.unwrap().maxLength ?? 200
